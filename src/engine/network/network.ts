// The cluster network's composition: addresses, kube-proxy, CoreDNS, the data path, loopback
// listeners and the tracer, behind the Network contract of ./types.
import type { Pod } from 'kubernetes-types/core/v1';
import type { Client } from '../api/types';
import type { Kubelet } from '../kubelet';
import type { Clock, Rng } from '../util';
import { Nodes, interfacesOf } from './addresses';
import type { NetCtx } from './dataplane';
import { Dns } from './dns';
import { connectCall, httpCall, pingCall } from './http';
import { KubeProxy } from './kube-proxy';
import { NODE_RESOLV, resolvConfFor } from './resolv';
import { Tracer } from './tracer';
import type { IngressRouter, Network } from './types';

/** NetworkDeps are what the composition root hands the cluster network. */
export interface NetworkDeps {
  client: Client;
  clock: Clock;
  rng: Rng;
  /** kubelet returns a node's kubelet (to reach the processes of the pods it runs). */
  kubelet(node: string): Kubelet | undefined;
  /** ingress is the ingress-nginx routing table. */
  ingress: IngressRouter;
  /** nodeDown tells whether a node is powered off (`sandbox node stop`): its addresses stop answering. */
  nodeDown?(node: string): boolean;
}

/** createNetwork builds the cluster network (models a bridge CNI, kube-proxy in iptables mode and CoreDNS). */
export function createNetwork(deps: NetworkDeps): Network {
  const tracer = new Tracer();
  const ctx: NetCtx = {
    client: deps.client, clock: deps.clock, rng: deps.rng, kubelet: deps.kubelet, ingress: deps.ingress,
    nodeDown: deps.nodeDown ?? (() => false),
    nodes: new Nodes(deps.client),
    proxy: new KubeProxy(deps.clock, deps.rng),
    local: new Map(),
  };
  const dns = new Dns(ctx, tracer);
  const network: Network = {
    dns,
    http: (src, call) => httpCall(ctx, dns, tracer, src, call),
    connect: (src, host, port, timeoutMs) => connectCall(ctx, dns, tracer, src, host, port, timeoutMs),
    ping: (src, ip) => pingCall(ctx, tracer, src, ip),
    podSource(namespace, name) {
      const pod = deps.client.tryGet('pods', namespace, name) as unknown as Pod | undefined;
      const node = pod?.spec?.nodeName;
      if (!pod || !node) return undefined;
      const hostNetwork = pod.spec?.hostNetwork === true;
      const ip = pod.status?.podIP ?? (hostNetwork ? ctx.nodes.byName(node)?.ip : undefined);
      if (!ip) return undefined;
      const src: ReturnType<Network['podSource']> = { kind: 'pod', namespace, name, ip, node, resolv: resolvConfFor(pod) };
      if (hostNetwork) src.hostNetwork = true;
      return src;
    },
    nodeSource(node) {
      const n = ctx.nodes.byName(node);
      return n ? { kind: 'node', node: n.name, ip: n.ip, resolv: { ...NODE_RESOLV, search: [...NODE_RESOLV.search] } } : undefined;
    },
    interfaces: (src) => interfacesOf(src, ctx.nodes.byName(src.node)),
    listenLocal(node, port, handler, via) {
      const key = `${node}:${port}`;
      if (ctx.local.has(key)) return 'in-use';
      const entry = { handler, via };
      ctx.local.set(key, entry);
      return () => { if (ctx.local.get(key) === entry) ctx.local.delete(key); };
    },
    onTrace: (fn) => tracer.subscribe(fn),
    record: (t) => tracer.record(t),
    tracing: () => tracer.active,
    resolveHost: (src, name) => dns.lookupWith(src, name, true, true),
  };
  return network;
}
