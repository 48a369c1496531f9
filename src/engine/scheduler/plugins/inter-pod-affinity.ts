import type { Pod, PodAffinityTerm } from 'kubernetes-types/core/v1';
import { labelSelectorMatcher } from '../../api';
import type { NodeInfo, PodInfo } from '../node-info';
import type { CycleState } from './cycle';
import { cached } from './cycle';
import type { FilterStatus } from './filters';

interface Term { key: string; namespaces: Set<string> | 'all'; matches: (labels: Record<string, string> | undefined) => boolean }

function compile(pod: Pod, t: PodAffinityTerm): Term {
  const sel = labelSelectorMatcher(t.labelSelector ?? undefined);
  // A non-empty namespaceSelector would need Namespace labels; {} selects every namespace.
  const all = t.namespaceSelector !== undefined && !Object.keys(t.namespaceSelector).length;
  const namespaces = all ? 'all' as const : new Set(t.namespaces?.length ? t.namespaces : [pod.metadata?.namespace ?? 'default']);
  return { key: t.topologyKey, namespaces, matches: (l) => sel.matches(l) };
}

function termMatches(term: Term, p: Pod): boolean {
  return (term.namespaces === 'all' || term.namespaces.has(p.metadata?.namespace ?? '')) && term.matches(p.metadata?.labels);
}

interface State { affinity: Term[]; anti: Term[]; affinityCounts: Map<string, number>; antiCounts: Map<string, number>; existingAnti: Map<string, number> }

const pair = (k: string, v: string) => `${k}\u0000${v}`;

function bump(m: Map<string, number>, k: string): void { m.set(k, (m.get(k) ?? 0) + 1); }

/** preFilter counts, per topology pair, the pods the incoming pod's terms (and existing pods' anti-affinity) care about. */
function preFilter(pod: Pod, nodes: NodeInfo[]): State {
  const req = pod.spec?.affinity;
  const affinity = (req?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => compile(pod, t));
  const anti = (req?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => compile(pod, t));
  const st: State = { affinity, anti, affinityCounts: new Map(), antiCounts: new Map(), existingAnti: new Map() };
  for (const n of nodes) {
    const labels = n.node.metadata?.labels ?? {};
    if (affinity.length || anti.length) {
      for (const p of n.pods.values()) {
        const other = p.pod;
        if (other.metadata?.deletionTimestamp) continue;
        if (affinity.length && affinity.every((t) => termMatches(t, other))) {
          for (const t of affinity) if (t.key in labels) bump(st.affinityCounts, pair(t.key, labels[t.key]));
        }
        for (const t of anti) if (t.key in labels && termMatches(t, other)) bump(st.antiCounts, pair(t.key, labels[t.key]));
      }
    }
    for (const p of n.antiAffinityPods.values()) {
      for (const raw of p.pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []) {
        const t = compile(p.pod, raw);
        if (t.key in labels && termMatches(t, pod)) bump(st.existingAnti, pair(t.key, labels[t.key]));
      }
    }
  }
  return st;
}

/**
 * interPodAffinity models plugins/interpodaffinity Filter: required pod affinity (a group's first pod may
 * match itself), required anti-affinity, and existing pods' anti-affinity towards the incoming pod.
 */
export function interPodAffinity(pod: Pod, _info: PodInfo, n: NodeInfo, cycle: CycleState): FilterStatus | undefined {
  const st = cached(cycle, 'InterPodAffinity', preFilter, pod);
  const labels = n.node.metadata?.labels ?? {};
  if (st.affinity.length) {
    let exist = true;
    for (const t of st.affinity) {
      if (!(t.key in labels)) return { plugin: 'InterPodAffinity', unresolvable: true, reasons: ["node(s) didn't match pod affinity rules"] };
      if (!(st.affinityCounts.get(pair(t.key, labels[t.key])) ?? 0)) exist = false;
    }
    if (!exist && !(st.affinityCounts.size === 0 && st.affinity.every((t) => termMatches(t, pod)))) {
      return { plugin: 'InterPodAffinity', unresolvable: true, reasons: ["node(s) didn't match pod affinity rules"] };
    }
  }
  for (const t of st.anti) {
    if (t.key in labels && (st.antiCounts.get(pair(t.key, labels[t.key])) ?? 0) > 0) {
      return { plugin: 'InterPodAffinity', unresolvable: false, reasons: ["node(s) didn't match pod anti-affinity rules"] };
    }
  }
  if (st.existingAnti.size) {
    for (const [k, v] of Object.entries(labels)) {
      if ((st.existingAnti.get(pair(k, v)) ?? 0) > 0) {
        return { plugin: 'InterPodAffinity', unresolvable: false, reasons: ["node(s) didn't satisfy existing pods anti-affinity rules"] };
      }
    }
  }
  return undefined;
}
