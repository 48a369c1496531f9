// Test helpers (imported by *.test.ts only): a real API server over a fresh store, a client that logs
// its writes, and manifests.
import type { Client } from '../../api';
import { ApiError, createApiServer, createClient } from '../../api';
import { createEventRecorder } from '../../events';
import { createStore } from '../../store';
import type { KObject } from '../../types';
import { VirtualClock, createRng } from '../../util';
import type { ControllerDeps } from '../types';

/** TestEnv is an API server, a write-logging client and controller deps on one virtual clock. */
export interface TestEnv {
  clock: VirtualClock;
  client: Client;
  /** actions lists `verb resource ns/name` of every write the controller made. */
  actions: string[];
  deps: ControllerDeps;
  /** failCreates lets `after` more pod creates succeed, then fails the next n with a Forbidden error carrying message. */
  failCreates(n: number, message: string, after?: number): void;
  /** podCreates counts the pod creates attempted. */
  podCreates(): number;
  /** events returns `Type Reason Message` of the events about the named object. */
  events(name: string): string[];
}

/** newTestEnv builds a TestEnv with the default namespace. */
export function newTestEnv(): TestEnv {
  const clock = new VirtualClock();
  const api = createApiServer({ store: createStore(), clock, rng: createRng(7) });
  const raw = createClient(api);
  raw.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  const actions: string[] = [];
  let failing = 0;
  let failAfter = 0;
  let failMessage = '';
  let podCreates = 0;
  const log = (verb: string, r: string, ns: string | undefined, name: string | undefined) => actions.push(`${verb} ${r} ${ns ?? ''}/${name ?? ''}`);
  const client: Client = {
    ...raw,
    create(r, ns, obj, o) {
      if (r === 'pods') podCreates++;
      if (r === 'pods' && failAfter > 0) failAfter--;
      else if (r === 'pods' && failing > 0) {
        failing--;
        throw new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'Forbidden', code: 403, message: failMessage });
      }
      const out = raw.create(r, ns, obj, o);
      if (r !== 'events') log('create', r, ns, out.metadata.name);
      return out as never;
    },
    update(r, ns, obj, o) { log(o?.subresource ? `update/${o.subresource}` : 'update', r, ns, obj.metadata.name); return raw.update(r, ns, obj, o) as never; },
    updateStatus(r, ns, obj) { log('update/status', r, ns, obj.metadata.name); return raw.updateStatus(r, ns, obj) as never; },
    patch(r, ns, name, t, p, o) { if (r !== 'events') log('patch', r, ns, name); return raw.patch(r, ns, name, t, p, o) as never; },
    delete(r, ns, name, o) { log('delete', r, ns, name); return raw.delete(r, ns, name, o); },
  };
  const rng = createRng(1);
  const deps: ControllerDeps = {
    client, clock, rng,
    recorder: (component) => createEventRecorder({ client: raw, clock, rng, component }),
  };
  return {
    clock, client, actions, deps,
    failCreates(n, message, after = 0) { failing = n; failMessage = message; failAfter = after; },
    podCreates: () => podCreates,
    events: (name) => raw.list<KObject & { type: string; reason: string; message: string; involvedObject: { name: string } }>('events', 'default')
      .filter((e) => e.involvedObject.name === name).map((e) => `${e.type} ${e.reason} ${e.message}`),
  };
}

/** replicaSet returns an apps/v1 ReplicaSet manifest selecting app=<app> (or the given selector). */
export function replicaSet(name: string, replicas: number, opts: { selector?: Record<string, unknown>; labels?: Record<string, string>; minReadySeconds?: number } = {}): KObject {
  const labels = opts.labels ?? { app: name };
  return {
    apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name },
    spec: {
      replicas, selector: opts.selector ?? { matchLabels: labels },
      ...(opts.minReadySeconds ? { minReadySeconds: opts.minReadySeconds } : {}),
      template: { metadata: { labels }, spec: { containers: [{ name: 'web', image: 'nginx' }] } },
    },
  };
}

/** barePod returns a pod manifest with labels (optionally bound to a node). */
export function barePod(name: string, labels: Record<string, string>, extra: Record<string, unknown> = {}): KObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels }, spec: { containers: [{ name: 'web', image: 'nginx' }], ...extra } };
}
