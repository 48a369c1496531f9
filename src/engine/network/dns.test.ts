import { describe, it, expect } from 'vitest';
import type { Pod, Service } from 'kubernetes-types/core/v1';
import { createCluster } from '../cluster';
import type { Cluster } from '../cluster';
import type { KObject } from '../types';
import type { NetSource } from './types';

const obj = (o: unknown) => o as KObject;

function setup() {
  const c = createCluster();
  c.client.create('deployments', 'default', obj({
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'kubia' },
    spec: { replicas: 2, selector: { matchLabels: { app: 'kubia' } }, template: { metadata: { labels: { app: 'kubia' } }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia', ports: [{ containerPort: 8080 }] }] } } },
  }));
  c.client.create('services', 'default', obj({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'kubia' }, spec: { selector: { app: 'kubia' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] } }));
  c.client.create('services', 'default', obj({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'kubia-headless' }, spec: { clusterIP: 'None', selector: { app: 'kubia' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] } }));
  c.client.create('services', 'default', obj({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'external-service' }, spec: { type: 'ExternalName', externalName: 'example.com' } }));
  c.client.create('pods', 'default', obj({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'client' }, spec: { containers: [{ name: 'main', image: 'nginx' }] } }));
  c.client.create('services', 'default', obj({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'sub' }, spec: { clusterIP: 'None', selector: { app: 'named' }, ports: [{ port: 80 }] } }));
  c.client.create('pods', 'default', obj({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'named', labels: { app: 'named' } }, spec: { hostname: 'web-0', subdomain: 'sub', containers: [{ name: 'main', image: 'nginx', ports: [{ containerPort: 80 }] }] } }));
  c.advance(60_000);
  return { c, src: c.network.podSource('default', 'client') as NetSource };
}

const ips = (c: Cluster, sel: string) => (c.client.list('pods', 'default', { labelSelector: sel }) as unknown as Pod[]).map((p) => p.status?.podIP ?? '').sort();

describe('CoreDNS records', () => {
  const { c, src } = setup();

  it('answers Service names through the search path, with the FQDN that matched', () => {
    const svc = c.client.get('services', 'default', 'kubia') as unknown as Service;
    expect(c.network.dns.lookup(src, 'kubia')).toMatchObject({ ok: true, name: 'kubia.default.svc.cluster.local', addresses: [svc.spec?.clusterIP], server: '10.96.0.10' });
    expect(c.network.dns.lookup(src, 'kubia.default.svc.cluster.local.')).toMatchObject({ ok: true, addresses: [svc.spec?.clusterIP] });
    expect(c.network.dns.lookup(src, 'kubernetes.default')).toMatchObject({ ok: true, name: 'kubernetes.default.svc.cluster.local', addresses: ['10.96.0.1'] });
    expect(c.network.dns.lookup(src, 'kube-dns.kube-system')).toMatchObject({ ok: true, addresses: ['10.96.0.10'] });
  });

  it('answers NXDOMAIN for unknown names after trying every search domain', () => {
    const r = c.network.dns.lookup(src, 'nothing-here');
    expect(r).toMatchObject({ ok: false, error: 'NXDOMAIN', server: '10.96.0.10' });
    expect(c.network.dns.lookup(src, 'bad_name!')).toMatchObject({ ok: false, error: 'NXDOMAIN' });
  });

  it('answers ready pod IPs for a headless Service, and per-pod hostname.subdomain records', () => {
    expect(c.network.dns.lookup(src, 'kubia-headless')).toMatchObject({ ok: true });
    const r = c.network.dns.lookup(src, 'kubia-headless');
    expect(r.ok && [...r.addresses].sort()).toEqual(ips(c, 'app=kubia'));
    const named = ips(c, 'app=named')[0];
    expect(c.network.dns.lookup(src, 'web-0.sub')).toMatchObject({ ok: true, name: 'web-0.sub.default.svc.cluster.local', addresses: [named] });
    const dashed = ips(c, 'app=kubia')[0].replace(/\./g, '-');
    expect(c.network.dns.lookup(src, `${dashed}.kubia-headless.default.svc.cluster.local`)).toMatchObject({ ok: true, addresses: [ips(c, 'app=kubia')[0]] });
  });

  it('answers pod A records (pods insecure) and CNAMEs for ExternalName Services', () => {
    expect(c.network.dns.lookup(src, '10-244-1-7.default.pod.cluster.local')).toMatchObject({ ok: true, addresses: ['10.244.1.7'] });
    expect(c.network.dns.lookup(src, 'external-service')).toMatchObject({ ok: true, name: 'external-service.default.svc.cluster.local', cnames: ['example.com'], addresses: ['23.192.228.80'] });
    const r = c.network.http(src, { method: 'GET', host: 'external-service', port: 80, path: '/', headers: {} });
    expect(r.ok && r.body).toContain('Example Domain');
  });

  it('answers SRV for named ports and PTR for ClusterIPs', () => {
    expect(c.network.dns.srv(src, '_http._tcp.kubia.default.svc.cluster.local')).toEqual({ ok: true, server: '10.96.0.10', records: [{ priority: 0, weight: 100, port: 80, target: 'kubia.default.svc.cluster.local' }] });
    const h = c.network.dns.srv(src, '_http._tcp.kubia-headless.default.svc.cluster.local');
    expect(h.ok && h.records.map((r) => `${r.weight} ${r.port}`)).toEqual(['50 8080', '50 8080']);
    expect(c.network.dns.srv(src, '_nope._tcp.kubia.default.svc.cluster.local')).toMatchObject({ ok: false, error: 'NXDOMAIN' });
    const svc = c.client.get('services', 'default', 'kubia') as unknown as Service;
    expect(c.network.dns.reverse(src, svc.spec?.clusterIP ?? '')).toBe('kubia.default.svc.cluster.local');
    expect(c.network.dns.reverse(src, '10.96.0.10')).toBe('kube-dns.kube-system.svc.cluster.local');
  });

  it('leaves cluster names unknown to the nodes, which resolve the internet and each other', () => {
    const master = c.network.nodeSource('master') as NetSource;
    expect(c.network.dns.lookup(master, 'kubia.default.svc.cluster.local')).toMatchObject({ ok: false, error: 'NXDOMAIN', server: '192.168.1.1' });
    expect(c.network.dns.lookup(master, 'google.com')).toMatchObject({ ok: true, addresses: ['142.250.74.46'], server: '192.168.1.1' });
    expect(c.network.dns.lookup(master, 'worker2')).toMatchObject({ ok: true, addresses: ['192.168.1.4'] });
  });

  it('resolves /etc/hosts names first for getaddrinfo', () => {
    expect(c.network.resolveHost?.(src, 'localhost')).toMatchObject({ ok: true, addresses: ['127.0.0.1'] });
    expect(c.network.resolveHost?.(src, 'client')).toMatchObject({ ok: true, addresses: [src.ip] });
    expect(c.network.resolveHost?.(src, 'kubia')).toMatchObject({ ok: true, name: 'kubia.default.svc.cluster.local' });
  });
});

