// Where a traced request travels on the map: each hop's ends mapped to map boxes (pod chips, node
// containers, Service boxes), as a polyline in flow coordinates. Pure, so it is unit-tested.
import type { KObject, Peer, TrafficTrace } from '../../engine/protocol';

/** Point is a position in flow coordinates. */
export interface Point { x: number; y: number }

/** BoxRect is one laid-out map box in absolute flow coordinates. */
export interface BoxRect { id: string; kind: string; x: number; y: number; width: number; height: number }

/** PeerIndex resolves trace peers to map positions. */
export interface PeerIndex {
  point(peer: Peer): Point | undefined;
}

type Obj = Record<string, any>;

/** NODE_ANCHOR_Y is where traffic leaves or enters a node container: its header, below the name. */
const NODE_ANCHOR_Y = 30;

/**
 * createPeerIndex builds the lookup from the map's boxes and the mirrored pods, nodes and Services:
 * a pod goes to its chip (or its node's header when the chip is hidden or collapsed), a node to its
 * header, a Service (or a load balancer, or DNS: the kube-dns Service) to its box; IPs are resolved
 * through pod IPs, node InternalIPs and ClusterIPs when a peer carries no name.
 */
export function createPeerIndex(boxes: readonly BoxRect[], objects: { pods: readonly KObject[]; nodes: readonly KObject[]; services: readonly KObject[] }): PeerIndex {
  const rects = new Map(boxes.map((b) => [b.id, b]));
  const podByIp = new Map<string, { ns: string; name: string; node?: string }>();
  const podNode = new Map<string, string>();
  for (const p of objects.pods) {
    const o = p as Obj;
    const key = `${p.metadata.namespace ?? ''}/${p.metadata.name}`;
    if (o.spec?.nodeName) podNode.set(key, o.spec.nodeName);
    if (o.status?.podIP && !o.spec?.hostNetwork) podByIp.set(o.status.podIP, { ns: p.metadata.namespace ?? '', name: p.metadata.name!, node: o.spec?.nodeName });
  }
  const nodeByIp = new Map<string, string>();
  for (const n of objects.nodes) for (const a of ((n as Obj).status?.addresses ?? []) as Obj[]) if (a.type === 'InternalIP') nodeByIp.set(a.address, n.metadata.name!);
  const svcByIp = new Map<string, string>();
  for (const s of objects.services) {
    const o = s as Obj;
    for (const ip of [o.spec?.clusterIP, ...((o.status?.loadBalancer?.ingress ?? []) as Obj[]).map((i) => i.ip)]) {
      if (ip && ip !== 'None') svcByIp.set(ip, `${s.metadata.namespace ?? ''}/${s.metadata.name}`);
    }
  }
  const center = (id: string): Point | undefined => {
    const r = rects.get(id);
    return r && { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  };
  const nodePoint = (name: string | undefined): Point | undefined => {
    const r = name ? rects.get(`node:${name}`) : undefined;
    return r && { x: r.x + r.width / 2, y: r.y + NODE_ANCHOR_Y };
  };
  const podPoint = (ns: string, name: string): Point | undefined =>
    center(`pod:${ns}/${name}`) ?? nodePoint(podNode.get(`${ns}/${name}`));
  const byIp = (ip: string | undefined): Point | undefined => {
    if (!ip) return undefined;
    const p = podByIp.get(ip);
    if (p) return podPoint(p.ns, p.name) ?? nodePoint(p.node);
    const n = nodeByIp.get(ip);
    if (n) return nodePoint(n);
    const s = svcByIp.get(ip);
    return s ? center(`svc:${s}`) : undefined;
  };
  return {
    point(peer) {
      switch (peer.kind) {
        case 'pod':
        case 'ingress':
          return (peer.name ? podPoint(peer.namespace ?? '', peer.name) : undefined) ?? byIp(peer.ip);
        case 'node':
          return (peer.name ? nodePoint(peer.name) : undefined) ?? byIp(peer.ip);
        case 'service':
        case 'loadbalancer':
          return (peer.name ? center(`svc:${peer.namespace ?? ''}/${peer.name}`) : undefined) ?? byIp(peer.ip);
        case 'dns':
          return center('svc:kube-system/kube-dns') ?? byIp(peer.ip);
        default:
          return byIp(peer.ip);
      }
    },
  };
}

/** TracePath is how one request is drawn: its polyline, and whether and where it failed. */
export interface TracePath { points: Point[]; failed: boolean; namespace: string; revision?: string }

const same = (a: Point | undefined, b: Point | undefined) => !!a && !!b && Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5;

/**
 * tracePath turns a trace into a polyline: the client, then each hop's destination in order (a DNS
 * query goes to kube-dns and back to the client), then the pod that answered. Unplaceable peers are
 * skipped; fewer than two points means nothing to draw.
 */
export function tracePath(trace: TrafficTrace, index: PeerIndex): TracePath {
  const points: Point[] = [];
  const add = (p: Point | undefined) => { if (p && !same(points[points.length - 1], p)) points.push(p); };
  add(index.point(trace.from));
  for (const hop of trace.hops) {
    const from = index.point(hop.from);
    const to = index.point(hop.to);
    if (!to) continue;
    if (!points.length) add(from);
    add(to);
    if (hop.via === 'dns') add(from ?? points[0]);
  }
  if (trace.answeredBy) add(index.point(trace.answeredBy));
  const failed = !!trace.error || (trace.status ?? 0) >= 400;
  const by = trace.answeredBy;
  return { points, failed, namespace: by?.namespace ?? '', ...(by?.revision ? { revision: by.revision } : {}) };
}
