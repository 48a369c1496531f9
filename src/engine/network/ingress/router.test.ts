import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createCluster } from '../../cluster';
import type { Cluster } from '../../cluster';
import type { KObject } from '../../types';
import type { HttpRequest, Process } from '../../images';
import { createIngressRouter, pathMatches } from './router';
import type { IngressRouter, IngressUpstream } from '../types';

const k = (o: unknown) => o as KObject;

/** svc creates a selector-less Service with hand-made Endpoints (ready when ips is non-empty). */
function svc(c: Cluster, ns: string, name: string, ips: string[]) {
  c.client.create('services', ns, k({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { ports: [{ port: 80, targetPort: 8080 }] } }));
  c.client.create('endpoints', ns, k({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name }, subsets: ips.length ? [{ addresses: ips.map((ip) => ({ ip })), ports: [{ port: 8080 }] }] : [] }));
}

const backend = (name: string, port: number | string = 80) => ({ service: { name, port: typeof port === 'number' ? { number: port } : { name: port } } });
const path = (p: string, pathType: string, to: string) => ({ path: p, pathType, backend: backend(to) });

function ingress(c: Cluster, name: string, spec: Record<string, unknown>, ns = 'default', annotations?: Record<string, string>) {
  c.client.create('ingresses', ns, k({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, ...(annotations ? { annotations } : {}) }, spec }));
}

const cls = (c: Cluster, name: string, controller: string, isDefault = false) => c.client.create('ingressclasses', undefined, k({
  apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass',
  metadata: { name, ...(isDefault ? { annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } } : {}) }, spec: { controller },
}));

const target = (r: ReturnType<IngressRouter['route']>) => (r.ok ? `${r.namespace}/${r.service}:${r.port}` : r.status);

describe('pathMatches', () => {
  it('applies Exact, Prefix (element-wise) and ImplementationSpecific (string prefix)', () => {
    expect(pathMatches({ path: '/foo', pathType: 'Exact' }, '/foo')).toBe(true);
    expect(pathMatches({ path: '/foo', pathType: 'Exact' }, '/foo/')).toBe(false);
    expect(pathMatches({ path: '/foo', pathType: 'Prefix' }, '/foo/bar')).toBe(true);
    expect(pathMatches({ path: '/foo/', pathType: 'Prefix' }, '/foo')).toBe(true);
    expect(pathMatches({ path: '/foo', pathType: 'Prefix' }, '/foobar')).toBe(false);
    expect(pathMatches({ path: '/', pathType: 'Prefix' }, '/anything')).toBe(true);
    expect(pathMatches({ path: '/foo', pathType: 'ImplementationSpecific' }, '/foobar')).toBe(true);
  });
});

