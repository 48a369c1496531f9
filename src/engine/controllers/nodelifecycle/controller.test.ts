import { describe, it, expect } from 'vitest';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { createCluster } from '../../cluster';
import type { Cluster } from '../../cluster';
import type { KObject } from '../../types';

const node = (c: Cluster, name: string) => c.client.get('nodes', undefined, name) as unknown as Node;
const ready = (n: Node) => n.status?.conditions?.find((x) => x.type === 'Ready');
const pod = (name: string, extra: Partial<Pod['spec']> = {}): KObject => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name },
  spec: { nodeName: 'worker2', containers: [{ name: 'c', image: 'nginx' }], ...extra },
} as unknown as KObject);
const events = (c: Cluster, reason: string) => c.client.list<KObject & { reason: string; message: string; involvedObject: { name: string } }>('events')
  .filter((e) => e.reason === reason).map((e) => `${e.involvedObject.name}: ${e.message}`);

describe('nodelifecycle controller', () => {
  it('marks a node whose lease is stale Unknown and taints it unreachable, then heals it', () => {
    const c = createCluster();
    try {
      c.client.create('pods', 'default', pod('p'));
      c.advance(20_000);
      c.stopNode('worker2');
      c.advance(40_000);
      expect(ready(node(c, 'worker2'))?.status).toBe('True');
      c.advance(20_000);
      const n = node(c, 'worker2');
      expect(ready(n)).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
      expect(n.status?.conditions?.every((x) => x.status === 'Unknown')).toBe(true);
      expect(n.spec?.taints?.map((t) => `${t.key}:${t.effect}:${t.timeAdded ? 'timed' : ''}`)).toEqual([
        'node.kubernetes.io/unreachable:NoSchedule:timed', 'node.kubernetes.io/unreachable:NoExecute:timed',
      ]);
      const p = c.client.get('pods', 'default', 'p') as unknown as Pod;
      expect(p.status?.conditions?.find((x) => x.type === 'Ready')?.status).toBe('False');
      expect(events(c, 'NodeNotReady')).toEqual(expect.arrayContaining(['worker2: Node worker2 status is now: NodeNotReady', 'p: Node is not ready']));
      expect(node(c, 'worker').spec?.taints).toBeUndefined();

      c.startNode('worker2');
      c.advance(5_000);
      const back = node(c, 'worker2');
      expect(ready(back)?.status).toBe('True');
      expect(back.spec?.taints).toBeUndefined();
    } finally {
      c.stop();
    }
  });

  it('evicts pods when their unreachable toleration runs out, at once without one, never without tolerationSeconds', () => {
    const c = createCluster();
    try {
      const tol = (seconds?: number) => ({ tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', ...(seconds === undefined ? {} : { tolerationSeconds: seconds }) }] });
      c.client.create('pods', 'default', pod('defaulted')); // admission adds tolerationSeconds: 300
      c.client.create('pods', 'default', pod('short', tol(30) as Partial<Pod['spec']>));
      c.client.create('pods', 'default', pod('forever', tol() as Partial<Pod['spec']>));
      c.advance(20_000);
      c.stopNode('worker2');
      c.advance(60_000);
      const gone = () => c.client.list('pods', 'default').filter((p) => p.metadata.deletionTimestamp).map((p) => p.metadata.name).sort();
      expect(gone()).toEqual([]);
      c.advance(30_000);
      expect(gone()).toEqual(['short']);
      c.advance(270_000);
      expect(gone()).toEqual(['defaulted', 'short']);
      expect(events(c, 'TaintManagerEviction').filter((e) => e.includes('default/')).sort())
        .toEqual(['defaulted: Marking for deletion Pod default/defaulted', 'short: Marking for deletion Pod default/short']);
    } finally {
      c.stop();
    }
  });

  it('garbage-collects the pods of a removed node', () => {
    const c = createCluster();
    try {
      c.client.create('pods', 'default', pod('orphan'));
      c.advance(20_000);
      expect(c.removeNode('worker2')).toBe(true);
      c.advance(5_000);
      expect(c.client.tryGet('pods', 'default', 'orphan')).toBeUndefined();
      expect(c.client.tryGet('leases', 'kube-node-lease', 'worker2')).toBeUndefined();
    } finally {
      c.stop();
    }
  });
});
