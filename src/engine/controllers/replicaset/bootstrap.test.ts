import { describe, it, expect } from 'vitest';
import { createCluster } from '../../cluster';
import type { KObject } from '../../types';

describe('replicaset controller in a fresh cluster', () => {
  it('adopts the bootstrap coredns ReplicaSet and its pods without creating or deleting anything', () => {
    const cluster = createCluster();
    try {
      const rs = cluster.client.get('replicasets', 'kube-system', 'coredns-668d6bf9bc') as KObject & { status: unknown };
      expect(rs.status).toEqual({ replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1 });
      const pods = cluster.client.list('pods', 'kube-system').filter((p) => p.metadata.labels?.['k8s-app'] === 'kube-dns');
      expect(pods.map((p) => p.metadata.ownerReferences?.[0]?.uid)).toEqual([rs.metadata.uid, rs.metadata.uid]);
      const events = cluster.client.list<KObject & { reason: string; involvedObject: { kind: string } }>('events', 'kube-system')
        .filter((e) => e.involvedObject.kind === 'ReplicaSet').map((e) => e.reason);
      expect(events).toEqual(['SuccessfulCreate', 'SuccessfulCreate']);
    } finally {
      cluster.stop();
    }
  });
});
