import type { Service } from 'kubernetes-types/core/v1';
import type { KObject } from '../../types';
import { clone } from '../../util';
import { createInformer, WorkQueue } from '../runtime';
import type { Informer, ReconcileResult } from '../runtime';
import type { Controller, ControllerDeps } from '../types';
import { inPool, pickAddress } from './pool';

/** UPDATE_MIN_MS and UPDATE_SPREAD_MS bound how long updating an existing load balancer takes (5-10 s). */
export const UPDATE_MIN_MS = 5_000;
export const UPDATE_SPREAD_MS = 5_000;

/** lbSignature is the part of a Service its load balancer follows (the service controller's needsUpdate fields). */
function lbSignature(s: Service): string {
  const sp = s.spec ?? {};
  return JSON.stringify([(sp.ports ?? []).map((p) => [p.name ?? '', p.port, p.protocol ?? 'TCP', p.nodePort ?? 0]), sp.loadBalancerIP ?? '',
    [...(sp.loadBalancerSourceRanges ?? [])].sort(), sp.externalTrafficPolicy ?? '', sp.sessionAffinity ?? '', sp.healthCheckNodePort ?? 0, [...(sp.externalIPs ?? [])].sort()]);
}

/** LB_CLEANUP_FINALIZER is servicehelper.LoadBalancerCleanupFinalizer. */
export const LB_CLEANUP_FINALIZER = 'service.kubernetes.io/load-balancer-cleanup';
/** PROVISION_MIN_MS and PROVISION_SPREAD_MS bound how long the simulated cloud takes to build a load balancer (30-45 s). */
export const PROVISION_MIN_MS = 30_000;
export const PROVISION_SPREAD_MS = 15_000;

type Svc = Service & KObject;

/** ServiceLBController is the running controller; reconcile is exposed for unit tests. */
export interface ServiceLBController extends Controller {
  /** reconcile syncs one Service key now. */
  reconcile(key: string): ReconcileResult | void;
}

const wantsLB = (s: Svc) => s.spec?.type === 'LoadBalancer';
const hasFinalizer = (s: Svc) => (s.metadata.finalizers ?? []).includes(LB_CLEANUP_FINALIZER);

/**
 * createServiceLBController models k8s.io/cloud-provider's service controller over a simulated cloud: a
 * `type: LoadBalancer` Service gets the cleanup finalizer and an `EnsuringLoadBalancer` event at once, then,
 * 30-45 s later (the cloud building the load balancer), `status.loadBalancer.ingress: [{ip, ipMode: VIP}]`
 * from LB_POOL and `EnsuredLoadBalancer`. Deleting the Service or changing its type releases the address
 * (`DeletingLoadBalancer` / `DeletedLoadBalancer`) and drops the finalizer. With `loadBalancer: 'none'`
 * nothing runs: EXTERNAL-IP stays `<pending>`, as on bare metal. A change the load balancer follows (ports,
 * source ranges, traffic policy, ...) re-ensures it in 5-10 s, keeping the address. No node sync.
 */
