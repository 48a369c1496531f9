import type { KObject } from '../../types';
import { NETWORK } from '../options';

const single = { internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', sessionAffinity: 'None', type: 'ClusterIP' };

/** buildKubernetesService returns default/kubernetes, the API server's own Service (10.96.0.1:443). */
export function buildKubernetesService(): KObject {
  return {
    apiVersion: 'v1', kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      clusterIP: NETWORK.kubernetesServiceIP, clusterIPs: [NETWORK.kubernetesServiceIP], ...single,
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: NETWORK.apiServerPort }],
    },
  };
}

/** buildKubernetesEndpoints returns the Endpoints and EndpointSlice the API server reconciler keeps for itself. */
export function buildKubernetesEndpoints(apiServerIP: string): KObject[] {
  return [
    {
      apiVersion: 'v1', kind: 'Endpoints',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
      subsets: [{ addresses: [{ ip: apiServerIP }], ports: [{ name: 'https', port: NETWORK.apiServerPort, protocol: 'TCP' }] }],
    },
    {
      apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: [apiServerIP], conditions: { ready: true } }],
      ports: [{ name: 'https', port: NETWORK.apiServerPort, protocol: 'TCP' }],
    },
  ];
}

const DNS_LABELS = { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' };

/** buildKubeDnsService returns kube-system/kube-dns (10.96.0.10; dns 53/UDP, dns-tcp 53/TCP, metrics 9153/TCP). */
export function buildKubeDnsService(): KObject {
  return {
    apiVersion: 'v1', kind: 'Service',
    metadata: { name: 'kube-dns', namespace: 'kube-system', labels: DNS_LABELS, annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' } },
    spec: {
      clusterIP: NETWORK.dnsServiceIP, clusterIPs: [NETWORK.dnsServiceIP], ...single,
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
      selector: { 'k8s-app': 'kube-dns' },
    },
  };
}
