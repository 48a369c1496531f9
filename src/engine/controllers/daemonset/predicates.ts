// Models pkg/controller/daemon NodeShouldRunDaemonPod and the scheduler helpers it calls
// (component-helpers nodeaffinity.GetRequiredNodeAffinity, v1helper.FindMatchingUntoleratedTaint).
import type { Node, NodeSelectorRequirement, NodeSelectorTerm, Pod, PodSpec, Taint, Toleration } from 'kubernetes-types/core/v1';
import type { DaemonSet } from 'kubernetes-types/apps/v1';

/** DAEMON_TOLERATIONS are what AddOrUpdateDaemonPodTolerations adds to every daemon pod, in upstream order. */
export const DAEMON_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
];

/** NETWORK_UNAVAILABLE_TOLERATION is added only to host-network daemon pods. */
export const NETWORK_UNAVAILABLE_TOLERATION: Toleration = { key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' };

const sameToleration = (a: Toleration, b: Toleration) =>
  (a.key ?? '') === (b.key ?? '') && (a.operator ?? 'Equal') === (b.operator ?? 'Equal') && (a.value ?? '') === (b.value ?? '') && (a.effect ?? '') === (b.effect ?? '');

/** withDaemonTolerations returns tolerations plus the daemon tolerations (v1helper.AddOrUpdateTolerationInPodSpec: existing equal keys are replaced). */
export function withDaemonTolerations(spec: PodSpec): Toleration[] {
  const out = [...(spec.tolerations ?? [])];
  const add = [...DAEMON_TOLERATIONS, ...(spec.hostNetwork ? [NETWORK_UNAVAILABLE_TOLERATION] : [])];
  for (const t of add) {
    const i = out.findIndex((o) => (o.key ?? '') === t.key && (o.effect ?? '') === t.effect);
    if (i >= 0) { if (!sameToleration(out[i], t)) out[i] = t; } else out.push(t);
  }
  return out;
}

/** tolerates is Toleration.ToleratesTaint. */
export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if ((t.key ?? '') !== '' && t.key !== taint.key) return false;
  if ((t.key ?? '') === '' && t.operator !== 'Exists') return false;
  if (t.operator === 'Exists') return true;
  return (t.value ?? '') === (taint.value ?? '');
}

function requirementMatches(r: NodeSelectorRequirement, value: string | undefined): boolean {
  const vals = r.values ?? [];
  switch (r.operator) {
    case 'In': return value !== undefined && vals.includes(value);
    case 'NotIn': return value === undefined || !vals.includes(value);
    case 'Exists': return value !== undefined;
    case 'DoesNotExist': return value === undefined;
    case 'Gt': return value !== undefined && /^-?\d+$/.test(value) && Number(value) > Number(vals[0]);
    case 'Lt': return value !== undefined && /^-?\d+$/.test(value) && Number(value) < Number(vals[0]);
    default: return false;
  }
}

function termMatches(term: NodeSelectorTerm, node: Node): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (!exprs.length && !fields.length) return false;
  const labels = node.metadata?.labels ?? {};
  for (const r of exprs) if (!requirementMatches(r, labels[r.key])) return false;
  for (const r of fields) if (!requirementMatches(r, r.key === 'metadata.name' ? node.metadata?.name : undefined)) return false;
  return true;
}

/** fitsNodeAffinity is nodeaffinity.GetRequiredNodeAffinity(pod).Match(node): nodeSelector and required node affinity. */
export function fitsNodeAffinity(spec: PodSpec, node: Node): boolean {
  const labels = node.metadata?.labels ?? {};
  for (const [k, v] of Object.entries(spec.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const terms = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (terms && !terms.some((t) => termMatches(t, node))) return false;
  return true;
}

/** ShouldRun is NodeShouldRunDaemonPod's answer: create a pod there, and keep an existing one. */
export interface ShouldRun { shouldRun: boolean; shouldContinueRunning: boolean }

/**
 * nodeShouldRunDaemonPod models daemon_controller.go NodeShouldRunDaemonPod: the node must match the
 * template's nodeName, nodeSelector and required node affinity; untolerated NoSchedule taints stop new
 * pods, untolerated NoExecute taints also evict existing ones.
 */
export function nodeShouldRunDaemonPod(node: Node, ds: DaemonSet): ShouldRun {
  const spec = ds.spec?.template?.spec ?? ({ containers: [] } as PodSpec);
  if (spec.nodeName && spec.nodeName !== node.metadata?.name) return { shouldRun: false, shouldContinueRunning: false };
  if (!fitsNodeAffinity(spec, node)) return { shouldRun: false, shouldContinueRunning: false };
  const tolerations = withDaemonTolerations(spec);
  const untolerated = (node.spec?.taints ?? []).filter((t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerations.some((tol) => tolerates(tol, t)));
  if (untolerated.length) return { shouldRun: false, shouldContinueRunning: !untolerated.some((t) => t.effect === 'NoExecute') };
  return { shouldRun: true, shouldContinueRunning: true };
}

/** podNodeName is the node a daemon pod belongs to: spec.nodeName, else its metadata.name node affinity. */
export function podNodeName(pod: Pod): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  for (const t of pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) {
    for (const f of t.matchFields ?? []) if (f.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1) return f.values[0];
  }
  return undefined;
}

/** nodeNameAffinity is ReplaceDaemonSetPodNodeNameNodeAffinity: the template's affinity pinned to nodeName via matchFields. */
export function nodeNameAffinity(affinity: PodSpec['affinity'], nodeName: string): NonNullable<PodSpec['affinity']> {
  const field = { key: 'metadata.name', operator: 'In', values: [nodeName] };
  const a = structuredCloneSafe(affinity ?? {});
  const na = (a.nodeAffinity ??= {});
  const req = na.requiredDuringSchedulingIgnoredDuringExecution;
  if (!req || !(req.nodeSelectorTerms ?? []).length) {
    na.requiredDuringSchedulingIgnoredDuringExecution = { nodeSelectorTerms: [{ matchFields: [field] }] };
    return a;
  }
  req.nodeSelectorTerms = req.nodeSelectorTerms.map((t) => ({ ...t, matchFields: [field] }));
  return a;
}

function structuredCloneSafe<T>(v: T): T { return JSON.parse(JSON.stringify(v)) as T; }
