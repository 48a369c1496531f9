/** NodeRole is a node's kubeadm role. */
export type NodeRole = 'control-plane' | 'worker';

/** NodeSpec describes one node of the simulated cluster. */
export interface NodeSpec { name: string; role?: NodeRole; cpu?: string; memory?: string; pods?: number }

/** ClusterOptions configure createCluster. */
export interface ClusterOptions {
  /** seed makes every random choice repeatable (default 42). */
  seed?: number;
  /** start is the virtual epoch (ms) at which kubeadm init runs (default DEFAULT_EPOCH). */
  start?: number;
  /** nodes replaces DEFAULT_NODES. */
  nodes?: NodeSpec[];
  /** handoverMs is how long after start the cluster is handed to the user (default 5 minutes). */
  handoverMs?: number;
  /**
   * loadBalancer chooses what `type: LoadBalancer` Services get: 'cloud' (default) runs a cloud provider's
   * service controller that assigns an EXTERNAL-IP after ~30-45 s; 'none' leaves it `<pending>` forever,
   * as on a bare-metal kubeadm cluster without MetalLB.
   */
  loadBalancer?: 'cloud' | 'none';
}

/** DEFAULT_NODES is the kubeadm cluster a learner gets: one control plane and two workers. */
export const DEFAULT_NODES: NodeSpec[] = [
  { name: 'master', role: 'control-plane' },
  { name: 'worker', role: 'worker' },
  { name: 'worker2', role: 'worker' },
];

/** ResolvedNode is a NodeSpec with every default and network fact filled in. */
export interface ResolvedNode {
  name: string;
  role: NodeRole;
  cpu: string;
  memory: string;
  pods: number;
  /** internalIP is 192.168.1.(2 + index): master .2, worker .3, worker2 .4. */
  internalIP: string;
  /** podCIDR is 10.244.<index>.0/24. */
  podCIDR: string;
}

/** resolveNodes fills defaults: 2 cpu, 4 GiB, 110 pods, IPs from 192.168.1.2 and pod CIDRs from 10.244.0.0/24. */
export function resolveNodes(specs: NodeSpec[]): ResolvedNode[] {
  return specs.map((s, i) => ({
    name: s.name,
    role: s.role ?? (i === 0 ? 'control-plane' : 'worker'),
    cpu: s.cpu ?? '2',
    memory: s.memory ?? '4015296Ki',
    pods: s.pods ?? 110,
    internalIP: `192.168.1.${2 + i}`,
    podCIDR: `10.244.${i}.0/24`,
  }));
}

/** Network facts of the default cluster, shared by bootstrap objects. */
export const NETWORK = {
  serviceCIDR: '10.96.0.0/12',
  podSubnet: '10.244.0.0/16',
  kubernetesServiceIP: '10.96.0.1',
  dnsServiceIP: '10.96.0.10',
  clusterDomain: 'cluster.local',
  apiServerPort: 6443,
} as const;

/** K8S_VERSION is the simulated Kubernetes release. */
export const K8S_VERSION = 'v1.32.4';
