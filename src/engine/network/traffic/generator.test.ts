import { describe, it, expect } from 'vitest';
import type { Client } from '../../api/types';
import type { KObject } from '../../types';
import { VirtualClock } from '../../util';
import type { HttpCall, HttpResult, NetSource, Network, Peer, TrafficTrace } from '../types';
import { createTrafficGenerator, imageTag, parseTarget } from './generator';
import { TrafficError } from './types';

const resolv = { nameservers: [], search: [], ndots: 5 };

/** fakeClient serves a few objects by resource/namespace/name. */
function fakeClient(objs: Array<[string, string | undefined, KObject]>): Client {
  const key = (r: string, ns: string | undefined, n: string) => `${r}/${ns ?? ''}/${n}`;
  const m = new Map(objs.map(([r, ns, o]) => [key(r, ns, o.metadata.name!), o]));
  return {
    tryGet: (r: string, ns: string | undefined, n: string) => m.get(key(r, r === 'nodes' ? undefined : ns, n)),
    list: (r: string) => objs.filter(([x]) => x === r).map(([, , o]) => o),
  } as unknown as Client;
}

const pod = (name: string, hash: string, image: string): KObject => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels: { app: 'kubia', 'pod-template-hash': hash } },
  spec: { containers: [{ name: 'kubia', image, ports: [{ containerPort: 8080 }] }] },
} as KObject);

/** fakeNetwork answers Service requests with the pods `answer()` picks, recording calls. */
function fakeNetwork(clock: VirtualClock, answer: (n: number) => { pod?: string; rev?: string; status?: number; error?: 'refused' }) {
  const calls: Array<{ src: NetSource; call: HttpCall }> = [];
  const traces: TrafficTrace[] = [];
  let id = 0;
  const net = {
    http(src: NetSource, call: HttpCall): HttpResult {
      calls.push({ src, call });
      const a = answer(calls.length);
      const answeredBy: Peer | undefined = a.pod ? { kind: 'pod', name: a.pod, namespace: 'default', revision: a.rev, port: 8080, ip: '10.244.1.9' } : undefined;
      const trace: TrafficTrace = { id: ++id, t: clock.now(), protocol: 'http', generator: call.generator, from: { kind: src.kind }, hops: [], answeredBy, latencyMs: 2, ...(a.status ? { status: a.status } : {}) };
      traces.push(trace);
      if (a.error) return { ok: false, error: a.error, ip: call.host, port: call.port, durationMs: 1, trace };
      return { ok: true, status: a.status ?? 200, headers: {}, body: `You've hit ${a.pod}\n`, ip: '10.244.1.9', port: 8080, durationMs: 2, trace };
    },
    nodeSource: (node: string): NetSource | undefined => (node === 'master' ? { kind: 'node', node, ip: '192.168.1.2', resolv } : undefined),
    podSource: (ns: string, name: string): NetSource | undefined => (name === 'client' ? { kind: 'pod', namespace: ns, name, ip: '10.244.1.4', node: 'worker', resolv } : undefined),
  } as unknown as Network;
  return { net, calls, traces };
}

const objects: Array<[string, string | undefined, KObject]> = [
  ['nodes', undefined, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'master', labels: { 'node-role.kubernetes.io/control-plane': '' } } }],
  ['nodes', undefined, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker', labels: {} } }],
  ['services', 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'kubia', namespace: 'default' }, spec: { clusterIP: '10.96.100.7', ports: [{ port: 80, targetPort: 8080 }] } } as KObject],
  ['pods', 'default', pod('kubia-v1-a', 'h1', 'luksa/kubia:v1')],
  ['pods', 'default', pod('kubia-v1-b', 'h1', 'luksa/kubia:v1')],
  ['pods', 'default', pod('kubia-v2-a', 'h2', 'luksa/kubia:v2')],
  ['pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'client', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } as KObject],
];

