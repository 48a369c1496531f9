// Models what nginx does with one request inside an ingress-nginx controller pod: the location's proxy_pass
// (through the network's forward), its own error pages and ssl-redirect, and the access log line.
import { INGRESS_ACCESS_HEADER, nginxPage } from '../../images';
import type { HttpResponse, IngressAccess, Process } from '../../images';
import type { IngressRequest, IngressRoute, IngressServed, IngressUpstream } from '../types';

const page = (status: number, extra: Record<string, string> = {}): HttpResponse => {
  const body = nginxPage(status);
  return { status, headers: { 'Content-Type': 'text/html', 'Content-Length': String(body.length), ...extra }, body };
};

/** upstreamName is ingress-nginx's `$proxy_upstream_name` for a Service backend: `<namespace>-<service>-<port>`. */
export function upstreamName(r: { namespace?: string; service?: string; port?: number | string }): string {
  return r.service ? `${r.namespace}-${r.service}-${r.port}` : '';
}

/** HSTS is the Strict-Transport-Security header ingress-nginx adds on TLS servers (hsts: true by default). */
export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * serveIngressRequest answers one request that reached a controller pod: route it, forward it when routed,
 * build nginx's answer, and have the controller process log it (when one is given).
 */
export function serveIngressRequest(
  route: (host: string, path: string, scheme: 'http' | 'https') => IngressRoute,
  req: IngressRequest,
  controller: Process | undefined,
  forward: (route: Extract<IngressRoute, { ok: true }>) => IngressUpstream,
): IngressServed {
  const r = route(req.headers.host ?? '', req.path, req.scheme);
  let response: HttpResponse;
  let upstream: IngressUpstream | undefined;
  let access: IngressAccess;
  if (r.ok) {
    upstream = forward(r);
    const name = upstreamName(r);
    if (upstream.ok) {
      response = { status: upstream.status, headers: { ...upstream.headers }, body: upstream.body };
      if (r.tlsSecret !== undefined) (response.headers as Record<string, string>)['Strict-Transport-Security'] = HSTS;
      access = { status: upstream.status, bytes: upstream.body.length, upstream: name, addr: `${upstream.ip}:${upstream.port}`, upstreamStatus: upstream.status, upstreamBytes: upstream.body.length, durationMs: upstream.durationMs };
    } else {
      // proxy_connect_timeout / proxy_read_timeout expiring is 504; a refused or reset connection is 502.
      const status = upstream.error === 'timeout' ? 504 : 502;
      response = page(status);
      const addr = upstream.ip ? `${upstream.ip}:${upstream.port ?? 80}` : '-';
      access = { status, bytes: response.body.length, upstream: name, addr, upstreamStatus: status, upstreamBytes: 0, durationMs: upstream.durationMs };
    }
  } else if (r.status === 308) {
    response = page(308, { Location: r.location ?? '/' });
    access = { status: 308, bytes: response.body.length, upstream: upstreamName(r), addr: '-', durationMs: 0 };
  } else if (r.status === 503) {
    response = page(503);
    access = { status: 503, bytes: response.body.length, upstream: upstreamName(r), addr: '-', durationMs: 0 };
  } else {
    response = page(404);
    access = { status: 404, bytes: response.body.length, upstream: 'upstream-default-backend', addr: '127.0.0.1:8181', upstreamStatus: 404, upstreamBytes: response.body.length, durationMs: 0 };
  }
  controller?.http?.({ ...req, headers: { ...req.headers, [INGRESS_ACCESS_HEADER]: JSON.stringify(access) } });
  return { response, route: r, upstream };
}
