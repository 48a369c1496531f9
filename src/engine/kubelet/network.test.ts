import { describe, it, expect } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { createCluster } from '../cluster';
import type { TrafficTrace } from '../network';
import type { KObject } from '../types';

// The pods' side of the network through the composition root: requests reach the program, logs show them, probes are traced.
describe('kubelet and the cluster network', () => {
  it('shows an nginx access-log line in the pod log after a request from the master node', () => {
    const cluster = createCluster({ seed: 5 });
    const { client } = cluster;
    client.create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } as KObject);
    cluster.advance(20_000);
    const ip = (client.get('pods', 'default', 'web') as unknown as Pod).status?.podIP ?? '';
    const r = cluster.network.http(cluster.network.nodeSource('master')!, { method: 'GET', host: ip, port: 80, path: '/', headers: { 'user-agent': 'curl/8.5.0', accept: '*/*' } });
    expect(r.ok && r.status).toBe(200);
    const log = client.request({ method: 'GET', path: '/api/v1/namespaces/default/pods/web/log', query: { tailLines: '1' } });
    expect(log.text).toMatch(/^\S+ - - \[\d\d\/Mar\/2025:\d\d:\d\d:\d\d \+0000\] "GET \/ HTTP\/1\.1" 200 615 "-" "curl\/8\.5\.0" "-"\n$/);
    cluster.stop();
  });

  it('publishes readiness probe traffic as probe traces on the network', () => {
    const cluster = createCluster({ seed: 5 });
    const traces: TrafficTrace[] = [];
    cluster.network.onTrace((t) => traces.push(t));
    cluster.client.create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'nginx', readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 5 } }] } } as KObject);
    cluster.advance(30_000);
    const probes = traces.filter((t) => t.probe && t.answeredBy?.name === 'web');
    expect(probes.length).toBeGreaterThanOrEqual(3);
    expect(probes[0]).toMatchObject({ protocol: 'http', status: 200, answeredBy: { kind: 'pod', name: 'web', port: 80 } });
    expect(new Set(probes.map((t) => t.id)).size).toBe(probes.length);
    cluster.stop();
  });
});
