import type { EndpointAddress, Endpoints, Service } from 'kubernetes-types/core/v1';
import type { Endpoint, EndpointPort } from 'kubernetes-types/discovery/v1';
import type { KObject } from '../../types';
import { createInformer, keyOf, splitKey, WorkQueue } from '../runtime';
import type { Informer, ReconcileResult } from '../runtime';
import type { Controller, ControllerDeps } from '../types';
import { hasSelector, LAST_CHANGE_TRIGGER_TIME } from '../endpoints';
import { MANAGED_BY_LABEL, portsKey, reconcileSlices, SERVICE_NAME_LABEL, slicePrefix } from '../endpointslice';
import type { Slice, SliceGroup } from '../endpointslice';

/** MIRROR_CONTROLLER_NAME is the mirroring controller's managed-by value. */
export const MIRROR_CONTROLLER_NAME = 'endpointslicemirroring-controller.k8s.io';
/** SKIP_MIRROR_LABEL marks Endpoints the mirroring controller ignores (the API server's own `kubernetes` Endpoints). */
export const SKIP_MIRROR_LABEL = 'endpointslice.kubernetes.io/skip-mirror';
/** MAX_MIRRORED_PER_SUBSET is the mirroring controller's per-subset limit. */
export const MAX_MIRRORED_PER_SUBSET = 1000;

type Ep = Endpoints & KObject;

/** EndpointSliceMirroringController is the running controller; reconcile is exposed for unit tests. */
export interface EndpointSliceMirroringController extends Controller {
  /** reconcile syncs one Endpoints key now. */
  reconcile(key: string): ReconcileResult | void;
}

const isIPv4 = (ip: string) => /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(ip) && ip.split('.').every((p) => Number(p) <= 255);

function toEndpoint(a: EndpointAddress, ready: boolean): Endpoint {
  const e: Endpoint = { addresses: [a.ip], conditions: { ready } };
  if (a.hostname) e.hostname = a.hostname;
  if (a.nodeName) e.nodeName = a.nodeName;
  if (a.targetRef) e.targetRef = a.targetRef;
  return e;
}

/** mirrorGroups turns Endpoints subsets into slice groups keyed by their ports (IPv4 addresses only, 1000 per subset). */
export function mirrorGroups(ep: Ep): SliceGroup[] {
  const groups = new Map<string, SliceGroup>();
  for (const ss of ep.subsets ?? []) {
    const ports: EndpointPort[] = (ss.ports ?? []).map((p) => {
      const out: EndpointPort = { name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP' };
      if (p.appProtocol) out.appProtocol = p.appProtocol;
      return out;
    });
    const key = portsKey(ports);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { ports, endpoints: [] }));
    let n = 0;
    for (const [list, ready] of [[ss.addresses ?? [], true], [ss.notReadyAddresses ?? [], false]] as const) {
      for (const a of list) {
        if (n >= MAX_MIRRORED_PER_SUBSET) break;
        if (!isIPv4(a.ip)) continue;
        g.endpoints.push(toEndpoint(a, ready));
        n++;
      }
    }
  }
  return [...groups.values()].filter((g) => g.endpoints.length > 0);
}

const without = (m: Record<string, string> | undefined, ...keys: string[]) => {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(m ?? {})) if (!keys.includes(k)) out[k] = v;
  return out;
};

/**
 * createEndpointSliceMirroringController models pkg/controller/endpointslicemirroring: the Endpoints of a
 * Service without a selector (e.g. the book's hand-made `external-service`) are mirrored into
 * EndpointSlices `<name>-<5 chars>` managed by endpointslicemirroring-controller.k8s.io and owned by the
 * Endpoints; Endpoints labelled skip-mirror, and those of Services with a selector, are not mirrored.
 */
export function createEndpointSliceMirroringController(deps: ControllerDeps): EndpointSliceMirroringController {
  const { client, clock, rng } = deps;
  let services: Informer<Service & KObject> | undefined;
  let endpoints: Informer<Ep> | undefined;
  let slices: Informer<Slice> | undefined;
  let queue = new WorkQueue(clock, (key) => reconcile(key));

  function reconcile(key: string): ReconcileResult | void {
    if (!services || !endpoints || !slices) return;
    const [ns, name] = splitKey(key);
    const mine = slices.list(ns).filter((s) => s.metadata.labels?.[SERVICE_NAME_LABEL] === name && s.metadata.labels?.[MANAGED_BY_LABEL] === MIRROR_CONTROLLER_NAME);
    const svc = services.get(key);
    const ep = endpoints.get(key);
    const mirror = svc && ep && !hasSelector(svc) && ep.metadata.labels?.[SKIP_MIRROR_LABEL] !== 'true';
    if (!mirror) {
      for (const s of mine) {
        try { client.delete('endpointslices', ns, s.metadata.name ?? ''); } catch (e) { if ((e as { code?: number }).code !== 404) throw e; }
      }
      return;
    }
    const annotations = without(ep.metadata.annotations, 'kubectl.kubernetes.io/last-applied-configuration', LAST_CHANGE_TRIGGER_TIME);
    reconcileSlices(client, rng, {
      namespace: ns,
      meta: {
        generateName: slicePrefix(name),
        labels: { ...without(ep.metadata.labels, MANAGED_BY_LABEL, SERVICE_NAME_LABEL), [SERVICE_NAME_LABEL]: name, [MANAGED_BY_LABEL]: MIRROR_CONTROLLER_NAME },
        ...(Object.keys(annotations).length ? { annotations } : {}),
        ownerReferences: [{ apiVersion: 'v1', blockOwnerDeletion: true, controller: true, kind: 'Endpoints', name, uid: ep.metadata.uid ?? '' }],
      },
      groups: mirrorGroups(ep),
      existing: mine,
      placeholder: false,
      maxPerSlice: MAX_MIRRORED_PER_SUBSET,
    });
  }

  return {
    start() {
      if (services) return;
      queue = new WorkQueue(clock, (key) => reconcile(key));
      services = createInformer<Service & KObject>(client, 'services');
      endpoints = createInformer<Ep>(client, 'endpoints');
      slices = createInformer<Slice>(client, 'endpointslices');
      const enqueue = (o: KObject) => queue.add(keyOf(o));
      services.addHandlers({ add: enqueue, update: (_o, n) => enqueue(n), delete: enqueue });
      endpoints.addHandlers({ add: enqueue, update: (_o, n) => enqueue(n), delete: enqueue });
      slices.addHandlers({
        delete: (s) => {
          const svc = s.metadata.labels?.[SERVICE_NAME_LABEL];
          if (svc && s.metadata.labels?.[MANAGED_BY_LABEL] === MIRROR_CONTROLLER_NAME) queue.add(`${s.metadata.namespace}/${svc}`);
        },
      });
      slices.start();
      endpoints.start();
      services.start();
    },
    stop() {
      services?.stop();
      endpoints?.stop();
      slices?.stop();
      services = endpoints = undefined;
      slices = undefined;
      queue.shutDown();
    },
    reconcile(key) { return reconcile(key); },
  };
}
