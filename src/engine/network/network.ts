import type { Client } from '../api/types';
import type { Kubelet } from '../kubelet';
import type { Clock, Rng } from '../util';
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
}

/** createNetwork builds the cluster network. (Stub: every connection fails until the network core lands.) */
export function createNetwork(deps: NetworkDeps): Network {
  void deps;
  let id = 0;
  const subs = new Set<(t: import('./types').TrafficTrace) => void>();
  const record: Network['record'] = (t) => { const full = { ...t, id: ++id }; for (const s of subs) s(full); return full; };
  return {
    dns: {
      lookup: () => ({ ok: false, error: 'TIMEOUT', server: '10.96.0.10', durationMs: 0 }),
      srv: () => ({ ok: false, error: 'TIMEOUT', server: '10.96.0.10' }),
      reverse: () => undefined,
    },
    http: (src, call) => ({ ok: false, error: 'timeout', port: call.port, durationMs: 0, trace: record({ t: deps.clock.now(), protocol: 'http', from: { kind: src.kind === 'pod' ? 'pod' : 'node', ip: src.ip }, hops: [], latencyMs: 0, error: 'stub' }) }),
    connect: () => ({ ok: false, error: 'timeout', durationMs: 0 }),
    ping: () => ({ ok: false }),
    podSource: () => undefined,
    nodeSource: () => undefined,
    interfaces: () => [],
    listenLocal: () => () => {},
    onTrace: (fn) => { subs.add(fn); return () => subs.delete(fn); },
    record,
  };
}
