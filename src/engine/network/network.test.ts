import { describe, it, expect } from 'vitest';
import type { Pod, Service } from 'kubernetes-types/core/v1';
import { createCluster } from '../cluster';
import type { Cluster } from '../cluster';
import type { KObject } from '../types';
import type { HttpCall, IngressRouter, NetSource, TrafficTrace } from './types';
import { CONNECT_TIMEOUT_MS } from './http';
import { createNetwork } from './network';
import { serveIngressRequest } from './ingress';

const obj = (o: unknown) => o as KObject;

function deploy(c: Cluster, name: string, replicas: number, image = 'luksa/kubia', port = 8080, extra: Record<string, unknown> = {}) {
  c.client.create('deployments', 'default', obj({
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image, ports: [{ name: 'http', containerPort: port }] }], ...extra } } },
  }));
}

function service(c: Cluster, name: string, spec: Record<string, unknown>): Service {
  return c.client.create('services', 'default', obj({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec })) as unknown as Service;
}

function pod(c: Cluster, name: string, spec: Record<string, unknown> = {}) {
  c.client.create('pods', 'default', obj({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'main', image: 'nginx' }], ...spec } }));
}

const get = (host: string, port = 80, extra: Partial<HttpCall> = {}): HttpCall => ({ method: 'GET', host, port, path: '/', headers: {}, ...extra });

function kubiaCluster() {
  const c = createCluster();
  deploy(c, 'kubia', 3);
  service(c, 'kubia', { selector: { app: 'kubia' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] });
  pod(c, 'client');
  c.advance(60_000);
  const src = c.network.podSource('default', 'client') as NetSource;
  return { c, src };
}

const kubiaPods = (c: Cluster) => (c.client.list('pods', 'default', { labelSelector: 'app=kubia' }) as unknown as Pod[]);
const logsOf = (c: Cluster, p: Pod) => {
  const r = c.kubelet(p.spec?.nodeName ?? '')?.logs('default', p.metadata?.name ?? '', {});
  return r && 'text' in r ? r.text : '';
};

