import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { Client } from '../../api/types';
import type { Clock } from '../../util';
import { createInformer, keyOf } from '../runtime';
import type { Informer } from '../runtime';
import { podEndpointsChanged, selects } from './pods';

/** ServicePodIndex is a Service informer plus a pod informer indexed by namespace, as the endpoint controllers share. */
export interface ServicePodIndex {
  services: Informer<Service>;
  pods: Informer<Pod>;
  /** podsOf returns the pods the Service's selector matches (its namespace only). */
  podsOf(svc: Service): Pod[];
  start(): void;
  stop(): void;
}

/**
 * createServicePodIndex wires the informers so that `enqueue(serviceKey)` runs for every Service change and
 * for every Service whose selector matches a pod that was added, deleted, or changed in a way endpoints see
 * (GetServicesToUpdateOnPodChange: old and new labels both count when labels change).
 */
export function createServicePodIndex(client: Client, enqueue: (key: string) => void, onServiceDelete?: (svc: Service) => void, enqueueForPod: (key: string) => void = enqueue): ServicePodIndex {
  const services = createInformer<Service>(client, 'services');
  const pods = createInformer<Pod>(client, 'pods');
  const forMatching = (p: Pod, labels = p.metadata?.labels) => {
    for (const svc of services.inNamespace(p.metadata?.namespace ?? '')) if (selects(svc, labels)) enqueueForPod(keyOf(svc));
  };
  services.addHandlers({
    add: (s) => enqueue(keyOf(s)),
    update: (_o, s) => enqueue(keyOf(s)),
    delete: (s) => { onServiceDelete?.(s); enqueue(keyOf(s)); },
  });
  pods.addHandlers({
    add: (p) => forMatching(p),
    update: (old, cur) => {
      const [changed, labelsChanged] = podEndpointsChanged(old, cur);
      if (!changed && !labelsChanged) return;
      forMatching(cur);
      if (labelsChanged) forMatching(old, old.metadata?.labels);
    },
    delete: (p) => forMatching(p),
  });
  return {
    services, pods,
    podsOf(svc) {
      const out: Pod[] = [];
      for (const p of pods.inNamespace(svc.metadata?.namespace ?? '')) if (selects(svc, p.metadata?.labels)) out.push(p);
      return out;
    },
    start() { services.start(); pods.start(); },
    stop() { services.stop(); pods.stop(); },
  };
}

/** LARGE_SERVICE is the selected-pod count above which pod changes are batched (BATCH_MS). */
export const LARGE_SERVICE = 100;
/** BATCH_MS is the endpoint-updates batch period for large Services (kube-controller-manager's --endpoint-updates-batch-period). */
export const BATCH_MS = 1000;

/**
 * createPodBatcher returns the pod-triggered enqueue of an endpoint controller: immediate for Services
 * that selected at most LARGE_SERVICE pods at their last sync, at most once per BATCH_MS for larger ones
 * (a sync rewrites the whole object, so a 1,000-pod rollout must not cost a sync per pod change).
 */
export function createPodBatcher(clock: Clock, add: (key: string) => void, sizeOf: (key: string) => number): (key: string) => void {
  const pending = new Set<string>();
  return (key) => {
    if (sizeOf(key) <= LARGE_SERVICE) return add(key);
    if (pending.has(key)) return;
    pending.add(key);
    clock.after(BATCH_MS, () => { pending.delete(key); add(key); });
  };
}
