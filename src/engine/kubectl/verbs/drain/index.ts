// Models k8s.io/kubectl/pkg/drain (pod filters, eviction with retry on 429, wait for deletion) and cmd/drain.
import type { Pod } from 'kubernetes-types/core/v1';
import { ApiError } from '../../../api/types';
import type { KObject } from '../../../types';
import type { Env } from '../../env';
import { parseDurationFlag } from '../../duration';
import { fail } from '../../errors';
import { dryRunMode } from '../common';

type PodObj = Pod & KObject;

interface Verdict { pods: PodObj[]; errors: Map<string, string[]>; warnings: Map<string, string[]> }

const ERR = {
  unreplicated: 'cannot delete Pods that declare no controller (use --force to override)',
  daemonset: 'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore)',
  local: 'cannot delete Pods with local storage (use --delete-emptydir-data to override)',
};
const WARN = {
  unreplicated: 'deleting Pods that declare no controller',
  daemonset: 'ignoring DaemonSet-managed Pods',
  local: 'deleting Pods with local storage',
};

function add(m: Map<string, string[]>, k: string, v: string): void { m.set(k, [...(m.get(k) ?? []), v]); }

// Models drain.Helper.GetPodsForDeletion and its default filters, in upstream order.
function classify(env: Env, pods: PodObj[]): Verdict {
  const f = env.flags;
  const v: Verdict = { pods: [], errors: new Map(), warnings: new Map() };
  for (const pod of pods) {
    const id = `${pod.metadata.namespace}/${pod.metadata.name}`;
    if (pod.metadata.annotations?.['kubernetes.io/config.mirror']) continue;
    const finished = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
    const owner = (pod.metadata.ownerReferences ?? []).find((r) => r.controller);
    if (owner?.kind === 'DaemonSet') {
      if (f.bool('ignore-daemonsets')) add(v.warnings, WARN.daemonset, id); else add(v.errors, ERR.daemonset, id);
      continue;
    }
    if (!owner && !finished) {
      if (!f.bool('force')) { add(v.errors, ERR.unreplicated, id); continue; }
      add(v.warnings, WARN.unreplicated, id);
    }
    if (!finished && (pod.spec?.volumes ?? []).some((vol) => vol.emptyDir)) {
      if (!f.bool('delete-emptydir-data')) { add(v.errors, ERR.local, id); continue; }
      add(v.warnings, WARN.local, id);
    }
    v.pods.push(pod);
  }
  return v;
}

const joinMap = (m: Map<string, string[]>) => [...m.entries()].map(([k, ids]) => `${k}: ${ids.join(', ')}`).join('; ');

/** drainVerb implements `kubectl drain NODE`: cordon, then evict (or delete) its pods and wait for them to go. */
export async function drainVerb(env: Env): Promise<number> {
  const f = env.flags;
  const node = env.args[0]?.replace(/^(node|nodes|no)\//, '');
  if (!node) throw fail(`USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples`);
  const dry = dryRunMode(env);
  const timeout = parseDurationFlag('timeout', f.str('timeout'));
  const limit = timeout > 0 ? timeout : 5 * 60_000;
  const n = env.client.get('nodes', undefined, node);
  const suffix = dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
  if ((n.spec as { unschedulable?: boolean } | undefined)?.unschedulable) env.out(`node/${node} already cordoned${suffix}\n`);
  else {
    if (dry !== 'client') env.client.patch('nodes', undefined, node, 'application/strategic-merge-patch+json', { spec: { unschedulable: true } }, { dryRun: dry === 'server' });
    env.out(`node/${node} cordoned${suffix}\n`);
  }
  const pods = env.client.list<PodObj>('pods', undefined, { fieldSelector: `spec.nodeName=${node}`, labelSelector: f.str('pod-selector') || undefined });
  const verdict = classify(env, pods);
  if (verdict.errors.size) {
    const msg = joinMap(verdict.errors);
    env.err(`error: unable to drain node "${node}" due to error: ${msg}, continuing command...\nThere are pending nodes to be drained:\n ${node}\n${[...verdict.errors.entries()].map(([k, ids]) => `${k}: ${ids.join(', ')}`).join('\n')}\n`);
    return 1;
  }
  if (verdict.warnings.size) env.err(`Warning: ${joinMap(verdict.warnings)}\n`);
  if (dry !== 'none') { env.out(`node/${node} drained${suffix}\n`); return 0; }
  const grace = f.int('grace-period');
  const deleteOptions = grace >= 0 ? { gracePeriodSeconds: grace } : undefined;
  const pending = [...verdict.pods];
  const evicted: PodObj[] = [];
  const deadline = env.clock.now() + limit;
  for (const pod of pending) env.out(`evicting pod ${pod.metadata.namespace}/${pod.metadata.name}\n`);
  while (pending.length) {
    for (const pod of [...pending]) {
      try {
        if (f.bool('disable-eviction')) env.client.delete('pods', pod.metadata.namespace, pod.metadata.name ?? '', deleteOptions ?? {});
        else env.client.post('pods', pod.metadata.namespace, pod.metadata.name ?? '', 'eviction', { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: pod.metadata.name, namespace: pod.metadata.namespace }, ...(deleteOptions ? { deleteOptions } : {}) });
        pending.splice(pending.indexOf(pod), 1);
        evicted.push(pod);
      } catch (e) {
        if (e instanceof ApiError && e.code === 404) { pending.splice(pending.indexOf(pod), 1); evicted.push(pod); continue; }
        if (e instanceof ApiError && e.code === 429) {
          env.err(`error when evicting pods/"${pod.metadata.name}" -n "${pod.metadata.namespace}" (will retry after 5s): ${e.status.message ?? ''}\n`);
          continue;
        }
        throw e;
      }
    }
    if (!pending.length) break;
    if (env.clock.now() >= deadline) throw fail(`error when evicting pods/"${pending[0].metadata.name}" -n "${pending[0].metadata.namespace}": global timeout reached: ${f.str('timeout')}`);
    if (!(await env.ctx.time.sleep(5_000, env.ctx.interrupt))) return 130;
  }
  const gone = (p: PodObj) => {
    const cur = env.client.tryGet('pods', p.metadata.namespace, p.metadata.name ?? '');
    return !cur || cur.metadata.uid !== p.metadata.uid;
  };
  const left = [...evicted];
  while (left.length) {
    const ok = await env.ctx.time.waitFor(() => left.some(gone), Math.max(0, deadline - env.clock.now()), env.ctx.interrupt);
    if (env.ctx.interrupt.interrupted) return 130;
    if (!ok) throw fail(`unable to drain node "${node}" due to error: global timeout reached: ${f.str('timeout')}, continuing command...`);
    for (const p of [...left]) if (gone(p)) { left.splice(left.indexOf(p), 1); env.out(`pod/${p.metadata.name} evicted\n`); }
  }
  env.out(`node/${node} drained\n`);
  return 0;
}