describe('ClusterIP Services (kube-proxy iptables mode)', () => {
  const { c, src } = kubiaCluster();

  it('spreads connections over the ready pods, keeping the client pod IP as source', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const r = c.network.http(src, get('kubia'));
      expect(r.ok).toBe(true);
      if (r.ok) { expect(r.status).toBe(200); seen.add(r.body); }
    }
    expect(seen.size).toBe(3);
    for (const b of seen) expect(b).toMatch(/^You've hit kubia-[a-z0-9]+-[a-z0-9]{5}\n$/);
    const p = kubiaPods(c)[0];
    expect(logsOf(c, p)).toContain(`Received request from ::ffff:${src.ip}`);
  });

  it('answers the FQDN and the namespace-qualified short form through the search path', () => {
    for (const host of ['kubia.default.svc.cluster.local', 'kubia.default', 'kubia.default.svc']) {
      const r = c.network.http(src, get(host));
      expect(r.ok && r.body).toMatch(/^You've hit kubia-/);
    }
  });

  it('traces the request hop by hop with the answering pod revision', () => {
    const traces: TrafficTrace[] = [];
    const off = c.network.onTrace((t) => { if (t.protocol === 'http' && !t.probe) traces.push(t); });
    expect(c.network.tracing?.()).toBe(true);
    const r = c.network.http(src, get('kubia'));
    off();
    expect(traces).toHaveLength(1);
    const t = traces[0];
    expect(t).toBe(r.trace);
    expect(t.hops.map((h) => `${h.from.kind}>${h.to.kind}:${h.via}`)).toEqual(['pod>dns:dns', 'dns>dns:dns', 'pod>service:kube-proxy', 'service>pod:kube-proxy']);
    expect(t.answeredBy?.revision).toBe(kubiaPods(c)[0].metadata?.labels?.['pod-template-hash']);
    expect(t.status).toBe(200);
    expect(t.latencyMs).toBeGreaterThan(0);
  });

  it('is reachable from the master node by ClusterIP, masqueraded to a node address', () => {
    const master = c.network.nodeSource('master') as NetSource;
    const svc = c.client.get('services', 'default', 'kubia') as unknown as Service;
    const r = c.network.http(master, get(svc.spec?.clusterIP ?? ''));
    expect(r.ok).toBe(true);
    // The node's resolver does not know cluster names.
    const n = c.network.http(master, get('kubia'));
    expect(n).toMatchObject({ ok: false, error: 'resolve' });
    expect(n.trace.error).toBe('Could not resolve host: kubia');
  });

  it('times out on a ClusterIP port the Service does not have, and never answers ping', () => {
    const svc = c.client.get('services', 'default', 'kubia') as unknown as Service;
    const ip = svc.spec?.clusterIP ?? '';
    const r = c.network.http(src, get(ip, 8080));
    expect(r).toMatchObject({ ok: false, error: 'timeout' });
    expect(r.durationMs).toBeGreaterThanOrEqual(CONNECT_TIMEOUT_MS);
    expect(c.network.http(src, get(ip, 8080, { timeoutMs: 3000 })).durationMs).toBe(3000);
    expect(c.network.ping(src, ip)).toEqual({ ok: false });
    expect(c.network.ping(src, kubiaPods(c)[0].status?.podIP ?? '')).toMatchObject({ ok: true });
  });

  it('refuses connections to a Service without ready endpoints and to closed pod ports', () => {
    service(c, 'nobody', { selector: { app: 'nothing' }, ports: [{ port: 80, targetPort: 8080 }] });
    c.advance(2000);
    expect(c.network.http(src, get('nobody'))).toMatchObject({ ok: false, error: 'refused' });
    expect(c.network.http(src, get(kubiaPods(c)[0].status?.podIP ?? '', 9999))).toMatchObject({ ok: false, error: 'refused' });
    expect(c.network.http(src, get('10.244.1.250'))).toMatchObject({ ok: false, error: 'unreachable' });
    expect(c.network.http(src, get('10.244.77.5', 80, { timeoutMs: 2000 }))).toMatchObject({ ok: false, error: 'timeout', durationMs: 2000 });
  });

  it('pins a client to one backend with sessionAffinity ClientIP until the timeout passes', () => {
    service(c, 'sticky', { selector: { app: 'kubia' }, sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 10 } }, ports: [{ port: 80, targetPort: 8080 }] });
    c.advance(2000);
    const answers = (n: number) => new Set(Array.from({ length: n }, () => { const r = c.network.http(src, get('sticky')); return r.ok ? r.body : r.error; }));
    expect(answers(20).size).toBe(1);
    const seen = new Set<string>();
    for (let i = 0; i < 12; i++) { c.advance(11_000); for (const b of answers(1)) seen.add(b); }
    expect(seen.size).toBeGreaterThan(1);
  });
});

