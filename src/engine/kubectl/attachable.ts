// Models k8s.io/kubectl/pkg/polymorphichelpers attachablePodForObject + GetFirstPod (port-forward, exec):
// a pod is used as is; a workload or Service selects its "most active" pod, waiting for one to appear.
import type { Pod } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KObject } from '../types';
import type { Env } from './env';
import { fail } from './errors';
import { clientResource, resolveType } from './resources';

/** PodObj is a Pod as the client returns it. */
export type PodObj = Pod & KObject;

/** AttachTarget is the object the argument named (for Service port translation) and the pod chosen for it. */
export interface AttachTarget { obj: KObject; kind: string; pod: PodObj }

/** selectorString renders a LabelSelector (or a map selector) as a label selector query string. */
export function selectorString(sel: LabelSelector | Record<string, string> | undefined): string {
  if (!sel) return '';
  const ls: LabelSelector = 'matchLabels' in sel || 'matchExpressions' in sel ? sel as LabelSelector : { matchLabels: sel as Record<string, string> };
  const parts = Object.entries(ls.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of ls.matchExpressions ?? []) {
    if (e.operator === 'In') parts.push(`${e.key} in (${(e.values ?? []).join(',')})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${(e.values ?? []).join(',')})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.join(',');
}

function isReady(p: PodObj): boolean {
  return (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

function restarts(p: PodObj): number {
  return (p.status?.containerStatuses ?? []).reduce((n, c) => n + (c.restartCount ?? 0), 0);
}

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

// sort.Reverse(podutils.ActivePods): assigned before unassigned, Running before Unknown before Pending,
// ready before not ready, fewer restarts first, older first.
function mostActiveFirst(a: PodObj, b: PodObj): number {
  const assigned = Number(!!b.spec?.nodeName) - Number(!!a.spec?.nodeName);
  if (assigned) return assigned;
  const phase = (PHASE_RANK[b.status?.phase ?? 'Pending'] ?? 0) - (PHASE_RANK[a.status?.phase ?? 'Pending'] ?? 0);
  if (phase) return phase;
  const ready = Number(isReady(b)) - Number(isReady(a));
  if (ready) return ready;
  const r = restarts(a) - restarts(b);
  if (r) return r;
  return (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '');
}

/** podSelectorOf returns the label selector that picks obj's pods, as SelectorsForObject does. */
function podSelectorOf(obj: KObject, kind: string): string {
  const spec = (obj as { spec?: { selector?: LabelSelector | Record<string, string> } }).spec;
  if (kind === 'Service') {
    const sel = spec?.selector as Record<string, string> | undefined;
    if (!sel || !Object.keys(sel).length) throw fail(`invalid service '${obj.metadata.name ?? ''}': Service is defined without a selector`);
    return selectorString(sel);
  }
  if (!['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet', 'DaemonSet', 'Job'].includes(kind)) {
    throw fail(`cannot attach to *v1.${kind}: selector for *v1.${kind} not implemented`);
  }
  return selectorString(spec?.selector);
}

/**
 * attachablePod resolves `POD`, `pod/NAME` or `TYPE/NAME` in ns to a pod. For workloads and Services it
 * picks the most active matching pod, waiting up to timeoutMs (--pod-running-timeout) for one to exist.
 */
export async function attachablePod(env: Env, arg: string, ns: string, timeoutMs: number): Promise<AttachTarget> {
  const slash = arg.indexOf('/');
  if (slash < 0) { const pod = env.client.get<PodObj>('pods', ns, arg); return { obj: pod, kind: 'Pod', pod }; }
  const def = resolveType(env.registry, arg.slice(0, slash));
  const name = arg.slice(slash + 1);
  if (def.kind === 'Pod') { const pod = env.client.get<PodObj>('pods', ns, name); return { obj: pod, kind: 'Pod', pod }; }
  const obj = env.client.get<KObject>(clientResource(def), ns, name);
  const selector = podSelectorOf(obj, def.kind);
  const list = () => env.client.list<PodObj>('pods', ns, { labelSelector: selector });
  let pods = list();
  if (!pods.length) {
    const ok = await env.ctx.time.waitFor(() => list().length > 0, timeoutMs, env.ctx.interrupt);
    if (!ok) throw fail('timed out waiting for the condition');
    pods = list();
  }
  return { obj, kind: def.kind, pod: [...pods].sort(mostActiveFirst)[0] };
}
