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

interface PodRef { name: string; uid: string; ip: string; nodeName: string }

/**
 * buildKubeDnsEndpoints returns the Endpoints and EndpointSlice the endpoints controllers write for
 * kube-dns once the CoreDNS pods are ready (sliceName carries the generateName suffix).
 */
export function buildKubeDnsEndpoints(svc: KObject, pods: PodRef[], sliceName: string, triggerTime: string): KObject[] {
  const ref = (p: PodRef) => ({ kind: 'Pod', name: p.name, namespace: 'kube-system', uid: p.uid });
  const sorted = [...pods].sort((a, b) => a.ip.localeCompare(b.ip, undefined, { numeric: true }));
  return [
    {
      apiVersion: 'v1', kind: 'Endpoints',
      metadata: { name: 'kube-dns', namespace: 'kube-system', labels: DNS_LABELS, annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': triggerTime } },
      subsets: [{
        addresses: sorted.map((p) => ({ ip: p.ip, nodeName: p.nodeName, targetRef: ref(p) })),
        ports: [{ name: 'dns-tcp', port: 53, protocol: 'TCP' }, { name: 'dns', port: 53, protocol: 'UDP' }, { name: 'metrics', port: 9153, protocol: 'TCP' }],
      }],
    },
    {
      apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
      metadata: {
        name: sliceName, namespace: 'kube-system',
        labels: { ...DNS_LABELS, 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': 'kube-dns' },
        annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': triggerTime },
        generateName: 'kube-dns-',
        ownerReferences: [{ apiVersion: 'v1', blockOwnerDeletion: true, controller: true, kind: 'Service', name: 'kube-dns', uid: svc.metadata.uid ?? '' }],
      },
      addressType: 'IPv4',
      endpoints: sorted.map((p) => ({ addresses: [p.ip], conditions: { ready: true, serving: true, terminating: false }, nodeName: p.nodeName, targetRef: ref(p) })),
      ports: [{ name: 'dns-tcp', port: 53, protocol: 'TCP' }, { name: 'dns', port: 53, protocol: 'UDP' }, { name: 'metrics', port: 9153, protocol: 'TCP' }],
    },
  ];
}
