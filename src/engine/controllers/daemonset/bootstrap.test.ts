import { describe, it, expect } from 'vitest';
import { createCluster } from '../../cluster';

// Test objects are read loosely (deep optional fields); the assertions check their shape.
type Obj = any;

describe('daemonset controller on a fresh kubeadm cluster', () => {
  it('adopts kube-proxy as bootstrapped: one revision, one pod per node, no extra creates or deletes', () => {
    const c = createCluster();
    const pods = c.client.list<Obj>('pods', 'kube-system').filter((p) => p.metadata.labels?.['k8s-app'] === 'kube-proxy');
    expect(pods.map((p) => p.spec.nodeName).sort()).toEqual(['master', 'worker', 'worker2']);
    const revs = c.client.list<Obj>('controllerrevisions', 'kube-system');
    expect(revs).toHaveLength(1);
    const hash = revs[0].metadata.labels['controller-revision-hash'];
    expect(pods.every((p) => p.metadata.labels['controller-revision-hash'] === hash)).toBe(true);
    const dsEvents = c.client.list<Obj>('events', 'kube-system').filter((e) => e.source?.component === 'daemonset-controller');
    expect(dsEvents.map((e) => e.reason)).toEqual(['SuccessfulCreate', 'SuccessfulCreate', 'SuccessfulCreate']);
    expect(c.client.get<Obj>('daemonsets', 'kube-system', 'kube-proxy').status).toEqual({
      currentNumberScheduled: 3, desiredNumberScheduled: 3, numberAvailable: 3, numberMisscheduled: 0, numberReady: 3, observedGeneration: 1, updatedNumberScheduled: 3,
    });
    c.advance(10 * 60_000);
    expect(c.client.list<Obj>('pods', 'kube-system').filter((p) => p.metadata.labels?.['k8s-app'] === 'kube-proxy').map((p) => p.metadata.name).sort())
      .toEqual(pods.map((p) => p.metadata.name).sort());
    c.stop();
  });
});
