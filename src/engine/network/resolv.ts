// Models pkg/kubelet/network/dns (GetPodDNS): the resolv.conf a pod gets for its dnsPolicy and
// dnsConfig, and containerd's rendering of it into /etc/resolv.conf.
import type { Pod } from 'kubernetes-types/core/v1';
import type { ResolvConf } from './types';

/** CLUSTER_DNS_IP is the kube-dns Service's ClusterIP (kubelet --cluster-dns). */
export const CLUSTER_DNS_IP = '10.96.0.10';
/** CLUSTER_DOMAIN is the cluster's DNS domain (kubelet --cluster-domain). */
export const CLUSTER_DOMAIN = 'cluster.local';

/**
 * NODE_RESOLV is the nodes' /etc/resolv.conf (systemd-resolved's upstream file, which the kubelet
 * reads with --resolv-conf): the LAN router, which knows the internet and the nodes' names only.
 */
export const NODE_RESOLV: ResolvConf = { nameservers: ['192.168.1.1'], search: [], ndots: 1 };

// Limits the kubelet enforces (validation.MaxDNSNameservers, MaxDNSSearchPaths).
const MAX_NAMESERVERS = 3;
const MAX_SEARCH = 32;

const uniq = (xs: string[]) => [...new Set(xs)];

/** resolvConfFor computes the resolv.conf the kubelet gives pod (dnsPolicy, hostNetwork, dnsConfig). */
export function resolvConfFor(pod: Pod): ResolvConf {
  const ns = pod.metadata?.namespace ?? 'default';
  const policy = pod.spec?.dnsPolicy ?? 'ClusterFirst';
  const hostNetwork = pod.spec?.hostNetwork === true;
  let nameservers: string[];
  let search: string[];
  let opts: string[];
  if (policy === 'None') {
    nameservers = []; search = []; opts = [];
  } else if (policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && !hostNetwork)) {
    nameservers = [CLUSTER_DNS_IP];
    search = [`${ns}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN, ...NODE_RESOLV.search];
    opts = ['ndots:5'];
  } else {
    // Default, and ClusterFirst on the host network, fall back to the node's resolv.conf.
    nameservers = [...NODE_RESOLV.nameservers];
    search = [...NODE_RESOLV.search];
    opts = [];
  }
  const cfg = pod.spec?.dnsConfig;
  if (cfg) {
    nameservers = uniq([...nameservers, ...(cfg.nameservers ?? [])]);
    search = uniq([...search, ...(cfg.searches ?? [])]);
    // mergeDNSOptions: a dnsConfig option replaces one of the same name.
    for (const o of cfg.options ?? []) {
      if (!o.name) continue;
      const text = o.value !== undefined ? `${o.name}:${o.value}` : o.name;
      const i = opts.findIndex((x) => x.split(':')[0] === o.name);
      if (i >= 0) opts[i] = text; else opts.push(text);
    }
  }
  const ndotsOpt = opts.find((o) => o.startsWith('ndots:'));
  const ndots = ndotsOpt ? Math.min(15, Math.max(0, parseInt(ndotsOpt.slice(6), 10) || 0)) : 1;
  const rc: ResolvConf = { nameservers: nameservers.slice(0, MAX_NAMESERVERS), search: search.slice(0, MAX_SEARCH), ndots };
  // An explicit ndots:1 equals the resolver default but is still written to the file.
  const rest = opts.filter((o) => !o.startsWith('ndots:') || ndots === 1);
  if (rest.length) rc.options = rest;
  return rc;
}

/** renderResolvConf renders rc as containerd writes /etc/resolv.conf (search, nameservers, options). */
export function renderResolvConf(rc: ResolvConf): string {
  const lines: string[] = [];
  if (rc.search.length) lines.push(`search ${rc.search.join(' ')}`);
  for (const ns of rc.nameservers) lines.push(`nameserver ${ns}`);
  // ndots:1 is the resolver default, so a file without an ndots option (Default policy) reads back the same.
  const opts = [...(rc.ndots !== 1 ? [`ndots:${rc.ndots}`] : []), ...(rc.options ?? [])];
  if (opts.length) lines.push(`options ${opts.join(' ')}`);
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** resolverTiming reads `timeout:N` and `attempts:N` (glibc defaults 5 s and 2). */
export function resolverTiming(rc: ResolvConf): { timeoutMs: number; attempts: number } {
  let timeout = 5, attempts = 2;
  for (const o of rc.options ?? []) {
    const [k, v] = o.split(':');
    const n = parseInt(v ?? '', 10);
    if (k === 'timeout' && n >= 1) timeout = Math.min(30, n);
    if (k === 'attempts' && n >= 1) attempts = Math.min(5, n);
  }
  return { timeoutMs: timeout * 1000, attempts };
}
