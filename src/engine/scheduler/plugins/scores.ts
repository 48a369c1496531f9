import type { Pod } from 'kubernetes-types/core/v1';
import type { NodeInfo, PodInfo } from '../node-info';
import { preferredAffinityScore } from './node-affinity';

const MAX = 100;

/**
 * ScorePlugin scores every feasible node: score writes the normalized 0..100 score of nodes[i] into
 * out[i] (out has nodes.length slots; plugins that normalize write raw values first); weight multiplies it.
 */
export interface ScorePlugin { name: string; weight: number; score(pod: Pod, info: PodInfo, nodes: NodeInfo[], out: number[]): void }

const frac = (req: number, alloc: number) => (alloc > 0 ? Math.min(1, req / alloc) : 1);

// maxOf is Math.max(0, ...values) without spreading the array.
function maxOf(values: number[]): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > m) m = values[i];
  return m;
}

/** leastAllocated models noderesources LeastAllocated (cpu and memory, weight 1 each, non-zero requests). */
export const leastAllocated: ScorePlugin = {
  name: 'NodeResourcesFit', weight: 1,
  score: (_pod, info, nodes, out) => {
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      const cpu = n.allocatable.cpu ?? 0, mem = n.allocatable.memory ?? 0;
      const c = cpu ? Math.max(0, (cpu - n.nonZeroRequested.cpu - info.nonZero.cpu) * MAX / cpu) : 0;
      const m = mem ? Math.max(0, (mem - n.nonZeroRequested.memory - info.nonZero.memory) * MAX / mem) : 0;
      out[i] = Math.floor((c + m) / 2);
    }
  },
};

/** balancedAllocation models noderesources BalancedAllocation: (1 - std of cpu/memory fractions) * 100. */
export const balancedAllocation: ScorePlugin = {
  name: 'NodeResourcesBalancedAllocation', weight: 1,
  score: (_pod, info, nodes, out) => {
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      const c = frac(n.nonZeroRequested.cpu + info.nonZero.cpu, n.allocatable.cpu ?? 0);
      const m = frac(n.nonZeroRequested.memory + info.nonZero.memory, n.allocatable.memory ?? 0);
      out[i] = Math.floor((1 - Math.abs(c - m) / 2) * MAX);
    }
  },
};

/** nodeAffinityScore models nodeaffinity Score (preferred terms), normalized to the best node. */
export const nodeAffinityScore: ScorePlugin = {
  name: 'NodeAffinity', weight: 2,
  score: (pod, _info, nodes, out) => {
    for (let i = 0; i < nodes.length; i++) out[i] = preferredAffinityScore(pod, nodes[i].node);
    const max = maxOf(out);
    for (let i = 0; i < nodes.length; i++) out[i] = max ? Math.floor(out[i] * MAX / max) : 0;
  },
};

/** taintTolerationScore models tainttoleration Score: fewer intolerable PreferNoSchedule taints is better. */
export const taintTolerationScore: ScorePlugin = {
  name: 'TaintToleration', weight: 3,
  score: (pod, _info, nodes, out) => {
    const tolerations = pod.spec?.tolerations ?? [];
    for (let i = 0; i < nodes.length; i++) {
      let count = 0;
      for (const t of nodes[i].node.spec?.taints ?? []) {
        if (t.effect !== 'PreferNoSchedule') continue;
        if (!tolerations.some((tol) => (!tol.effect || tol.effect === 'PreferNoSchedule') && (tol.operator === 'Exists' ? !tol.key || tol.key === t.key : tol.key === t.key && (tol.value ?? '') === (t.value ?? '')))) count++;
      }
      out[i] = count;
    }
    const max = maxOf(out);
    for (let i = 0; i < nodes.length; i++) out[i] = max ? MAX - Math.floor(out[i] * MAX / max) : MAX;
  },
};

/**
 * spread models PodTopologySpread's system default constraint on kubernetes.io/hostname, reduced to
 * "fewer pods of the same controller on the node scores higher" (SelectorSpread-like).
 */
export const spread: ScorePlugin = {
  name: 'PodTopologySpread', weight: 2,
  score: (_pod, info, nodes, out) => {
    const owner = info.owner;
    if (!owner) { out.fill(MAX); return; }
    let max = -Infinity, min = Infinity;
    for (let i = 0; i < nodes.length; i++) {
      const s = nodes[i].owners.get(owner) ?? 0;
      out[i] = s;
      if (s > max) max = s;
      if (s < min) min = s;
    }
    for (let i = 0; i < nodes.length; i++) out[i] = max ? Math.floor(MAX * (max + min - out[i]) / max) : MAX;
  },
};

/** imageLocality models imagelocality: nodes that already hold the pod's images score higher. */
export const imageLocality: ScorePlugin = {
  name: 'ImageLocality', weight: 1,
  score: (pod, _info, nodes, out) => {
    // Each image under the names a node's status.images may list it by (as written, tagged, fully qualified).
    const images = (pod.spec?.containers ?? []).map((c) => {
      const ref = c.image ?? '';
      const tagged = ref.includes(':') || ref.includes('@') ? ref : `${ref}:latest`;
      return [ref, tagged, ref.includes('/') ? tagged : `docker.io/library/${tagged}`];
    });
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      if (!images.length || !n.images.size) { out[i] = 0; continue; }
      const have = images.filter((names) => names.some((x) => n.images.has(x))).length;
      out[i] = Math.floor(have * MAX / images.length);
    }
  },
};

/** DEFAULT_SCORES is the default profile's score plugins with their weights. */
export const DEFAULT_SCORES: ScorePlugin[] = [taintTolerationScore, nodeAffinityScore, leastAllocated, balancedAllocation, spread, imageLocality];

/** scoreNodes returns the weighted total score of every node. */
export function scoreNodes(pod: Pod, info: PodInfo, nodes: NodeInfo[], plugins = DEFAULT_SCORES): number[] {
  const total = new Array<number>(nodes.length).fill(0);
  const out = new Array<number>(nodes.length).fill(0);
  for (const p of plugins) {
    p.score(pod, info, nodes, out);
    for (let i = 0; i < nodes.length; i++) total[i] += out[i] * p.weight;
  }
  return total;
}