describe('NodePort, LoadBalancer and externalTrafficPolicy', () => {
  const c = createCluster();
  deploy(c, 'web', 1);
  c.advance(60_000);
  const np = service(c, 'web-np', { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] });
  const local = service(c, 'web-local', { type: 'NodePort', externalTrafficPolicy: 'Local', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] });
  c.advance(2000);
  const master = c.network.nodeSource('master') as NetSource;
  const nodePort = (s: Service) => s.spec?.ports?.[0].nodePort ?? 0;
  const webNode = (c.client.list('pods', 'default', { labelSelector: 'app=web' })[0] as unknown as Pod).spec?.nodeName;

  it('answers on every node IP, SNATed to a node address', () => {
    for (const ip of ['192.168.1.2', '192.168.1.3', '192.168.1.4']) {
      const r = c.network.http(master, get(ip, nodePort(np)));
      expect(r.ok && r.body).toMatch(/^You've hit web-/);
    }
    // MASQUERADE picks the address of the interface the packet leaves by: the receiving node's eth0,
    // or cni0 (the podCIDR's .1) when the pod runs on the node that was hit.
    const pods = c.client.list('pods', 'default', { labelSelector: 'app=web' }) as unknown as Pod[];
    const bridge = webNode === 'worker' ? '10.244.1.1' : '10.244.2.1';
    const expected = ['192.168.1.2', '192.168.1.3', '192.168.1.4'].map((ip) => (ip === (webNode === 'worker' ? '192.168.1.3' : '192.168.1.4') ? bridge : ip));
    expect(logsOf(c, pods[0]).split('\n').filter((l) => l.startsWith('Received')).map((l) => l.replace('Received request from ::ffff:', ''))).toEqual(expected);
  });

  it('with externalTrafficPolicy Local only the node running a pod answers, keeping the client IP', () => {
    const nodes = { master: '192.168.1.2', worker: '192.168.1.3', worker2: '192.168.1.4' } as Record<string, string>;
    for (const [name, ip] of Object.entries(nodes)) {
      const r = c.network.http(master, get(ip, nodePort(local), { timeoutMs: 5000 }));
      if (name === webNode) expect(r.ok).toBe(true);
      else expect(r).toMatchObject({ ok: false, error: 'timeout', durationMs: 5000 });
    }
  });

  it('routes a LoadBalancer ingress IP like the Service', () => {
    const lb = service(c, 'web-lb', { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 8000, targetPort: 8080 }] });
    c.advance(10_000);
    const ip = (c.client.get('services', 'default', 'web-lb') as unknown as Service).status?.loadBalancer?.ingress?.[0]?.ip;
    if (!ip) return; // the cluster keeps LoadBalancers pending (bare metal option)
    expect(lb.metadata?.name).toBe('web-lb');
    const r = c.network.http(master, get(ip, 8000));
    expect(r.ok && r.body).toMatch(/^You've hit web-/);
    expect(r.trace.hops.some((h) => h.to.kind === 'loadbalancer')).toBe(true);
  });

  it('stops answering on a powered-off node', () => {
    const other = ['worker', 'worker2'].find((n) => n !== webNode) ?? 'worker';
    c.stopNode(other);
    const ip = other === 'worker' ? '192.168.1.3' : '192.168.1.4';
    expect(c.network.http(master, get(ip, nodePort(np), { timeoutMs: 1000 }))).toMatchObject({ ok: false, error: 'timeout' });
    expect(c.network.ping(master, ip)).toEqual({ ok: false });
    c.startNode(other);
  });
});