describe('DNS outages', () => {
  it('times out while CoreDNS is scaled to 0 and recovers after a rollout restart', () => {
    const { c, src } = setup();
    c.client.patch('deployments', 'kube-system', 'coredns', 'application/merge-patch+json', { spec: { replicas: 0 } });
    c.advance(60_000);
    const down = c.network.dns.lookup(src, 'kubia');
    // glibc: timeout 5 s × attempts 2 for the single nameserver; a timeout ends the search list.
    expect(down).toEqual({ ok: false, error: 'TIMEOUT', server: '10.96.0.10', durationMs: 10_000 });
    const r = c.network.http(src, { method: 'GET', host: 'kubia', port: 80, path: '/', headers: {} });
    expect(r).toMatchObject({ ok: false, error: 'dns-timeout', durationMs: 10_000 });
    expect(c.network.http(src, { method: 'GET', host: 'kubia', port: 80, path: '/', headers: {}, timeoutMs: 3000 })).toMatchObject({ ok: false, error: 'dns-timeout', durationMs: 3000 });
    // Addresses keep working without DNS.
    const svc = c.client.get('services', 'default', 'kubia') as unknown as Service;
    expect(c.network.http(src, { method: 'GET', host: svc.spec?.clusterIP ?? '', port: 80, path: '/', headers: {} }).ok).toBe(true);

    c.client.patch('deployments', 'kube-system', 'coredns', 'application/merge-patch+json', { spec: { replicas: 2, template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2025-03-10T10:00:00Z' } } } } });
    c.advance(60_000);
    expect(c.network.dns.lookup(src, 'kubia')).toMatchObject({ ok: true });
  });

  it('honours resolv.conf timeout and attempts from dnsConfig', () => {
    const c = createCluster();
    c.client.create('pods', 'default', obj({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { dnsConfig: { options: [{ name: 'timeout', value: '1' }, { name: 'attempts', value: '3' }] }, containers: [{ name: 'main', image: 'nginx' }] } }));
    c.advance(30_000);
    c.client.patch('deployments', 'kube-system', 'coredns', 'application/merge-patch+json', { spec: { replicas: 0 } });
    c.advance(60_000);
    const src = c.network.podSource('default', 'p') as NetSource;
    expect(src.resolv.options).toEqual(['timeout:1', 'attempts:3']);
    expect(c.network.dns.lookup(src, 'kubernetes')).toMatchObject({ ok: false, error: 'TIMEOUT', durationMs: 3000 });
  });
});
