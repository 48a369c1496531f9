import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { DeleteOptions } from '../../api';
import type { KObject } from '../../types';
import { clone } from '../../util';
import { createInformer, WorkQueue } from '../runtime';
import type { Informer, ReconcileResult } from '../runtime';
import type { Controller, ControllerDeps } from '../types';
import { OwnerGraph } from './graph';
import type { GraphNode } from './graph';
import { MONITORED_RESOURCES, resourceForRef } from './resources';
import type { MonitoredResource } from './resources';

/** FOREGROUND_FINALIZER keeps an owner until its blocking dependents are gone (metav1.FinalizerDeleteDependents). */
export const FOREGROUND_FINALIZER = 'foregroundDeletion';
/** ORPHAN_FINALIZER asks the collector to strip dependents' references before the owner goes (metav1.FinalizerOrphanDependents). */
export const ORPHAN_FINALIZER = 'orphan';

/** GarbageCollector is the running collector; reconcile (by uid) is exposed for unit tests. */
export interface GarbageCollector extends Controller {
  /** reconcile processes one object, named by uid, now. */
  reconcile(uid: string): ReconcileResult | void;
}

const SMP = 'application/strategic-merge-patch+json';
const code = (e: unknown) => (e as { code?: number }).code;
const finalizers = (o: KObject) => o.metadata.finalizers ?? [];
const deletingDependents = (o: KObject) => !!o.metadata.deletionTimestamp && finalizers(o).includes(FOREGROUND_FINALIZER);

/**
 * createGarbageCollectorController models pkg/controller/garbagecollector: an ownership graph fed by
 * informers; when an owner disappears its dependents are checked, and a dependent whose owner
 * references all point at missing owners (by uid) is deleted (Background, or Foreground when an owner
 * waits for its dependents); an owner with the `foregroundDeletion` finalizer loses it once no dependent
 * with `blockOwnerDeletion` is left; the `orphan` finalizer strips dependents' references first.
 * Owners of unmonitored kinds count as present (the collector never deletes on a guess).
 */
