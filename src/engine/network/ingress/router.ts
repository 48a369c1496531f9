// Models ingress-nginx's internal/ingress/controller (createServers / createUpstreams / getBackendServers):
// Ingresses of class `nginx` become nginx server blocks per host and location blocks per path.
import type { Ingress, IngressBackend, IngressClass } from 'kubernetes-types/networking/v1';
import type { Client } from '../../api/types';
import type { KObject } from '../../types';
import type { IngressRoute, IngressRouter } from '../types';
import { serveIngressRequest } from './serve';

/** CONTROLLER_CLASS is the IngressClass spec.controller value ingress-nginx claims. */
export const CONTROLLER_CLASS = 'k8s.io/ingress-nginx';
/** INGRESS_CLASS is the IngressClass name the stock manifest creates (`--ingress-class=nginx`). */
export const INGRESS_CLASS = 'nginx';
/** DEFAULT_CLASS_ANNOTATION marks the cluster's default IngressClass. */
export const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';
/** CATCH_ALL is nginx's default server name (rules without a host, spec.defaultBackend). */
export const CATCH_ALL = '_';

/** Location is one nginx location block: a path of one Ingress rule and its backend. */
interface Location {
  path: string;
  pathType: 'Exact' | 'Prefix' | 'ImplementationSpecific';
  namespace: string;
  ingress: string;
  backend: IngressBackend;
}

/** Server is one nginx server block (one host). */
interface Server {
  locations: Location[];
  /** root is the backend of `location /` when no rule path matched (the Ingress's spec.defaultBackend). */
  root?: { namespace: string; ingress: string; backend: IngressBackend };
  tls?: { namespace: string; secretName?: string };
}

const asIngress = (o: KObject) => o as unknown as Ingress;

/** classOf returns the IngressClass name an Ingress asks for (field, then the deprecated annotation). */
export function classOf(ing: Ingress): string | undefined {
  return ing.spec?.ingressClassName ?? ing.metadata?.annotations?.['kubernetes.io/ingress.class'];
}

/**
 * handledBy tells whether ingress-nginx serves ing: its class must name an IngressClass whose controller is
 * k8s.io/ingress-nginx, or the deprecated annotation must say `nginx`. An Ingress without a class is ignored
 * (--watch-ingress-without-class is off); the DefaultIngressClass admission plugin fills the class in at
 * creation when an IngressClass carries the is-default-class annotation.
 */
export function handledBy(ing: Ingress, classes: IngressClass[]): boolean {
  const annotation = ing.metadata?.annotations?.['kubernetes.io/ingress.class'];
  const name = ing.spec?.ingressClassName;
  if (name) return classes.some((c) => c.metadata?.name === name && c.spec?.controller === CONTROLLER_CLASS);
  return annotation === INGRESS_CLASS;
}

/** nginxIngresses lists the Ingresses ingress-nginx serves, oldest first (the first one wins a host/path conflict). */
export function nginxIngresses(client: Client): Ingress[] {
  const classes = client.list('ingressclasses').map((o) => o as unknown as IngressClass);
  return client.list('ingresses').map(asIngress).filter((i) => handledBy(i, classes))
    .sort((a, b) => (a.metadata?.creationTimestamp ?? '').localeCompare(b.metadata?.creationTimestamp ?? '')
      || `${a.metadata?.namespace}/${a.metadata?.name}`.localeCompare(`${b.metadata?.namespace}/${b.metadata?.name}`));
}

/** buildServers turns Ingresses into nginx server blocks keyed by host (`_` for the catch-all server). */
function buildServers(ingresses: Ingress[]): Map<string, Server> {
  const servers = new Map<string, Server>([[CATCH_ALL, { locations: [] }]]);
  const server = (host: string) => {
    let s = servers.get(host);
    if (!s) { s = { locations: [] }; servers.set(host, s); }
    return s;
  };
  for (const ing of ingresses) {
    const namespace = ing.metadata?.namespace ?? 'default';
    const ingress = ing.metadata?.name ?? '';
    const def = ing.spec?.defaultBackend;
    const catchAll = servers.get(CATCH_ALL) as Server;
    // An Ingress's defaultBackend serves the catch-all server (first one wins) and the root of its own hosts.
    if (def && !catchAll.root) catchAll.root = { namespace, ingress, backend: def };
    for (const rule of ing.spec?.rules ?? []) {
      const s = server((rule.host ?? '').toLowerCase() || CATCH_ALL);
      if (def && !s.root) s.root = { namespace, ingress, backend: def };
      for (const p of rule.http?.paths ?? []) {
        const path = p.path || '/';
        const pathType = (p.pathType ?? 'ImplementationSpecific') as Location['pathType'];
        if (s.locations.some((l) => l.path === path && l.pathType === pathType)) continue;
        s.locations.push({ path, pathType, namespace, ingress, backend: p.backend });
      }
    }
    for (const t of ing.spec?.tls ?? []) {
      for (const h of t.hosts ?? []) {
        const s = server(h.toLowerCase());
        if (!s.tls) s.tls = { namespace, secretName: t.secretName };
      }
    }
  }
  return servers;
}

