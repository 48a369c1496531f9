import type { Pod } from 'kubernetes-types/core/v1';
import { isPodActive, maxContainerRestarts } from './pods';
import { isPodReady, podReadySince } from '../runtime';

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

const phaseOrdinal = (p: Pod) => PHASE_ORDINAL[p.status?.phase ?? ''] ?? 0;
const created = (p: Pod) => { const t = Date.parse(p.metadata?.creationTimestamp ?? ''); return Number.isNaN(t) ? 0 : t; };
const deletionCost = (p: Pod) => { const v = Number.parseInt(p.metadata?.annotations?.[DELETION_COST] ?? '0', 10); return Number.isNaN(v) ? 0 : v; };

// logRank is LogarithmicScaleDown's bucket: floor(log2) of the age in nanoseconds (-1 when not in the past).
function logRank(t: number, now: number): number {
  const d = (now - t) * 1e6;
  return d > 0 ? Math.floor(Math.log2(d)) : -1;
}

// afterOrZero is upstream's helper: a zero time sorts first, otherwise the later time does.
function afterOrZero(t1: number, t2: number): boolean {
  if (!t1 || !t2) return !t1;
  return t1 > t2;
}

// compareTimes orders by "newer first" with the logarithmic bucketing and a uid tie-break
// (r1, r2 are the times' logRank at now, computed once per pod).
function compareTimes(a: Pod, b: Pod, t1: number, t2: number, r1: number, r2: number, now: number): boolean {
  if (!now || !t1 || !t2) return afterOrZero(t1, t2);
  const diff = r1 - r2;
  if (diff === 0) return (a.metadata?.uid ?? '') < (b.metadata?.uid ?? '');
  return diff < 0;
}

/**
 * lessForDeletion is controller.ActivePodsWithRanks.Less: true when pod a should be deleted before b.
 * Unscheduled < scheduled; Pending < Unknown < Running; not ready < ready; lower pod-deletion-cost first;
 * more co-located related pods (rank) first; ready more recently first; more restarts first; newer first.
 */
export function lessForDeletion(a: Pod, b: Pod, rankA: number, rankB: number, now: number): boolean {
  return lessRanked(rankedPod(a, rankA, now), rankedPod(b, rankB, now), now);
}

/** PodFacts is what lessForDeletion reads from a pod (a function of the frozen pod alone), plus its age ranks at `now`. */
interface PodFacts {
  node: string; phase: number; ready: boolean; cost: number;
  readySince: number; restarts: { regular: number; sidecar: number }; created: number;
  /** now is the instant readyRank and createdRank were computed for. */
  now: number; readyRank: number; createdRank: number;
}

/** RankedPod caches what lessForDeletion reads from a pod, so a sort reads each pod once. */
class RankedPod {
  constructor(readonly pod: Pod, readonly f: PodFacts, readonly rank: number) {}
}

const factsOf = new WeakMap<Pod, PodFacts>();

function podFacts(pod: Pod, now: number): PodFacts {
  let f = factsOf.get(pod);
  if (!f) {
    const ready = isPodReady(pod);
    f = {
      node: pod.spec?.nodeName ?? '', phase: phaseOrdinal(pod), ready, cost: deletionCost(pod),
      readySince: ready ? podReadySince(pod) ?? 0 : 0, restarts: maxContainerRestarts(pod), created: created(pod),
      now: NaN, readyRank: 0, createdRank: 0,
    };
    if (Object.isFrozen(pod)) factsOf.set(pod, f);
  }
  if (f.now !== now) {
    f.now = now;
    f.readyRank = logRank(f.readySince, now);
    f.createdRank = logRank(f.created, now);
  }
  return f;
}

function rankedPod(pod: Pod, rank: number, now: number): RankedPod {
  return new RankedPod(pod, podFacts(pod, now), rank);
}

// lessRanked is lessForDeletion over cached fields (same order, without re-reading the pods on every comparison).
function lessRanked(x: RankedPod, y: RankedPod, now: number): boolean {
  const a = x.f, b = y.f;
  if (a.node !== b.node && (!a.node || !b.node)) return !a.node;
  if (a.phase !== b.phase) return a.phase < b.phase;
  if (a.ready !== b.ready) return !a.ready;
  if (a.cost !== b.cost) return a.cost < b.cost;
  if (x.rank !== y.rank) return x.rank > y.rank;
  if (a.ready && b.ready && a.readySince !== b.readySince) return compareTimes(x.pod, y.pod, a.readySince, b.readySince, a.readyRank, b.readyRank, now);
  if (a.restarts.regular !== b.restarts.regular) return a.restarts.regular > b.restarts.regular;
  if (a.restarts.sidecar !== b.restarts.sidecar) return a.restarts.sidecar > b.restarts.sidecar;
  if (a.created !== b.created) return compareTimes(x.pod, y.pod, a.created, b.created, a.createdRank, b.createdRank, now);
  return false;
}