export function createGarbageCollectorController(deps: ControllerDeps): GarbageCollector {
  const { client, clock } = deps;
  const graph = new OwnerGraph();
  let informers: Informer<KObject>[] = [];
  let queue: WorkQueue | undefined;
  const enqueue = (uid: string) => queue?.add(uid);

  const observe = (res: MonitoredResource, obj: KObject, prev?: KObject) => {
    const uid = obj.metadata.uid ?? '';
    const gained = graph.upsert(res, obj);
    if (gained.some((o) => !graph.has(o.uid))) enqueue(uid);
    if (obj.metadata.deletionTimestamp && (finalizers(obj).includes(FOREGROUND_FINALIZER) || finalizers(obj).includes(ORPHAN_FINALIZER))) enqueue(uid);
    // A dependent that changed its references may have stopped blocking an owner that waits for it.
    for (const o of prev?.metadata.ownerReferences ?? []) {
      const owner = graph.get(o.uid);
      if (owner && deletingDependents(owner.obj)) enqueue(o.uid);
    }
  };
  const forget = (obj: KObject) => {
    const node = graph.remove(obj);
    if (!node) return;
    for (const d of graph.dependents(node.uid)) enqueue(d.uid);
    for (const o of node.owners) {
      const owner = graph.get(o.uid);
      if (owner && deletingDependents(owner.obj)) enqueue(o.uid);
    }
  };

  function reconcile(uid: string): ReconcileResult | void {
    const node = graph.get(uid);
    if (!node) return;
    const latest = client.tryGet(node.res.resource, node.namespace, node.name);
    if (!latest || latest.metadata.uid !== uid) return;
    if (latest.metadata.deletionTimestamp) {
      if (finalizers(latest).includes(ORPHAN_FINALIZER)) { orphanDependents(latest); removeFinalizer(node, latest, ORPHAN_FINALIZER); return; }
      if (deletingDependents(latest)) processDeletingDependents(node, latest);
      return;
    }
    attemptToDelete(node, latest);
  }

  // attemptToDeleteItem: classify the owner references, then patch, wait, or delete.
  function attemptToDelete(node: GraphNode, latest: KObject): void {
    const refs = latest.metadata.ownerReferences ?? [];
    if (!refs.length) return;
    const solid: OwnerReference[] = [], dangling: OwnerReference[] = [], waiting: OwnerReference[] = [];
    for (const ref of refs) {
      const res = resourceForRef(ref);
      if (!res) { solid.push(ref); continue; }
      const owner = client.tryGet(res.resource, res.namespaced ? node.namespace : undefined, ref.name);
      if (!owner || owner.metadata.uid !== ref.uid) dangling.push(ref);
      else if (deletingDependents(owner)) waiting.push(ref);
      else solid.push(ref);
    }
    if (solid.length) {
      if (!dangling.length && !waiting.some((w) => w.blockOwnerDeletion)) return;
      const patch = [
        ...dangling.map((d) => ({ $patch: 'delete', uid: d.uid })),
        ...waiting.filter((w) => w.blockOwnerDeletion).map((w) => ({ ...w, blockOwnerDeletion: false })),
      ];
      tolerate(() => client.patch(node.res.resource, node.namespace, node.name, SMP, { metadata: { ownerReferences: patch, uid: node.uid } }));
      return;
    }
    let policy: DeleteOptions['propagationPolicy'] = 'Background';
    if (waiting.length && graph.dependents(node.uid).length) policy = 'Foreground';
    else if (finalizers(latest).includes(ORPHAN_FINALIZER)) policy = 'Orphan';
    else if (finalizers(latest).includes(FOREGROUND_FINALIZER)) policy = 'Foreground';
    tolerate(() => client.delete(node.res.resource, node.namespace, node.name, { propagationPolicy: policy, preconditions: { uid: node.uid } }));
  }

  // processDeletingDependentsItem: delete the blocking dependents; once none is left, drop the finalizer.
  function processDeletingDependents(node: GraphNode, latest: KObject): void {
    const blocking = graph.dependents(node.uid).filter((d) => d.owners.some((o) => o.uid === node.uid && o.blockOwnerDeletion));
    if (!blocking.length) { removeFinalizer(node, latest, FOREGROUND_FINALIZER); return; }
    for (const d of blocking) {
      if (d.obj.metadata.deletionTimestamp && !deletingDependents(d.obj)) continue;
      reconcile(d.uid);
    }
  }

  function orphanDependents(owner: KObject): void {
    for (const d of graph.dependents(owner.metadata.uid ?? '')) {
      const only = d.owners.every((o) => o.uid === owner.metadata.uid);
      const refs = only ? null : [{ $patch: 'delete', uid: owner.metadata.uid }];
      tolerate(() => client.patch(d.res.resource, d.namespace, d.name, SMP, { metadata: { ownerReferences: refs, uid: d.uid } }));
    }
  }

  function removeFinalizer(node: GraphNode, latest: KObject, finalizer: string): void {
    const next = clone(latest);
    const rest = finalizers(latest).filter((f) => f !== finalizer);
    if (rest.length) next.metadata.finalizers = rest; else delete next.metadata.finalizers;
    // A conflict is retried with back-off (the queue requeues a thrown error); a vanished object is done.
    try { client.update(node.res.resource, node.namespace, next); } catch (e) { if (code(e) !== 404) throw e; }
  }

  return {
    start() {
      if (queue) return;
      queue = new WorkQueue(clock, reconcile);
      for (const res of MONITORED_RESOURCES) {
        const inf = createInformer<KObject>(client, res.resource);
        inf.addHandlers({ add: (o) => observe(res, o), update: (o, n) => observe(res, n, o), delete: forget });
        try { inf.start(); } catch { continue; /* a resource this API server does not serve */ }
        informers.push(inf);
      }
    },
    stop() {
      for (const i of informers) i.stop();
      informers = [];
      queue?.shutDown();
      queue = undefined;
    },
    reconcile,
  };
}

// tolerate runs a write whose target may be gone or replaced meanwhile (404, or a uid precondition's 409).
function tolerate(write: () => unknown): void {
  try { write(); } catch (e) {
    if (code(e) !== 404 && code(e) !== 409) throw e;
  }
}
