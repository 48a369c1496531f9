// The cluster map's layout, derived only from mirrored objects: node containers holding their pods,
// pods grouped by owner (a ReplicaSet's pods by pod-template-hash), Services linked to their endpoint
// pods, and optional owner chains (Deployment → ReplicaSet → pods). Positions are stable: a pod keeps
// its slot while it exists, and a group keeps its size while any of its pods remain.
import type { KObject, ObjectRef } from '../../engine/protocol';
import { podView, type PodTone, type PodView } from './pod-state';
import { nodeReadyText, nodeRole, nodeUsage, type NodeUsage } from './resources';
import { revisionColors } from '../traffic';
import { parseLabelFilter } from './selector';

type Obj = Record<string, any>;

/** POD_W and the other constants are the map's geometry in flow units (px at zoom 1). */
export const POD_W = 160;
const POD_H = 44;
const GAP = 6;
const COLS = 2;
const SECTION_PAD = 6;
const SECTION_HEADER = 24;
const COLLAPSED_BODY = 34;
const NODE_PAD = 8;
const NODE_HEADER = 88;
const NODE_GAP = 48;
const SECTION_W = COLS * POD_W + (COLS - 1) * GAP + 2 * SECTION_PAD;
/** NODE_W is the width of every node container. */
export const NODE_W = SECTION_W + 2 * NODE_PAD;
const ROW_W = 190;
const ROW_H = 56;
const ROW_GAP = 24;

/** COLLAPSE_ABOVE is the visible pod count beyond which big groups collapse to a summary by default. */
export const COLLAPSE_ABOVE = 200;
/** COLLAPSE_MIN_GROUP is the smallest group that collapses by default once the map is crowded. */
export const COLLAPSE_MIN_GROUP = 6;
/** GROUP_LINK_ABOVE is how many endpoint pods of one group a Service links one by one; beyond, it links the group. */
export const GROUP_LINK_ABOVE = 8;
/** UNSCHEDULED is the id of the pseudo-node that holds pods no node has taken yet. */
export const UNSCHEDULED = '(unscheduled)';

/** MapInput is the slice of the mirror the map reads. */
export interface MapInput {
  nodes: readonly KObject[];
  pods: readonly KObject[];
  services: readonly KObject[];
  endpoints: readonly KObject[];
  /** owners are workload controllers: Deployments, ReplicaSets, Jobs, DaemonSets, StatefulSets, CronJobs, ReplicationControllers. */
  owners: readonly KObject[];
}

/** MapOptions are the learner's filters and toggles. */
export interface MapOptions {
  /** namespace filters namespaced objects; '' shows all namespaces. */
  namespace: string;
  /** labels is a label selector text applied to pods, services and owners. */
  labels: string;
  showOwners: boolean;
  showServices: boolean;
  /** toggled lists group ids whose collapsed state the learner flipped from the default. */
  toggled: ReadonlySet<string>;
}

/** NodeBoxData is what a node container shows. */
export interface NodeBoxData { name: string; role: string; ready: string; usage: NodeUsage | null; ref: ObjectRef | null }
/** GroupData is what a pod group shows: its owner, its size and, collapsed, counts by colour family. */
export interface GroupData {
  id: string; label: string; detail: string; count: number; collapsed: boolean; tones: Partial<Record<PodTone, number>>;
  /** color is the revision colour of a ReplicaSet's pods (the traffic dots they answer are drawn in it). */
  color?: string;
}
/** PodData is what a pod chip shows. */
export interface PodData { name: string; namespace: string; view: PodView; ref: ObjectRef; label: string }
/** ServiceData is what a Service box shows. */
export interface ServiceData { name: string; namespace: string; type: string; clusterIP: string; ports: string; endpoints: number; ref: ObjectRef }
/** OwnerData is what a controller box shows (kind, name, ready/desired). */
export interface OwnerData { kind: string; name: string; namespace: string; status: string; ref: ObjectRef }

/** MapNode is one positioned box; x/y are relative to parentId when set, abs is absolute. */
export type MapNode = {
  id: string; x: number; y: number; width: number; height: number; parentId?: string; abs: { x: number; y: number };
} & (
  | { kind: 'node'; data: NodeBoxData }
  | { kind: 'group'; data: GroupData }
  | { kind: 'pod'; data: PodData }
  | { kind: 'service'; data: ServiceData }
  | { kind: 'owner'; data: OwnerData }
);

