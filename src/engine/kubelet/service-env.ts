import type { Service } from 'kubernetes-types/core/v1';
import type { Client } from '../api/types';

/** MASTER_SERVICES are the default-namespace Services every pod gets variables for (kubelet masterServices). */
const MASTER_SERVICES = new Set(['kubernetes']);

/** envName turns a Service or port name into its variable prefix (`kubia-http` → `KUBIA_HTTP`). */
const envName = (s: string) => s.replace(/-/g, '_').toUpperCase();

/** isServiceIPSet tells whether a Service has a virtual IP (not headless, not ExternalName). */
function isServiceIPSet(svc: Service): boolean {
  const ip = svc.spec?.clusterIP;
  return !!ip && ip !== 'None';
}

/**
 * serviceEnvVars lists the Docker-links-style variables of services in order, as envvars.FromServices does:
 * `_SERVICE_HOST`, `_SERVICE_PORT`, `_SERVICE_PORT_<NAME>` per named port, then `_PORT` and per port
 * `_PORT_<port>_<PROTO>` with `_PROTO`, `_PORT`, `_ADDR`.
 */
export function serviceEnvVars(services: readonly Service[]): [string, string][] {
  const out: [string, string][] = [];
  for (const svc of services) {
    if (!isServiceIPSet(svc)) continue;
    const ports = svc.spec?.ports ?? [];
    if (!ports.length) continue;
    const ip = svc.spec!.clusterIP!;
    const prefix = envName(svc.metadata?.name ?? '');
    out.push([`${prefix}_SERVICE_HOST`, ip]);
    out.push([`${prefix}_SERVICE_PORT`, String(ports[0].port)]);
    for (const p of ports) if (p.name) out.push([`${prefix}_SERVICE_PORT_${envName(p.name)}`, String(p.port)]);
    ports.forEach((p, i) => {
      const proto = p.protocol ?? 'TCP';
      const hostPort = ip.includes(':') ? `[${ip}]:${p.port}` : `${ip}:${p.port}`;
      const url = `${proto.toLowerCase()}://${hostPort}`;
      if (i === 0) out.push([`${prefix}_PORT`, url]);
      const pp = `${prefix}_PORT_${p.port}_${proto.toUpperCase()}`;
      out.push([pp, url], [`${pp}_PROTO`, proto.toLowerCase()], [`${pp}_PORT`, String(p.port)], [`${pp}_ADDR`, ip]);
    });
  }
  return out;
}

/** ServiceLister is the kubelet's Service informer cache, answering the variables for a namespace. */
export interface ServiceLister {
  /** env returns the service variables of a container created now in ns (see serviceEnv). */
  env(ns: string, enableServiceLinks: boolean): [string, string][];
  /** close ends the watch. */
  close(): void;
}

/**
 * createServiceLister keeps every Service in a watch-fed cache (the kubelet's serviceLister) and memoizes
 * the variables per namespace until a Service changes. Models kubelet getServiceEnvVarMap: the Services that
 * exist at this moment (so pods created before a Service lack its variables), the namespace's own only when
 * enableServiceLinks is not false, `kubernetes` from default always; a Service of the pod's namespace wins
 * over a master service of the same name, as upstream's map does. Order: by Service name (the real kubelet
 * passes a Go map, so the runtime's order is arbitrary).
 */
export function createServiceLister(client: Client): ServiceLister {
  const byNs = new Map<string, Map<string, Service>>();
  const memo = new Map<string, [string, string][]>();
  const put = (type: string, svc: Service) => {
    const ns = svc.metadata?.namespace ?? '';
    const name = svc.metadata?.name ?? '';
    let m = byNs.get(ns);
    if (!m) byNs.set(ns, m = new Map());
    if (type === 'DELETED') m.delete(name); else m.set(name, svc);
    memo.clear();
  };
  const watch = client.watch('services', undefined);
  watch.onEvent((ev) => { if (ev.type !== 'BOOKMARK' && ev.type !== 'ERROR') put(ev.type, ev.object as unknown as Service); });
  for (const o of client.list('services', undefined)) put('ADDED', o as unknown as Service);
  return {
    env(ns, links) {
      const key = `${ns}|${links}`;
      const hit = memo.get(key);
      if (hit) return hit;
      const chosen = new Map<string, Service>();
      for (const name of MASTER_SERVICES) {
        const svc = byNs.get('default')?.get(name);
        if (svc && isServiceIPSet(svc)) chosen.set(name, svc);
      }
      if (links) for (const [name, svc] of byNs.get(ns) ?? []) if (isServiceIPSet(svc)) chosen.set(name, svc);
      const out = serviceEnvVars([...chosen.keys()].sort().map((n) => chosen.get(n)!));
      memo.set(key, out);
      return out;
    },
    close: () => watch.close(),
  };
}
