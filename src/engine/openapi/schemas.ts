// The Kubernetes schemas generated at install time by scripts/gen-schemas.mjs from the
// kubernetes-models npm package (see src/generated/, gitignored). Nothing is fetched at run time.
import generated from '../../generated/k8s-schemas.json';
import type { GroupVersionKind, JsonSchema, KindEntry, KindSchema, SchemaFile } from './types';

const FILE = generated as unknown as SchemaFile;

/** REF_PREFIX is how component references are spelled: `#/components/schemas/<name>`. */
export const REF_PREFIX = '#/components/schemas/';

/** SCHEMA_SOURCE names the npm package and version the schemas were generated from. */
export const SCHEMA_SOURCE: Readonly<{ package: string; version: string }> = FILE.source;

/** componentSchemas returns every generated component schema by name (frozen; do not mutate). */
export function componentSchemas(): Readonly<Record<string, JsonSchema>> {
  return FILE.schemas;
}

/** servedKinds lists the kinds that have a schema, with their component names. */
export function servedKinds(): readonly KindEntry[] {
  return FILE.kinds;
}

/** definitionFor returns the component name of a group/version/kind, or undefined. */
export function definitionFor(group: string, version: string, kind: string): string | undefined {
  return FILE.kinds.find((k) => k.group === group && k.version === version && k.kind === kind)?.definition;
}

/** refName returns the component name a `$ref` (direct or through a one-element allOf) points at. */
export function refName(s: JsonSchema | undefined): string | undefined {
  const ref = s?.$ref ?? (s?.allOf?.length === 1 ? s.allOf[0].$ref : undefined);
  return ref?.startsWith(REF_PREFIX) ? ref.slice(REF_PREFIX.length) : undefined;
}

/** reachableComponents returns the names of roots and every component they reference, transitively. */
export function reachableComponents(roots: Iterable<string>): string[] {
  const seen = new Set<string>();
  const stack = [...roots];
  const visit = (s: JsonSchema | boolean | undefined): void => {
    if (!s || typeof s === 'boolean') return;
    const name = s.$ref?.startsWith(REF_PREFIX) ? s.$ref.slice(REF_PREFIX.length) : undefined;
    if (name && !seen.has(name)) stack.push(name);
    s.allOf?.forEach(visit);
    s.oneOf?.forEach(visit);
    visit(s.items);
    visit(s.additionalProperties);
    if (s.properties) Object.values(s.properties).forEach(visit);
  };
  while (stack.length) {
    const name = stack.pop()!;
    if (seen.has(name) || !FILE.schemas[name]) continue;
    seen.add(name);
    visit(FILE.schemas[name]);
  }
  return [...seen].sort();
}

const kindSchemaCache = new Map<string, KindSchema>();

/**
 * schemaFor returns the schema of group/version/kind with its referenced components attached under
 * `components.schemas`, so the `#/components/schemas/...` refs resolve within the returned document
 * (the shape JSON-schema consumers such as monaco-yaml accept); undefined for an unknown kind.
 */
export function schemaFor(group: string, version: string, kind: string): KindSchema | undefined {
  const def = definitionFor(group, version, kind);
  if (!def) return undefined;
  let out = kindSchemaCache.get(def);
  if (!out) {
    const schemas = Object.fromEntries(reachableComponents([def]).map((n) => [n, FILE.schemas[n]]));
    out = { ...FILE.schemas[def], components: { schemas } };
    kindSchemaCache.set(def, out);
  }
  return out;
}

/** gvkEquals reports whether two group/version/kinds are the same. */
export function gvkEquals(a: GroupVersionKind, b: GroupVersionKind): boolean {
  return a.group === b.group && a.version === b.version && a.kind === b.kind;
}
