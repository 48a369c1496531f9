import { describe, it, expect } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { createCluster } from '../cluster';
import type { KObject } from '../types';

// Integration with the real API server, event recorder and scheduler through the composition root.
describe('kubelet inside a cluster', () => {
  const cluster = createCluster({ seed: 3 });
  const { client } = cluster;
  const pod = (name: string) => client.get('pods', 'default', name) as unknown as Pod;

  it('runs nginx, records events and serves logs through the API', () => {
    client.create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } as KObject);
    cluster.advance(300);
    expect(pod('web').status?.containerStatuses?.[0].state?.waiting?.reason).toBe('ContainerCreating');
    cluster.advance(15_000);
    expect(pod('web').status?.phase).toBe('Running');
    const reasons = client.list('events', 'default').filter((e) => (e.involvedObject as { name: string }).name === 'web').map((e) => e.reason);
    expect(reasons).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']);
    const res = client.request({ method: 'GET', path: '/api/v1/namespaces/default/pods/web/log', query: { tailLines: '1' } });
    expect(res.code).toBe(200);
    expect(res.text).toMatch(/start worker process 30\n$/);
  });

  it('deletes gracefully through the API server', () => {
    client.delete('pods', 'default', 'web');
    expect(pod('web').metadata?.deletionTimestamp).toBeDefined();
    cluster.advance(3_000);
    expect(client.tryGet('pods', 'default', 'web')).toBeUndefined();
    const msgs = client.list('events', 'default').filter((e) => e.reason === 'Killing').map((e) => e.message);
    expect(msgs).toEqual(['Stopping container web']);
  });
});
