import { describe, it, expect } from 'vitest';
import type { TrafficTrace } from '../network/types';
import { setup } from './testdata/harness';

describe('probe traffic traces', () => {
  it('publishes http and tcp probes as probe: true traces from the node to the pod', () => {
    const traces: Omit<TrafficTrace, 'id'>[] = [];
    const h = setup(undefined, 7, { traceProbe: (t) => traces.push(t) });
    h.run({ containers: [{
      name: 'kubia', image: 'luksa/kubia-unhealthy',
      livenessProbe: { httpGet: { path: '/', port: 8080 }, periodSeconds: 10 },
      readinessProbe: { tcpSocket: { port: 9999 }, periodSeconds: 10 },
    }] }, 'web', { labels: { app: 'kubia', 'pod-template-hash': '5d8f7c9b4' } });
    h.advance(40);
    const http = traces.filter((t) => t.protocol === 'http');
    const tcp = traces.filter((t) => t.protocol === 'tcp');
    expect(http.length).toBeGreaterThanOrEqual(2);
    expect(tcp.length).toBeGreaterThanOrEqual(2);
    expect(http[0]).toMatchObject({
      probe: true, status: 200, from: { kind: 'node', name: 'worker', ip: '192.168.1.3' },
      answeredBy: { kind: 'pod', name: 'web', namespace: 'default', ip: '10.244.1.2', port: 8080, revision: '5d8f7c9b4' },
      hops: [{ via: 'direct', note: 'liveness probe', to: { kind: 'pod', name: 'web' } }],
    });
    expect(http[0].error).toBeUndefined();
    expect(tcp[0].answeredBy).toBeUndefined();
    expect(tcp[0].error).toBe('dial tcp 10.244.1.2:9999: connect: connection refused');
    // kubia-unhealthy answers 500 from its 6th request on: the trace carries the status.
    h.advance(60);
    expect(traces.filter((t) => t.protocol === 'http').some((t) => t.status === 500 && t.error === 'HTTP probe failed with statuscode: 500')).toBe(true);
  });

  it('records nothing for exec probes', () => {
    const traces: Omit<TrafficTrace, 'id'>[] = [];
    const h = setup(undefined, 7, { traceProbe: (t) => traces.push(t) });
    h.run({ containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'], readinessProbe: { exec: { command: ['true'] }, periodSeconds: 5 } }] });
    h.advance(30);
    expect(h.pod().status?.containerStatuses?.[0].ready).toBe(true);
    expect(traces).toEqual([]);
  });
});
