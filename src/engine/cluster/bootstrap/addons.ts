import type { KObject } from '../../types';
import { K8S_VERSION } from '../options';

/** COREDNS_IMAGE is the CoreDNS image kubeadm v1.32 deploys. */
export const COREDNS_IMAGE = 'registry.k8s.io/coredns/coredns:v1.11.3';
/** COREDNS_HASH is the pod-template-hash of kubeadm v1.32's CoreDNS template. */
export const COREDNS_HASH = '668d6bf9bc';
/** KUBE_PROXY_IMAGE is the kube-proxy image of the simulated release. */
export const KUBE_PROXY_IMAGE = `registry.k8s.io/kube-proxy:${K8S_VERSION}`;

/** corednsPodSpec is the pod template spec of kubeadm's CoreDNS Deployment. */
function corednsPodSpec(): Record<string, unknown> {
  return {
    affinity: {
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [{
          podAffinityTerm: { labelSelector: { matchExpressions: [{ key: 'k8s-app', operator: 'In', values: ['kube-dns'] }] }, topologyKey: 'kubernetes.io/hostname' },
          weight: 100,
        }],
      },
    },
    containers: [{
      args: ['-conf', '/etc/coredns/Corefile'],
      image: COREDNS_IMAGE,
      imagePullPolicy: 'IfNotPresent',
      livenessProbe: { failureThreshold: 5, httpGet: { path: '/health', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 60, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 5 },
      name: 'coredns',
      ports: [
        { containerPort: 53, name: 'dns', protocol: 'UDP' },
        { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
        { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
      ],
      readinessProbe: { failureThreshold: 3, httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' }, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 1 },
      resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
      securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] }, readOnlyRootFilesystem: true },
      volumeMounts: [{ mountPath: '/etc/coredns', name: 'config-volume', readOnly: true }],
    }],
    dnsPolicy: 'Default',
    nodeSelector: { 'kubernetes.io/os': 'linux' },
    priorityClassName: 'system-cluster-critical',
    serviceAccountName: 'coredns',
    tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }, { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }],
    volumes: [{ configMap: { items: [{ key: 'Corefile', path: 'Corefile' }], name: 'coredns' }, name: 'config-volume' }],
  };
}

/** buildCorednsDeployment returns kubeadm's coredns Deployment (2 replicas). */
export function buildCorednsDeployment(): KObject {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name: 'coredns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
      strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 }, type: 'RollingUpdate' },
      template: { metadata: { labels: { 'k8s-app': 'kube-dns' } }, spec: corednsPodSpec() },
    },
  };
}

/** buildCorednsReplicaSet returns the ReplicaSet the deployment controller makes for deploy. */
export function buildCorednsReplicaSet(deploy: KObject): KObject {
  const labels = { 'k8s-app': 'kube-dns', 'pod-template-hash': COREDNS_HASH };
  return {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: {
      name: `coredns-${COREDNS_HASH}`, namespace: 'kube-system', labels,
      annotations: { 'deployment.kubernetes.io/desired-replicas': '2', 'deployment.kubernetes.io/max-replicas': '3', 'deployment.kubernetes.io/revision': '1' },
      ownerReferences: [{ apiVersion: 'apps/v1', blockOwnerDeletion: true, controller: true, kind: 'Deployment', name: 'coredns', uid: deploy.metadata.uid ?? '' }],
    },
    spec: { replicas: 2, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: corednsPodSpec() } },
  };
}

/** buildCorednsPod returns one pod as the ReplicaSet controller creates it (generateName). */
export function buildCorednsPod(rs: KObject): KObject {
  const name = rs.metadata.name ?? '';
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: {
      generateName: `${name}-`, namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns', 'pod-template-hash': COREDNS_HASH },
      ownerReferences: [{ apiVersion: 'apps/v1', blockOwnerDeletion: true, controller: true, kind: 'ReplicaSet', name, uid: rs.metadata.uid ?? '' }],
    },
    spec: corednsPodSpec(),
  };
}

