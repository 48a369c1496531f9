import type { KObject } from '../../types';
import type { Rng } from '../../util';
import { rfc3339, rfc3339Micro } from '../../util';
import type { ImageCatalog } from '../../images';
import type { ResolvedNode } from '../options';
import { K8S_VERSION } from '../options';
import { hex, uuid } from './ids';

/** NODE_INFO are the nodeInfo facts every simulated node reports (kubeadm on Ubuntu with containerd). */
export const NODE_INFO = {
  kubeletVersion: K8S_VERSION,
  containerRuntimeVersion: 'containerd://1.7.24',
  osImage: 'Ubuntu 22.04.5 LTS',
  kernelVersion: '5.15.0-131-generic',
  operatingSystem: 'linux',
  architecture: 'amd64',
} as const;

const EPHEMERAL_CAPACITY_KI = 20463184;

/** ki converts a memory quantity (`4Gi`, `4015296Ki`, `4096Mi`) to KiB. */
function ki(q: string): number {
  const m = /^(\d+)(Ki|Mi|Gi)?$/.exec(q);
  if (!m) return 4015296;
  const n = Number(m[1]);
  return m[2] === 'Gi' ? n * 1024 * 1024 : m[2] === 'Mi' ? n * 1024 : m[2] === 'Ki' ? n : Math.floor(n / 1024);
}

/** imagesFor lists the images a node has pulled during kubeadm init/join, as status.images does. */
function imagesFor(role: ResolvedNode['role'], images: ImageCatalog): KObject['status'] {
  const refs = role === 'control-plane'
    ? ['registry.k8s.io/etcd:3.5.16-0', `registry.k8s.io/kube-apiserver:${K8S_VERSION}`, `registry.k8s.io/kube-controller-manager:${K8S_VERSION}`,
      `registry.k8s.io/kube-proxy:${K8S_VERSION}`, `registry.k8s.io/kube-scheduler:${K8S_VERSION}`, 'registry.k8s.io/coredns/coredns:v1.11.3', 'registry.k8s.io/pause:3.10']
    : [`registry.k8s.io/kube-proxy:${K8S_VERSION}`, 'registry.k8s.io/coredns/coredns:v1.11.3', 'registry.k8s.io/pause:3.10'];
  const out: Array<{ names: string[]; sizeBytes: number }> = [];
  for (const ref of refs) {
    const r = images.resolve(ref);
    if (!r.ok) continue;
    const repo = ref.slice(0, ref.lastIndexOf(':'));
    out.push({ names: [`${repo}@${r.digest}`, ref], sizeBytes: r.sizeBytes });
  }
  return out.sort((a, b) => b.sizeBytes - a.sizeBytes) as unknown as KObject['status'];
}

/** buildNode returns the Node object kubelet registration plus kubeadm produce for n at time now. */
export function buildNode(n: ResolvedNode, now: number, rng: Rng, images: ImageCatalog): KObject {
  const cp = n.role === 'control-plane';
  const memKi = ki(n.memory);
  const ts = rfc3339(now);
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': n.name,
    'kubernetes.io/os': 'linux',
  };
  if (cp) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  const cond = (type: string, status: string, reason: string, message: string) =>
    ({ type, status, reason, message, lastHeartbeatTime: ts, lastTransitionTime: ts });
  const capacity = {
    cpu: n.cpu, 'ephemeral-storage': `${EPHEMERAL_CAPACITY_KI}Ki`, 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: `${memKi}Ki`, pods: String(n.pods),
  };
  const allocatable = {
    ...capacity,
    // Models the kubelet's default hard eviction thresholds: memory.available<100Mi, nodefs.available<10%.
    'ephemeral-storage': String(Math.floor(EPHEMERAL_CAPACITY_KI * 1024 * 0.9)),
    memory: `${memKi - 102400}Ki`,
  };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: n.name,
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: n.podCIDR,
      podCIDRs: [n.podCIDR],
      ...(cp ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } : {}),
    },
    status: {
      addresses: [{ type: 'InternalIP', address: n.internalIP }, { type: 'Hostname', address: n.name }],
      allocatable,
      capacity,
      conditions: [
        cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      images: imagesFor(n.role, images),
      nodeInfo: {
        architecture: NODE_INFO.architecture,
        bootID: uuid(rng),
        containerRuntimeVersion: NODE_INFO.containerRuntimeVersion,
        kernelVersion: NODE_INFO.kernelVersion,
        kubeProxyVersion: '',
        kubeletVersion: NODE_INFO.kubeletVersion,
        machineID: hex(rng, 32),
        operatingSystem: NODE_INFO.operatingSystem,
        osImage: NODE_INFO.osImage,
        systemUUID: uuid(rng),
      },
      runtimeHandlers: [
        { name: 'runc', features: { recursiveReadOnlyMounts: true, userNamespaces: true } },
        { name: '', features: { recursiveReadOnlyMounts: true, userNamespaces: true } },
      ],
    },
  };
}

/** buildLease returns the node's heartbeat Lease in kube-node-lease (the kubelet renews it every 10 s). */
export function buildLease(node: KObject, now: number): KObject {
  const name = node.metadata.name ?? '';
  return {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: {
      name,
      namespace: 'kube-node-lease',
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name, uid: node.metadata.uid ?? '' }],
    },
    spec: { holderIdentity: name, leaseDurationSeconds: 40, renewTime: rfc3339Micro(now) },
  };
}