/** MapEdge links a Service to an endpoint pod (or its collapsed group), or an owner to what it owns. */
export interface MapEdge { id: string; source: string; target: string; kind: 'endpoint' | 'endpoint-notready' | 'owner' }

/** MapGraph is the whole laid-out map. */
export interface MapGraph { nodes: MapNode[]; edges: MapEdge[]; visiblePods: number; filterError?: string }

/** LayoutMemory carries slot assignments between layouts so boxes do not jump; keep one per map instance. */
export interface LayoutMemory {
  groups: Map<string, { order: number; slots: Map<string, number>; capacity: number }>;
  rows: Map<string, Map<string, number>>;
  nextOrder: number;
}

/** createLayoutMemory returns empty layout memory. */
export function createLayoutMemory(): LayoutMemory {
  return { groups: new Map(), rows: new Map(), nextOrder: 0 };
}

const keyOf = (o: KObject): string => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
const refOfObj = (o: KObject): ObjectRef => ({ kind: o.kind, namespace: o.metadata.namespace ?? '', name: o.metadata.name ?? '' });
/** podNodeId is the map id of a pod's chip. */
export const podNodeId = (ns: string, name: string): string => `pod:${ns}/${name}`;

function controllerRef(o: KObject): { kind: string; name: string; uid: string } | undefined {
  const refs = (o.metadata.ownerReferences ?? []) as Obj[];
  const r = refs.find((x) => x.controller) ?? refs[0];
  return r ? { kind: String(r.kind), name: String(r.name), uid: String(r.uid) } : undefined;
}

/** groupOf returns a pod's group key and label: its controller (a ReplicaSet's pods share a pod-template-hash), else loose pods. */
function groupOf(pod: KObject): { key: string; label: string; detail: string; hash?: string } {
  const owner = controllerRef(pod);
  const ns = pod.metadata.namespace ?? '';
  const hash = pod.metadata.labels?.['pod-template-hash'];
  if (owner?.kind === 'ReplicaSet' || (!owner && hash)) {
    return { key: `rs:${ns}/${owner?.uid ?? hash}`, label: owner ? `ReplicaSet ${owner.name}` : `pod-template-hash ${hash}`, detail: hash ? `pod-template-hash=${hash}` : '', hash };
  }
  if (owner) return { key: `owner:${ns}/${owner.uid}`, label: owner.kind === 'Node' ? 'Static pods' : `${owner.kind} ${owner.name}`, detail: owner.kind === 'Node' ? `mirror pods of ${owner.name}` : '' };
  return { key: `none:${ns}`, label: 'Pods', detail: ns ? `namespace ${ns}` : '' };
}

/** CHIP_CHARS is about how many characters fit on a pod chip. */
const CHIP_CHARS = 17;

/**
 * chipLabel shortens a pod name to fit its chip: a controller-made name keeps its random suffix (the
 * part that tells replicas apart: `web-7d9f…-x2k4q`), other names are cut at the end.
 */
export function chipLabel(pod: KObject): string {
  const name = pod.metadata.name ?? '';
  if (name.length <= CHIP_CHARS) return name;
  const owner = controllerRef(pod);
  if (!owner || owner.kind === 'Node' || !name.startsWith(owner.name)) return name.slice(0, CHIP_CHARS - 1) + '…';
  const tail = name.slice(name.lastIndexOf('-'));
  return name.slice(0, Math.max(3, CHIP_CHARS - 1 - tail.length)) + '…' + tail;
}

function rowSlot(mem: LayoutMemory, row: string, key: string, live: Set<string>): number {
  let m = mem.rows.get(row);
  if (!m) mem.rows.set(row, (m = new Map()));
  for (const k of [...m.keys()]) if (!live.has(k)) m.delete(k);
  const have = m.get(key);
  if (have !== undefined) return have;
  const used = new Set(m.values());
  let s = 0;
  while (used.has(s)) s++;
  m.set(key, s);
  return s;
}

function servicePorts(svc: Obj): string {
  const ports: Obj[] = svc.spec?.ports ?? [];
  if (!ports.length) return '<none>';
  return ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(',');
}

function ownerStatus(o: Obj): string {
  const s = o.status ?? {};
  switch (o.kind) {
    case 'Deployment': return `${s.readyReplicas ?? 0}/${o.spec?.replicas ?? 1} ready`;
    case 'ReplicaSet': case 'ReplicationController': case 'StatefulSet': return `${s.readyReplicas ?? 0}/${o.spec?.replicas ?? 1} ready`;
    case 'DaemonSet': return `${s.numberReady ?? 0}/${s.desiredNumberScheduled ?? 0} ready`;
    case 'Job': return `${s.succeeded ?? 0}/${o.spec?.completions ?? 1} complete`;
    case 'CronJob': return o.spec?.schedule ?? '';
    default: return '';
  }
}

