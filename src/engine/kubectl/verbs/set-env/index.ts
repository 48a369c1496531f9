// Models k8s.io/kubectl/pkg/cmd/set/set_env.go and set_resources.go (edit the pod template's containers).
import type { Container, EnvVar } from 'kubernetes-types/core/v1';
import type { KObject } from '../../../types';
import type { ResourceDef } from '../../../api/types';
import type { Env } from '../../env';
import { fail, formatError } from '../../errors';
import { clientResource, kindPrefix } from '../../resources';
import { collectTargets } from '../../targets';
import { dryRunMode } from '../common';
import { podSpecPath } from '../set-image';
import { withChangeCause } from '../../record';

type PodSpecish = { containers?: Container[]; initContainers?: Container[] };

function podSpecOf(obj: KObject): PodSpecish | undefined {
  const path = podSpecPath(obj.kind);
  if (!path) return undefined;
  let v: unknown = obj;
  for (const k of path) v = (v as Record<string, unknown> | undefined)?.[k];
  return v as PodSpecish | undefined;
}

const glob = (pattern: string) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);

/** selectContainers returns the containers matching the -c/--containers wildcard. */
function selectContainers(spec: PodSpecish, pattern: string): Container[] {
  const re = glob(pattern || '*');
  return [...(spec.initContainers ?? []), ...(spec.containers ?? [])].filter((c) => re.test(c.name));
}

/** splitEnvironmentFromResources is envutil.SplitEnvironmentFromResources: resources first, then KEY=VAL / KEY-. */
function splitEnvironmentFromResources(args: string[]): { resources: string[]; envArgs: string[] } {
  const resources: string[] = [];
  const envArgs: string[] = [];
  for (const a of args) {
    const isEnv = /^.+=/s.test(a) || a.endsWith('-');
    if (isEnv) envArgs.push(a);
    else if (envArgs.length) throw fail(`all resources must be specified before environment changes: ${a}`);
    else resources.push(a);
  }
  return { resources, envArgs };
}

/** write sends the changed object (or prints it for --dry-run=client) and reports `<kind>/<name> <what>`. */
function write(env: Env, t: { def: ResourceDef; obj: KObject }, next: KObject, what: string): void {
  const dry = dryRunMode(env);
  if (dry !== 'client') env.client.update(clientResource(t.def), t.obj.metadata.namespace, withChangeCause(env, next), { dryRun: dry === 'server' });
  const suffix = dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
  env.out(`${kindPrefix(t.def)}/${t.obj.metadata.name} ${what}${suffix}\n`);
}

/** setEnvVerb implements `kubectl set env RESOURCE KEY=VAL ... KEY-` (and --list). */
export function setEnvVerb(env: Env): number {
  const { resources, envArgs } = splitEnvironmentFromResources(env.args);
  const all = [...env.flags.list('env'), ...envArgs];
  const remove = all.filter((a) => a.endsWith('-') && !a.includes('=')).map((a) => a.slice(0, -1));
  const add: EnvVar[] = all.filter((a) => a.includes('=')).map((a) => ({ name: env.flags.str('prefix') + a.slice(0, a.indexOf('=')), value: a.slice(a.indexOf('=') + 1) }));
  const { targets, errors } = collectTargets(env, resources);
  const pattern = env.flags.str('containers');
  for (const t of targets) {
    const next = JSON.parse(JSON.stringify(t.obj)) as KObject;
    const spec = podSpecOf(next);
    if (!spec) { errors.push(fail(`${t.obj.kind.toLowerCase()}/${t.obj.metadata.name} env is not supported`)); continue; }
    const containers = selectContainers(spec, pattern);
    if (!containers.length) { env.err(`Warning: ${t.obj.kind}/${t.obj.metadata.name} does not have any containers matching "${pattern}"\n`); continue; }
    let changed = false;
    try {
      for (const c of containers) {
        const list = [...(c.env ?? [])];
        for (const e of add) {
          const i = list.findIndex((x) => x.name === e.name);
          if (i < 0) { list.push(e); changed = true; continue; }
          if (!env.flags.bool('overwrite')) throw fail(`'${e.name}' already has a value (${list[i].value ?? ''}), and --overwrite is false`);
          if (list[i].value !== e.value || list[i].valueFrom) { list[i] = e; changed = true; }
        }
        const kept = list.filter((x) => !remove.includes(x.name));
        if (kept.length !== list.length) changed = true;
        if (kept.length) c.env = kept; else delete c.env;
      }
    } catch (e) { errors.push(e); continue; }
    if (env.flags.bool('list')) {
      for (const c of containers) {
        let out = `# ${t.obj.kind} ${t.obj.metadata.name}, container ${c.name}\n`;
        for (const e of c.env ?? []) out += e.valueFrom ? `# ${e.name} from ${describeFrom(e)}\n` : `${e.name}=${e.value ?? ''}\n`;
        env.out(out);
      }
      continue;
    }
    if (!changed) continue;
    try { write(env, t, next, 'env updated'); } catch (e) { errors.push(e); }
  }
  for (const e of errors) env.err(formatError(e));
  return errors.length ? 1 : 0;
}

function describeFrom(e: EnvVar): string {
  const f = e.valueFrom ?? {};
  if (f.fieldRef) return `field path ${f.fieldRef.fieldPath}`;
  if (f.resourceFieldRef) return `resource ${f.resourceFieldRef.resource}`;
  if (f.configMapKeyRef) return `configmap ${f.configMapKeyRef.name}, key ${f.configMapKeyRef.key}`;
  if (f.secretKeyRef) return `secret ${f.secretKeyRef.name}, key ${f.secretKeyRef.key}`;
  return 'unknown source';
}

function parseResourceList(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of s.split(',').filter(Boolean)) {
    const i = part.indexOf('=');
    if (i <= 0) throw fail(`invalid argument syntax ${part}`);
    out[part.slice(0, i)] = part.slice(i + 1);
  }
  return out;
}

/** setResourcesVerb implements `kubectl set resources RESOURCE --limits=... --requests=...`. */
export function setResourcesVerb(env: Env): number {
  const limits = parseResourceList(env.flags.str('limits'));
  const requests = parseResourceList(env.flags.str('requests'));
  if (!Object.keys(limits).length && !Object.keys(requests).length) throw fail('you must specify an update to requests or limits (in the form of --requests/--limits)');
  const { targets, errors } = collectTargets(env, env.args);
  const pattern = env.flags.str('containers');
  for (const t of targets) {
    const next = JSON.parse(JSON.stringify(t.obj)) as KObject;
    const spec = podSpecOf(next);
    if (!spec) { errors.push(fail(`${t.obj.kind.toLowerCase()}/${t.obj.metadata.name} resources are not supported`)); continue; }
    const containers = selectContainers(spec, pattern);
    if (!containers.length) { errors.push(fail(`unable to find container named ${pattern}`)); continue; }
    for (const c of containers) {
      const r = (c.resources ??= {});
      if (Object.keys(limits).length) r.limits = { ...(r.limits ?? {}), ...limits };
      if (Object.keys(requests).length) r.requests = { ...(r.requests ?? {}), ...requests };
    }
    if (JSON.stringify(next) === JSON.stringify(t.obj)) continue;
    try { write(env, t, next, 'resource requirements updated'); } catch (e) { errors.push(e); }
  }
  for (const e of errors) env.err(formatError(e));
  return errors.length ? 1 : 0;
}