/** pathMatches applies one location's pathType to a request path (query string already removed). */
export function pathMatches(loc: { path: string; pathType: string }, reqPath: string): boolean {
  if (loc.pathType === 'Exact') return reqPath === loc.path;
  if (loc.pathType === 'Prefix') {
    // Element-wise prefix: `/foo` matches `/foo`, `/foo/` and `/foo/bar`, not `/foobar`; a trailing slash is ignored.
    const base = loc.path.replace(/\/+$/, '');
    if (base === '') return true;
    return reqPath === base || reqPath.startsWith(`${base}/`);
  }
  // ImplementationSpecific is an nginx prefix location: a plain string prefix.
  return reqPath.startsWith(loc.path);
}

/** findServer picks the server block for a Host header: exact name, then `*.wildcard` (one label), then `_`. */
function findServer(servers: Map<string, Server>, host: string): Server {
  const exact = servers.get(host);
  if (exact) return exact;
  const dot = host.indexOf('.');
  if (dot > 0) {
    const wild = servers.get(`*${host.slice(dot)}`);
    if (wild) return wild;
  }
  return servers.get(CATCH_ALL) as Server;
}

/** bestLocation picks nginx's location: the longest matching path; at equal length an Exact location wins. */
function bestLocation(server: Server, reqPath: string): Location | undefined {
  let best: Location | undefined;
  for (const loc of server.locations) {
    if (!pathMatches(loc, reqPath)) continue;
    if (!best || loc.path.length > best.path.length || (loc.path.length === best.path.length && loc.pathType === 'Exact' && best.pathType !== 'Exact')) best = loc;
  }
  return best;
}

/** hasReadyEndpoints tells whether a Service port has any ready endpoint (EndpointSlices, else Endpoints). */
export function hasReadyEndpoints(client: Client, namespace: string, service: string): boolean {
  if (!client.tryGet('services', namespace, service)) return false;
  const slices = client.list('endpointslices', namespace, { labelSelector: `kubernetes.io/service-name=${service}` }) as unknown as { endpoints?: { addresses?: string[]; conditions?: { ready?: boolean } }[] }[];
  if (slices.some((s) => (s.endpoints ?? []).some((e) => (e.addresses ?? []).length > 0 && e.conditions?.ready !== false))) return true;
  const ep = client.tryGet('endpoints', namespace, service) as unknown as { subsets?: { addresses?: unknown[] }[] } | undefined;
  return (ep?.subsets ?? []).some((s) => (s.addresses ?? []).length > 0);
}

/** hostOf strips the port from a Host header and lower-cases it. */
export function hostOf(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  return h.replace(/:\d+$/, '');
}

/** routeOver computes one request's route over the given Ingresses (the pure part of IngressRouter.route). */
export function routeOver(client: Client, ingresses: Ingress[], hostHeader: string, rawPath: string, scheme: 'http' | 'https'): IngressRoute {
  const host = hostOf(hostHeader);
  const reqPath = (rawPath.split('?')[0] || '/');
  const servers = buildServers(ingresses);
  const server = findServer(servers, host);
  const tls = server.tls;
  if (scheme === 'http' && tls && (!tls.secretName || client.tryGet('secrets', tls.namespace, tls.secretName))) {
    // ssl-redirect (on by default) for hosts with a TLS section: 308 to the same URL over https.
    return { ok: false, status: 308, location: `https://${host}${rawPath || '/'}` };
  }
  const loc = bestLocation(server, reqPath);
  const target = loc ?? server.root;
  if (!target?.backend.service?.name) return { ok: false, status: 404 };
  const svc = target.backend.service;
  const port = svc.port?.number ?? svc.port?.name ?? 80;
  if (!hasReadyEndpoints(client, target.namespace, svc.name)) return { ok: false, status: 503, namespace: target.namespace, ingress: target.ingress, service: svc.name, port };
  const route: IngressRoute = { ok: true, namespace: target.namespace, ingress: target.ingress, service: svc.name, port };
  if (scheme === 'https' && tls) route.tlsSecret = tls.secretName ?? '';
  return route;
}

/** controllerLabels are the pod labels of the stock ingress-nginx controller Deployment. */
export const CONTROLLER_LABELS: Readonly<Record<string, string>> = {
  'app.kubernetes.io/name': 'ingress-nginx',
  'app.kubernetes.io/component': 'controller',
};

/** isControllerPod tells whether pod labels are those of an ingress-nginx controller pod. */
export function isControllerPod(pod: { metadata?: { labels?: Record<string, string> } }): boolean {
  const l = pod.metadata?.labels;
  if (!l) return false;
  for (const k in CONTROLLER_LABELS) if (l[k] !== CONTROLLER_LABELS[k]) return false;
  return true;
}

/** createIngressRouter builds the ingress-nginx routing table over the API (read fresh on every request). */
export function createIngressRouter(client: Client): IngressRouter {
  const route: IngressRouter['route'] = (host, path, scheme) => routeOver(client, nginxIngresses(client), host, path, scheme);
  return {
    isController: isControllerPod,
    route,
    serve: (req, controller, forward) => serveIngressRequest(route, req, controller, forward),
  };
}
