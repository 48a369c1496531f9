// Models kube-proxy in iptables mode: Service VIPs (ClusterIP, NodePort, LoadBalancer ingress IPs,
// externalIPs) DNAT to a backend chosen at random per connection (statistic --probability), ClientIP
// session affinity through the `recent` module, and the endpoint rules it builds from EndpointSlices
// (falling back to v1 Endpoints when no slice exists, e.g. before the mirroring controller has run).
import type { Service, ServicePort, Endpoints } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Client } from '../api/types';
import type { Clock, Rng } from '../util';

/** Backend is one endpoint address for one Service port. */
export interface Backend {
  ip: string;
  port: number;
  nodeName?: string;
  /** pod is the targetRef when it names a Pod. */
  pod?: { namespace: string; name: string };
  hostname?: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

/** ServiceMatch is a Service and the port a connection hit. */
export interface ServiceMatch { svc: Service; port: ServicePort }

const tcp = (p: ServicePort) => (p.protocol ?? 'TCP') === 'TCP';
const services = (client: Client) => client.list('services') as unknown as Service[];

/** byClusterIP finds the Service whose ClusterIP is ip (headless and ExternalName Services have none). */
export function byClusterIP(client: Client, ip: string): Service | undefined {
  for (const s of services(client)) {
    const ips = s.spec?.clusterIPs ?? (s.spec?.clusterIP ? [s.spec.clusterIP] : []);
    if (s.spec?.type !== 'ExternalName' && ips.includes(ip)) return s;
  }
  return undefined;
}

/** byExternalIP finds the Service with a LoadBalancer ingress IP (or spec.externalIPs entry) ip. */
export function byExternalIP(client: Client, ip: string): { svc: Service; loadBalancer: boolean } | undefined {
  for (const s of services(client)) {
    if (s.spec?.type === 'LoadBalancer' && s.status?.loadBalancer?.ingress?.some((i) => i.ip === ip)) return { svc: s, loadBalancer: true };
    if (s.spec?.externalIPs?.includes(ip)) return { svc: s, loadBalancer: false };
  }
  return undefined;
}

/** byNodePort finds the NodePort/LoadBalancer Service port listening on nodePort (TCP). */
export function byNodePort(client: Client, nodePort: number): ServiceMatch | undefined {
  for (const s of services(client)) {
    if (s.spec?.type !== 'NodePort' && s.spec?.type !== 'LoadBalancer') continue;
    const p = s.spec.ports?.find((x) => x.nodePort === nodePort && tcp(x));
    if (p) return { svc: s, port: p };
  }
  return undefined;
}

/** servicePort finds the TCP (or given protocol) port of svc numbered port. */
export function servicePort(svc: Service, port: number, protocol = 'TCP'): ServicePort | undefined {
  return svc.spec?.ports?.find((p) => p.port === port && (p.protocol ?? 'TCP') === protocol);
}

/**
 * backends lists every endpoint of svc's port (matched by port name, as kube-proxy does), with its
 * readiness, from the Service's EndpointSlices or else its Endpoints object.
 */
export function backends(client: Client, svc: Service, port: ServicePort): Backend[] {
  const ns = svc.metadata?.namespace ?? 'default';
  const name = svc.metadata?.name ?? '';
  const portName = port.name ?? '';
  const protocol = port.protocol ?? 'TCP';
  const out: Backend[] = [];
  const slices = client.list('endpointslices', ns, { labelSelector: `kubernetes.io/service-name=${name}` }) as unknown as EndpointSlice[];
  if (slices.length) {
    for (const sl of slices) {
      if (sl.addressType !== 'IPv4') continue;
      // A Service without ports (headless) has slices without ports: addresses only.
      const p = sl.ports?.length ? sl.ports.find((x) => (x.name ?? '') === portName && (x.protocol ?? 'TCP') === protocol) : portName ? undefined : { port: 0 };
      if (!p || p.port === undefined) continue;
      for (const ep of sl.endpoints ?? []) {
        const ready = ep.conditions?.ready !== false;
        const ref = ep.targetRef?.kind === 'Pod' && ep.targetRef.name ? { namespace: ep.targetRef.namespace ?? ns, name: ep.targetRef.name } : undefined;
        for (const ip of ep.addresses.slice(0, 1)) {
          out.push({ ip, port: p.port, nodeName: ep.nodeName, pod: ref, hostname: ep.hostname, ready,
            serving: ep.conditions?.serving ?? ready, terminating: ep.conditions?.terminating ?? false });
        }
      }
    }
    return out;
  }
  const eps = client.tryGet('endpoints', ns, name) as unknown as Endpoints | undefined;
  for (const ss of eps?.subsets ?? []) {
    const p = ss.ports?.find((x) => (x.name ?? '') === portName && (x.protocol ?? 'TCP') === protocol)
      ?? (ss.ports?.length === 1 && !ss.ports[0].name && !portName ? ss.ports[0] : undefined)
      ?? (!ss.ports?.length && !portName ? { port: 0 } : undefined);
    if (!p) continue;
    const add = (ready: boolean) => (a: { ip: string; nodeName?: string; hostname?: string; targetRef?: { kind?: string; name?: string; namespace?: string } }) => out.push({
      ip: a.ip, port: p.port, nodeName: a.nodeName, hostname: a.hostname, ready, serving: ready, terminating: false,
      pod: a.targetRef?.kind === 'Pod' && a.targetRef.name ? { namespace: a.targetRef.namespace ?? ns, name: a.targetRef.name } : undefined,
    });
    (ss.addresses ?? []).forEach(add(true));
    (ss.notReadyAddresses ?? []).forEach(add(false));
  }
  return out;
}

/**
 * usable is what kube-proxy routes to: the ready endpoints, or, when there are none, the serving
 * terminating ones (KEP-1669, GA in 1.28); onNode keeps only endpoints on that node (traffic policy Local).
 */
export function usable(all: Backend[], onNode?: string): Backend[] {
  const local = onNode === undefined ? all : all.filter((b) => b.nodeName === onNode);
  const ready = local.filter((b) => b.ready);
  return ready.length ? ready : local.filter((b) => b.serving && b.terminating);
}

/** KubeProxy picks backends per connection and remembers ClientIP affinity. */
export class KubeProxy {
  private readonly affinity = new Map<string, { ip: string; port: number; last: number }>();

