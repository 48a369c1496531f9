import { Store } from '../../store';
import { VirtualClock, createRng } from '../../util';
import type { KObject } from '../../types';
import { createApiServer } from './index';
import { createClient } from '../client';

/** newTestServer builds a store, clock, API server and client with the default namespace (tests only). */
export function newTestServer() {
  const clock = new VirtualClock();
  const rng = createRng(42);
  const store = new Store();
  const api = createApiServer({ store, clock, rng });
  const client = createClient(api);
  client.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  return { clock, rng, store, api, client };
}

/** podFixture returns a minimal pod manifest (tests only). */
export function podFixture(name: string, extra: Record<string, unknown> = {}): KObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'web', image: 'nginx' }], ...extra } };
}
