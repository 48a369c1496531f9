// The packet path of one TCP connection: loopback, kube-proxy's DNAT for Service VIPs and NodePorts,
// the bridge to a pod, a node's own listeners, the LAN router to the internet. It returns who accepts
// the connection (or the socket error) and the source address the server sees after any SNAT.
import type { Pod, Service, ServicePort } from 'kubernetes-types/core/v1';
import type { Client } from '../api/types';
import type { HttpRequest, HttpResponse, Process } from '../images';
import type { Kubelet } from '../kubelet';
import type { Clock, Rng } from '../util';
import { LAN_GATEWAY, POD_SUBNET, SERVICE_CIDR, inCidr, isLoopback } from './addresses';
import type { NodeAddr, Nodes } from './addresses';
import { apiServerAnswer, kubeletAnswer, kubeletHealthz } from './hosts';
import { internetByIP, isPublic } from './internet';
import { backends, byClusterIP, byExternalIP, byNodePort, servicePort, usable } from './kube-proxy';
import type { KubeProxy } from './kube-proxy';
import { round } from './tracer';
import type { TraceBuilder } from './tracer';
import type { IngressRoute, IngressRouter, IngressUpstream, LocalHandler, NetError, NetSource, Peer } from './types';

/** NetCtx is what the data path reads: the API, the kubelets, kube-proxy's state and the loopback listeners. */
export interface NetCtx {
  client: Client;
  clock: Clock;
  rng: Rng;
  kubelet(node: string): Kubelet | undefined;
  nodeDown(node: string): boolean;
  ingress: IngressRouter;
  nodes: Nodes;
  proxy: KubeProxy;
  /** local maps `node:port` to a loopback listener (port-forward, kubectl proxy). */
  local: Map<string, { handler: LocalHandler; via: 'port-forward' | 'proxy' }>;
}

/** Served is the outcome of one request on an accepted connection. */
export type Served = { ok: true; res: HttpResponse; answeredBy: Peer } | { ok: false; error: NetError; tls?: 'wrong-version-number' };

/** Acceptor is whoever accepted a connection; serve answers one HTTP request on it. */
export interface Acceptor {
  peer: Peer;
  serve(req: HttpRequest, scheme: 'http' | 'https', tb: TraceBuilder): Served;
}

/** Dialed is a connection attempt's outcome. */
export type Dialed =
  | { ok: true; ip: string; port: number; remoteAddr: string; acceptor: Acceptor }
  | { ok: false; error: NetError; ip: string };

/** revisionOf is the label the map colours a pod by. */
export function revisionOf(pod: Pod | undefined): string | undefined {
  const l = pod?.metadata?.labels;
  return l?.['pod-template-hash'] ?? l?.['controller-revision-hash'];
}

/** podPeer names a pod in traces. */
export function podPeer(pod: Pod, ip: string, port?: number): Peer {
  const p: Peer = { kind: 'pod', ip, name: pod.metadata?.name, namespace: pod.metadata?.namespace };
  if (port !== undefined) p.port = port;
  const rev = revisionOf(pod);
  if (rev) p.revision = rev;
  return p;
}

/** sourcePeer names the client of a request. */
export function sourcePeer(ctx: NetCtx, src: NetSource): Peer {
  if (src.kind === 'node') return { kind: 'node', ip: src.ip, name: src.node };
  const pod = ctx.client.tryGet('pods', src.namespace, src.name) as unknown as Pod | undefined;
  return pod ? podPeer(pod, src.ip) : { kind: 'pod', ip: src.ip, name: src.name, namespace: src.namespace };
}

const fail = (error: NetError, ip: string): Dialed => ({ ok: false, error, ip });

