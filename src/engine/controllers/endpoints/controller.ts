import type { EndpointAddress, EndpointPort, EndpointSubset, Endpoints, Pod, Service } from 'kubernetes-types/core/v1';
import type { KObject } from '../../types';
import { clone, deepEqual, rfc3339 } from '../../util';
import { createInformer, isPodReady, keyOf, splitKey, WorkQueue } from '../runtime';
import type { ReconcileResult } from '../runtime';
import type { Controller, ControllerDeps } from '../types';
import { findPort, hasSelector, isServiceIPSet, podIPOf, shouldPodBeInEndpoints, shouldSetHostname } from './pods';
import { repackSubsets } from './repack';
import { OVER_CAPACITY, truncateSubsets } from './capacity';
import { TriggerTimeTracker } from './trigger';
import { createPodBatcher, createServicePodIndex } from './watch';
import type { ServicePodIndex } from './watch';

/** LAST_CHANGE_TRIGGER_TIME is the annotation both endpoint controllers set (v1.EndpointsLastChangeTriggerTime). */
export const LAST_CHANGE_TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';
/** HEADLESS_LABEL is v1.IsHeadlessService, set on the Endpoints and slices of a Service without a ClusterIP. */
export const HEADLESS_LABEL = 'service.kubernetes.io/headless';

/** EndpointsController is the running controller; reconcile is exposed for unit tests. */
export interface EndpointsController extends Controller {
  /** reconcile syncs one Service key (`namespace/name`) now. */
  reconcile(key: string): ReconcileResult | void;
}

const code = (e: unknown) => (e as { code?: number }).code;

/** podAddress is podToEndpointAddressForService plus the hostname rule. */
function podAddress(svc: Service, pod: Pod): EndpointAddress {
  const a: EndpointAddress = {
    ip: podIPOf(pod),
    nodeName: pod.spec?.nodeName ?? '',
    targetRef: { kind: 'Pod', name: pod.metadata?.name, namespace: pod.metadata?.namespace, uid: pod.metadata?.uid },
  };
  if (shouldSetHostname(pod, svc)) a.hostname = pod.spec?.hostname;
  return a;
}

/** desiredSubsets builds the Endpoints subsets of a Service from its pods, as syncService does. */
export function desiredSubsets(svc: Service, pods: Pod[]): EndpointSubset[] {
  const tolerate = !!svc.spec?.publishNotReadyAddresses;
  const subsets: EndpointSubset[] = [];
  const addSubset = (pod: Pod, addr: EndpointAddress, port: EndpointPort | undefined) => {
    const ports = port ? [port] : [];
    if (tolerate || isPodReady(pod)) subsets.push({ addresses: [addr], ports });
    else subsets.push({ notReadyAddresses: [addr], ports });
  };
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, tolerate)) continue;
    const addr = podAddress(svc, pod);
    const ports = svc.spec?.ports ?? [];
    if (ports.length === 0) {
      // Headless services may have no ports.
      if (svc.spec?.clusterIP === 'None') addSubset(pod, addr, undefined);
      continue;
    }
    for (const sp of ports) {
      const num = findPort(pod, sp);
      if (num === undefined) continue;
      const ep: EndpointPort = { name: sp.name, port: num, protocol: sp.protocol ?? 'TCP' };
      if (!sp.name) delete ep.name;
      if (sp.appProtocol) ep.appProtocol = sp.appProtocol;
      addSubset(pod, addr, ep);
    }
  }
  return repackSubsets(subsets);
}

const withoutKey = (m: Record<string, string> | undefined, k: string) => {
  if (!m || !(k in m)) return m ?? {};
  const { [k]: _drop, ...rest } = m;
  void _drop;
  return rest;
};
const sameMap = (a: Record<string, string>, b: Record<string, string> | undefined) => deepEqual(a, b ?? {});

/**
 * createEndpointsController models pkg/controller/endpoint: for every Service with a selector it keeps an
 * Endpoints object of the same name (ready pods in `addresses`, the others in `notReadyAddresses`, ports
 * resolved per pod, subsets repacked), carrying the Service's labels and the last-change-trigger-time
 * annotation. Selectorless and ExternalName Services are left alone; a deleted Service's Endpoints are deleted.
 * More than 1000 addresses are truncated with the over-capacity annotation. No leftover-Endpoints sweep at start-up.
 */
