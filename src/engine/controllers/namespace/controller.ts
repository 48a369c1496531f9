import type { Namespace, NamespaceCondition } from 'kubernetes-types/core/v1';
import type { KObject } from '../../types';
import type { Client } from '../../api/types';
import type { Clock } from '../../util';
import { clone, rfc3339 } from '../../util';
import { createInformer, WorkQueue } from '../runtime';
import type { Informer, ReconcileResult } from '../runtime';
import { deletionConditions, sameConditions } from './conditions';

/** NamespacedResource names one namespaced API resource the controller must empty (`pods`, `deployments.apps`). */
export interface NamespacedResource { resource: string; group: string }

/** DEFAULT_NAMESPACED_RESOURCES is used when no registry is wired: the v1.32 built-in namespaced resources. */
export const DEFAULT_NAMESPACED_RESOURCES: NamespacedResource[] = [
  ...['pods', 'services', 'endpoints', 'configmaps', 'secrets', 'serviceaccounts', 'persistentvolumeclaims', 'replicationcontrollers', 'resourcequotas', 'limitranges', 'podtemplates', 'events']
    .map((resource) => ({ resource, group: '' })),
  ...['deployments', 'replicasets', 'statefulsets', 'daemonsets', 'controllerrevisions'].map((resource) => ({ resource, group: 'apps' })),
  ...['jobs', 'cronjobs'].map((resource) => ({ resource, group: 'batch' })),
  { resource: 'horizontalpodautoscalers', group: 'autoscaling' },
  { resource: 'ingresses', group: 'networking.k8s.io' },
  { resource: 'networkpolicies', group: 'networking.k8s.io' },
  { resource: 'endpointslices', group: 'discovery.k8s.io' },
  { resource: 'poddisruptionbudgets', group: 'policy' },
  { resource: 'roles', group: 'rbac.authorization.k8s.io' },
  { resource: 'rolebindings', group: 'rbac.authorization.k8s.io' },
  { resource: 'leases', group: 'coordination.k8s.io' },
];

/** NamespaceControllerOptions are the controller's dependencies. */
export interface NamespaceControllerOptions {
  client: Client;
  clock: Clock;
  /** resources lists the namespaced resources to empty (from the API registry); defaults to DEFAULT_NAMESPACED_RESOURCES. */
  resources?: () => NamespacedResource[];
  /** recheckMs is how long to wait before re-checking remaining content (namespaceDeletionGracePeriod, 5 s). */
  recheckMs?: number;
}

/** NamespaceController is the running namespace controller. */
export interface NamespaceController {
  start(): void;
  stop(): void;
  /** reconcile processes one namespace name (exposed for tests). */
  reconcile(key: string): ReconcileResult | void;
}

const FINALIZER = 'kubernetes';

/**
 * createNamespaceController models pkg/controller/namespace: for a namespace with a deletionTimestamp
 * it deletes every namespaced object in it, reports progress in status.conditions, and once the
 * namespace is empty removes the `kubernetes` finalizer through the finalize subresource.
 */
export function createNamespaceController(opts: NamespaceControllerOptions): NamespaceController {
  const { client, clock } = opts;
  const recheck = opts.recheckMs ?? 5000;
  const resources = opts.resources ?? (() => DEFAULT_NAMESPACED_RESOURCES);
  let informer: Informer<Namespace> | undefined;

  const resourceName = (r: NamespacedResource) => (r.group ? `${r.resource}.${r.group}` : r.resource);

  function reconcile(key: string): ReconcileResult | void {
    const ns = informer?.get(key) ?? client.tryGet<KObject>('namespaces', undefined, key) as Namespace | undefined;
    if (!ns?.metadata?.deletionTimestamp) return;
    if (!(ns.spec?.finalizers ?? []).includes(FINALIZER)) return;
    const remaining = new Map<string, number>();
    const finalizers = new Map<string, number>();
    for (const r of resources()) {
      const name = resourceName(r);
      let items: KObject[];
      try { items = client.list(name, key); } catch { continue; }
      for (const item of items) {
        if (!item.metadata.deletionTimestamp) {
          try { client.delete(name, key, item.metadata.name ?? '', { propagationPolicy: 'Background' }); } catch { /* gone or refused: counted below */ }
        }
      }
      let left: KObject[];
      try { left = client.list(name, key); } catch { continue; }
      if (left.length) remaining.set(`${r.resource}.${r.group}`, left.length);
      for (const item of left) for (const f of item.metadata.finalizers ?? []) finalizers.set(f, (finalizers.get(f) ?? 0) + 1);
    }
    if (remaining.size) {
      updateConditions(ns, deletionConditions(remaining, finalizers, rfc3339(clock.now())));
      return { requeueAfter: recheck };
    }
    finalize(ns);
  }

  function updateConditions(ns: Namespace, conds: NamespaceCondition[]): void {
    if (sameConditions(ns.status?.conditions, conds)) return;
    const next = clone(ns) as KObject;
    next.status = { ...(ns.status ?? {}), phase: 'Terminating', conditions: conds };
    try { client.updateStatus('namespaces', undefined, next); } catch { /* retried on the next pass */ }
  }

  function finalize(ns: Namespace): void {
    const next = clone(ns) as KObject & { spec: { finalizers?: string[] } };
    next.spec = { ...(next.spec ?? {}), finalizers: (ns.spec?.finalizers ?? []).filter((f) => f !== FINALIZER) };
    let after: KObject | undefined;
    try {
      after = client.update('namespaces', undefined, next, { subresource: 'finalize' });
    } catch (e) {
      if ((e as { code?: number }).code === 404) return;
      // An API server without the finalize subresource: fall back to a plain update.
      after = client.update('namespaces', undefined, next);
    }
    // Upstream the finalize update itself deletes the namespace (ShouldDeleteNamespaceDuringUpdate);
    // if this API server kept it, finish with a second DELETE.
    const fin = (after?.spec as { finalizers?: string[] } | undefined)?.finalizers ?? [];
    if (after && !fin.length && !(after.metadata.finalizers ?? []).length && client.tryGet('namespaces', undefined, ns.metadata?.name ?? '')) {
      try { client.delete('namespaces', undefined, ns.metadata?.name ?? ''); } catch { /* already gone */ }
    }
  }

  let queue: WorkQueue | undefined;

  return {
    start() {
      if (informer) return;
      const q = (queue = new WorkQueue(clock, (key) => reconcile(key), { baseDelayMs: 5, maxDelayMs: 60_000 }));
      informer = createInformer<Namespace>(client, 'namespaces');
      const enqueue = (n: Namespace) => { if (n.metadata?.deletionTimestamp) q.add(n.metadata.name ?? ''); };
      informer.addHandlers({ add: enqueue, update: (_o, n) => enqueue(n) });
      informer.start();
    },
    stop() { informer?.stop(); informer = undefined; queue?.shutDown(); queue = undefined; },
    reconcile,
  };
}