describe('the API server and loopback listeners', () => {
  const { c, src } = kubiaCluster();
  const master = c.network.nodeSource('master') as NetSource;

  it('serves /version and /healthz anonymously over https, 403 elsewhere, and via the kubernetes Service', () => {
    const v = c.network.http(src, get('kubernetes.default', 443, { scheme: 'https', path: '/version' }));
    expect(v.ok && JSON.parse(v.body).gitVersion).toBe('v1.32.4');
    const h = c.network.http(master, get('192.168.1.2', 6443, { scheme: 'https', path: '/healthz' }));
    expect(h.ok && h.body).toBe('ok');
    const f = c.network.http(master, get('127.0.0.1', 6443, { scheme: 'https', path: '/api/v1/namespaces/default/pods' }));
    expect(f.ok && f.status).toBe(403);
    expect(f.ok && JSON.parse(f.body).message).toBe('pods is forbidden: User "system:anonymous" cannot list resource "pods" in API group "" in the namespace "default"');
    const plain = c.network.http(master, get('192.168.1.2', 6443));
    expect(plain.ok && plain.body).toBe('Client sent an HTTP request to an HTTPS server.\n');
  });

  it('authenticates ServiceAccount tokens and authorizes them with RBAC (the book\'s permissive-binding)', () => {
    const uid = (c.client.get('pods', 'default', 'client') as unknown as Pod).metadata?.uid;
    const token = `eyJhbGciOiJSUzI1NiIsImtpZCI6InNhbmRib3gifQ.${uid}.c2lnbmF0dXJl`;
    const call = (path: string, auth = `Bearer ${token}`) => c.network.http(src, get('kubernetes', 443, { scheme: 'https', path, headers: { authorization: auth } }));
    const denied = call('/api/v1/namespaces/default/pods');
    expect(denied.ok && denied.status).toBe(403);
    expect(denied.ok && JSON.parse(denied.body).message).toBe('pods is forbidden: User "system:serviceaccount:default:default" cannot list resource "pods" in API group "" in the namespace "default"');
    const disc = call('/api/v1');
    expect(disc.ok && disc.status).toBe(200);
    expect(disc.ok && JSON.parse(disc.body).kind).toBe('APIResourceList');
    const bad = call('/api', 'Bearer nonsense');
    expect(bad.ok && bad.status).toBe(401);
    expect(bad.ok && JSON.parse(bad.body).message).toBe('Unauthorized');
    c.client.create('clusterrolebindings', undefined, obj({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'permissive-binding' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' }, subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'system:serviceaccounts' }] }));
    const list = call('/api/v1/namespaces/default/pods');
    expect(list.ok && list.status).toBe(200);
    expect(list.ok && JSON.parse(list.body).items.length).toBeGreaterThan(3);
  });

  it('binds 127.0.0.1 ports on one node for port-forward', () => {
    const close = c.network.listenLocal('master', 8888, (req) => ({ status: 200, body: `fwd ${req.path}` }), 'port-forward');
    expect(typeof close).toBe('function');
    expect(c.network.listenLocal('master', 8888, () => ({ status: 200, body: '' }), 'proxy')).toBe('in-use');
    const r = c.network.http(master, get('localhost', 8888, { path: '/x' }));
    expect(r.ok && r.body).toBe('fwd /x');
    expect(r.trace.hops[0].via).toBe('port-forward');
    expect(c.network.http(c.network.nodeSource('worker') as NetSource, get('127.0.0.1', 8888))).toMatchObject({ ok: false, error: 'refused' });
    (close as () => void)();
    expect(c.network.http(master, get('localhost', 8888))).toMatchObject({ ok: false, error: 'refused' });
  });

  it('lists interfaces for pods and nodes', () => {
    expect(c.network.interfaces(src).map((i) => `${i.name} ${i.ip}/${i.prefix} ${i.mtu}`)).toEqual(['lo 127.0.0.1/8 65536', `eth0 ${src.ip}/24 1500`]);
    expect(c.network.interfaces(master).map((i) => `${i.name} ${i.ip}/${i.prefix}`)).toEqual(['lo 127.0.0.1/8', 'eth0 192.168.1.2/24', 'cni0 10.244.0.1/24']);
  });

  it('reaches the simulated internet from pods and nodes', () => {
    const g = c.network.http(src, get('google.com'));
    expect(g.ok && g.status).toBe(301);
    expect(g.ok && g.headers.location).toBe('http://www.google.com/');
    const e = c.network.http(master, get('example.com'));
    expect(e.ok && e.body).toContain('<title>Example Domain</title>');
    expect(c.network.http(master, get('no-such-site.invalid'))).toMatchObject({ ok: false, error: 'resolve' });
    expect(c.network.ping(src, '8.8.8.8')).toMatchObject({ ok: true, ttl: 116 });
  });
});

describe('Services without selectors, ingress controller pods, hostNetwork sources', () => {
  const { c, src } = kubiaCluster();

  it('routes a selectorless Service through hand-made Endpoints (the book\'s external-service)', () => {
    service(c, 'external-service', { ports: [{ port: 80 }] });
    c.client.create('endpoints', 'default', obj({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'external-service' }, subsets: [{ addresses: [{ ip: '23.192.228.80' }], ports: [{ port: 80 }] }] }));
    c.advance(2000);
    const r = c.network.http(src, get('external-service'));
    expect(r.ok && r.body).toContain('Example Domain');
    service(c, 'dead-external', { ports: [{ port: 80 }] });
    c.client.create('endpoints', 'default', obj({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'dead-external' }, subsets: [{ addresses: [{ ip: '11.11.11.11' }], ports: [{ port: 80 }] }] }));
    c.advance(2000);
    expect(c.network.http(src, get('dead-external', 80, { timeoutMs: 4000 }))).toMatchObject({ ok: false, error: 'timeout', durationMs: 4000 });
  });

  it('lets an ingress controller pod route by Host header to a Service\'s pods', () => {
    const route = (host: string) => (host === 'kubia.example.com' ? { ok: true as const, namespace: 'default', ingress: 'kubia', service: 'kubia', port: 80 } : { ok: false as const, status: 404 as const });
    const router: IngressRouter = {
      isController: (p) => p.metadata?.labels?.app === 'kubia',
      route,
      serve: (req, controller, forward) => serveIngressRequest(route, req, controller, forward),
    };
    const net = createNetwork({ client: c.client, clock: c.clock, rng: c.rng, kubelet: (n) => c.kubelet(n), ingress: router });
    const podIP = kubiaPods(c)[0].status?.podIP ?? '';
    const ok = net.http(src, get(podIP, 80, { headers: { host: 'kubia.example.com' } }));
    expect(ok.ok && ok.body).toMatch(/^You've hit kubia-/);
    expect(ok.trace.hops.map((h) => h.via)).toEqual(['direct', 'ingress', 'kube-proxy']);
    const nf = net.http(src, get(podIP, 80));
    expect(nf.ok && nf.status).toBe(404);
    expect(nf.ok && nf.body).toContain('<center><h1>404 Not Found</h1></center>');
  });

  it('fails a TLS handshake with a plain-HTTP pod', () => {
    const r = c.network.http(src, get('kubia', 80, { scheme: 'https' }));
    expect(r).toMatchObject({ ok: false, error: 'reset', tls: 'wrong-version-number' });
  });

  it('keeps internalTrafficPolicy Local traffic on the client node and maps hostPorts', () => {
    service(c, 'node-local', { internalTrafficPolicy: 'Local', selector: { app: 'kubia' }, ports: [{ port: 80, targetPort: 8080 }] });
    pod(c, 'hp', { containers: [{ name: 'main', image: 'nginx', ports: [{ containerPort: 80, hostPort: 8081 }] }] });
    c.advance(30_000);
    const onClientNode = kubiaPods(c).filter((p) => p.spec?.nodeName === src.node).map((p) => p.metadata?.name);
    const r = c.network.http(src, get('node-local', 80, { timeoutMs: 1000 }));
    if (onClientNode.length) expect(r.ok && r.body.trim().replace("You've hit ", '')).toSatisfy((n: string) => onClientNode.includes(n));
    else expect(r).toMatchObject({ ok: false, error: 'timeout' });
    const hp = c.client.get('pods', 'default', 'hp') as unknown as Pod;
    const nodeIP = { master: '192.168.1.2', worker: '192.168.1.3', worker2: '192.168.1.4' }[hp.spec?.nodeName ?? 'worker'] ?? '';
    const w = c.network.http(c.network.nodeSource('master') as NetSource, get(nodeIP, 8081));
    expect(w.ok && w.body).toContain('Welcome to nginx!');
  });

  it('gives hostNetwork pods the node address and resolv.conf', () => {
    const kp = (c.client.list('pods', 'kube-system', { labelSelector: 'k8s-app=kube-proxy' }) as unknown as Pod[])[0];
    const s = c.network.podSource('kube-system', kp.metadata?.name ?? '') as NetSource;
    expect(s).toMatchObject({ kind: 'pod', hostNetwork: true, resolv: { nameservers: ['192.168.1.1'], search: [] } });
    expect(s.ip).toMatch(/^192\.168\.1\.\d$/);
    expect(c.network.interfaces(s).map((i) => i.name)).toEqual(['lo', 'eth0', 'cni0']);
  });
});