export function createServiceLBController(deps: ControllerDeps): ServiceLBController {
  const { client, clock, rng } = deps;
  const enabled = deps.loadBalancer !== 'none';
  const recorder = deps.recorder('service-controller');
  /** ready maps a Service key to when its load balancer is built (and the uid it was built for). */
  const provisioning = new Map<string, { uid: string; at: number }>();
  /** ensured is the LB-relevant spec each built load balancer follows; updating, when a re-ensure completes. */
  const ensured = new Map<string, string>();
  const updating = new Map<string, number>();
  let informer: Informer<Svc> | undefined;
  let queue = new WorkQueue(clock, (key) => reconcile(key));

  const usedAddresses = (): Set<string> => {
    const used = new Set<string>();
    for (const s of informer?.list() ?? []) for (const i of s.status?.loadBalancer?.ingress ?? []) if (i.ip) used.add(i.ip);
    return used;
  };

  const writeStatus = (svc: Svc, ingress: Array<{ ip: string; ipMode: string }>): Svc => {
    const next = clone(svc) as Service & { status: NonNullable<Service['status']> };
    next.status = { ...(next.status ?? {}), loadBalancer: ingress.length ? { ingress } : {} };
    return client.updateStatus('services', svc.metadata.namespace, next as unknown as KObject) as Svc;
  };

  const setFinalizer = (svc: Svc, on: boolean): Svc => {
    const next = clone(svc);
    const rest = (next.metadata.finalizers ?? []).filter((f) => f !== LB_CLEANUP_FINALIZER);
    next.metadata.finalizers = on ? [...rest, LB_CLEANUP_FINALIZER] : rest;
    if (!next.metadata.finalizers.length) delete next.metadata.finalizers;
    return client.update('services', svc.metadata.namespace, next as KObject) as Svc;
  };

  function cleanup(key: string, svc: Svc): void {
    provisioning.delete(key);
    ensured.delete(key);
    updating.delete(key);
    const had = (svc.status?.loadBalancer?.ingress ?? []).length > 0;
    if (had) recorder.event(svc, 'Normal', 'DeletingLoadBalancer', 'Deleting load balancer');
    let cur = svc;
    if (had && !svc.metadata.deletionTimestamp) cur = writeStatus(cur, []);
    if (hasFinalizer(cur)) cur = setFinalizer(cur, false);
    if (had) recorder.event(svc, 'Normal', 'DeletedLoadBalancer', 'Deleted load balancer');
  }

  function reconcile(key: string): ReconcileResult | void {
    if (!informer) return;
    const svc = informer.get(key);
    if (!svc) { provisioning.delete(key); ensured.delete(key); updating.delete(key); return; }
    if (!wantsLB(svc) || svc.metadata.deletionTimestamp) {
      if (hasFinalizer(svc) || (svc.status?.loadBalancer?.ingress ?? []).length || provisioning.has(key)) cleanup(key, svc);
      return;
    }
    const sig = lbSignature(svc);
    if ((svc.status?.loadBalancer?.ingress ?? []).length) {
      // needsUpdate: a change the load balancer must follow (ports, source ranges, ...) re-ensures it, keeping the address.
      const before = ensured.get(key);
      ensured.set(key, sig);
      provisioning.delete(key);
      if (before !== undefined && before !== sig) {
        recorder.event(svc, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer');
        updating.set(key, clock.now() + Math.round(rng.jitter(UPDATE_MIN_MS, UPDATE_SPREAD_MS)));
      } else if (!updating.has(key)) return;
    }
    const upd = updating.get(key);
    if (upd !== undefined) {
      if (upd > clock.now()) return { requeueAfter: upd - clock.now() };
      updating.delete(key);
      recorder.event(svc, 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer');
      return;
    }
    const uid = svc.metadata.uid ?? '';
    let p = provisioning.get(key);
    if (!p || p.uid !== uid) {
      recorder.event(svc, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer');
      if (!hasFinalizer(svc)) setFinalizer(svc, true);
      p = { uid, at: clock.now() + Math.round(rng.jitter(PROVISION_MIN_MS, PROVISION_SPREAD_MS)) };
      provisioning.set(key, p);
    }
    const wait = p.at - clock.now();
    if (wait > 0) return { requeueAfter: wait };
    const cur = informer.get(key) ?? svc;
    const used = usedAddresses();
    // A requested spec.loadBalancerIP inside the pool is honoured, as a reserved static address is on GCE.
    const asked = cur.spec?.loadBalancerIP;
    const ip = asked && inPool(asked) && !used.has(asked) ? asked : pickAddress(rng, used);
    if (!ip) return { requeueAfter: 60_000 };
    ensured.set(key, lbSignature(cur));
    writeStatus(cur, [{ ip, ipMode: 'VIP' }]);
    provisioning.delete(key);
    recorder.event(cur, 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer');
  }

  return {
    start() {
      if (!enabled || informer) return;
      queue = new WorkQueue(clock, (key) => reconcile(key));
      informer = createInformer<Svc>(client, 'services');
      const enqueue = (s: Svc) => {
        const key = `${s.metadata.namespace}/${s.metadata.name}`;
        if (wantsLB(s) || hasFinalizer(s) || provisioning.has(key) || (s.status?.loadBalancer?.ingress ?? []).length) queue.add(key);
      };
      informer.addHandlers({ add: enqueue, update: (_o, s) => enqueue(s), delete: (s) => { provisioning.delete(`${s.metadata.namespace}/${s.metadata.name}`); } });
      informer.start();
    },
    stop() {
      informer?.stop();
      informer = undefined;
      queue.shutDown();
    },
    reconcile(key) { return reconcile(key); },
  };
}
