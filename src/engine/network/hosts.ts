// Servers that run on the nodes themselves rather than in pods: kube-apiserver (192.168.1.2:6443,
// reached directly or through the `kubernetes` Service) and the kubelet's API (every node's :10250).
import type { Client, HttpMethod } from '../api/types';
import type { HttpRequest, HttpResponse } from '../images';
import { ANONYMOUS, attributesOf, authorize, forbiddenMessage, identify } from './api-auth';
import type { Served } from './dataplane';
import type { TraceBuilder } from './tracer';
import type { Peer } from './types';
import { parseQuery } from '../util';

type Serve = (req: HttpRequest, scheme: 'http' | 'https', tb: TraceBuilder) => Served;

const PLAIN_TO_TLS: HttpResponse = { status: 400, body: 'Client sent an HTTP request to an HTTPS server.\n', headers: { 'content-type': 'text/plain; charset=utf-8' } };
const json = (status: number, body: unknown): HttpResponse => ({ status, body: `${JSON.stringify(body, null, 2)}\n`, headers: { 'content-type': 'application/json' } });

const status = (code: number, reason: string, message: string, details?: Record<string, string>): HttpResponse => {
  const body: Record<string, unknown> = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason };
  if (details) body.details = details;
  body.code = code;
  return json(code, body);
};

/**
 * apiServerAnswer serves kube-apiserver's HTTPS port to network clients: ServiceAccount bearer tokens
 * authenticate (401 when invalid), RBAC authorizes (the public health and version paths for anyone,
 * discovery for authenticated users, the rest per ClusterRoleBindings/RoleBindings), then the API answers.
 */
export function apiServerAnswer(client: Client, peer: Peer): Serve {
  return (req, scheme) => {
    const ok = (res: HttpResponse): Served => ({ ok: true, res, answeredBy: peer });
    if (scheme !== 'https') return ok(PLAIN_TO_TLS);
    const [path, qs = ''] = req.path.split('?', 2);
    const query = parseQuery(qs);
    const id = identify(client, req.headers.authorization);
    if (id === 'invalid') return ok(status(401, 'Unauthorized', 'Unauthorized'));
    const who = id ?? ANONYMOUS;
    const attrs = attributesOf(req.method, path, query);
    if (!authorize(client, who, attrs)) {
      const details = attrs.kind === 'resource' ? { ...(attrs.name ? { name: attrs.name } : {}), ...(attrs.group ? { group: attrs.group } : {}), kind: attrs.resource } : {};
      return ok(status(403, 'Forbidden', forbiddenMessage(who, attrs), details));
    }
    if (path === '/healthz' || path === '/livez' || path === '/readyz') return ok({ status: 200, body: 'ok', headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' } });
    let body: unknown;
    try { body = req.body ? JSON.parse(req.body) : undefined; } catch { body = req.body; }
    const method = (req.method.toUpperCase() === 'HEAD' ? 'GET' : req.method.toUpperCase()) as HttpMethod;
    const r = client.request({ method, path, query, body, headers: req.headers });
    if (r.text !== undefined) return ok({ status: r.code, body: r.text, headers: { 'content-type': 'text/plain' } });
    return ok(json(r.code, r.body ?? {}));
  };
}

/** kubeletAnswer serves the kubelet's :10250 (HTTPS, webhook authentication: anonymous gets 401). */
export function kubeletAnswer(peer: Peer): Serve {
  return (_req, scheme) => ({
    ok: true, answeredBy: peer,
    res: scheme !== 'https' ? PLAIN_TO_TLS : { status: 401, body: 'Unauthorized', headers: { 'content-type': 'text/plain; charset=utf-8' } },
  });
}

/** kubeletHealthz serves the kubelet's healthz port, bound to 127.0.0.1:10248. */
export function kubeletHealthz(peer: Peer): Serve {
  return (req) => ({
    ok: true, answeredBy: peer,
    res: req.path === '/healthz' ? { status: 200, body: 'ok', headers: { 'content-type': 'text/plain; charset=utf-8' } } : { status: 404, body: '404 page not found\n', headers: { 'content-type': 'text/plain; charset=utf-8' } },
  });
}