// timeOrder is the sign of (compareTimes(a, b) ? -1 : compareTimes(b, a) ? 1 : 0) for t1 !== t2.
function timeOrder(a: Pod, b: Pod, t1: number, t2: number, r1: number, r2: number, now: number): number {
  if (!now || !t1 || !t2) return afterOrZero(t1, t2) ? -1 : 1;
  if (r1 !== r2) return r1 < r2 ? -1 : 1;
  const u1 = a.metadata?.uid ?? '', u2 = b.metadata?.uid ?? '';
  return u1 < u2 ? -1 : u2 < u1 ? 1 : 0;
}

/**
 * compareRanked is `lessRanked(x, y) ? -1 : lessRanked(y, x) ? 1 : 0` in one pass: every level of
 * lessRanked is symmetric (the first level where x and y differ decides both directions), so this is the
 * same comparator, value for value, and the sort's result is unchanged.
 */
function compareRanked(x: RankedPod, y: RankedPod, now: number): number {
  const a = x.f, b = y.f;
  if (a.node !== b.node && (!a.node || !b.node)) return !a.node ? -1 : 1;
  if (a.phase !== b.phase) return a.phase < b.phase ? -1 : 1;
  if (a.ready !== b.ready) return !a.ready ? -1 : 1;
  if (a.cost !== b.cost) return a.cost < b.cost ? -1 : 1;
  if (x.rank !== y.rank) return x.rank > y.rank ? -1 : 1;
  if (a.ready && b.ready && a.readySince !== b.readySince) return timeOrder(x.pod, y.pod, a.readySince, b.readySince, a.readyRank, b.readyRank, now);
  if (a.restarts.regular !== b.restarts.regular) return a.restarts.regular > b.restarts.regular ? -1 : 1;
  if (a.restarts.sidecar !== b.restarts.sidecar) return a.restarts.sidecar > b.restarts.sidecar ? -1 : 1;
  if (a.created !== b.created) return timeOrder(x.pod, y.pod, a.created, b.created, a.createdRank, b.createdRank, now);
  return 0;
}

/**
 * podsToDelete is getPodsToDelete: the first `diff` pods after ranking each by how many active related
 * pods (pods of ReplicaSets with the same controller) share its node.
 */
export function podsToDelete(pods: Pod[], related: Pod[], diff: number, now: number): Pod[] {
  if (diff >= pods.length) return pods.slice(0, diff);
  const onNode = new Map<string, number>();
  for (const p of related) if (isPodActive(p)) onNode.set(p.spec?.nodeName ?? '', (onNode.get(p.spec?.nodeName ?? '') ?? 0) + 1);
  const ranked = pods.map((pod) => rankedPod(pod, onNode.get(pod.spec?.nodeName ?? '') ?? 0, now));
  if (diff * SELECT_RATIO >= ranked.length) {
    ranked.sort((x, y) => compareRanked(x, y, now));
    return ranked.slice(0, diff).map((r) => r.pod);
  }
  return smallest(ranked, diff, now).map((r) => r.pod);
}

// Below this share of the pods (a rollout usually removes one or two of hundreds), picking beats sorting all.
const SELECT_RATIO = 8;

/**
 * smallest returns the first k of ranked as a stable sort by compareRanked would order them: one pass
 * keeping the k best seen so far, a newcomer placed after the equal ones already kept (they came first).
 * Where upstream's comparator is not transitive (the uid tie-break inside a log-scale bucket can form a
 * cycle) the pick can differ from a full sort's, as Go's unstable sort.Sort may differ too.
 */
function smallest(ranked: RankedPod[], k: number, now: number): RankedPod[] {
  const best: RankedPod[] = [];
  for (const r of ranked) {
    if (best.length === k && compareRanked(r, best[k - 1], now) >= 0) continue;
    let lo = 0, hi = best.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (compareRanked(r, best[mid], now) < 0) hi = mid; else lo = mid + 1; }
    best.splice(lo, 0, r);
    if (best.length > k) best.pop();
  }
  return best;
}
