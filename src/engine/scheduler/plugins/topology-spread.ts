import type { Pod, TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import { labelSelectorMatcher } from '../../api';
import type { NodeInfo, PodInfo } from '../node-info';
import type { CycleState } from './cycle';
import { cached } from './cycle';
import type { FilterStatus } from './filters';
import { matchesNodeSelectorAndAffinity } from './node-affinity';

interface Constraint { key: string; maxSkew: number; minDomains: number; selfMatch: number; counts: Map<string, number>; min: number; matches: (p: Pod) => boolean }

function compile(pod: Pod, c: TopologySpreadConstraint): Constraint['matches'] {
  const ls = { ...(c.labelSelector ?? {}) };
  // matchLabelKeys adds `key in (value)` for each key the incoming pod carries.
  const extra = (c.matchLabelKeys ?? []).filter((k) => pod.metadata?.labels?.[k] !== undefined)
    .map((k) => ({ key: k, operator: 'In', values: [pod.metadata!.labels![k]] }));
  const sel = labelSelectorMatcher(c.labelSelector ? { ...ls, matchExpressions: [...(ls.matchExpressions ?? []), ...extra] } : undefined);
  const ns = pod.metadata?.namespace;
  return (p) => p.metadata?.namespace === ns && !p.metadata?.deletionTimestamp && sel.matches(p.metadata?.labels);
}

/** preFilter counts matching pods per topology domain over the nodes the pod could land on (nodeAffinityPolicy Honor). */
function preFilter(pod: Pod, nodes: NodeInfo[]): Constraint[] {
  const hard = (pod.spec?.topologySpreadConstraints ?? []).filter((c) => c.whenUnsatisfiable === 'DoNotSchedule');
  if (!hard.length) return [];
  const cons: Constraint[] = hard.map((c) => {
    const matches = compile(pod, c);
    return { key: c.topologyKey, maxSkew: c.maxSkew, minDomains: c.minDomains ?? 1, selfMatch: matches(pod) ? 1 : 0, counts: new Map(), min: 0, matches };
  });
  const eligible = nodes.filter((n) => matchesNodeSelectorAndAffinity(pod, n.node)
    && cons.every((c) => n.node.metadata?.labels?.[c.key] !== undefined));
  for (const c of cons) {
    for (const n of eligible) {
      const v = n.node.metadata!.labels![c.key];
      let cnt = c.counts.get(v) ?? 0;
      for (const p of n.pods.values()) if (c.matches(p.pod)) cnt++;
      c.counts.set(v, cnt);
    }
    c.min = c.counts.size < c.minDomains ? 0 : Math.min(...c.counts.values());
  }
  return cons;
}

/** podTopologySpread models plugins/podtopologyspread Filter for DoNotSchedule constraints. */
export function podTopologySpread(pod: Pod, _info: PodInfo, n: NodeInfo, cycle: CycleState): FilterStatus | undefined {
  const cons = cached(cycle, 'PodTopologySpread', preFilter, pod);
  for (const c of cons) {
    const v = n.node.metadata?.labels?.[c.key];
    if (v === undefined) {
      return { plugin: 'PodTopologySpread', unresolvable: true, reasons: ["node(s) didn't match pod topology spread constraints (missing required label)"] };
    }
    const skew = (c.counts.get(v) ?? 0) + c.selfMatch - c.min;
    if (skew > c.maxSkew) return { plugin: 'PodTopologySpread', unresolvable: false, reasons: ["node(s) didn't match pod topology spread constraints"] };
  }
  return undefined;
}
