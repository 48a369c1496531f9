import { describe, it, expect } from 'vitest';
import type { KObject, TrafficStats, TrafficTrace } from '../../engine/protocol';
import { revisionColors, REVISION_PALETTE, FAILURE_COLOR } from './colors';
import { createPeerIndex, tracePath, type BoxRect } from './paths';
import { generatorFor, podBars, servicesFor, trafficCommand, versionBars } from './shares';

const boxes: BoxRect[] = [
  { id: 'node:master', kind: 'node', x: 0, y: 0, width: 300, height: 200 },
  { id: 'node:worker', kind: 'node', x: 400, y: 0, width: 300, height: 200 },
  { id: 'pod:default/kubia-a', kind: 'pod', x: 410, y: 100, width: 160, height: 44 },
  { id: 'svc:default/kubia', kind: 'service', x: 0, y: 300, width: 190, height: 56 },
  { id: 'svc:kube-system/kube-dns', kind: 'service', x: 200, y: 300, width: 190, height: 56 },
];
const objects = {
  nodes: [{ apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker' }, status: { addresses: [{ type: 'InternalIP', address: '192.168.1.3' }] } }] as KObject[],
  pods: [
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'kubia-a', namespace: 'default' }, spec: { nodeName: 'worker' }, status: { podIP: '10.244.1.5' } },
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'kubia-hidden', namespace: 'default' }, spec: { nodeName: 'worker' }, status: { podIP: '10.244.1.6' } },
  ] as KObject[],
  services: [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'kubia', namespace: 'default' }, spec: { clusterIP: '10.96.7.7', selector: { app: 'kubia' } } }] as KObject[],
};

const trace = (over: Partial<TrafficTrace>): TrafficTrace => ({ id: 1, t: 0, protocol: 'http', from: { kind: 'node', name: 'master', ip: '192.168.1.2' }, hops: [], latencyMs: 1, ...over });

describe('traffic paths', () => {
  const index = createPeerIndex(boxes, objects);

  it('goes from the client node to the Service box, then to the answering pod chip', () => {
    const p = tracePath(trace({
      hops: [
        { from: { kind: 'node', name: 'master' }, to: { kind: 'service', name: 'kubia', namespace: 'default', ip: '10.96.7.7' }, via: 'kube-proxy', atMs: 0 },
        { from: { kind: 'service', ip: '10.96.7.7' }, to: { kind: 'pod', ip: '10.244.1.5' }, via: 'kube-proxy', atMs: 1 },
      ],
      answeredBy: { kind: 'pod', name: 'kubia-a', namespace: 'default', revision: 'h1' }, status: 200,
    }), index);
    expect(p).toEqual({ points: [{ x: 150, y: 30 }, { x: 95, y: 328 }, { x: 490, y: 122 }], failed: false, namespace: 'default', revision: 'h1' });
  });

  it('sends a DNS query to kube-dns and back, falls back to the node of a hidden pod, and marks failures', () => {
    const p = tracePath(trace({
      from: { kind: 'pod', ip: '10.244.1.5' },
      hops: [
        { from: { kind: 'pod', ip: '10.244.1.5' }, to: { kind: 'dns', ip: '10.96.0.10' }, via: 'dns', atMs: 0 },
        { from: { kind: 'pod', ip: '10.244.1.5' }, to: { kind: 'service', ip: '10.96.7.7' }, via: 'kube-proxy', atMs: 1 },
      ],
      answeredBy: { kind: 'pod', name: 'kubia-hidden', namespace: 'default' }, status: 500,
    }), index);
    expect(p.points).toEqual([{ x: 490, y: 122 }, { x: 295, y: 328 }, { x: 490, y: 122 }, { x: 95, y: 328 }, { x: 550, y: 30 }]);
    expect(p.failed).toBe(true);
    expect(tracePath(trace({ error: 'Connection refused' }), index)).toMatchObject({ points: [{ x: 150, y: 30 }], failed: true });
  });
});

describe('revision colours and shares', () => {
  const rs = (hash: string, rev: string) => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: `kubia-${hash}`, namespace: 'default', labels: { 'pod-template-hash': hash }, annotations: { 'deployment.kubernetes.io/revision': rev } } }) as KObject;
  const colors = revisionColors([rs('h1', '1'), rs('h2', '2')]);

  it('gives consecutive Deployment revisions different palette colours', () => {
    expect([colors('default', 'h1'), colors('default', 'h2')]).toEqual([REVISION_PALETTE[0], REVISION_PALETTE[1]]);
    expect(colors('default', 'unknown')).toBe(colors('default', 'unknown'));
  });

  it('builds share bars from generator stats, pods with recent failures in red', () => {
    const stats = {
      id: 'traffic-1', target: 'svc/kubia', namespace: 'default', rps: 5, sent: 10, answered: 10, failures: 1, windowMs: 10_000,
      versions: [
        { revision: 'h1', version: 'v1', image: 'luksa/kubia:v1', count: 6, failures: 0, share: 0.6, recent: 2, recentFailures: 0, recentShare: 0.25 },
        { revision: 'h2', version: 'v2', image: 'luksa/kubia:v2', count: 4, failures: 1, share: 0.4, recent: 6, recentFailures: 1, recentShare: 0.75 },
      ],
      pods: [
        { namespace: 'default', pod: 'kubia-h1-a', revision: 'h1', version: 'v1', image: 'luksa/kubia:v1', count: 6, failures: 0, share: 0.6, recent: 2, recentFailures: 0, recentShare: 0.25 },
        { namespace: 'default', pod: 'kubia-h2-a', revision: 'h2', version: 'v2', image: 'luksa/kubia:v2', count: 4, failures: 1, share: 0.4, recent: 6, recentFailures: 1, recentShare: 0.75 },
      ],
    } as TrafficStats;
    expect(versionBars(stats, colors).map((b) => [b.label, b.recentShare, b.share, b.color])).toEqual([['v1', 25, 60, REVISION_PALETTE[0]], ['v2', 75, 40, REVISION_PALETTE[1]]]);
    expect(podBars(stats, colors).map((b) => [b.label, b.recentShare, b.color])).toEqual([['kubia-h2-a', 75, FAILURE_COLOR], ['kubia-h1-a', 25, REVISION_PALETTE[0]]]);
    expect(generatorFor([stats], 'default', 'kubia')).toBe(stats);
    expect(generatorFor([stats], 'other', 'kubia')).toBeUndefined();
  });

  it('offers the Services selecting the Deployment first and builds the command', () => {
    const svc = (name: string, selector?: Record<string, string>) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { selector } }) as KObject;
    expect(servicesFor([svc('kubernetes'), svc('other', { app: 'x' }), svc('kubia', { app: 'kubia' })], 'default', { app: 'kubia' })).toEqual(['kubia', 'kubernetes', 'other']);
    expect(trafficCommand('default', 'kubia', 5)).toBe('sandbox traffic svc/kubia --rps 5');
    expect(trafficCommand('shop', 'web', 20)).toBe('sandbox traffic svc/web --rps 20 -n shop');
  });
});
