import type { Pod } from 'kubernetes-types/core/v1';
import type { NodeInfo, PodInfo } from '../node-info';
import { addPod, removePod } from '../node-info';
import { histogram } from '../fit-error';
import type { FilterStatus } from './filters';
import { runFilters } from './filters';
import { newCycleState } from './cycle';

/** PreemptionResult is DefaultPreemption's PostFilter outcome: a node with victims, or the message why not. */
export type PreemptionResult = { node: NodeInfo; victims: PodInfo[] } | { message: string };

function copyNode(n: NodeInfo): NodeInfo {
  return { ...n, pods: new Map(n.pods), antiAffinityPods: new Map(n.antiAffinityPods), requested: { ...n.requested }, nonZeroRequested: { ...n.nonZeroRequested }, ports: [...n.ports], owners: new Map(n.owners) };
}

const startOf = (p: PodInfo) => p.pod.status?.startTime ?? p.pod.metadata?.creationTimestamp ?? '';

/**
 * selectVictims models SelectVictimsOnNode: remove every lower-priority pod, check the pod fits, then
 * reprieve victims from the highest priority down while it still fits (no PodDisruptionBudgets).
 */
function selectVictims(pod: Pod, info: PodInfo, n: NodeInfo, all: NodeInfo[]): PodInfo[] | FilterStatus {
  const lower = [...n.pods.values()].filter((p) => p.priority < info.priority && !p.pod.metadata?.deletionTimestamp);
  if (!lower.length) return { plugin: 'DefaultPreemption', unresolvable: true, reasons: ['No preemption victims found for incoming pod'] };
  const trial = copyNode(n);
  for (const v of lower) removePod(trial, v.key);
  const fits = () => runFilters(pod, info, trial, newCycleState(all.map((x) => (x === n ? trial : x))));
  const status = fits();
  if (status) return status;
  lower.sort((a, b) => b.priority - a.priority || startOf(a).localeCompare(startOf(b)));
  const victims: PodInfo[] = [];
  for (const v of lower) {
    addPod(trial, v);
    if (fits()) { removePod(trial, v.key); victims.push(v); }
  }
  return victims;
}

/** terminatingLowerOnNominated is PodEligibleToPreemptOthers' check for a preemption already under way. */
function terminatingLowerOnNominated(info: PodInfo, nodes: NodeInfo[]): boolean {
  const nominated = info.pod.status?.nominatedNodeName;
  const n = nominated ? nodes.find((x) => x.node.metadata?.name === nominated) : undefined;
  return !!n && [...n.pods.values()].some((p) => p.priority < info.priority && p.pod.metadata?.deletionTimestamp);
}

/**
 * preempt models plugins/defaultpreemption PostFilter for a pod no node fits: it returns the node
 * whose lowest-cost victims make room (fewest high-priority victims, then lowest priority sum, then
 * fewest victims), or the `preemption:` message the FailedScheduling event carries.
 */
export function preempt(pod: Pod, info: PodInfo, nodes: NodeInfo[], statuses: Map<NodeInfo, FilterStatus>): PreemptionResult {
  if (pod.spec?.preemptionPolicy === 'Never') return { message: 'not eligible due to preemptionPolicy=Never.' };
  if (terminatingLowerOnNominated(info, nodes)) return { message: 'not eligible due to a terminating pod on the nominated node.' };
  const reasons: string[] = [];
  const candidates: Array<{ node: NodeInfo; victims: PodInfo[] }> = [];
  for (const n of nodes) {
    const s = statuses.get(n);
    if (!s || s.unresolvable) { reasons.push('Preemption is not helpful for scheduling'); continue; }
    const r = selectVictims(pod, info, n, nodes);
    if (Array.isArray(r)) candidates.push({ node: n, victims: r });
    else reasons.push(...r.reasons);
  }
  if (!candidates.length) return { message: `0/${nodes.length} nodes are available: ${histogram(reasons)}.` };
  const cost = (c: { victims: PodInfo[] }) => [
    Math.max(...c.victims.map((v) => v.priority), -Infinity),
    c.victims.reduce((a, v) => a + v.priority, 0),
    c.victims.length,
  ];
  candidates.sort((a, b) => {
    const [x, y] = [cost(a), cost(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  });
  return candidates[0];
}