describe('traffic generator', () => {
  it('sends rps requests per virtual second from the control-plane node to the ClusterIP, tagged', () => {
    const clock = new VirtualClock(0);
    const { net, calls, traces } = fakeNetwork(clock, () => ({ pod: 'kubia-v1-a', rev: 'h1' }));
    const gen = createTrafficGenerator(net, clock, fakeClient(objects));
    const id = gen.start({ target: 'svc/kubia', rps: 5 });
    expect(id).toBe('traffic-1');
    clock.advance(2000);
    expect(calls).toHaveLength(10);
    expect(calls[0].src).toMatchObject({ kind: 'node', node: 'master' });
    expect(calls[0].call).toMatchObject({ method: 'GET', host: '10.96.100.7', port: 80, path: '/', generator: 'traffic-1' });
    expect(traces.every((t) => t.generator === 'traffic-1')).toBe(true);
    expect(gen.stop('all').map((s) => s.sent)).toEqual([10]);
    clock.advance(2000);
    expect(calls).toHaveLength(10);
    expect(gen.list()).toEqual([]);
  });

  it('counts shares per pod and per version, with a 10 s recent window', () => {
    const clock = new VirtualClock(0);
    // First 20 requests go to v1 pods alternately, then everything goes to v2.
    const { net } = fakeNetwork(clock, (n) => (n <= 20 ? { pod: n % 2 ? 'kubia-v1-a' : 'kubia-v1-b', rev: 'h1' } : { pod: 'kubia-v2-a', rev: 'h2' }));
    const gen = createTrafficGenerator(net, clock, fakeClient(objects));
    const id = gen.start({ target: 'service/kubia', rps: 2 });
    clock.advance(10_000); // 20 requests, all v1
    let s = gen.stats(id)!;
    expect(s.versions.map((v) => [v.revision, v.version, v.count, v.share])).toEqual([['h1', 'v1', 20, 1]]);
    expect(s.pods.map((p) => [p.pod, p.count, p.share])).toEqual([['kubia-v1-a', 10, 0.5], ['kubia-v1-b', 10, 0.5]]);
    clock.advance(10_000); // 20 more, all v2: overall 50/50, recent window all v2
    s = gen.stats(id)!;
    expect(s.sent).toBe(40);
    expect(s.failures).toBe(0);
    expect(s.versions.map((v) => [v.version, v.image, v.count, v.share, v.recent, v.recentShare])).toEqual([
      ['v1', 'luksa/kubia:v1', 20, 0.5, 0, 0],
      ['v2', 'luksa/kubia:v2', 20, 0.5, 20, 1],
    ]);
    expect(s.recentSent).toBe(20);
  });

  it('counts failures: refused connections and HTTP errors, with the last error in curl words', () => {
    const clock = new VirtualClock(0);
    const { net } = fakeNetwork(clock, (n) => (n % 3 === 0 ? { error: 'refused' } : n % 3 === 1 ? { pod: 'kubia-v2-a', rev: 'h2', status: 500 } : { pod: 'kubia-v2-a', rev: 'h2' }));
    const gen = createTrafficGenerator(net, clock, fakeClient(objects));
    const id = gen.start({ target: 'svc/kubia', rps: 1 });
    clock.advance(6000);
    const s = gen.stats(id)!;
    expect([s.sent, s.answered, s.failures]).toEqual([6, 4, 4]);
    expect(s.pods[0]).toMatchObject({ pod: 'kubia-v2-a', count: 4, failures: 2 });
    expect(s.lastError).toBe('Connection refused (10.96.100.7:80)');
  });

  it('sends from a pod, changes rate, and finds a generator by target', () => {
    const clock = new VirtualClock(0);
    const { net, calls } = fakeNetwork(clock, () => ({ pod: 'kubia-v1-a', rev: 'h1' }));
    const gen = createTrafficGenerator(net, clock, fakeClient(objects));
    const id = gen.start({ target: 'svc/kubia', rps: 1, from: { kind: 'pod', name: 'client' }, path: '/healthz' });
    expect(gen.find({ target: 'svc/kubia', from: { kind: 'pod', name: 'client' }, path: '/healthz' })).toBe(id);
    expect(gen.find({ target: 'svc/kubia' })).toBeUndefined();
    clock.advance(1000);
    expect(gen.setRate(id, 10)).toBe(true);
    clock.advance(1000);
    expect(calls).toHaveLength(11);
    expect(calls[0].src).toMatchObject({ kind: 'pod', name: 'client' });
    expect(calls[0].call.path).toBe('/healthz');
    expect(gen.stats(id)?.rps).toBe(10);
  });

  it('rejects unknown services, sources and bad rates', () => {
    const clock = new VirtualClock(0);
    const gen = createTrafficGenerator(fakeNetwork(clock, () => ({})).net, clock, fakeClient(objects));
    expect(() => gen.start({ target: 'svc/nope', rps: 5 })).toThrow(new TrafficError('service "nope" not found in namespace "default"'));
    expect(() => gen.start({ target: 'svc/kubia', rps: 0 })).toThrow(/invalid rate 0/);
    expect(() => gen.start({ target: 'svc/kubia', rps: 5, from: { kind: 'pod', name: 'ghost' } })).toThrow('pod "ghost" not found in namespace "default"');
    expect(() => gen.start({ target: 'kubia', rps: 5 })).toThrow(/invalid target "kubia"/);
  });

  it('parses targets and image tags', () => {
    expect(parseTarget('http://example.com:8080/x?y=1')).toEqual({ kind: 'url', scheme: 'http', host: 'example.com', port: 8080, path: '/x?y=1' });
    expect(parseTarget('https://10.96.0.1')).toMatchObject({ port: 443, path: '/' });
    expect(imageTag('luksa/kubia:v2')).toBe('v2');
    expect(imageTag('localhost:5000/kubia')).toBe('latest');
    expect(imageTag('nginx@sha256:0123456789abcdef')).toBe('sha256:0123456');
  });
});
