// Models CoreDNS as kubeadm configures it (Corefile: `kubernetes cluster.local in-addr.arpa ip6.arpa
// { pods insecure }` + `forward . /etc/resolv.conf`): the cluster zone's A, SRV and PTR records, and
// everything else forwarded to the node's upstream (the LAN router). No cache plugin: answers follow
// the API at once (upstream's cache is 30 s).
import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { Client } from '../api/types';
import { isIPv4 } from './addresses';
import { addressesOf, backends, byClusterIP } from './kube-proxy';
import type { Backend } from './kube-proxy';
import { CLUSTER_DOMAIN } from './resolv';
import type { SrvRecord } from './types';

/** ZoneAnswer is a nameserver's answer to an A query. */
export type ZoneAnswer = { rcode: 'NOERROR'; addresses: string[]; cnames: string[] } | { rcode: 'NXDOMAIN' };

const NX: ZoneAnswer = { rcode: 'NXDOMAIN' };
const SUFFIX = `.${CLUSTER_DOMAIN}`;

/** dashed turns 10.244.1.5 into 10-244-1-5 (CoreDNS's name for endpoints without a hostname). */
export const dashed = (ip: string) => ip.replace(/\./g, '-');

const svcOf = (client: Client, ns: string, name: string) => client.tryGet('services', ns, name) as unknown as Service | undefined;
const headless = (svc: Service) => svc.spec?.clusterIP === 'None';

/**
 * endpointHost is the name CoreDNS gives one endpoint: its hostname (set by the endpoints controller
 * for pods whose spec.hostname/subdomain match the Service), else the dashed IP.
 */
function endpointHost(client: Client, svc: Service, b: Backend): string {
  if (b.hostname) return b.hostname;
  if (b.pod) {
    const pod = client.tryGet('pods', b.pod.namespace, b.pod.name) as unknown as Pod | undefined;
    if (pod?.spec?.hostname && pod.spec.subdomain === svc.metadata?.name) return pod.spec.hostname;
  }
  return dashed(b.ip);
}

/** CoreDns answers queries for the cluster zone and forwards the rest. */
export class CoreDns {
  constructor(private readonly client: Client, private readonly upstream: (fqdn: string) => ZoneAnswer) {}

  /** inZone tells whether fqdn belongs to the cluster domain. */
  static inZone(fqdn: string): boolean { return fqdn === CLUSTER_DOMAIN || fqdn.endsWith(SUFFIX); }

  /** a answers an A query for fqdn (lower case, no trailing dot). */
  a(fqdn: string, depth = 0): ZoneAnswer {
    if (!CoreDns.inZone(fqdn)) return this.upstream(fqdn);
    const labels = fqdn.slice(0, -SUFFIX.length).split('.');
    const kind = labels[labels.length - 1];
    if (kind === 'pod' && labels.length === 3) {
      // `pods insecure`: any well-formed a-b-c-d answers, no check that such a pod exists.
      const ip = labels[0].replace(/-/g, '.');
      return isIPv4(ip) && /^\d+-\d+-\d+-\d+$/.test(labels[0]) ? { rcode: 'NOERROR', addresses: [ip], cnames: [] } : NX;
    }
    if (kind !== 'svc') return NX;
    if (labels.length === 3) {
      const svc = svcOf(this.client, labels[1], labels[0]);
      if (!svc) return NX;
      if (svc.spec?.type === 'ExternalName') {
        const target = (svc.spec.externalName ?? '').toLowerCase().replace(/\.$/, '');
        if (!target || depth > 8) return NX;
        const next = this.a(target, depth + 1);
        // The CNAME is answered even when its target does not resolve.
        return next.rcode === 'NOERROR' ? { rcode: 'NOERROR', addresses: next.addresses, cnames: [target, ...next.cnames] } : { rcode: 'NOERROR', addresses: [], cnames: [target] };
      }
      if (headless(svc)) {
        const ips = addressesOf(this.client, svc).map((b) => b.ip);
        return ips.length ? { rcode: 'NOERROR', addresses: ips, cnames: [] } : NX;
      }
      const ip = svc.spec?.clusterIP;
      return ip ? { rcode: 'NOERROR', addresses: [ip], cnames: [] } : NX;
    }
    if (labels.length === 4) {
      const svc = svcOf(this.client, labels[2], labels[1]);
      if (!svc || !headless(svc)) return NX;
      const hit = addressesOf(this.client, svc).filter((b) => endpointHost(this.client, svc, b) === labels[0]).map((b) => b.ip);
      return hit.length ? { rcode: 'NOERROR', addresses: hit, cnames: [] } : NX;
    }
    return NX;
  }

  /** srv answers `_port._proto.svc.ns.svc.cluster.local` for a named port. */
  srv(fqdn: string): SrvRecord[] | undefined {
    if (!fqdn.endsWith(SUFFIX)) return undefined;
    const l = fqdn.slice(0, -SUFFIX.length).split('.');
    if (l.length !== 5 || l[4] !== 'svc' || !l[0].startsWith('_') || !l[1].startsWith('_')) return undefined;
    const svc = svcOf(this.client, l[3], l[2]);
    const proto = l[1].slice(1).toUpperCase();
    const port = svc?.spec?.ports?.find((p) => p.name === l[0].slice(1) && (p.protocol ?? 'TCP') === proto);
    if (!svc || !port) return undefined;
    const base = `${l[2]}.${l[3]}.svc.${CLUSTER_DOMAIN}`;
    if (!headless(svc)) return [{ priority: 0, weight: 100, port: port.port, target: base }];
    const eps = backends(this.client, svc, port).filter((b) => b.ready || svc.spec?.publishNotReadyAddresses);
    if (!eps.length) return undefined;
    const weight = Math.floor(100 / eps.length);
    return eps.map((b) => ({ priority: 0, weight, port: b.port, target: `${endpointHost(this.client, svc, b)}.${base}` }));
  }

  /** ptr answers a reverse lookup: Service ClusterIPs, then endpoint addresses of any Service. */
  ptr(ip: string): string | undefined {
    const svc = byClusterIP(this.client, ip);
    if (svc) return `${svc.metadata?.name}.${svc.metadata?.namespace}.svc.${CLUSTER_DOMAIN}`;
    for (const s of this.client.list('services') as unknown as Service[]) {
      if (s.spec?.type === 'ExternalName') continue;
      const b = addressesOf(this.client, s).find((x) => x.ip === ip);
      if (b) return `${endpointHost(this.client, s, b)}.${s.metadata?.name}.${s.metadata?.namespace}.svc.${CLUSTER_DOMAIN}`;
    }
    return undefined;
  }
}
