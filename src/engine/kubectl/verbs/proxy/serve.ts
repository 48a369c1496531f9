// The HTTP side of `kubectl proxy`: k8s.io/kubectl/pkg/proxy FilterServer in front of the API server,
// including the apiserver's services/pods `proxy` subresources (pkg/registry/core/service/proxy.go
// ResourceLocation: a random ready endpoint of the named port; pods: the first containerPort).
import type { Endpoints, Pod, Service } from 'kubernetes-types/core/v1';
import type { HttpRequest, HttpResponse } from '../../../images/types';
import type { Network, NetError } from '../../../network/types';
import type { KObject } from '../../../types';
import type { KubectlDeps } from '../../env';
import { parseQuery } from '../../../util';

/** ProxyFilter is kubectl proxy's request filter (--accept-hosts, --accept-paths, --reject-paths, --reject-methods). */
export interface ProxyFilter { acceptHosts: RegExp[]; acceptPaths: RegExp[]; rejectPaths: RegExp[]; rejectMethods: RegExp[] }

/** regexpList compiles a comma-separated list of Go regular expressions (MakeRegexpArray). */
export function regexpList(s: string): RegExp[] {
  return s.split(',').filter((p) => p !== '').map((p) => new RegExp(p));
}

function accepted(f: ProxyFilter, method: string, path: string, host: string): boolean {
  if (f.rejectMethods.some((r) => r.test(method))) return false;
  if (f.rejectPaths.some((r) => r.test(path))) return false;
  if (!f.acceptPaths.some((r) => r.test(path))) return false;
  return f.acceptHosts.some((r) => r.test(host));
}

/** hostOnly strips the port from a Host header (`localhost:8001` → `localhost`, `[::1]:8001` → `[::1]`). */
function hostOnly(h: string): string {
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const i = h.lastIndexOf(':');
  return i >= 0 ? h.slice(0, i) : h;
}

/** goJson renders a value as the apiserver does: compact, or indented for curl/wget/browsers, HTML characters escaped. */
function goJson(v: unknown, pretty: boolean): string {
  const s = pretty ? JSON.stringify(v, null, 2) : JSON.stringify(v);
  return s.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026') + '\n';
}

function status(code: number, reason: string, message: string, details?: { name: string; kind: string }): KObject {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code } as unknown as KObject;
}

/** ProxyServer is the handler state of one running `kubectl proxy`. */
export interface ProxyServerOptions { deps: KubectlDeps; network: Network; node: string; filter?: ProxyFilter; apiPrefix: string }

/** createProxyHandler answers requests that reach the local proxy port. */
export function createProxyHandler(o: ProxyServerOptions): (req: HttpRequest & { body?: string }) => HttpResponse | { error: NetError } {
  return (req) => {
    const q = req.path.indexOf('?');
    let path = q >= 0 ? req.path.slice(0, q) : req.path;
    const search = q >= 0 ? req.path.slice(q + 1) : '';
    const host = hostOnly(req.headers['host'] ?? 'localhost');
    if (o.filter && !accepted(o.filter, req.method, path, host)) {
      return { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' }, body: 'Forbidden\n' };
    }
    const prefix = o.apiPrefix.endsWith('/') ? o.apiPrefix.slice(0, -1) : o.apiPrefix;
    if (prefix && !(path === prefix || path.startsWith(prefix + '/'))) return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: '404 page not found\n' };
    path = path.slice(prefix.length) || '/';
    const ua = req.headers['user-agent'] ?? '';
    const query = parseQuery(search);
    const pretty = query.pretty !== undefined ? query.pretty === 'true' || query.pretty === '1' : /^(curl|Wget|Mozilla\/5\.0)/.test(ua);
    const json = (code: number, body: unknown): HttpResponse => ({ status: code, headers: { 'content-type': 'application/json' }, body: goJson(body, pretty) });

    const sub = /^\/api\/v1\/namespaces\/([^/]+)\/(services|pods)\/([^/]+)\/proxy(\/.*)?$/.exec(path);
    if (sub) return proxySubresource(o, req, sub[1], sub[2] as 'services' | 'pods', decodeURIComponent(sub[3]), (sub[4] ?? '/') + (search ? `?${search}` : ''), json);
    if (path === '/healthz' || path === '/livez' || path === '/readyz') return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'ok' };
    if (path === '/') return json(200, { paths: rootPaths(o.deps) });
    const method = req.method.toUpperCase() as 'GET';
    let body: unknown;
    if (req.body) { try { body = JSON.parse(req.body); } catch { body = req.body; } }
    const res = o.deps.client.request({ method, path, query, headers: { 'content-type': req.headers['content-type'], 'user-agent': ua }, body });
    if (res.watch) { res.watch.close(); return json(res.code, { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'watch through the sandbox proxy is not streamed; use kubectl get -w', reason: 'BadRequest', code: 400 }); }
    if (res.stream) { res.stream.close(); }
    if (res.text !== undefined) return { status: res.code, headers: { 'content-type': 'text/plain' }, body: res.text };
    return json(res.code, stripItemTypeMeta(res.body));
  };
}

