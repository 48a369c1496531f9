import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { KObject } from '../../types';
import type { FakeClient } from '../runtime';

/**
 * startFakeReplicaSets is a stand-in for the ReplicaSet controller in unit tests: it keeps every RS's
 * status equal to its spec, with `available(rs)` deciding how many replicas count as ready and available.
 */
export function startFakeReplicaSets(client: FakeClient, available: (rs: ReplicaSet) => number = (rs) => rs.spec?.replicas ?? 0): { resync(): void } {
  const sync = (rs: ReplicaSet) => {
    const cur = client.tryGet<KObject>('replicasets', rs.metadata?.namespace, rs.metadata?.name ?? '') as ReplicaSet | undefined;
    if (!cur) return;
    const n = cur.spec?.replicas ?? 0;
    const a = Math.min(n, available(cur));
    const want = { replicas: n, fullyLabeledReplicas: n, readyReplicas: a, availableReplicas: a, observedGeneration: cur.metadata?.generation ?? 1 };
    if (JSON.stringify(cur.status ?? {}) === JSON.stringify(want)) return;
    client.updateStatus('replicasets', cur.metadata?.namespace, { ...(cur as KObject), status: want });
  };
  const w = client.watch('replicasets');
  w.onEvent((e) => { if (e.type !== 'DELETED') sync(e.object as ReplicaSet); });
  return { resync: () => { for (const rs of client.list('replicasets')) sync(rs as ReplicaSet); } };
}
