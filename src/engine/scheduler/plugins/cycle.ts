import type { Pod } from 'kubernetes-types/core/v1';
import type { NodeInfo } from '../node-info';

/** CycleState is framework.CycleState: per-pod data PreFilter computes once for every node's Filter. */
export interface CycleState {
  /** nodes are every node considered in this cycle. */
  nodes: NodeInfo[];
  /** data holds plugin-private precomputations, keyed by plugin name. */
  data: Map<string, unknown>;
}

/** newCycleState starts a scheduling cycle over nodes. */
export function newCycleState(nodes: NodeInfo[]): CycleState {
  return { nodes, data: new Map() };
}

/**
 * cached returns the plugin's precomputed state, computing it as compute(pod, cycle.nodes) on first use
 * (the PreFilter step). compute is a plain function, not a closure: Filter runs once per node and pod.
 */
export function cached<T>(cycle: CycleState, plugin: string, compute: (pod: Pod, nodes: NodeInfo[]) => T, pod: Pod): T {
  let v = cycle.data.get(plugin) as T | undefined;
  if (v === undefined && !cycle.data.has(plugin)) cycle.data.set(plugin, (v = compute(pod, cycle.nodes)));
  return v as T;
}

/** isTerminating reports whether a pod is being deleted (skipped by spreading and affinity counts). */
export function isTerminating(p: Pod): boolean {
  return !!p.metadata?.deletionTimestamp;
}