/** stripItemTypeMeta drops kind/apiVersion from list items: the apiserver's JSON lists carry them only on the list. */
function stripItemTypeMeta(body: unknown): unknown {
  const b = body as { kind?: string; items?: unknown[] } | undefined;
  if (!b || typeof b.kind !== 'string' || !b.kind.endsWith('List') || !Array.isArray(b.items)) return body;
  return { ...b, items: b.items.map((i) => { const { kind: _k, apiVersion: _a, ...rest } = i as Record<string, unknown>; void _k; void _a; return rest; }) };
}

function rootPaths(deps: KubectlDeps): string[] {
  const paths = new Set(['/api', '/api/v1', '/apis', '/apis/', '/healthz', '/livez', '/readyz', '/version', '/openapi/v2', '/openapi/v3']);
  for (const d of deps.registry.all()) if (d.group) { paths.add(`/apis/${d.group}`); paths.add(`/apis/${d.group}/${d.version}`); }
  return [...paths].sort();
}


type Json = (code: number, body: unknown) => HttpResponse;

function proxySubresource(o: ProxyServerOptions, req: HttpRequest, ns: string, kind: 'services' | 'pods', id: string, rest: string, json: Json): HttpResponse | { error: NetError } {
  // id is "name", "name:port" or "scheme:name:port".
  const parts = id.split(':');
  let name = parts[0], portStr = parts[1] ?? '';
  if (parts.length === 3) { name = parts[1]; portStr = parts[2]; }
  const client = o.deps.client;
  let ip: string, port: number;
  if (kind === 'pods') {
    const pod = client.tryGet<Pod & KObject>('pods', ns, name);
    if (!pod) return json(404, status(404, 'NotFound', `pods "${name}" not found`, { name, kind: 'pods' }));
    let p = portStr;
    if (!p) for (const c of pod.spec?.containers ?? []) if (c.ports?.length) { p = String(c.ports[0].containerPort); break; }
    ip = pod.status?.podIP ?? '';
    if (!ip) return json(503, status(503, 'ServiceUnavailable', `address not allowed`));
    port = p ? parseInt(p, 10) : 80;
  } else {
    const svc = client.tryGet<Service & KObject>('services', ns, name);
    if (!svc) return json(404, status(404, 'NotFound', `services "${name}" not found`, { name, kind: 'services' }));
    if (/^\d+$/.test(portStr)) {
      const sp = (svc.spec?.ports ?? []).find((x) => x.port === parseInt(portStr, 10));
      if (!sp) return json(503, status(503, 'ServiceUnavailable', `no service port ${portStr} found for service "${name}"`));
      portStr = sp.name ?? '';
    }
    const eps = client.tryGet<Endpoints & KObject>('endpoints', ns, name);
    const subsets = (eps?.subsets ?? []).filter((s) => (s.addresses ?? []).length);
    if (!eps?.subsets?.length) return json(503, status(503, 'ServiceUnavailable', `no endpoints available for service "${name}"`));
    const candidates = subsets.flatMap((s) => (s.ports ?? []).filter((p) => (p.name ?? '') === portStr).flatMap((p) => (s.addresses ?? []).map((a) => ({ ip: a.ip, port: p.port }))));
    if (!candidates.length) return json(503, status(503, 'ServiceUnavailable', `no endpoints available for service "${id}"`));
    // The apiserver picks a random ready address; the virtual clock makes the choice repeatable.
    const pick = candidates[Math.floor(o.deps.clock.now() / 7) % candidates.length];
    ip = pick.ip; port = pick.port;
  }
  const src = o.network.nodeSource(o.node);
  if (!src) return json(503, status(503, 'ServiceUnavailable', 'the sandbox network is not available'));
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (k !== 'host') headers[k] = v;
  const r = o.network.http(src, { method: req.method, host: ip, port, path: rest, headers });
  if (!r.ok) {
    const why = r.error === 'refused' ? 'connect: connection refused' : r.error === 'unreachable' ? 'connect: no route to host' : 'i/o timeout';
    return json(503, status(503, 'ServiceUnavailable', `error trying to reach ${kind === 'pods' ? 'pod' : 'service'}: dial tcp ${ip}:${port}: ${why}`));
  }
  return { status: r.status, headers: r.headers, body: r.body };
}