export function createEndpointsController(deps: ControllerDeps): EndpointsController {
  const { client, clock } = deps;
  const recorder = deps.recorder('endpoint-controller');
  const tracker = new TriggerTimeTracker();
  const sizes = new Map<string, number>();
  let index: ServicePodIndex | undefined;
  let endpoints: ReturnType<typeof createInformer<Endpoints & KObject>> | undefined;
  let queue = new WorkQueue(clock, (key) => reconcile(key));

  function reconcile(key: string): ReconcileResult | void {
    const idx = index;
    if (!idx) return;
    const [ns, name] = splitKey(key);
    const svc = idx.services.get(key);
    if (!svc) {
      tracker.forget(key);
      sizes.delete(key);
      try { client.delete('endpoints', ns, name); } catch (e) { if (code(e) !== 404) throw e; }
      return;
    }
    if (svc.spec?.type === 'ExternalName' || !hasSelector(svc)) return;
    const pods = idx.podsOf(svc);
    sizes.set(key, pods.length);
    const trigger = tracker.compute(key, svc, pods);
    const [subsets, truncated] = truncateSubsets(desiredSubsets(svc, pods));
    const current = endpoints?.get(key) ?? (client.tryGet('endpoints', ns, name) as (Endpoints & KObject) | undefined);
    const svcLabels = svc.metadata?.labels ?? {};
    if (current && deepEqual(current.subsets ?? [], subsets) && sameMap(svcLabels, withoutKey(current.metadata.labels, HEADLESS_LABEL))
      && (!!current.metadata.labels && HEADLESS_LABEL in current.metadata.labels) === !isServiceIPSet(svc)
      && (current.metadata.annotations?.[OVER_CAPACITY] === 'truncated') === truncated) return;
    const next = (current ? clone(current) : { apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace: ns } }) as Endpoints & KObject;
    if (subsets.length) next.subsets = subsets;
    else delete next.subsets;
    const labels: Record<string, string> = { ...svcLabels };
    if (!isServiceIPSet(svc)) labels[HEADLESS_LABEL] = '';
    next.metadata.labels = labels;
    const annotations: Record<string, string> = { ...(next.metadata.annotations ?? {}) };
    if (trigger !== undefined) annotations[LAST_CHANGE_TRIGGER_TIME] = rfc3339(trigger);
    else delete annotations[LAST_CHANGE_TRIGGER_TIME];
    if (truncated) annotations[OVER_CAPACITY] = 'truncated';
    else delete annotations[OVER_CAPACITY];
    next.metadata.annotations = annotations;
    if (Object.keys(labels).length === 0) delete next.metadata.labels;
    if (Object.keys(annotations).length === 0) delete next.metadata.annotations;
    try {
      if (current) client.update('endpoints', ns, next as KObject);
      else client.create('endpoints', ns, next as KObject);
    } catch (e) {
      // A terminating namespace refuses creates: drop the key, as syncService does.
      if (!current && code(e) === 403) return;
      if (code(e) === 409) throw e;
      const msg = (e as Error).message;
      if (current) recorder.event(next as KObject, 'Warning', 'FailedToUpdateEndpoint', `Failed to update endpoint ${ns}/${name}: ${msg}`);
      else recorder.event(next as KObject, 'Warning', 'FailedToCreateEndpoint', `Failed to create endpoint for service ${ns}/${name}: ${msg}`);
      throw e;
    }
  }

  return {
    start() {
      if (index) return;
      queue = new WorkQueue(clock, (key) => reconcile(key));
      index = createServicePodIndex(client, (k) => queue.add(k), undefined, createPodBatcher(clock, (k) => queue.add(k), (k) => sizes.get(k) ?? 0));
      endpoints = createInformer<Endpoints & KObject>(client, 'endpoints');
      // An Endpoints object deleted behind the controller's back is recreated (onEndpointsDelete).
      endpoints.addHandlers({ delete: (ep) => { if (index?.services.get(keyOf(ep))) queue.add(keyOf(ep)); } });
      endpoints.start();
      index.start();
    },
    stop() {
      index?.stop();
      endpoints?.stop();
      index = undefined;
      endpoints = undefined;
      queue.shutDown();
    },
    reconcile(key) { return reconcile(key); },
  };
}
