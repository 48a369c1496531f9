// Models describe.go's NodeDescriber/describeNode and describeNodeResource (kubectl 1.32 still prints Kube-Proxy Version).
import type { KObject } from '../../types';
import { formatDescribeTimestamp } from '../printers';
import {
  describeEvents, printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline, searchEvents, sortedKeys,
  translateTimestampSince, type DescribeContext, type Obj,
} from './common';
import { addQuantity, formatQuantity, milliValue, parseQuantity, quantityValue, ZERO, type Quantity } from './quantity';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './writer';

type ResourceMap = Map<string, Quantity>;

function addInto(target: ResourceMap, list: Record<string, string> | undefined): void {
  for (const [k, v] of Object.entries(list ?? {})) target.set(k, addQuantity(target.get(k) ?? ZERO, parseQuantity(v)));
}

// Models k8s.io/component-helpers/resource PodRequests/PodLimits: sum of containers, max with each
// init container (restartable sidecars are added), plus pod overhead.
function podResources(pod: Obj, field: 'requests' | 'limits'): ResourceMap {
  const sum: ResourceMap = new Map();
  for (const c of (pod.spec?.containers ?? []) as Obj[]) addInto(sum, c.resources?.[field]);
  const sidecars: ResourceMap = new Map();
  let initMax: ResourceMap = new Map();
  for (const c of (pod.spec?.initContainers ?? []) as Obj[]) {
    if (c.restartPolicy === 'Always') { addInto(sum, c.resources?.[field]); addInto(sidecars, c.resources?.[field]); continue; }
    const cur: ResourceMap = new Map(sidecars);
    addInto(cur, c.resources?.[field]);
    for (const [k, v] of cur) if (!initMax.has(k) || (initMax.get(k) as Quantity).nano < v.nano) initMax.set(k, v);
    initMax = new Map(initMax);
  }
  for (const [k, v] of initMax) if (!sum.has(k) || (sum.get(k) as Quantity).nano < v.nano) sum.set(k, v);
  addInto(sum, pod.spec?.overhead);
  return sum;
}

const pct = (num: number, den: number): number => (den === 0 ? 0 : Math.trunc((num / den) * 100));

function describeNodeResource(pods: Obj[], node: Obj, w: PrefixWriter, now: number): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const alloc: Record<string, string> = Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status.allocatable : (node.status?.capacity ?? {});
  const allocCpu = milliValue(parseQuantity(alloc.cpu));
  const allocMem = quantityValue(parseQuantity(alloc.memory));
  const reqs: ResourceMap = new Map();
  const lims: ResourceMap = new Map();
  for (const pod of pods) {
    const req = podResources(pod, 'requests');
    const lim = podResources(pod, 'limits');
    for (const [k, v] of req) reqs.set(k, addQuantity(reqs.get(k) ?? ZERO, v));
    for (const [k, v] of lim) lims.set(k, addQuantity(lims.get(k) ?? ZERO, v));
    const cr = req.get('cpu') ?? ZERO;
    const cl = lim.get('cpu') ?? ZERO;
    const mr = req.get('memory') ?? ZERO;
    const ml = lim.get('memory') ?? ZERO;
    w.write(LEVEL_1, `${pod.metadata.namespace}\t${pod.metadata.name}\t\t` +
      `${formatQuantity(cr)} (${pct(milliValue(cr), allocCpu)}%)\t${formatQuantity(cl)} (${pct(milliValue(cl), allocCpu)}%)\t` +
      `${formatQuantity(mr)} (${pct(quantityValue(mr), allocMem)}%)\t${formatQuantity(ml)} (${pct(quantityValue(ml), allocMem)}%)\t` +
      `${translateTimestampSince(pod.metadata.creationTimestamp, now)}\n`);
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const line = (name: string, milli: boolean): void => {
    const r = reqs.get(name) ?? ZERO;
    const l = lims.get(name) ?? ZERO;
    const a = parseQuantity(alloc[name]);
    const v = milli ? milliValue : quantityValue;
    w.write(LEVEL_1, `${name}\t${formatQuantity(r)} (${pct(v(r), v(a))}%)\t${formatQuantity(l)} (${pct(v(l), v(a))}%)\n`);
  };
  line('cpu', true);
  line('memory', false);
  line('ephemeral-storage', false);
  const keys = sortedKeys(alloc);
  for (const k of keys.filter((k) => k.startsWith('hugepages-'))) line(k, false);
  for (const k of keys.filter((k) => !k.startsWith('hugepages-') && !['cpu', 'memory', 'ephemeral-storage', 'pods'].includes(k))) {
    w.write(LEVEL_1, `${k}\t${formatQuantity(reqs.get(k) ?? ZERO)}\t${formatQuantity(lims.get(k) ?? ZERO)}\n`);
  }
}