  constructor(private readonly clock: Clock, private readonly rng: Rng) {}

  /** pick chooses a backend for one connection from clientIP, or undefined when there is none. */
  pick(svc: Service, port: ServicePort, candidates: Backend[], clientIP: string): Backend | undefined {
    if (!candidates.length) return undefined;
    if (svc.spec?.sessionAffinity !== 'ClientIP') return candidates[this.rng.int(candidates.length)];
    const timeoutMs = (svc.spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? 10800) * 1000;
    const key = `${svc.metadata?.uid ?? ''}/${svc.metadata?.namespace}/${svc.metadata?.name}/${port.name ?? port.port}/${clientIP}`;
    const now = this.clock.now();
    const seen = this.affinity.get(key);
    let chosen = seen && now - seen.last <= timeoutMs ? candidates.find((b) => b.ip === seen.ip && b.port === seen.port) : undefined;
    chosen ??= candidates[this.rng.int(candidates.length)];
    // `-m recent --set` refreshes the entry on every connection, so the timeout counts from the last one.
    this.affinity.set(key, { ip: chosen.ip, port: chosen.port, last: now });
    if (this.affinity.size > 10_000) {
      // Reap like `--reap`: forget clients idle longer than the longest allowed timeout (1 day).
      for (const [k, v] of this.affinity) if (now - v.last > 86_400_000) this.affinity.delete(k);
    }
    return chosen;
  }
}

/**
 * addressesOf lists a Service's endpoint addresses whatever the port (what CoreDNS serves for a
 * headless Service), once per IP; notReady ones only when publishNotReadyAddresses is set.
 */
export function addressesOf(client: Client, svc: Service): Backend[] {
  const ports = svc.spec?.ports?.length ? svc.spec.ports : [{ port: 0, name: '' } as ServicePort];
  const seen = new Map<string, Backend>();
  for (const p of ports) {
    for (const b of backends(client, svc, p)) if (!seen.has(b.ip) || (b.ready && !seen.get(b.ip)?.ready)) seen.set(b.ip, b);
  }
  const all = [...seen.values()];
  return svc.spec?.publishNotReadyAddresses ? all : all.filter((b) => b.ready);
}
