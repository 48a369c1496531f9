// Models k8s.io/kubectl/pkg/cmd/scale (PATCH .../scale with a merge patch of spec.replicas).
import type { Env } from '../../env';
import { fail, formatError } from '../../errors';
import { clientResource, kindPrefix } from '../../resources';
import { collectTargets } from '../../targets';
import { dryRunMode } from '../common';

/** scaleVerb implements `kubectl scale`. */
export function scaleVerb(env: Env): number {
  const f = env.flags;
  if (!f.changed('replicas')) throw fail('required flag(s) "replicas" not set');
  const replicas = f.int('replicas');
  if (replicas < 0) throw fail('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  const { targets, errors } = collectTargets(env, env.args);
  const dry = dryRunMode(env);
  for (const t of targets) {
    if (!t.def.subresources.includes('scale')) { errors.push(fail(`cannot scale ${t.def.kind}/${t.obj.metadata.name}`)); continue; }
    const current = (t.obj.spec as { replicas?: number } | undefined)?.replicas;
    const want = f.int('current-replicas');
    if (want >= 0 && current !== want) { errors.push(fail(`Expected replicas to be ${want}, was ${current ?? 0}`)); continue; }
    try {
      if (dry !== 'client') {
        env.client.patch(clientResource(t.def), t.obj.metadata.namespace, t.obj.metadata.name ?? '', 'application/merge-patch+json', { spec: { replicas } }, { subresource: 'scale', dryRun: dry === 'server' });
      }
      const suffix = dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
      env.out(`${kindPrefix(t.def)}/${t.obj.metadata.name} scaled${suffix}\n`);
    } catch (e) { errors.push(e); }
  }
  for (const e of errors) env.err(formatError(e));
  return errors.length ? 1 : 0;
}
