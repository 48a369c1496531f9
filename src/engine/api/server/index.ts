import type { Store } from '../../store';
import type { Clock, Rng } from '../../util';
import { Registry } from '../registry';
import type { ApiRequest, ApiResponse, PodLogProvider, ResourceDef } from '../types';
import type { ServerContext } from './context';
import { handleRequest, handleResourceRequest } from './handler';
import { EventTTL } from './event-ttl';

export { VERSION_INFO } from './discovery';
export { encodeBody } from './request';
export { parsePath } from './paths';
export type { ParsedPath } from './paths';
export { scaleOf } from './subresources';
export { EVENT_TTL_MS } from './event-ttl';

/** ApiServer is the in-process kube-apiserver: one synchronous handle() per REST call. */
export interface ApiServer {
  /** handle answers one request; it never throws (failures are Status bodies). */
  handle(req: ApiRequest): ApiResponse;
  /**
   * handleResource answers req (whose path is ignored) as handle would answer it at def's path for
   * namespace, name and subresource; namespace and name must not be empty strings. The typed client's fast path.
   */
  handleResource?(req: ApiRequest, def: ResourceDef, namespace: string | undefined, name: string | undefined, sub: string | undefined): ApiResponse;
  /** registry is the set of served resources. */
  readonly registry: Registry;
  /** store is the backing etcd-like store (read-only use outside the server: etcdctl emulation, benchmarks). */
  readonly store: Store;
  /** setPodLogProvider registers the kubelet side of pods/log. */
  setPodLogProvider(p: PodLogProvider): void;
}

/** createApiServer builds an API server over store, with the injected clock and RNG. */
export function createApiServer(deps: { store: Store; clock: Clock; rng: Rng; registry?: Registry }): ApiServer {
  const ctx: ServerContext = { store: deps.store, clock: deps.clock, rng: deps.rng, registry: deps.registry ?? new Registry(), eventTTL: new EventTTL(deps.store, deps.clock) };
  return {
    handle: (req) => handleRequest(ctx, req),
    handleResource: (req, def, namespace, name, sub) => handleResourceRequest(ctx, req, def, namespace, name, sub),
    registry: ctx.registry,
    store: ctx.store,
    setPodLogProvider: (p) => { ctx.logProvider = p; },
  };
}
