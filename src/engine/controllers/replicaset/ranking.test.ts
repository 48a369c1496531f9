import { describe, it, expect } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { podsToDelete } from './ranking';

const T0 = Date.parse('2025-03-10T09:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

function pod(name: string, o: { node?: string; phase?: string; readySince?: number; restarts?: number; created?: number; cost?: string; uid?: string } = {}): Pod {
  return {
    metadata: { name, uid: o.uid ?? name, creationTimestamp: iso(o.created ?? T0), ...(o.cost ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': o.cost } } : {}) },
    spec: { containers: [], ...(o.node ? { nodeName: o.node } : {}) },
    status: {
      phase: o.phase ?? 'Running',
      conditions: [{ type: 'Ready', status: o.readySince !== undefined ? 'True' : 'False', lastTransitionTime: iso(o.readySince ?? T0) }],
      containerStatuses: [{ name: 'c', image: 'x', imageID: '', ready: o.readySince !== undefined, restartCount: o.restarts ?? 0 }],
    },
  };
}

const names = (ps: Pod[]) => ps.map((p) => p.metadata?.name);
const now = T0 + 3_600_000;

describe('podsToDelete (ActivePodsWithRanks)', () => {
  it('prefers unscheduled, then pending, then not ready pods', () => {
    const pods = [pod('ready', { node: 'a', readySince: T0 }), pod('notready', { node: 'a' }), pod('pending', { node: 'a', phase: 'Pending' }), pod('unscheduled', { phase: 'Pending' })];
    expect(names(podsToDelete(pods, [], 3, now))).toEqual(['unscheduled', 'pending', 'notready']);
  });

  it('prefers a lower deletion cost, then pods doubled up on a node', () => {
    const pods = [pod('alone', { node: 'b', readySince: T0 }), pod('crowded', { node: 'a', readySince: T0 }), pod('cheap', { node: 'b', readySince: T0, cost: '-5' })];
    const related = [...pods, pod('other1', { node: 'a', readySince: T0 }), pod('other2', { node: 'a', readySince: T0 })];
    expect(names(podsToDelete(pods, related, 2, now))).toEqual(['cheap', 'crowded']);
  });

  it('prefers recently ready (on a log scale), then more restarts, then newer pods', () => {
    const pods = [
      pod('old', { node: 'a', readySince: T0, created: T0 }),
      pod('fresh', { node: 'a', readySince: now - 1000, created: now - 2000 }),
      pod('restarted', { node: 'a', readySince: T0, created: T0, restarts: 4 }),
    ];
    expect(names(podsToDelete(pods, [], 2, now))).toEqual(['fresh', 'restarted']);
  });

  it('returns every pod untouched when all go', () => {
    const pods = [pod('b'), pod('a')];
    expect(names(podsToDelete(pods, [], 5, now))).toEqual(['b', 'a']);
  });

  it('picks the same few pods out of many as ranking them all would', () => {
    // 40 pods with distinct restart counts on one node: the ranking is a strict order (more restarts go first).
    const pods = Array.from({ length: 40 }, (_, i) => pod(`p${i}`, { node: 'a', readySince: T0, restarts: (i * 17) % 40 }));
    const byRestarts = [...pods].sort((x, y) => (y.status!.containerStatuses![0].restartCount - x.status!.containerStatuses![0].restartCount));
    expect(names(podsToDelete(pods, [], 1, now))).toEqual(names(byRestarts.slice(0, 1)));
    expect(names(podsToDelete(pods, [], 3, now))).toEqual(names(byRestarts.slice(0, 3)));
    // Equal candidates keep their input order.
    const twins = [pod('x1', { node: 'a', readySince: T0 }), ...pods.slice(0, 20), pod('x2', { node: 'a', readySince: T0, restarts: 99 }), pod('x3', { node: 'a', readySince: T0, restarts: 99 })];
    expect(names(podsToDelete(twins, [], 2, now))).toEqual(['x2', 'x3']);
  });
});
