import type { Container, Node, Pod } from 'kubernetes-types/core/v1';
import { milli, value } from './quantity';

/** Resources is a resource list in scheduler units: cpu in millicores, everything else in base units. */
export type Resources = Record<string, number>;

/** HostPort is one used host port on a node. */
export interface HostPort { ip: string; protocol: string; port: number }

/** PodInfo is what the scheduler keeps per pod: its requests, host ports and spread identity. */
export interface PodInfo {
  key: string;
  /** pod is the (frozen) pod object, for label and affinity checks. */
  pod: Pod;
  requests: Resources;
  /** nonZero are requests with the scoring defaults (100m cpu, 200Mi memory) for empty ones. */
  nonZero: { cpu: number; memory: number };
  ports: HostPort[];
  /** owner is the controller ownerReference uid, used by the default spreading score. */
  owner?: string;
  priority: number;
}

/** NodeInfo aggregates the pods on one node (the scheduler cache's framework.NodeInfo). */
export interface NodeInfo {
  node: Node;
  allocatable: Resources;
  pods: Map<string, PodInfo>;
  /** antiAffinityPods are the pods with required anti-affinity terms (NodeInfo.PodsWithRequiredAntiAffinity). */
  antiAffinityPods: Map<string, PodInfo>;
  requested: Resources;
  nonZeroRequested: { cpu: number; memory: number };
  ports: HostPort[];
  images: Set<string>;
  /** owners counts the pods per controller ownerReference uid (what the default spreading score reads). */
  owners: Map<string, number>;
}

const DEFAULT_MILLI_CPU = 100;
const DEFAULT_MEMORY = 200 * 1024 * 1024;

function toUnits(list: Record<string, string> | undefined, name: string): number {
  const v = list?.[name];
  if (v === undefined) return 0;
  return name === 'cpu' ? milli(v) : value(v);
}

function addList(into: Resources, list: Record<string, string> | undefined, fn: (a: number, b: number) => number): void {
  for (const name of Object.keys(list ?? {})) into[name] = fn(into[name] ?? 0, toUnits(list, name));
}

/** podRequests is resource.PodRequests: max(sum of containers, each init container) plus overhead. */
export function podRequests(pod: Pod): Resources {
  const sum: Resources = {};
  for (const c of pod.spec?.containers ?? []) addList(sum, c.resources?.requests as Record<string, string>, (a, b) => a + b);
  for (const c of pod.spec?.initContainers ?? []) {
    const r: Resources = {};
    addList(r, c.resources?.requests as Record<string, string>, (a, b) => a + b);
    for (const [k, v] of Object.entries(r)) sum[k] = Math.max(sum[k] ?? 0, v);
  }
  addList(sum, pod.spec?.overhead as Record<string, string>, (a, b) => a + b);
  return sum;
}

function nonZero(containers: Container[]): { cpu: number; memory: number } {
  let cpu = 0, memory = 0;
  for (const c of containers) {
    const req = c.resources?.requests as Record<string, string> | undefined;
    cpu += req?.cpu !== undefined ? milli(req.cpu) : DEFAULT_MILLI_CPU;
    memory += req?.memory !== undefined ? value(req.memory) : DEFAULT_MEMORY;
  }
  return { cpu, memory };
}

/** podInfoOf computes a PodInfo for pod. */
export function podInfoOf(pod: Pod): PodInfo {
  const ports: HostPort[] = [];
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) {
      if (p.hostPort && p.hostPort > 0) ports.push({ ip: p.hostIP || '0.0.0.0', protocol: p.protocol ?? 'TCP', port: p.hostPort });
    }
  }
  const owner = pod.metadata?.ownerReferences?.find((o) => o.controller)?.uid;
  return {
    key: `${pod.metadata?.namespace}/${pod.metadata?.name}`,
    pod,
    requests: podRequests(pod),
    nonZero: nonZero(pod.spec?.containers ?? []),
    ports,
    owner,
    priority: pod.spec?.priority ?? 0,
  };
}

/** newNodeInfo makes an empty NodeInfo for node. */
export function newNodeInfo(node: Node): NodeInfo {
  const allocatable: Resources = {};
  addList(allocatable, node.status?.allocatable as Record<string, string>, (_a, b) => b);
  const images = new Set<string>();
  for (const img of node.status?.images ?? []) for (const n of img.names ?? []) images.add(n);
  return { node, allocatable, pods: new Map(), antiAffinityPods: new Map(), requested: {}, nonZeroRequested: { cpu: 0, memory: 0 }, ports: [], images, owners: new Map() };
}

/** setNode replaces the node object of info, keeping its pods. */
export function setNode(info: NodeInfo, node: Node): void {
  const fresh = newNodeInfo(node);
  info.node = node;
  info.allocatable = fresh.allocatable;
  info.images = fresh.images;
}

/** addPod accounts pod on info. */
export function addPod(info: NodeInfo, p: PodInfo): void {
  if (info.pods.has(p.key)) removePod(info, p.key);
  info.pods.set(p.key, p);
  if (p.pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.length) info.antiAffinityPods.set(p.key, p);
  for (const [k, v] of Object.entries(p.requests)) info.requested[k] = (info.requested[k] ?? 0) + v;
  info.nonZeroRequested.cpu += p.nonZero.cpu;
  info.nonZeroRequested.memory += p.nonZero.memory;
  info.ports.push(...p.ports);
  if (p.owner !== undefined) info.owners.set(p.owner, (info.owners.get(p.owner) ?? 0) + 1);
}

/** removePod removes the pod with key from info. */
export function removePod(info: NodeInfo, key: string): void {
  const p = info.pods.get(key);
  if (!p) return;
  info.pods.delete(key);
  info.antiAffinityPods.delete(key);
  for (const [k, v] of Object.entries(p.requests)) info.requested[k] = (info.requested[k] ?? 0) - v;
  info.nonZeroRequested.cpu -= p.nonZero.cpu;
  info.nonZeroRequested.memory -= p.nonZero.memory;
  if (p.ports.length) info.ports = info.ports.filter((hp) => !p.ports.includes(hp));
  if (p.owner !== undefined) {
    const left = (info.owners.get(p.owner) ?? 0) - 1;
    if (left > 0) info.owners.set(p.owner, left); else info.owners.delete(p.owner);
  }
}