describe('createIngressRouter', () => {
  let c: Cluster;
  let router: IngressRouter;
  beforeAll(() => {
    c = createCluster();
    router = createIngressRouter(c.client);
    cls(c, 'nginx', 'k8s.io/ingress-nginx');
    cls(c, 'traefik', 'traefik.io/ingress-controller');
    svc(c, 'default', 'kubia', ['10.244.1.5', '10.244.2.6']);
    svc(c, 'default', 'foo', ['10.244.1.7']);
    svc(c, 'default', 'bar', ['10.244.2.8']);
    svc(c, 'default', 'exact', ['10.244.2.9']);
    svc(c, 'default', 'wild', ['10.244.2.10']);
    svc(c, 'default', 'empty', []);
    svc(c, 'default', 'fallback', ['10.244.1.11']);
    ingress(c, 'kubia', { ingressClassName: 'nginx', rules: [{ host: 'kubia.example.com', http: { paths: [path('/', 'Prefix', 'kubia')] } }] });
    ingress(c, 'fanout', { ingressClassName: 'nginx', defaultBackend: backend('fallback'), rules: [{ host: 'shop.example.com', http: { paths: [
      path('/foo', 'Prefix', 'foo'), path('/foo/bar', 'Prefix', 'bar'), path('/foo/bar', 'Exact', 'exact'), path('/empty', 'Prefix', 'empty'), path('/gone', 'Prefix', 'missing'),
    ] } }] });
    ingress(c, 'wild', { ingressClassName: 'nginx', rules: [{ host: '*.apps.example.com', http: { paths: [path('/', 'Prefix', 'wild')] } }] });
    ingress(c, 'other-class', { ingressClassName: 'traefik', rules: [{ host: 'traefik.example.com', http: { paths: [path('/', 'Prefix', 'kubia')] } }] });
    ingress(c, 'no-class', { rules: [{ host: 'noclass.example.com', http: { paths: [path('/', 'Prefix', 'kubia')] } }] });
    ingress(c, 'annotated', { rules: [{ host: 'legacy.example.com', http: { paths: [path('/', 'Prefix', 'foo')] } }] }, 'default', { 'kubernetes.io/ingress.class': 'nginx' });
  });
  afterAll(() => c.stop());

  it('recognises controller pods by their labels', () => {
    expect(router.isController({ metadata: { labels: { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/instance': 'ingress-nginx' } } })).toBe(true);
    expect(router.isController({ metadata: { labels: { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'admission-webhook' } } })).toBe(false);
    expect(router.isController({ metadata: { labels: { app: 'nginx' } } })).toBe(false);
  });

  it('routes by host, ignoring the port and case of the Host header', () => {
    expect(router.route('kubia.example.com', '/', 'http')).toEqual({ ok: true, namespace: 'default', ingress: 'kubia', service: 'kubia', port: 80 });
    expect(target(router.route('KUBIA.example.com:80', '/any/path?q=1', 'http'))).toBe('default/kubia:80');
  });

  it('picks the longest matching path; Exact wins at equal length', () => {
    expect(target(router.route('shop.example.com', '/foo', 'http'))).toBe('default/foo:80');
    expect(target(router.route('shop.example.com', '/foo/baz', 'http'))).toBe('default/foo:80');
    expect(target(router.route('shop.example.com', '/foo/bar', 'http'))).toBe('default/exact:80');
    expect(target(router.route('shop.example.com', '/foo/bar/x', 'http'))).toBe('default/bar:80');
  });

  it("sends unmatched paths of a host to the Ingress's defaultBackend, unknown hosts to the catch-all server", () => {
    expect(target(router.route('shop.example.com', '/foobar', 'http'))).toBe('default/fallback:80');
    expect(target(router.route('unknown.example.com', '/', 'http'))).toBe('default/fallback:80');
    expect(target(router.route('kubia.example.com', '/', 'http'))).toBe('default/kubia:80');
  });

  it('matches a wildcard host on exactly one label', () => {
    expect(target(router.route('a.apps.example.com', '/', 'http'))).toBe('default/wild:80');
    expect(target(router.route('a.b.apps.example.com', '/', 'http'))).toBe('default/fallback:80');
    expect(target(router.route('apps.example.com', '/', 'http'))).toBe('default/fallback:80');
  });

  it('answers 503 when the backend Service has no ready endpoints or does not exist', () => {
    expect(router.route('shop.example.com', '/empty', 'http')).toMatchObject({ ok: false, status: 503, service: 'empty' });
    expect(router.route('shop.example.com', '/gone', 'http')).toMatchObject({ ok: false, status: 503, service: 'missing' });
  });

  it('ignores Ingresses of other classes and without a class (unless nginx is the default class)', () => {
    expect(target(router.route('traefik.example.com', '/', 'http'))).toBe('default/fallback:80');
    expect(target(router.route('noclass.example.com', '/', 'http'))).toBe('default/fallback:80');
    expect(target(router.route('legacy.example.com', '/', 'http'))).toBe('default/foo:80');
  });

  it('serves Ingresses created without a class once nginx is the default class (admission fills it in)', () => {
    const c2 = createCluster();
    try {
      svc(c2, 'default', 'kubia', ['10.244.1.5']);
      ingress(c2, 'old', { rules: [{ host: 'old.example.com', http: { paths: [path('/', 'Prefix', 'kubia')] } }] });
      cls(c2, 'nginx', 'k8s.io/ingress-nginx', true);
      ingress(c2, 'no-class', { rules: [{ host: 'noclass.example.com', http: { paths: [path('/', 'Prefix', 'kubia')] } }] });
      expect((c2.client.get('ingresses', 'default', 'no-class') as unknown as { spec: { ingressClassName?: string } }).spec.ingressClassName).toBe('nginx');
      const r = createIngressRouter(c2.client);
      expect(r.route('old.example.com', '/', 'http')).toEqual({ ok: false, status: 404 });
      expect(target(r.route('noclass.example.com', '/', 'http'))).toBe('default/kubia:80');
      expect(r.route('elsewhere.example.com', '/', 'http')).toEqual({ ok: false, status: 404 });
    } finally { c2.stop(); }
  });
});

describe('TLS and the controller pages', () => {
  let c: Cluster;
  let router: IngressRouter;
  beforeAll(() => {
    c = createCluster();
    router = createIngressRouter(c.client);
    cls(c, 'nginx', 'k8s.io/ingress-nginx');
    svc(c, 'default', 'kubia', ['10.244.1.5']);
    c.client.create('secrets', 'default', k({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'tls-secret' }, type: 'kubernetes.io/tls', data: { 'tls.crt': 'Y2VydA==', 'tls.key': 'a2V5' } }));
    ingress(c, 'kubia', { ingressClassName: 'nginx', tls: [{ hosts: ['kubia.example.com'], secretName: 'tls-secret' }], rules: [{ host: 'kubia.example.com', http: { paths: [path('/', 'Prefix', 'kubia')] } }] });
  });
  afterAll(() => c.stop());

  it('serves TLS hosts over https with their secret and redirects http with 308', () => {
    expect(router.route('kubia.example.com', '/', 'https')).toEqual({ ok: true, namespace: 'default', ingress: 'kubia', service: 'kubia', port: 80, tlsSecret: 'tls-secret' });
    expect(router.route('kubia.example.com', '/a?b=1', 'http')).toEqual({ ok: false, status: 308, location: 'https://kubia.example.com/a?b=1' });
  });

  it('serve forwards routed requests, renders nginx pages and has the controller log each request', () => {
    const logged: HttpRequest[] = [];
    const controller = { listens: () => true, http: (req: HttpRequest) => { logged.push(req); return { status: 200, body: '' }; }, signal: () => {}, exec: () => ({ exitCode: 0, stdout: '', stderr: '' }) } as Process;
    const ok: IngressUpstream = { ok: true, status: 200, headers: { 'Content-Type': 'text/plain' }, body: "You've hit kubia-abc\n", ip: '10.244.1.5', port: 8080, durationMs: 2 };
    const req = (host: string, p: string, scheme: 'http' | 'https') => ({ method: 'GET', path: p, headers: { host, 'user-agent': 'curl/8.5.0' }, remoteAddr: '192.168.1.2', port: scheme === 'http' ? 80 : 443, scheme });
    const served = router.serve?.(req('kubia.example.com', '/', 'https'), controller, () => ok);
    expect(served?.response).toMatchObject({ status: 200, body: "You've hit kubia-abc\n", headers: { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } });
    expect(JSON.parse(logged[0].headers['x-sandbox-ingress-access'])).toEqual({ status: 200, bytes: 21, upstream: 'default-kubia-80', addr: '10.244.1.5:8080', upstreamStatus: 200, upstreamBytes: 21, durationMs: 2 });

    const missing = router.serve?.(req('nowhere.example.com', '/', 'http'), controller, () => ok);
    expect(missing?.response.status).toBe(404);
    expect(missing?.response.body).toBe('<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n');

    const redirect = router.serve?.(req('kubia.example.com', '/', 'http'), controller, () => ok);
    expect(redirect?.response).toMatchObject({ status: 308, headers: { Location: 'https://kubia.example.com/' } });
    expect(redirect?.response.body).toContain('<title>308 Permanent Redirect</title>');

    const refused = router.serve?.(req('kubia.example.com', '/', 'https'), controller, () => ({ ok: false, error: 'refused', ip: '10.244.1.5', port: 8080, durationMs: 1 }));
    expect(refused?.response.status).toBe(502);
    expect(refused?.response.body).toContain('<center><h1>502 Bad Gateway</h1></center>');
    expect(logged).toHaveLength(4);
  });
});