/** endpointPods returns, per Service key, the pod names behind it (ready and not ready) from Endpoints objects. */
function endpointPods(endpoints: readonly KObject[]): Map<string, { ready: Set<string>; notReady: Set<string> }> {
  const out = new Map<string, { ready: Set<string>; notReady: Set<string> }>();
  for (const ep of endpoints) {
    const e = { ready: new Set<string>(), notReady: new Set<string>() };
    for (const sub of ((ep as Obj).subsets as Obj[] | undefined) ?? []) {
      for (const a of (sub.addresses as Obj[] | undefined) ?? []) if (a.targetRef?.kind === 'Pod') e.ready.add(`${a.targetRef.namespace ?? ep.metadata.namespace}/${a.targetRef.name}`);
      for (const a of (sub.notReadyAddresses as Obj[] | undefined) ?? []) if (a.targetRef?.kind === 'Pod') e.notReady.add(`${a.targetRef.namespace ?? ep.metadata.namespace}/${a.targetRef.name}`);
    }
    out.set(keyOf(ep), e);
  }
  return out;
}

/** layoutMap lays out the map for the given objects and options, updating mem so later layouts stay stable. */
export function layoutMap(input: MapInput, opts: MapOptions, mem: LayoutMemory): MapGraph {
  const filter = parseLabelFilter(opts.labels);
  const inNs = (o: KObject) => !opts.namespace || (o.metadata.namespace ?? '') === opts.namespace;
  const visible = (o: KObject) => inNs(o) && filter.matches(o.metadata.labels);
  const pods = input.pods.filter(visible);
  const colorOf = revisionColors(input.owners.filter((o) => o.kind === 'ReplicaSet'));
  const nodes: MapNode[] = [];
  const edges: MapEdge[] = [];

  // Node containers: control-plane first, then by name; a pseudo-node for pods not yet scheduled.
  const k8sNodes = [...input.nodes].sort((a, b) => {
    const ca = nodeRole(a).includes('control-plane') ? 0 : 1;
    const cb = nodeRole(b).includes('control-plane') ? 0 : 1;
    return ca - cb || (a.metadata.name! < b.metadata.name! ? -1 : 1);
  });
  const nodeNames = new Set(k8sNodes.map((n) => n.metadata.name!));
  const podsByNode = new Map<string, KObject[]>();
  for (const p of pods) {
    const n = (p as Obj).spec?.nodeName as string | undefined;
    const host = n && nodeNames.has(n) ? n : UNSCHEDULED;
    (podsByNode.get(host) ?? podsByNode.set(host, []).get(host)!).push(p);
  }
  const allPodsByNode = new Map<string, KObject[]>();
  for (const p of input.pods) {
    const n = (p as Obj).spec?.nodeName as string | undefined;
    if (n) (allPodsByNode.get(n) ?? allPodsByNode.set(n, []).get(n)!).push(p);
  }
  const hosts: { name: string; node?: KObject }[] = k8sNodes.map((n) => ({ name: n.metadata.name!, node: n }));
  if (podsByNode.has(UNSCHEDULED)) hosts.push({ name: UNSCHEDULED });

  const crowded = pods.length > COLLAPSE_ABOVE;
  const liveGroups = new Set<string>();
  const groupTargets = new Map<string, string[]>(); // owner uid key → group box ids (for owner edges)
  const podTarget = new Map<string, string>(); // pod key → map id its edges attach to
  const podGroup = new Map<string, string>(); // pod key → its group box id
  const top = opts.showOwners ? 2 * (ROW_H + ROW_GAP) + ROW_GAP : 0;
  let maxHeight = 0;

  hosts.forEach((h, i) => {
    const hostId = `node:${h.name}`;
    const x = i * (NODE_W + NODE_GAP);
    const hostPods = podsByNode.get(h.name) ?? [];
    const box: MapNode = {
      id: hostId, kind: 'node', x, y: top, abs: { x, y: top }, width: NODE_W, height: 0,
      data: {
        name: h.name === UNSCHEDULED ? 'Not scheduled' : h.name,
        role: h.node ? nodeRole(h.node) : 'pods waiting for a node',
        ready: h.node ? nodeReadyText(h.node) : '',
        usage: h.node ? nodeUsage(h.node, allPodsByNode.get(h.name) ?? []) : null,
        ref: h.node ? refOfObj(h.node) : null,
      },
    };
    nodes.push(box);

    // Groups in first-seen order; a group's box keeps its high-water size while it exists.
    const byGroup = new Map<string, { label: string; detail: string; pods: KObject[]; ownerKey: string; color?: string }>();
    for (const p of hostPods) {
      const g = groupOf(p);
      const color = g.hash ? colorOf(p.metadata.namespace ?? '', g.hash) : undefined;
      const e = byGroup.get(g.key) ?? byGroup.set(g.key, { label: g.label, detail: g.detail, pods: [], ownerKey: g.key, color }).get(g.key)!;
      e.pods.push(p);
    }
    const ordered = [...byGroup.entries()].map(([key, g]) => {
      const id = `group:${h.name}:${key}`;
      let m = mem.groups.get(id);
      if (!m) mem.groups.set(id, (m = { order: mem.nextOrder++, slots: new Map(), capacity: 0 }));
      return { id, key, g, m };
    }).sort((a, b) => a.m.order - b.m.order || (a.id < b.id ? -1 : 1));

    let y = NODE_HEADER;
    for (const { id, key, g, m } of ordered) {
      liveGroups.add(id);
      const live = new Set(g.pods.map(keyOf));
      for (const k of [...m.slots.keys()]) if (!live.has(k)) m.slots.delete(k);
      const used = new Set(m.slots.values());
      for (const p of [...g.pods].sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1))) {
        if (m.slots.has(keyOf(p))) continue;
        let s = 0;
        while (used.has(s)) s++;
        used.add(s);
        m.slots.set(keyOf(p), s);
      }
      const highest = Math.max(-1, ...m.slots.values());
      m.capacity = Math.max(m.capacity, highest + 1);
      const collapsedByDefault = crowded && g.pods.length >= COLLAPSE_MIN_GROUP;
      const collapsed = opts.toggled.has(id) ? !collapsedByDefault : collapsedByDefault;
      const rows = Math.max(1, Math.ceil(m.capacity / COLS));
      const height = collapsed ? SECTION_HEADER + COLLAPSED_BODY : SECTION_HEADER + rows * (POD_H + GAP) - GAP + SECTION_PAD;
      const tones: Partial<Record<PodTone, number>> = {};
      const views = new Map(g.pods.map((p) => [keyOf(p), podView(p)] as const));
      for (const v of views.values()) tones[v.tone] = (tones[v.tone] ?? 0) + 1;
      const gabs = { x: x + NODE_PAD, y: top + y };
      nodes.push({
        id, kind: 'group', parentId: hostId, x: NODE_PAD, y, abs: gabs, width: SECTION_W, height,
        data: { id, label: g.label, detail: g.detail, count: g.pods.length, collapsed, tones, ...(g.color ? { color: g.color } : {}) },
      });
      const ownerUid = key.replace(/^(rs|owner):/, '');
      (groupTargets.get(ownerUid) ?? groupTargets.set(ownerUid, []).get(ownerUid)!).push(id);
      for (const p of g.pods) {
        const k = keyOf(p);
        podGroup.set(k, id);
        if (collapsed) { podTarget.set(k, id); continue; }
        const s = m.slots.get(k)!;
        const px = SECTION_PAD + (s % COLS) * (POD_W + GAP);
        const py = SECTION_HEADER + Math.floor(s / COLS) * (POD_H + GAP);
        const pid = podNodeId(p.metadata.namespace ?? '', p.metadata.name!);
        podTarget.set(k, pid);
        nodes.push({
          id: pid, kind: 'pod', parentId: id, x: px, y: py, abs: { x: gabs.x + px, y: gabs.y + py }, width: POD_W, height: POD_H,
          data: { name: p.metadata.name!, namespace: p.metadata.namespace ?? '', view: views.get(k)!, ref: refOfObj(p), label: chipLabel(p) },
        });
      }
      y += height + GAP * 2;
    }
    box.height = Math.max(NODE_HEADER + 40, y + NODE_PAD - GAP);
    maxHeight = Math.max(maxHeight, box.height);
  });
  for (const id of [...mem.groups.keys()]) if (!liveGroups.has(id)) mem.groups.delete(id);

  // Owner chains above the nodes: workload controllers on the first row, ReplicaSets (and Jobs of CronJobs) below.
  if (opts.showOwners) {
    const owners = input.owners.filter(visible);
    const uidToId = new Map<string, string>();
    const rowKeys = { upper: new Set<string>(), lower: new Set<string>() };
    const lowerKinds = new Set(['ReplicaSet', 'Job']);
    const rowOf = (o: KObject) => (lowerKinds.has(o.kind) && controllerRef(o) ? 'lower' : 'upper');
    for (const o of owners) rowKeys[rowOf(o)].add(`${o.kind}:${keyOf(o)}`);
    for (const o of owners) {
      const row = rowOf(o);
      const slot = rowSlot(mem, `owners-${row}`, `${o.kind}:${keyOf(o)}`, rowKeys[row]);
      const id = `owner:${o.kind}:${keyOf(o)}`;
      const x = slot * (ROW_W + ROW_GAP);
      const y = row === 'upper' ? 0 : ROW_H + ROW_GAP;
      nodes.push({ id, kind: 'owner', x, y, abs: { x, y }, width: ROW_W, height: ROW_H, data: { kind: o.kind, name: o.metadata.name!, namespace: o.metadata.namespace ?? '', status: ownerStatus(o as Obj), ref: refOfObj(o) } });
      if (o.metadata.uid) uidToId.set(`${o.metadata.namespace ?? ''}/${o.metadata.uid}`, id);
    }
    for (const o of owners) {
      const id = uidToId.get(`${o.metadata.namespace ?? ''}/${o.metadata.uid}`)!;
      const parent = controllerRef(o);
      const parentId = parent && uidToId.get(`${o.metadata.namespace ?? ''}/${parent.uid}`);
      if (parentId) edges.push({ id: `e:${parentId}->${id}`, source: parentId, target: id, kind: 'owner' });
      for (const g of groupTargets.get(`${o.metadata.namespace ?? ''}/${o.metadata.uid}`) ?? []) {
        edges.push({ id: `e:${id}->${g}`, source: id, target: g, kind: 'owner' });
      }
    }
  }

  // Services below the nodes, linked to their endpoint pods (Endpoints objects; the selector when none exists).
  if (opts.showServices) {
    const services = input.services.filter(visible);
    const eps = endpointPods(input.endpoints);
    const live = new Set(services.map(keyOf));
    const y = top + maxHeight + 64;
    for (const svc of services) {
      const s = svc as Obj;
      const slot = rowSlot(mem, 'services', keyOf(svc), live);
      const id = `svc:${keyOf(svc)}`;
      const x = slot * (ROW_W + ROW_GAP);
      let ep = eps.get(keyOf(svc));
      if (!ep && s.spec?.selector && Object.keys(s.spec.selector).length) {
        const sel = s.spec.selector as Record<string, string>;
        ep = { ready: new Set(), notReady: new Set() };
        for (const p of input.pods) {
          if ((p.metadata.namespace ?? '') !== (svc.metadata.namespace ?? '')) continue;
          if (!Object.entries(sel).every(([k, v]) => p.metadata.labels?.[k] === v)) continue;
          (podView(p).allReady ? ep.ready : ep.notReady).add(keyOf(p));
        }
      }
      const count = ep ? ep.ready.size : 0;
      nodes.push({
        id, kind: 'service', x, y, abs: { x, y }, width: ROW_W, height: ROW_H,
        data: { name: svc.metadata.name!, namespace: svc.metadata.namespace ?? '', type: s.spec?.type ?? 'ClusterIP', clusterIP: s.spec?.clusterIP ?? '', ports: servicePorts(s), endpoints: count, ref: refOfObj(svc) },
      });
      const linked = new Set<string>();
      // Many endpoints in one group would draw a fan of lines through the chips: link the group instead.
      const perGroup = new Map<string, number>();
      for (const pk of [...(ep?.ready ?? []), ...(ep?.notReady ?? [])]) {
        const g = podGroup.get(pk);
        if (g) perGroup.set(g, (perGroup.get(g) ?? 0) + 1);
      }
      for (const [set, kind] of [[ep?.ready, 'endpoint'], [ep?.notReady, 'endpoint-notready']] as const) {
        for (const pk of set ?? []) {
          const g = podGroup.get(pk);
          const target = g && (perGroup.get(g) ?? 0) > GROUP_LINK_ABOVE ? g : podTarget.get(pk);
          if (!target || linked.has(target)) continue;
          linked.add(target);
          edges.push({ id: `e:${id}->${target}`, source: id, target, kind });
        }
      }
    }
  }

  return { nodes, edges, visiblePods: pods.length, filterError: filter.error };
}
