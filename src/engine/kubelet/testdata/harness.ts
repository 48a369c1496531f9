// Test harness: one kubelet on a fake API driven by a VirtualClock.
import type { Pod } from 'kubernetes-types/core/v1';
import type { KObject } from '../../types';
import { VirtualClock, createRng } from '../../util';
import { createImageCatalog } from '../../images';
import { createKubelet, type Kubelet, type KubeletDeps } from '../kubelet';
import type { KubeletTimings } from '../timings';
import { createFakeApi, type FakeApi } from './fake-api';

/** Harness bundles the clock, fake API and kubelet of one test. */
export interface Harness { clock: VirtualClock; api: FakeApi; kubelet: Kubelet; run(spec: Record<string, unknown>, name?: string, extra?: Record<string, unknown>): void; pod(name?: string): Pod; advance(s: number): void; until(pred: () => boolean, maxS?: number): number }

/** setup creates node "worker" (192.168.1.3, 10.244.1.0/24) and starts its kubelet. */
export function setup(timings?: Partial<KubeletTimings>, seed = 7, deps: Partial<KubeletDeps> = {}): Harness {
  const clock = new VirtualClock();
  const api = createFakeApi(clock);
  api.client.create('nodes', undefined, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker' }, spec: { podCIDR: '10.244.1.0/24' }, status: { addresses: [{ type: 'InternalIP', address: '192.168.1.3' }] } });
  const kubelet = createKubelet({ nodeName: 'worker', client: api.client, clock, rng: createRng(seed), recorder: api.recorder, images: createImageCatalog(), timings, ...deps });
  kubelet.start();
  return {
    clock, api, kubelet,
    run(spec, name = 'web', extra = {}) {
      api.client.create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', ...extra }, spec: { nodeName: 'worker', ...spec } } as KObject);
    },
    pod: (name = 'web') => api.client.get('pods', 'default', name) as unknown as Pod,
    advance: (s) => clock.advance(s * 1000),
    until(pred, maxS = 600) {
      const start = clock.now();
      while (!pred()) {
        if (clock.now() - start > maxS * 1000) throw new Error('condition not reached in time');
        clock.advance(100);
      }
      return (clock.now() - start) / 1000;
    },
  };
}
