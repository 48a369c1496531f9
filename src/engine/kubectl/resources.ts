// Models k8s.io/cli-runtime/pkg/resource Builder argument handling (TYPE NAME..., TYPE/NAME, TYPE1,TYPE2, categories).
import type { ResourceDef } from '../api/types';
import type { KObject } from '../types';
import type { Env, RegistryLike } from './env';
import { fail, KubectlError } from './errors';

/** ResourceRequest is one type to act on, with names or (names undefined) the whole list. */
export interface ResourceRequest { def: ResourceDef; names?: string[] }

/** ResourceSelection is the parsed resource arguments. */
export interface ResourceSelection {
  requests: ResourceRequest[];
  /** singleItemImplied is true for exactly one `TYPE NAME` or `TYPE/NAME`. */
  singleItemImplied: boolean;
  /** multipleTypes is true when more than one resource type was asked for (printers add kind/ prefixes). */
  multipleTypes: boolean;
}

/** clientResource is the resource argument the typed Client expects ('pods', 'deployments.apps'). */
export function clientResource(def: ResourceDef): string {
  return def.group ? `${def.plural}.${def.group}` : def.plural;
}

/** groupVersion is 'v1' or 'apps/v1'. */
export function groupVersion(def: ResourceDef): string {
  return def.group ? `${def.group}/${def.version}` : def.version;
}

/** apiPath builds the REST path of a collection or object. */
export function apiPath(def: ResourceDef, ns: string | undefined, name?: string, sub?: string): string {
  let p = def.group ? `/apis/${def.group}/${def.version}` : `/api/${def.version}`;
  if (def.namespaced && ns) p += `/namespaces/${ns}`;
  p += `/${def.plural}`;
  if (name !== undefined) p += `/${name}`;
  if (sub) p += `/${sub}`;
  return p;
}

/** kindPrefix is the lower-cased `kind.group` kubectl prints before names (`deployment.apps`). */
export function kindPrefix(def: ResourceDef): string {
  return def.group ? `${def.kind.toLowerCase()}.${def.group}` : def.kind.toLowerCase();
}

/** qualifiedPlural is `pods` or `deployments.apps`, as used in messages like `pods/web`. */
export function qualifiedPlural(def: ResourceDef): string {
  return clientResource(def);
}

/** resolveType maps a type name to one resource or throws kubectl's unknown-type error. */
export function resolveType(registry: RegistryLike, typeName: string): ResourceDef {
  const found = registry.resolve(typeName);
  if (found.length) return found[0];
  throw fail(`the server doesn't have a resource type "${typeName}"`);
}

/** resolveTypes expands a (possibly comma-separated) type list, including categories like `all`. */
export function resolveTypes(registry: RegistryLike, arg: string): ResourceDef[] {
  const out: ResourceDef[] = [];
  for (const t of arg.split(',')) {
    if (!t) continue;
    const found = registry.resolve(t);
    if (found.length) { out.push(found[0]); continue; }
    const cat = registry.all().filter((d) => d.categories.includes(t.toLowerCase()));
    if (cat.length) { out.push(...cat); continue; }
    throw fail(`the server doesn't have a resource type "${t}"`);
  }
  const seen = new Set<string>();
  return out.filter((d) => { const k = `${d.group}/${d.plural}`; if (seen.has(k)) return false; seen.add(k); return true; });
}

/** parseResourceArgs interprets positional args as the resource Builder does. */
export function parseResourceArgs(env: Env, args: string[]): ResourceSelection {
  if (!args.length) return { requests: [], singleItemImplied: false, multipleTypes: false };
  const slash = args.filter((a) => a.includes('/'));
  if (slash.length) {
    if (slash.length !== args.length) {
      throw fail("there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>')");
    }
    const requests: ResourceRequest[] = [];
    for (const a of args) {
      const i = a.indexOf('/');
      const type = a.slice(0, i);
      const name = a.slice(i + 1);
      if (!name) throw fail(`arguments in resource/name form must have a single resource and name`);
      const def = resolveType(env.registry, type);
      const prev = requests.find((r) => r.def === def);
      if (prev) prev.names!.push(name); else requests.push({ def, names: [name] });
    }
    return { requests, singleItemImplied: args.length === 1, multipleTypes: requests.length > 1 };
  }
  const defs = resolveTypes(env.registry, args[0]);
  const names = args.slice(1);
  if (names.length && defs.length > 1 && args[0].split(',').some((t) => !env.registry.resolve(t).length)) {
    throw fail(`you may only specify a single resource type`);
  }
  const requests = defs.map((def) => ({ def, names: names.length ? [...names] : undefined }));
  return { requests, singleItemImplied: names.length === 1 && defs.length === 1, multipleTypes: defs.length > 1 || args[0].includes(',') };
}

/** defForKind finds the resource serving apiVersion/kind, or throws kubectl's resource-mapping error. */
export function defForKind(registry: RegistryLike, apiVersion: string, kind: string): ResourceDef | undefined {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion];
  return registry.all().find((d) => d.group === group && d.version === version && d.kind === kind);
}

/** withTypeMeta returns obj with apiVersion/kind set from def (list items come without them). */
export function withTypeMeta(obj: KObject, def: ResourceDef): KObject {
  if (obj.apiVersion && obj.kind) return obj;
  return { ...obj, apiVersion: obj.apiVersion || groupVersion(def), kind: obj.kind || def.kind };
}

/** NO_RESOURCES_MESSAGE is the builder's error when a verb gets neither resource arguments nor -f. */
export const NO_RESOURCES_MESSAGE = `error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

/** requireResources throws kubectl's "must specify" error when no args were given. */
export function requireResources(path: string, sel: ResourceSelection, hasFiles = false): void {
  if (sel.requests.length || hasFiles) return;
  if (path !== 'get') throw fail(`You must specify the type of resource to ${path}. Use "kubectl api-resources" for a complete list of supported resources.`);
  throw new KubectlError(`You must specify the type of resource to ${path}. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl ${path} -h' for help and examples`);
}
