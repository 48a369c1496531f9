// Presentational resource figures for node containers: requested vs allocatable CPU and memory, as
// `kubectl describe node` sums them under "Allocated resources" (non-terminated pods only).
import type { KObject } from '../../engine/protocol';

type Obj = Record<string, any>;

const SUFFIX: Record<string, number> = {
  n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4, Pi: 1024 ** 5, Ei: 1024 ** 6,
};

/** parseQuantity reads a Kubernetes quantity ('250m', '128Mi', '2', '1e3') as a number of base units; NaN when malformed. */
export function parseQuantity(q: unknown): number {
  if (typeof q === 'number') return q;
  if (typeof q !== 'string') return NaN;
  const m = /^([+-]?[0-9.]+(?:[eE][+-]?[0-9]+)?)(n|u|m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/.exec(q.trim());
  if (!m) return NaN;
  return Number(m[1]) * SUFFIX[m[2] ?? ''];
}

/** NodeUsage is one node's summed CPU (cores) and memory (bytes) requests against its allocatable. */
export interface NodeUsage { cpu: number; cpuAllocatable: number; memory: number; memoryAllocatable: number; pods: number }

/** podRequests sums a pod's container requests (the larger of the containers' sum and any init container). */
export function podRequests(pod: KObject): { cpu: number; memory: number } {
  const spec: Obj = (pod as Obj).spec ?? {};
  const sum = { cpu: 0, memory: 0 };
  for (const c of (spec.containers as Obj[] | undefined) ?? []) {
    const cpu = parseQuantity(c.resources?.requests?.cpu);
    const mem = parseQuantity(c.resources?.requests?.memory);
    if (!Number.isNaN(cpu)) sum.cpu += cpu;
    if (!Number.isNaN(mem)) sum.memory += mem;
  }
  for (const c of (spec.initContainers as Obj[] | undefined) ?? []) {
    const cpu = parseQuantity(c.resources?.requests?.cpu);
    const mem = parseQuantity(c.resources?.requests?.memory);
    if (!Number.isNaN(cpu)) sum.cpu = Math.max(sum.cpu, cpu);
    if (!Number.isNaN(mem)) sum.memory = Math.max(sum.memory, mem);
  }
  return sum;
}

/** nodeUsage sums the requests of the non-terminated pods bound to node. */
export function nodeUsage(node: KObject, podsOnNode: readonly KObject[]): NodeUsage {
  const alloc: Obj = (node as Obj).status?.allocatable ?? {};
  const u: NodeUsage = { cpu: 0, memory: 0, pods: 0, cpuAllocatable: parseQuantity(alloc.cpu) || 0, memoryAllocatable: parseQuantity(alloc.memory) || 0 };
  for (const p of podsOnNode) {
    const phase = (p as Obj).status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') continue;
    const r = podRequests(p);
    u.cpu += r.cpu;
    u.memory += r.memory;
    u.pods++;
  }
  return u;
}

/** formatCpu prints cores as kubectl does for requests: millicores below one core ('750m'), else cores ('2'). */
export function formatCpu(cores: number): string {
  const milli = Math.round(cores * 1000);
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

/** formatMemory prints bytes in the largest binary unit that keeps an integer ('128Mi', '2Gi'), else in Gi/Mi with one decimal. */
export function formatMemory(bytes: number): string {
  if (bytes === 0) return '0';
  for (const [unit, f] of [['Gi', 1024 ** 3], ['Mi', 1024 ** 2], ['Ki', 1024]] as const) {
    if (bytes >= f && bytes % f === 0 && (unit !== 'Ki' || bytes < 1024 ** 2)) return `${bytes / f}${unit}`;
  }
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)}Gi`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)}Mi`;
  return `${bytes}`;
}

/** nodeRole returns the ROLES text of a node: its node-role.kubernetes.io/* labels joined, or '<none>'. */
export function nodeRole(node: KObject): string {
  const labels = node.metadata.labels ?? {};
  const roles = Object.keys(labels).filter((k) => k.startsWith('node-role.kubernetes.io/')).map((k) => k.slice('node-role.kubernetes.io/'.length)).filter(Boolean);
  if (labels['kubernetes.io/role']) roles.push(labels['kubernetes.io/role']);
  return roles.length ? [...new Set(roles)].sort().join(',') : '<none>';
}

/** nodeReadyText returns the STATUS text of a node: Ready, NotReady or Unknown, plus SchedulingDisabled when cordoned. */
export function nodeReadyText(node: KObject): string {
  const n = node as Obj;
  const cond = ((n.status?.conditions as Obj[] | undefined) ?? []).find((c) => c.type === 'Ready');
  let s = !cond ? 'Unknown' : cond.status === 'True' ? 'Ready' : cond.status === 'False' ? 'NotReady' : 'Unknown';
  if (n.spec?.unschedulable) s += ',SchedulingDisabled';
  return s;
}
