// Models k8s.io/kubectl/pkg/cmd/taint (key[=value]:Effect adds, key[:Effect]- removes).
import type { Taint } from 'kubernetes-types/core/v1';
import type { Env } from '../../env';
import { fail, formatError } from '../../errors';
import { clientResource, kindPrefix } from '../../resources';
import { collectTargets } from '../../targets';
import { dryRunMode } from '../common';

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

function parseTaint(spec: string): Taint {
  const colon = spec.lastIndexOf(':');
  if (colon < 0) throw fail(`invalid taint spec: ${spec}, unknown taint effect`);
  const kv = spec.slice(0, colon);
  const effect = spec.slice(colon + 1);
  if (!EFFECTS.includes(effect)) throw fail(`invalid taint spec: ${spec}, invalid taint effect: ${effect}, unsupported taint effect`);
  const eq = kv.indexOf('=');
  const t: Taint = { key: eq < 0 ? kv : kv.slice(0, eq), effect };
  if (eq >= 0 && kv.slice(eq + 1)) t.value = kv.slice(eq + 1);
  if (!t.key) throw fail(`invalid taint spec: ${spec}`);
  return t;
}

/** taintVerb implements `kubectl taint nodes NODE key=value:Effect | key:Effect- | key-`. */
export function taintVerb(env: Env): number {
  const f = env.flags;
  const isChange = (a: string) => a.includes(':') || a.includes('=') || a.endsWith('-');
  const resources = env.args.filter((a) => !isChange(a));
  const changes = env.args.filter(isChange);
  if (!changes.length) throw fail(`at least one taint update is required\nSee 'kubectl taint -h' for help and examples`);
  const adds: Taint[] = [];
  const removes: { key: string; effect?: string }[] = [];
  for (const c of changes) {
    if (c.endsWith('-')) {
      const s = c.slice(0, -1);
      const colon = s.indexOf(':');
      removes.push(colon < 0 ? { key: s } : { key: s.slice(0, colon), effect: s.slice(colon + 1) });
    } else adds.push(parseTaint(c));
  }
  const { targets, errors } = collectTargets(env, resources);
  const dry = dryRunMode(env);
  for (const { def, obj } of targets) {
    const current = ((obj.spec as { taints?: Taint[] } | undefined)?.taints ?? []).map((t) => ({ ...t }));
    let next = [...current];
    let failed = false;
    for (const r of removes) {
      const before = next.length;
      next = next.filter((t) => !(t.key === r.key && (!r.effect || t.effect === r.effect)));
      if (next.length === before) { errors.push(fail(`taint "${r.key}${r.effect ? ':' + r.effect : ''}" not found`)); failed = true; }
    }
    for (const a of adds) {
      const i = next.findIndex((t) => t.key === a.key && t.effect === a.effect);
      if (i >= 0) {
        if (!f.bool('overwrite')) { errors.push(fail(`node ${obj.metadata.name} already has ${a.key} taint(s) with same effect(s) and --overwrite is false`)); failed = true; continue; }
        next[i] = a;
      } else next.push(a);
    }
    if (failed) continue;
    try {
      if (dry !== 'client') env.client.patch(clientResource(def), undefined, obj.metadata.name ?? '', 'application/merge-patch+json', { spec: { taints: next.length ? next : null } }, { dryRun: dry === 'server' });
      const verb = adds.length && !removes.length ? 'tainted' : removes.length && !adds.length ? 'untainted' : 'modified';
      env.out(`${kindPrefix(def)}/${obj.metadata.name} ${verb}\n`);
    } catch (e) { errors.push(e); }
  }
  for (const e of errors) env.err(formatError(e));
  return errors.length ? 1 : 0;
}
