import type { Pod } from 'kubernetes-types/core/v1';
import type { NodeInfo, PodInfo } from '../node-info';
import { findUntoleratedTaint, toleratesTaint } from './taints';
import { matchesNodeSelectorAndAffinity } from './node-affinity';
import type { CycleState } from './cycle';
import { podTopologySpread } from './topology-spread';
import { interPodAffinity } from './inter-pod-affinity';
import { volumeBinding } from './volume-binding';

/** FilterStatus is a failing plugin's verdict: Unresolvable means preemption cannot help. */
export interface FilterStatus { plugin: string; unresolvable: boolean; reasons: string[] }

/** FilterPlugin checks whether pod fits on one node; undefined means it does. */
export type FilterPlugin = (pod: Pod, info: PodInfo, node: NodeInfo, cycle: CycleState) => FilterStatus | undefined;

const fail = (plugin: string, unresolvable: boolean, ...reasons: string[]): FilterStatus => ({ plugin, unresolvable, reasons });

/** nodeUnschedulable models plugins/nodeunschedulable (spec.unschedulable unless tolerated). */
export const nodeUnschedulable: FilterPlugin = (pod, _i, n) => {
  if (!n.node.spec?.unschedulable) return undefined;
  const taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };
  if ((pod.spec?.tolerations ?? []).some((t) => toleratesTaint(t, taint))) return undefined;
  return fail('NodeUnschedulable', true, 'node(s) were unschedulable');
};

/** nodeName models plugins/nodename (only matters for pods that name a node but still await binding). */
export const nodeName: FilterPlugin = (pod, _i, n) =>
  pod.spec?.nodeName && pod.spec.nodeName !== n.node.metadata?.name ? fail('NodeName', true, "node(s) didn't match the requested node name") : undefined;

/** taintToleration models plugins/tainttoleration Filter (NoSchedule and NoExecute taints). */
export const taintToleration: FilterPlugin = (pod, _i, n) => {
  const taint = findUntoleratedTaint(n.node.spec?.taints, pod.spec?.tolerations);
  return taint ? fail('TaintToleration', true, `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`) : undefined;
};

/** nodeAffinity models plugins/nodeaffinity Filter (nodeSelector and required node affinity). */
export const nodeAffinity: FilterPlugin = (pod, _i, n) =>
  matchesNodeSelectorAndAffinity(pod, n.node) ? undefined : fail('NodeAffinity', true, "node(s) didn't match Pod's node affinity/selector");

/** nodePorts models plugins/nodeports (hostPort conflicts; 0.0.0.0 conflicts with every IP). */
export const nodePorts: FilterPlugin = (_pod, info, n) => {
  for (const want of info.ports) {
    for (const used of n.ports) {
      if (used.port !== want.port || used.protocol !== want.protocol) continue;
      if (used.ip === want.ip || used.ip === '0.0.0.0' || want.ip === '0.0.0.0') {
        return fail('NodePorts', false, "node(s) didn't have free ports for the requested pod ports");
      }
    }
  }
  return undefined;
};

const orders = new WeakMap<PodInfo, string[]>();
// resourceOrder is the order Fit reports insufficient resources in (cpu, memory, ephemeral-storage, then the
// rest sorted); computed once per pod, not once per node.
function resourceOrder(info: PodInfo): string[] {
  let order = orders.get(info);
  if (!order) {
    order = ['cpu', 'memory', 'ephemeral-storage', ...Object.keys(info.requests).filter((k) => !['cpu', 'memory', 'ephemeral-storage', 'pods'].includes(k)).sort()];
    orders.set(info, order);
  }
  return order;
}

/** nodeResourcesFit models plugins/noderesources Fit: pod count, then each requested resource. */
export const nodeResourcesFit: FilterPlugin = (_pod, info, n) => {
  let reasons: string[] | undefined;
  const maxPods = n.allocatable.pods ?? 110;
  if (n.pods.size + 1 > maxPods) (reasons ??= []).push('Too many pods');
  for (const r of resourceOrder(info)) {
    const want = info.requests[r] ?? 0;
    if (want <= 0) continue;
    const free = (n.allocatable[r] ?? 0) - (n.requested[r] ?? 0);
    if (want > free) (reasons ??= []).push(`Insufficient ${r}`);
  }
  return reasons ? fail('NodeResourcesFit', false, ...reasons) : undefined;
};

/** DEFAULT_FILTERS is the default profile's filter order (volume plugins omitted). */
export const DEFAULT_FILTERS: FilterPlugin[] = [nodeUnschedulable, nodeName, taintToleration, nodeAffinity, nodePorts, nodeResourcesFit, volumeBinding, podTopologySpread, interPodAffinity];

/** runFilters runs plugins in order and stops at the first failure, as RunFilterPlugins does. */
export function runFilters(pod: Pod, info: PodInfo, node: NodeInfo, cycle: CycleState, plugins = DEFAULT_FILTERS): FilterStatus | undefined {
  for (const p of plugins) {
    const s = p(pod, info, node, cycle);
    if (s) return s;
  }
  return undefined;
}
