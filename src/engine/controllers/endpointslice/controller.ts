import type { Service } from 'kubernetes-types/core/v1';
import type { Endpoint } from 'kubernetes-types/discovery/v1';
import { createInformer, splitKey, WorkQueue } from '../runtime';
import type { Informer, ReconcileResult } from '../runtime';
import type { Controller, ControllerDeps } from '../types';
import { createPodBatcher, createServicePodIndex, hasSelector, shouldPodBeInEndpoints, TriggerTimeTracker } from '../endpoints';
import type { ServicePodIndex } from '../endpoints';
import { CONTROLLER_NAME, endpointPorts, MANAGED_BY_LABEL, podToEndpoint, SERVICE_NAME_LABEL, sliceLabels, slicePrefix } from './build';
import { portsKey, reconcileSlices } from './reconciler';
import type { Slice, SliceGroup } from './reconciler';

/** EndpointSliceController is the running controller; reconcile is exposed for unit tests. */
export interface EndpointSliceController extends Controller {
  /** reconcile syncs one Service key (`namespace/name`) now. */
  reconcile(key: string): ReconcileResult | void;
}

const ipText = (e: Endpoint) => e.addresses[0] ?? '';

/** desiredGroups returns the Service's endpoints grouped by the port list each pod offers (pods in IP order). */
export function desiredGroups(svc: Service, pods: Parameters<typeof podToEndpoint>[0][]): SliceGroup[] {
  const groups = new Map<string, SliceGroup>();
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ports = endpointPorts(svc, pod);
    const key = portsKey(ports);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { ports, endpoints: [] }));
    g.endpoints.push(podToEndpoint(pod, svc));
  }
  for (const g of groups.values()) g.endpoints.sort((a, b) => (ipText(a) < ipText(b) ? -1 : ipText(a) > ipText(b) ? 1 : 0));
  return [...groups.values()];
}

/**
 * createEndpointSliceController models pkg/controller/endpointslice: for every Service with a selector it
 * keeps EndpointSlices `<service>-<5 chars>` (addressType IPv4, owned by the Service, labelled with
 * kubernetes.io/service-name and managed-by endpointslice-controller.k8s.io) whose endpoints carry
 * ready/serving/terminating conditions, a placeholder slice when no pod matches. IPv4 only, no topology
 * hints or zones; deleted Services' slices go through the garbage collector (owner references).
 */
export function createEndpointSliceController(deps: ControllerDeps): EndpointSliceController {
  const { client, clock, rng } = deps;
  const tracker = new TriggerTimeTracker();
  const sizes = new Map<string, number>();
  let index: ServicePodIndex | undefined;
  let slices: Informer<Slice> | undefined;
  let queue = new WorkQueue(clock, (key) => reconcile(key));

  function reconcile(key: string): ReconcileResult | void {
    const idx = index;
    if (!idx || !slices) return;
    const [ns, name] = splitKey(key);
    const svc = idx.services.get(key);
    if (!svc) { tracker.forget(key); sizes.delete(key); return; }
    if (svc.spec?.type === 'ExternalName' || !hasSelector(svc)) return;
    const pods = idx.podsOf(svc);
    sizes.set(key, pods.length);
    const trigger = tracker.compute(key, svc, pods);
    const existing = slices.list(ns).filter((s) => s.metadata.labels?.[SERVICE_NAME_LABEL] === name && s.metadata.labels?.[MANAGED_BY_LABEL] === CONTROLLER_NAME);
    reconcileSlices(client, rng, {
      namespace: ns,
      meta: {
        generateName: slicePrefix(name),
        labels: sliceLabels(svc, CONTROLLER_NAME),
        ownerReferences: [{ apiVersion: 'v1', blockOwnerDeletion: true, controller: true, kind: 'Service', name, uid: svc.metadata?.uid ?? '' }],
      },
      groups: desiredGroups(svc, pods),
      existing,
      trigger,
      placeholder: true,
    });
  }

  return {
    start() {
      if (index) return;
      queue = new WorkQueue(clock, (key) => reconcile(key));
      index = createServicePodIndex(client, (k) => queue.add(k), undefined, createPodBatcher(clock, (k) => queue.add(k), (k) => sizes.get(k) ?? 0));
      slices = createInformer<Slice>(client, 'endpointslices');
      // A managed slice changed or deleted behind the controller's back brings its Service back to the queue.
      const requeue = (s: Slice) => {
        const svc = s.metadata.labels?.[SERVICE_NAME_LABEL];
        if (svc && s.metadata.labels?.[MANAGED_BY_LABEL] === CONTROLLER_NAME) queue.add(`${s.metadata.namespace}/${svc}`);
      };
      slices.addHandlers({ delete: requeue });
      slices.start();
      index.start();
    },
    stop() {
      index?.stop();
      slices?.stop();
      index = undefined;
      slices = undefined;
      queue.shutDown();
    },
    reconcile(key) { return reconcile(key); },
  };
}