/** listener finds a running container of pod that accepts connections on port. */
export function listener(ctx: NetCtx, pod: Pod, port: number): Process | undefined {
  const k = pod.spec?.nodeName ? ctx.kubelet(pod.spec.nodeName) : undefined;
  if (!k) return undefined;
  const ns = pod.metadata?.namespace ?? '', name = pod.metadata?.name ?? '';
  const sidecars = (pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always');
  for (const c of [...(pod.spec?.containers ?? []), ...sidecars]) {
    const rc = k.container(ns, name, c.name);
    if (rc && rc.process.listens(port)) return rc.process;
  }
  return undefined;
}

/**
 * processAcceptor wraps a listening process: its handler answers, a non-HTTP server resets, and a TLS
 * handshake meets a plain-HTTP answer (simulated programs do not speak TLS).
 */
function processAcceptor(peer: Peer, proc: Process): Acceptor {
  return {
    peer,
    serve(req, scheme) {
      if (!proc.http) return { ok: false, error: 'reset' };
      if (scheme === 'https') return { ok: false, error: 'reset', tls: 'wrong-version-number' };
      try {
        return { ok: true, res: proc.http(req), answeredBy: peer };
      } catch {
        return { ok: false, error: 'reset' };
      }
    },
  };
}

/** masqAddr is the address MASQUERADE picks on node `at` for a packet going to a backend on `to`. */
function masqAddr(at: NodeAddr | undefined, toNode: string | undefined): string | undefined {
  if (!at) return undefined;
  return toNode === at.name && at.bridgeIP ? at.bridgeIP : at.ip;
}

/**
 * dial opens a TCP connection from src (whose packets carry clientAddr) to ip:port, recording hops
 * into tb. Service VIPs and NodePorts are DNATed to a backend first.
 */
export function dial(ctx: NetCtx, src: NetSource, ip: string, port: number, tb: TraceBuilder): Dialed {
  const from = tb.from;
  const here = ctx.nodes.byName(src.node);
  const onHost = src.kind === 'node' || src.hostNetwork === true;
  if (isLoopback(ip)) {
    tb.wire('local');
    if (!onHost && src.kind === 'pod') return dialPod(ctx, src.ip, port, '127.0.0.1', tb, from, true);
    const l = ctx.local.get(`${src.node}:${port}`);
    if (l) {
      const peer: Peer = { kind: 'localhost', ip: '127.0.0.1', port, name: src.node };
      tb.hop(from, peer, l.via);
      return { ok: true, ip, port, remoteAddr: '127.0.0.1', acceptor: localAcceptor(peer, l.handler) };
    }
    return here ? dialNodeHost(ctx, here, port, '127.0.0.1', tb, from, true) : fail('refused', ip);
  }
  if (src.kind === 'pod' && !src.hostNetwork && ip === src.ip) {
    tb.wire('local');
    return dialPod(ctx, ip, port, ip, tb, from, true);
  }
  // A pod's traffic leaving the pod network is masqueraded to its node's address (bridge ipMasq);
  // a node's own traffic to a ClusterIP is masqueraded by kube-proxy (source outside the cluster CIDR).
  const fromPodNet = inCidr(src.ip, POD_SUBNET) && !onHost;
  if (inCidr(ip, SERVICE_CIDR)) {
    const svc = byClusterIP(ctx.client, ip);
    const sp = svc && servicePort(svc, port);
    if (!svc || !sp) { tb.hop(from, { kind: 'service', ip, port }, 'kube-proxy', 'no rule for this address and port'); return fail('timeout', ip); }
    // internalTrafficPolicy Local: only endpoints on the client's node; none → DROP.
    const localOnly = svc.spec?.internalTrafficPolicy === 'Local' ? src.node : undefined;
    return viaService(ctx, { svc, sp, svcPeer: servicePeer(svc, ip, port), here, masq: !fromPodNet, clientAddr: src.ip, localOnly }, tb);
  }
  const ext = byExternalIP(ctx.client, ip);
  if (ext) {
    const sp = servicePort(ext.svc, port);
    const peer: Peer = { ...servicePeer(ext.svc, ip, port), kind: ext.loadBalancer ? 'loadbalancer' : 'service' };
    if (!sp) { tb.hop(from, peer, ext.loadBalancer ? 'loadbalancer' : 'kube-proxy', 'no listener on this port'); return fail('timeout', ip); }
    // In-cluster clients are short-circuited by kube-proxy's rules for the external IP (no cloud hop).
    return viaService(ctx, { svc: ext.svc, sp, svcPeer: peer, here, masq: true, clientAddr: src.ip, localOnly: undefined, via: ext.loadBalancer ? 'loadbalancer' : 'kube-proxy' }, tb);
  }
  const clientAddr = fromPodNet && !inCidr(ip, POD_SUBNET) ? (here?.ip ?? src.ip) : src.ip;
  const node = ctx.nodes.byIP(ip);
  if (node) {
    if (ctx.nodeDown(node.name)) { tb.hop(from, { kind: 'node', ip, port, name: node.name }, 'direct', 'host is down'); return fail('timeout', ip); }
    tb.wire(node.name === src.node ? 'local' : 'lan');
    const np = byNodePort(ctx.client, port);
    if (np) {
      const nodePeer: Peer = { kind: 'node', ip, port, name: node.name };
      tb.hop(from, nodePeer, 'direct');
      const local = np.svc.spec?.externalTrafficPolicy === 'Local';
      return viaService(ctx, { svc: np.svc, sp: np.port, svcPeer: servicePeer(np.svc, np.svc.spec?.clusterIP, np.port.port), here: node, masq: !local, clientAddr, localOnly: local ? node.name : undefined, fromPeer: nodePeer }, tb);
    }
    return dialNodeHost(ctx, node, port, clientAddr, tb, from, false);
  }
  if (inCidr(ip, POD_SUBNET)) return dialPod(ctx, ip, port, clientAddr, tb, from, false, src.node);
  if (ip === LAN_GATEWAY) { tb.wire('lan'); return fail('refused', ip); }
  const host = internetByIP(ip);
  tb.wire('internet');
  if (host && (port === 80 || port === 443)) {
    const peer: Peer = { kind: 'external', ip, port, name: host.names[0] };
    tb.hop(from, peer, 'direct');
    return { ok: true, ip, port, remoteAddr: here?.ip ?? src.ip, acceptor: { peer, serve: (req, scheme, t) => { t.wire('internet'); return { ok: true, res: host.answer(req, scheme), answeredBy: peer }; } } };
  }
  tb.hop(from, { kind: 'external', ip, port }, 'direct', isPublic(ip) ? 'no answer' : 'no route');
  return fail('timeout', ip);
}

/** servicePeer names a Service in traces. */
function servicePeer(svc: Service, ip: string | undefined, port: number): Peer {
  const p: Peer = { kind: 'service', port, name: svc.metadata?.name, namespace: svc.metadata?.namespace };
  if (ip && ip !== 'None') p.ip = ip;
  return p;
}

interface ServiceHit {
  svc: Service;
  sp: ServicePort;
  svcPeer: Peer;
  /** here is the node whose kube-proxy rules apply (the client's, or the one a NodePort was hit on). */
  here: NodeAddr | undefined;
  masq: boolean;
  clientAddr: string;
  localOnly: string | undefined;
  fromPeer?: Peer;
  via?: 'kube-proxy' | 'loadbalancer';
}

/** viaService DNATs to one backend of a Service port (kube-proxy's KUBE-SVC/KUBE-SEP chains). */
function viaService(ctx: NetCtx, h: ServiceHit, tb: TraceBuilder): Dialed {
  const vip = h.svcPeer.ip ?? '';
  tb.hop(h.fromPeer ?? tb.from, h.svcPeer, h.via ?? 'kube-proxy');
  const all = backends(ctx.client, h.svc, h.sp);
  const cands = usable(all, h.localOnly);
  // No endpoints: kube-proxy REJECTs (icmp port-unreachable → ECONNREFUSED); with traffic policy Local and
  // no local endpoint, the packet is DROPped instead.
  if (!cands.length) return fail(h.localOnly ? 'timeout' : 'refused', vip);
  const b = ctx.proxy.pick(h.svc, h.sp, cands, h.clientAddr);
  if (!b) return fail('refused', vip);
  let addr = h.clientAddr;
  if (h.masq) addr = masqAddr(h.here, b.nodeName) ?? addr;
  // Hairpin: a pod reaching itself through its Service is masqueraded to the bridge address.
  if (b.ip === h.clientAddr && h.here?.bridgeIP) addr = h.here.bridgeIP;
  const d = inCidr(b.ip, POD_SUBNET)
    ? dialPod(ctx, b.ip, b.port, addr, tb, h.svcPeer, false, h.here?.name)
    : dialDnatHost(ctx, b.ip, b.port, addr, tb, h.svcPeer);
  return d.ok ? d : { ...d, ip: vip || d.ip };
}

/** dialDnatHost reaches a non-pod backend (a node's port, an external address in hand-made Endpoints). */
function dialDnatHost(ctx: NetCtx, ip: string, port: number, addr: string, tb: TraceBuilder, from: Peer): Dialed {
  const node = ctx.nodes.byIP(ip);
  if (node) {
    tb.wire('lan');
    if (ctx.nodeDown(node.name)) return fail('timeout', ip);
    return dialNodeHost(ctx, node, port, addr, tb, from, false);
  }
  const host = internetByIP(ip);
  tb.wire('internet');
  if (host && (port === 80 || port === 443)) {
    const peer: Peer = { kind: 'external', ip, port, name: host.names[0] };
    tb.hop(from, peer, 'kube-proxy');
    return { ok: true, ip, port, remoteAddr: addr, acceptor: { peer, serve: (req, scheme, t) => { t.wire('internet'); return { ok: true, res: host.answer(req, scheme), answeredBy: peer }; } } };
  }
  tb.hop(from, { kind: 'external', ip, port }, 'kube-proxy', 'no answer');
  return fail('timeout', ip);
}

/** dialPod crosses the bridge (and the LAN, for another node's pod) to a pod's container. */
function dialPod(ctx: NetCtx, ip: string, port: number, addr: string, tb: TraceBuilder, from: Peer, sameHost: boolean, fromNode?: string): Dialed {
  const node = ctx.nodes.forPodIP(ip);
  // No node owns this /24: the default route sends it to the LAN router, which drops it.
  if (!node) { tb.hop(from, { kind: 'pod', ip, port }, 'direct', 'no route'); return fail('timeout', ip); }
  if (ctx.nodeDown(node.name)) { tb.hop(from, { kind: 'pod', ip, port }, 'direct', 'node is down'); return fail('timeout', ip); }
  if (!sameHost && fromNode !== undefined) tb.wire(node.name === fromNode ? 'local' : 'lan');
  const ref = ctx.kubelet(node.name)?.podByIP(ip);
  const pod = ref ? ctx.client.tryGet('pods', ref.namespace, ref.name) as unknown as Pod | undefined : undefined;
  // Nobody answers ARP for this address on the bridge: EHOSTUNREACH after the neighbour timeout.
  if (!pod) { tb.hop(from, { kind: 'pod', ip, port }, 'direct', 'no such host'); return fail('unreachable', ip); }
  const peer = podPeer(pod, ip, port);
  tb.hop(from, peer, from.kind === 'service' || from.kind === 'loadbalancer' ? 'kube-proxy' : 'direct');
  if ((port === 80 || port === 443) && ctx.ingress.isController(pod) && anyRunning(ctx, pod)) {
    return { ok: true, ip, port, remoteAddr: addr, acceptor: ingressAcceptor(ctx, pod, ip, peer, port) };
  }
  const proc = listener(ctx, pod, port);
  if (!proc) return fail('refused', ip);
  return { ok: true, ip, port, remoteAddr: addr, acceptor: processAcceptor(peer, proc) };
}

function anyRunning(ctx: NetCtx, pod: Pod): boolean {
  const k = pod.spec?.nodeName ? ctx.kubelet(pod.spec.nodeName) : undefined;
  return !!k && (pod.spec?.containers ?? []).some((c) => k.container(pod.metadata?.namespace ?? '', pod.metadata?.name ?? '', c.name));
}

/** dialNodeHost reaches a port on a node itself: the API server, the kubelet, hostNetwork pods. */
function dialNodeHost(ctx: NetCtx, node: NodeAddr, port: number, addr: string, tb: TraceBuilder, from: Peer, loopback: boolean): Dialed {
  const ip = loopback ? '127.0.0.1' : node.ip;
  const peer: Peer = { kind: 'node', ip: node.ip, port, name: node.name };
  if (!loopback) tb.hop(from, peer, 'direct');
  const fixed = node.controlPlane && port === 6443 ? apiServerAnswer(ctx.client, peer)
    : port === 10250 ? kubeletAnswer(peer)
    : port === 10248 && loopback ? kubeletHealthz(peer)
    : undefined;
  if (fixed) return { ok: true, ip, port, remoteAddr: addr, acceptor: { peer, serve: fixed } };
  const hostPods = ctx.client.list('pods', undefined, { fieldSelector: `spec.nodeName=${node.name}` }) as unknown as Pod[];
  for (const pod of hostPods) {
    if (pod.spec?.hostNetwork) {
      const proc = listener(ctx, pod, port);
      if (proc) return { ok: true, ip, port, remoteAddr: addr, acceptor: processAcceptor(podPeer(pod, node.ip, port), proc) };
      continue;
    }
    // hostPort: the CNI portmap plugin DNATs node:hostPort to the pod (the client address is kept).
    const mapped = pod.status?.podIP && pod.spec?.containers?.flatMap((c) => c.ports ?? []).find((p) => p.hostPort === port && (p.protocol ?? 'TCP') === 'TCP');
    if (mapped && pod.status?.podIP) return dialPod(ctx, pod.status.podIP, mapped.containerPort, addr, tb, peer, true);
  }
  if (port === 22) return { ok: true, ip, port, remoteAddr: addr, acceptor: { peer, serve: () => ({ ok: false, error: 'reset' }) } };
  return fail('refused', ip);
}

/** localAcceptor wraps a loopback listener (kubectl port-forward / proxy). */
function localAcceptor(peer: Peer, handler: LocalHandler): Acceptor {
  return {
    peer,
    serve(req) {
      const r = handler(req);
      return 'error' in r ? { ok: false, error: r.error } : { ok: true, res: r, answeredBy: peer };
    },
  };
}

/** ingressAcceptor is an ingress-nginx controller pod: route by Host and path, proxy to a backend pod. */
function ingressAcceptor(ctx: NetCtx, pod: Pod, ip: string, peer: Peer, port: number): Acceptor {
  const ingressPeer: Peer = { ...peer, kind: 'ingress' };
  return {
    peer: ingressPeer,
    serve(req, scheme, tb) {
      const host = (req.headers.host ?? '').replace(/:\d+$/, '');
      let answeredBy: Peer = ingressPeer;
      // forward proxies to the routed Service: ingress-nginx balances over its endpoints itself
      // (round-robin upstream), bypassing the ClusterIP.
      const forward = (route: Extract<IngressRoute, { ok: true }>): IngressUpstream => {
        const start = tb.ms;
        const svc = ctx.client.tryGet('services', route.namespace, route.service) as unknown as Service | undefined;
        const sp = svc?.spec?.ports?.find((p) => (typeof route.port === 'number' ? p.port === route.port : p.name === route.port));
        const cands = svc && sp ? usable(backends(ctx.client, svc, sp)) : [];
        const svcPeer: Peer = svc ? servicePeer(svc, svc.spec?.clusterIP, sp?.port ?? 0) : { kind: 'service', name: route.service, namespace: route.namespace };
        tb.hop(ingressPeer, svcPeer, 'ingress', `${route.namespace}/${route.ingress}`);
        if (!cands.length) return { ok: false, error: 'refused', durationMs: 0 };
        const b = cands[ctx.rng.int(cands.length)];
        tb.wire(b.nodeName === pod.spec?.nodeName ? 'local' : 'lan');
        const d = inCidr(b.ip, POD_SUBNET) ? dialPod(ctx, b.ip, b.port, ip, tb, svcPeer, false) : dialDnatHost(ctx, b.ip, b.port, ip, tb, svcPeer);
        if (!d.ok) return { ok: false, error: d.error, ip: b.ip, port: b.port, durationMs: round(tb.ms - start) };
        const fwd = req.headers['x-forwarded-for'] ? `${req.headers['x-forwarded-for']}, ${req.remoteAddr}` : req.remoteAddr;
        const headers: Record<string, string> = {
          ...req.headers, 'x-request-id': hex32(ctx.rng), 'x-real-ip': req.remoteAddr, 'x-forwarded-for': fwd,
          'x-forwarded-host': host, 'x-forwarded-port': String(req.port), 'x-forwarded-proto': scheme, 'x-forwarded-scheme': scheme, 'x-scheme': scheme,
        };
        const r = d.acceptor.serve({ ...req, headers, remoteAddr: d.remoteAddr, port: d.port }, 'http', tb);
        if (!r.ok) return { ok: false, error: r.error, ip: b.ip, port: b.port, durationMs: round(tb.ms - start) };
        answeredBy = r.answeredBy;
        tb.wait(r.res.delayMs ?? 0);
        return { ok: true, status: r.res.status, headers: r.res.headers ?? {}, body: r.res.body, ip: b.ip, port: b.port, durationMs: round(tb.ms - start) };
      };
      const out = ctx.ingress.serve({ ...req, scheme }, listener(ctx, pod, port), forward);
      // The upstream's delay is already counted; the controller's own answer adds none.
      return { ok: true, res: { ...out.response, delayMs: undefined }, answeredBy };
    },
  };
}

const hex32 = (rng: Rng) => { let s = ''; for (let i = 0; i < 32; i++) s += '0123456789abcdef'[rng.int(16)]; return s; };


/** podAt finds the (non-hostNetwork) pod that owns ip on a powered node, if any. */
export function podAt(ctx: NetCtx, ip: string): Pod | undefined {
  const node = ctx.nodes.forPodIP(ip);
  if (!node || ctx.nodeDown(node.name)) return undefined;
  const ref = ctx.kubelet(node.name)?.podByIP(ip);
  return ref ? ctx.client.tryGet('pods', ref.namespace, ref.name) as unknown as Pod | undefined : undefined;
}
