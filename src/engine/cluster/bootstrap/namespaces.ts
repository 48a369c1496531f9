import type { KObject } from '../../types';

/** SYSTEM_NAMESPACES are the namespaces kube-apiserver creates at start-up. */
export const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

/** buildNamespace returns a Namespace with the kubernetes.io/metadata.name label the API server adds. */
export function buildNamespace(name: string): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

/** KUBE_SYSTEM_SERVICE_ACCOUNTS are the service accounts kube-controller-manager and kubeadm create in kube-system. */
export const KUBE_SYSTEM_SERVICE_ACCOUNTS = [
  'attachdetach-controller', 'bootstrap-signer', 'certificate-controller', 'clusterrole-aggregation-controller', 'coredns',
  'cronjob-controller', 'daemon-set-controller', 'default', 'deployment-controller', 'disruption-controller', 'endpoint-controller',
  'endpointslice-controller', 'endpointslicemirroring-controller', 'ephemeral-volume-controller', 'expand-controller',
  'generic-garbage-collector', 'horizontal-pod-autoscaler', 'job-controller', 'kube-proxy', 'legacy-service-account-token-cleaner',
  'namespace-controller', 'node-controller', 'persistent-volume-binder', 'pod-garbage-collector', 'pv-protection-controller',
  'pvc-protection-controller', 'replicaset-controller', 'replication-controller', 'resourcequota-controller', 'root-ca-cert-publisher',
  'service-account-controller', 'statefulset-controller', 'token-cleaner', 'ttl-after-finished-controller',
  'ttl-controller', 'validatingadmissionpolicy-status-controller',
];

/** buildServiceAccount returns a bare ServiceAccount (1.24+ creates no token Secret). */
export function buildServiceAccount(namespace: string, name: string): KObject {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace } };
}

/** PRIORITY_CLASSES are the two classes kube-apiserver's scheduling post-start hook creates. */
export const PRIORITY_CLASSES: KObject[] = [
  { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'system-node-critical' }, value: 2000001000, preemptionPolicy: 'PreemptLowerPriority', description: 'Used for system critical pods that must not be moved from their current node.' },
  { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'system-cluster-critical' }, value: 2000000000, preemptionPolicy: 'PreemptLowerPriority', description: 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.' },
];