function kubeProxyPodSpec(): Record<string, unknown> {
  return {
    containers: [{
      command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'],
      env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } }],
      image: KUBE_PROXY_IMAGE,
      imagePullPolicy: 'IfNotPresent',
      name: 'kube-proxy',
      securityContext: { privileged: true },
      volumeMounts: [
        { mountPath: '/var/lib/kube-proxy', name: 'kube-proxy' },
        { mountPath: '/run/xtables.lock', name: 'xtables-lock' },
        { mountPath: '/lib/modules', name: 'lib-modules', readOnly: true },
      ],
    }],
    hostNetwork: true,
    nodeSelector: { 'kubernetes.io/os': 'linux' },
    priorityClassName: 'system-node-critical',
    serviceAccountName: 'kube-proxy',
    tolerations: [{ operator: 'Exists' }],
    volumes: [
      { configMap: { name: 'kube-proxy' }, name: 'kube-proxy' },
      { hostPath: { path: '/run/xtables.lock', type: 'FileOrCreate' }, name: 'xtables-lock' },
      { hostPath: { path: '/lib/modules', type: '' }, name: 'lib-modules' },
    ],
  };
}

/** buildKubeProxyDaemonSet returns kubeadm's kube-proxy DaemonSet. */
export function buildKubeProxyDaemonSet(): KObject {
  return {
    apiVersion: 'apps/v1', kind: 'DaemonSet',
    metadata: { name: 'kube-proxy', namespace: 'kube-system', labels: { 'k8s-app': 'kube-proxy' }, annotations: { 'deprecated.daemonset.template.generation': '1' } },
    spec: {
      revisionHistoryLimit: 10,
      selector: { matchLabels: { 'k8s-app': 'kube-proxy' } },
      template: { metadata: { labels: { 'k8s-app': 'kube-proxy' } }, spec: kubeProxyPodSpec() },
      updateStrategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 1 }, type: 'RollingUpdate' },
    },
  };
}

/** buildControllerRevision returns the DaemonSet's first ControllerRevision. */
export function buildControllerRevision(ds: KObject, hash: string): KObject {
  return {
    apiVersion: 'apps/v1', kind: 'ControllerRevision',
    metadata: {
      name: `kube-proxy-${hash}`, namespace: 'kube-system', labels: { 'controller-revision-hash': hash, 'k8s-app': 'kube-proxy' },
      annotations: { 'deprecated.daemonset.template.generation': '1' },
      ownerReferences: [{ apiVersion: 'apps/v1', blockOwnerDeletion: true, controller: true, kind: 'DaemonSet', name: 'kube-proxy', uid: ds.metadata.uid ?? '' }],
    },
    data: { spec: { template: { $patch: 'replace', ...(ds.spec as { template: object }).template } } },
    revision: 1,
  };
}

/**
 * buildKubeProxyPod returns the pod the DaemonSet controller creates for one node: node affinity on
 * metadata.name and the daemon tolerations it adds (AddOrUpdateDaemonPodTolerations).
 */
export function buildKubeProxyPod(ds: KObject, nodeName: string, hash: string): KObject {
  const spec = kubeProxyPodSpec();
  const tol = (key: string, effect: string) => ({ effect, key, operator: 'Exists' });
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: {
      generateName: 'kube-proxy-', namespace: 'kube-system',
      labels: { 'controller-revision-hash': hash, 'k8s-app': 'kube-proxy', 'pod-template-generation': '1' },
      ownerReferences: [{ apiVersion: 'apps/v1', blockOwnerDeletion: true, controller: true, kind: 'DaemonSet', name: 'kube-proxy', uid: ds.metadata.uid ?? '' }],
    },
    spec: {
      ...spec,
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }] } } },
      tolerations: [
        ...(spec.tolerations as object[]),
        tol('node.kubernetes.io/not-ready', 'NoExecute'), tol('node.kubernetes.io/unreachable', 'NoExecute'),
        tol('node.kubernetes.io/disk-pressure', 'NoSchedule'), tol('node.kubernetes.io/memory-pressure', 'NoSchedule'),
        tol('node.kubernetes.io/pid-pressure', 'NoSchedule'), tol('node.kubernetes.io/unschedulable', 'NoSchedule'),
        tol('node.kubernetes.io/network-unavailable', 'NoSchedule'),
      ],
    },
  };
}
