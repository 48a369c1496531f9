// Models k8s.io/kubectl/pkg/cmd/drain cordon/uncordon (PATCH spec.unschedulable).
import type { Env } from '../../env';
import { fail, formatError } from '../../errors';
import { resolveType } from '../../resources';
import { dryRunMode } from '../common';

function run(env: Env, unschedulable: boolean): number {
  const verb = unschedulable ? 'cordoned' : 'uncordoned';
  const def = resolveType(env.registry, 'nodes');
  const selector = env.flags.str('selector');
  if (!env.args.length && !selector) throw fail(`USAGE: ${unschedulable ? 'cordon' : 'uncordon'} NODE [flags]\nSee 'kubectl ${env.path} -h' for help and examples`);
  const names = env.args.length ? env.args.map((a) => a.replace(/^(node|nodes|no)\//, '')) : env.client.list('nodes', undefined, { labelSelector: selector }).map((n) => n.metadata.name ?? '');
  const dry = dryRunMode(env);
  let failed = 0;
  for (const name of names) {
    try {
      const node = env.client.get('nodes', undefined, name);
      const cur = !!(node.spec as { unschedulable?: boolean } | undefined)?.unschedulable;
      if (cur === unschedulable) { env.out(`node/${name} already ${verb}\n`); continue; }
      if (dry !== 'client') env.client.patch('nodes', undefined, name, 'application/strategic-merge-patch+json', { spec: { unschedulable: unschedulable ? true : null } }, { dryRun: dry === 'server' });
      env.out(`node/${name} ${verb}${dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : ''}\n`);
    } catch (e) { env.err(formatError(e)); failed++; }
  }
  void def;
  return failed ? 1 : 0;
}

/** cordonVerb implements `kubectl cordon NODE`. */
export function cordonVerb(env: Env): number { return run(env, true); }

/** uncordonVerb implements `kubectl uncordon NODE`. */
export function uncordonVerb(env: Env): number { return run(env, false); }
