import type { Pod } from 'kubernetes-types/core/v1';
import { renderResolvConf, resolvConfFor } from '../network';

/** CLUSTER_DOMAIN is the kubelet's --cluster-domain. */
const CLUSTER_DOMAIN = 'cluster.local';

/**
 * podHostnameAndDomain returns the pod's hostname (spec.hostname or the name, cut to 63 characters) and, with
 * spec.subdomain, its domain `<subdomain>.<ns>.svc.cluster.local`. Models kubelet GeneratePodHostNameAndDomain.
 */
export function podHostnameAndDomain(pod: Pod): { hostname: string; domain: string } {
  let hostname = pod.spec?.hostname || pod.metadata?.name || '';
  if (hostname.length > 63) hostname = hostname.slice(0, 63).replace(/[-.]+$/, '');
  const sub = pod.spec?.subdomain;
  return { hostname, domain: sub ? `${sub}.${pod.metadata?.namespace ?? 'default'}.svc.${CLUSTER_DOMAIN}` : '' };
}

/** etcHostname is what `hostname` prints in the pod (the FQDN with setHostnameAsFQDN). */
export function etcHostname(pod: Pod): string {
  const { hostname, domain } = podHostnameAndDomain(pod);
  return pod.spec?.setHostnameAsFQDN && domain ? `${hostname}.${domain}` : hostname;
}

/** nodeHostsFile is a node's own /etc/hosts (Ubuntu's stock file). */
export function nodeHostsFile(node: string): string {
  return `127.0.0.1 localhost\n127.0.1.1 ${node}\n\n# The following lines are desirable for IPv6 capable hosts\n::1     ip6-localhost ip6-loopback\nfe00::0 ip6-localnet\nff00::0 ip6-mcastprefix\nff02::1 ip6-allnodes\nff02::2 ip6-allrouters\n`;
}

/**
 * hostsFile is the kubelet-managed /etc/hosts. Models kubelet_pods.go managedHostsFileContent (pod IP line, with
 * the FQDN first when the pod has a subdomain) and nodeHostsFileContent for hostNetwork pods; hostAliases are
 * appended under `# Entries added by HostAliases.`.
 */
export function hostsFile(pod: Pod, podIP: string, node: string): string {
  let s: string;
  if (pod.spec?.hostNetwork) s = '# Kubernetes-managed hosts file (host network).\n' + nodeHostsFile(node);
  else {
    const { hostname, domain } = podHostnameAndDomain(pod);
    s = '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n';
    s += domain ? `${podIP}\t${hostname}.${domain}\t${hostname}\n` : `${podIP}\t${hostname}\n`;
  }
  const aliases = pod.spec?.hostAliases ?? [];
  if (aliases.length) {
    s += '\n# Entries added by HostAliases.\n';
    for (const a of aliases) s += `${a.ip}\t${(a.hostnames ?? []).join('\t')}\n`;
  }
  return s;
}

/**
 * seedEtcFiles writes the files the runtime bind-mounts into every container: /etc/hostname, /etc/hosts and
 * /etc/resolv.conf (per dnsPolicy and dnsConfig: the network's resolvConfFor, so the file and the lookups agree).
 * hostNetwork pods see the node's name and hosts file.
 */
export function seedEtcFiles(pod: Pod, podIP: string, node: string, fs: Map<string, string>): void {
  fs.set('/etc/hostname', `${pod.spec?.hostNetwork ? node : etcHostname(pod)}\n`);
  fs.set('/etc/hosts', hostsFile(pod, podIP, node));
  fs.set('/etc/resolv.conf', renderResolvConf(resolvConfFor(pod)));
}