/** findNodeRoles returns node-role.kubernetes.io/<role> and kubernetes.io/role values, sorted. */
export function findNodeRoles(labels: Record<string, string> | undefined): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) { const r = k.slice('node-role.kubernetes.io/'.length); if (r) roles.add(r); } else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return [...roles].sort();
}

/** describeNode renders `kubectl describe node`, listing the node's non-terminated pods and its lease. */
export function describeNode(node: KObject, ctx: DescribeContext): string {
  const n = node as Obj;
  const name = node.metadata.name ?? '';
  let pods: Obj[] = [];
  try {
    pods = ctx.client.list('pods', undefined, { fieldSelector: `spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed` }) as Obj[];
  } catch { pods = []; }
  let events: Obj[] | undefined;
  if (ctx.showEvents) {
    // Events about nodes carry either the node's uid (controllers) or its name (kubelet).
    events = [
      ...searchEvents(ctx.client, { name, namespace: '', kind: 'Node', uid: node.metadata.uid }),
      ...searchEvents(ctx.client, { name, namespace: '', kind: 'Node', uid: name }),
    ];
  }
  let lease: Obj | undefined;
  let leaseErr = '';
  try {
    lease = ctx.client.tryGet('leases', 'kube-node-lease', name) as Obj | undefined;
    if (!lease) leaseErr = `leases.coordination.k8s.io "${name}" not found`;
  } catch (e) { leaseErr = e instanceof Error ? e.message : String(e); }
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${name}\n`);
    const roles = findNodeRoles(node.metadata.labels);
    w.write(LEVEL_0, `Roles:\t${roles.length ? roles.join(',') : '<none>'}\n`);
    printLabelsMultiline(w, 'Labels', node.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', node.metadata.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${formatDescribeTimestamp(node.metadata.creationTimestamp)}\n`);
    printTaintsMultiline(w, 'Taints', n.spec?.taints);
    w.write(LEVEL_0, `Unschedulable:\t${n.spec?.unschedulable === true}\n`);
    if (lease) {
      w.write(LEVEL_0, 'Lease:\n');
      w.write(LEVEL_1, `HolderIdentity:\t${lease.spec?.holderIdentity ?? '<unset>'}\n`);
      w.write(LEVEL_1, `AcquireTime:\t${lease.spec?.acquireTime ? formatDescribeTimestamp(lease.spec.acquireTime) : '<unset>'}\n`);
      w.write(LEVEL_1, `RenewTime:\t${lease.spec?.renewTime ? formatDescribeTimestamp(lease.spec.renewTime) : '<unset>'}\n`);
    } else w.write(LEVEL_0, `Lease:\tFailed to get lease: ${leaseErr}\n`);
    const conds = (n.status?.conditions ?? []) as Obj[];
    if (conds.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conds) {
        w.write(LEVEL_1, `${c.type} \t${c.status} \t${formatDescribeTimestamp(c.lastHeartbeatTime)} \t${formatDescribeTimestamp(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
      }
    }
    w.write(LEVEL_0, 'Addresses:\n');
    for (const a of (n.status?.addresses ?? []) as Obj[]) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
    for (const [title, list] of [['Capacity', n.status?.capacity], ['Allocatable', n.status?.allocatable]] as const) {
      const keys = sortedKeys(list);
      if (keys.length === 0) continue;
      w.write(LEVEL_0, `${title}:\n`);
      for (const k of keys) w.write(LEVEL_0, `  ${k}:\t${formatQuantity(parseQuantity(list[k]))}\n`);
    }
    const info = (n.status?.nodeInfo ?? {}) as Obj;
    w.write(LEVEL_0, 'System Info:\n');
    for (const [label, key] of [['Machine ID', 'machineID'], ['System UUID', 'systemUUID'], ['Boot ID', 'bootID'], ['Kernel Version', 'kernelVersion'],
      ['OS Image', 'osImage'], ['Operating System', 'operatingSystem'], ['Architecture', 'architecture'],
      ['Container Runtime Version', 'containerRuntimeVersion'], ['Kubelet Version', 'kubeletVersion'], ['Kube-Proxy Version', 'kubeProxyVersion']]) {
      w.write(LEVEL_0, `  ${label}:\t${info[key] ?? ''}\n`);
    }
    if (n.spec?.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${n.spec.podCIDR}\n`);
    if (n.spec?.podCIDRs?.length) w.write(LEVEL_0, `PodCIDRs:\t${(n.spec.podCIDRs as string[]).join(',')}\n`);
    if (n.spec?.providerID) w.write(LEVEL_0, `ProviderID:\t${n.spec.providerID}\n`);
    describeNodeResource(pods, n, w, ctx.now);
    if (events) describeEvents(events, w, ctx.now);
  });
}
