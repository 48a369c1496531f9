import type { Pod } from 'kubernetes-types/core/v1';
import type { NodeInfo, PodInfo } from '../node-info';
import { preferredAffinityScore } from './node-affinity';

const MAX = 100;

/** ScorePlugin scores every feasible node (raw), then normalizes to 0..100; weight multiplies it. */
export interface ScorePlugin { name: string; weight: number; score(pod: Pod, info: PodInfo, nodes: NodeInfo[]): number[] }

const frac = (req: number, alloc: number) => (alloc > 0 ? Math.min(1, req / alloc) : 1);

/** leastAllocated models noderesources LeastAllocated (cpu and memory, weight 1 each, non-zero requests). */
export const leastAllocated: ScorePlugin = {
  name: 'NodeResourcesFit', weight: 1,
  score: (_pod, info, nodes) => nodes.map((n) => {
    const cpu = n.allocatable.cpu ?? 0, mem = n.allocatable.memory ?? 0;
    const c = cpu ? Math.max(0, (cpu - n.nonZeroRequested.cpu - info.nonZero.cpu) * MAX / cpu) : 0;
    const m = mem ? Math.max(0, (mem - n.nonZeroRequested.memory - info.nonZero.memory) * MAX / mem) : 0;
    return Math.floor((c + m) / 2);
  }),
};

/** balancedAllocation models noderesources BalancedAllocation: (1 - std of cpu/memory fractions) * 100. */
export const balancedAllocation: ScorePlugin = {
  name: 'NodeResourcesBalancedAllocation', weight: 1,
  score: (_pod, info, nodes) => nodes.map((n) => {
    const c = frac(n.nonZeroRequested.cpu + info.nonZero.cpu, n.allocatable.cpu ?? 0);
    const m = frac(n.nonZeroRequested.memory + info.nonZero.memory, n.allocatable.memory ?? 0);
    return Math.floor((1 - Math.abs(c - m) / 2) * MAX);
  }),
};

/** nodeAffinityScore models nodeaffinity Score (preferred terms), normalized to the best node. */
export const nodeAffinityScore: ScorePlugin = {
  name: 'NodeAffinity', weight: 2,
  score: (pod, _info, nodes) => {
    const raw = nodes.map((n) => preferredAffinityScore(pod, n.node));
    const max = Math.max(0, ...raw);
    return raw.map((s) => (max ? Math.floor(s * MAX / max) : 0));
  },
};

/** taintTolerationScore models tainttoleration Score: fewer intolerable PreferNoSchedule taints is better. */
export const taintTolerationScore: ScorePlugin = {
  name: 'TaintToleration', weight: 3,
  score: (pod, _info, nodes) => {
    const raw = nodes.map((n) => (n.node.spec?.taints ?? []).filter((t) => t.effect === 'PreferNoSchedule'
      && !(pod.spec?.tolerations ?? []).some((tol) => (!tol.effect || tol.effect === 'PreferNoSchedule') && (tol.operator === 'Exists' ? !tol.key || tol.key === t.key : tol.key === t.key && (tol.value ?? '') === (t.value ?? '')))).length);
    const max = Math.max(0, ...raw);
    return raw.map((s) => (max ? MAX - Math.floor(s * MAX / max) : MAX));
  },
};

/**
 * spread models PodTopologySpread's system default constraint on kubernetes.io/hostname, reduced to
 * "fewer pods of the same controller on the node scores higher" (SelectorSpread-like).
 */
export const spread: ScorePlugin = {
  name: 'PodTopologySpread', weight: 2,
  score: (_pod, info, nodes) => {
    if (!info.owner) return nodes.map(() => MAX);
    const owner = info.owner;
    const raw = nodes.map((n) => n.owners.get(owner) ?? 0);
    const max = Math.max(...raw), min = Math.min(...raw);
    return raw.map((s) => (max ? Math.floor(MAX * (max + min - s) / max) : MAX));
  },
};

/** imageLocality models imagelocality: nodes that already hold the pod's images score higher. */
export const imageLocality: ScorePlugin = {
  name: 'ImageLocality', weight: 1,
  score: (pod, _info, nodes) => {
    // Each image under the names a node's status.images may list it by (as written, tagged, fully qualified).
    const images = (pod.spec?.containers ?? []).map((c) => {
      const ref = c.image ?? '';
      const tagged = ref.includes(':') || ref.includes('@') ? ref : `${ref}:latest`;
      return [ref, tagged, ref.includes('/') ? tagged : `docker.io/library/${tagged}`];
    });
    return nodes.map((n) => {
      if (!images.length || !n.images.size) return 0;
      const have = images.filter((names) => names.some((x) => n.images.has(x))).length;
      return Math.floor(have * MAX / images.length);
    });
  },
};

/** DEFAULT_SCORES is the default profile's score plugins with their weights. */
export const DEFAULT_SCORES: ScorePlugin[] = [taintTolerationScore, nodeAffinityScore, leastAllocated, balancedAllocation, spread, imageLocality];

/** scoreNodes returns the weighted total score of every node. */
export function scoreNodes(pod: Pod, info: PodInfo, nodes: NodeInfo[], plugins = DEFAULT_SCORES): number[] {
  const total = nodes.map(() => 0);
  for (const p of plugins) p.score(pod, info, nodes).forEach((s, i) => { total[i] += s * p.weight; });
  return total;
}
