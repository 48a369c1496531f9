import type { Pod } from 'kubernetes-types/core/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { KObject } from '../../types';
import { createInformer, isPodReady, keyOf, WorkQueue } from '../runtime';
import type { Informer, ReconcileResult } from '../runtime';
import type { Controller, ControllerDeps } from '../types';
import { claimPods } from './claim';
import { REPLICA_SET, REPLICATION_CONTROLLER } from './kinds';
import type { ReplicaStatus, ReplicatedObject, WorkloadKind } from './kinds';
import { createPodIndex } from './pod-index';
import type { PodIndex } from './pod-index';
import { controllerOf, isPodActive, newControllerRef, podFromTemplate } from './pods';
import { podsToDelete } from './ranking';
import { matchesLabels } from './kinds';
import type { LabelSelectorMatcher } from '../../api';
import { countPods, errorText, statusFromCounts, statusUnchanged, templateMatcher } from './status';
import type { PodCounts } from './summary';
import { createSummaries } from './summary';

/** BURST_REPLICAS is kube-controller-manager's burstReplicas: the most creates or deletes per sync. */
export const BURST_REPLICAS = 500;

/** ReplicaSetController is the running controller; reconcile is exposed for unit tests. */
export interface ReplicaSetController extends Controller {
  /** reconcile syncs one `namespace/name` key of the given kind now. */
  reconcile(kind: 'ReplicaSet' | 'ReplicationController', key: string): ReconcileResult | void;
}

const code = (e: unknown) => (e as { code?: number }).code;
const group = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.split('/')[0] : '');
// A status write keeps the pod's (frozen) labels object, so most updates compare it with itself.
const sameLabels = (a?: Record<string, string>, b?: Record<string, string>) => a === b || JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});
const sameRef = (a?: OwnerReference, b?: OwnerReference) => a?.uid === b?.uid && a?.name === b?.name && a?.kind === b?.kind;
const byName = (a: Pod, b: Pod) => ((a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1);
const namespaceTerminating = (e: unknown) =>
  ((e as { status?: { details?: { causes?: Array<{ reason?: string; type?: string }> } } }).status?.details?.causes ?? [])
    .some((c) => c.reason === 'NamespaceTerminating' || c.type === 'NamespaceTerminating');

interface Loop {
  kind: WorkloadKind;
  informer: Informer<ReplicatedObject>;
  queue: WorkQueue;
  reconcile(key: string): ReconcileResult | void;
}

/**
 * createReplicaSetController models pkg/controller/replicaset and pkg/controller/replication: one loop
 * per kind (ReplicaSets record as `replicaset-controller`, ReplicationControllers as
 * `replication-controller`) over one shared pod informer. No expectations cache: writes are
 * synchronous here and the informers see them before the next sync.
 */
export function createReplicaSetController(deps: ControllerDeps & { burstReplicas?: number }): ReplicaSetController {
  let pods: PodIndex | undefined;
  let loops: Loop[] = [];

  const start = () => {
    if (pods) return;
    const index = (pods = createPodIndex(deps.client));
    loops = [REPLICA_SET, REPLICATION_CONTROLLER].map((kind) => createLoop(deps, kind, index));
    for (const l of loops) l.informer.start();
    index.informer.start();
  };

  return {
    start,
    stop() {
      for (const l of loops) { l.informer.stop(); l.queue.shutDown(); }
      pods?.informer.stop();
      loops = [];
      pods = undefined;
    },
    reconcile(kind, key) {
      start();
      return loops.find((l) => l.kind.kind === kind)?.reconcile(key);
    },
  };
}

function createLoop(deps: ControllerDeps & { burstReplicas?: number }, kind: WorkloadKind, index: PodIndex): Loop {
  const { client, clock } = deps;
  const summaries = createSummaries(index.ownedValues);
  index.onOwned(summaries.onPod);
  const burst = deps.burstReplicas ?? BURST_REPLICAS;
  const recorder = deps.recorder(kind.component);
  const informer = createInformer<ReplicatedObject>(client, kind.resource);
  const loop: Loop = { kind, informer, queue: undefined as unknown as WorkQueue, reconcile };
  const queue = (loop.queue = new WorkQueue(clock, reconcile));
  const enqueue = (rs: ReplicatedObject) => queue.add(keyOf(rs));

  // resolveControllerRef: the cached owner a controller reference names, if it is still the same object.
  const resolve = (ns: string, ref: OwnerReference): ReplicatedObject | undefined => {
    if (ref.kind !== kind.kind || group(ref.apiVersion) !== group(kind.apiVersion)) return undefined;
    const rs = informer.get(`${ns}/${ref.name}`);
    return rs && rs.metadata.uid === ref.uid ? rs : undefined;
  };
  // getPodReplicaSets: every owner of this kind in the pod's namespace whose selector matches it.
  const matching = (pod: Pod): ReplicatedObject[] => informer.list(pod.metadata?.namespace).filter((rs) => {
    try { const s = kind.selector(rs); return !s.empty && s.matches(pod.metadata?.labels); } catch { return false; }
  });
  const enqueueOwner = (pod: Pod, ref = controllerOf(pod)) => {
    const rs = ref && resolve(pod.metadata?.namespace ?? '', ref);
    if (rs) enqueue(rs);
    return rs;
  };

  informer.addHandlers({ add: enqueue, update: (_o, n) => enqueue(n), delete: (rs) => { summaries.forget(rs.metadata.uid ?? ''); enqueue(rs); } });
  index.informer.addHandlers({
    add(pod) {
      if (pod.metadata?.deletionTimestamp) { enqueueOwner(pod); return; }
      if (controllerOf(pod)) { enqueueOwner(pod); return; }
      for (const rs of matching(pod)) enqueue(rs);
    },
    update(old, cur) {
      if (old.metadata?.resourceVersion === cur.metadata?.resourceVersion) return;
      const labelsChanged = !sameLabels(old.metadata?.labels, cur.metadata?.labels);
      if (cur.metadata?.deletionTimestamp) {
        enqueueOwner(cur);
        if (labelsChanged) enqueueOwner(old);
        return;
      }
      const oldRef = controllerOf(old);
      const curRef = controllerOf(cur);
      const refChanged = !sameRef(oldRef, curRef);
      if (refChanged && oldRef) enqueueOwner(old, oldRef);
      if (curRef) {
        const rs = enqueueOwner(cur, curRef);
        const minReady = rs?.spec?.minReadySeconds ?? 0;
        // A pod that just became ready turns available minReadySeconds later: look again then.
        if (rs && minReady > 0 && !isPodReady(old) && isPodReady(cur)) queue.addAfter(keyOf(rs), (minReady + 1) * 1000);
        return;
      }
      if (labelsChanged || refChanged) for (const rs of matching(cur)) enqueue(rs);
    },
    delete(pod) { enqueueOwner(pod); },
  });

  function reconcile(key: string): ReconcileResult | void {
    const rs = informer.get(key);
    if (!rs) return;
    let selector;
    try { selector = kind.selector(rs); } catch { return; }
    const ns = rs.metadata.namespace ?? '';
    const uid = rs.metadata.uid ?? '';
    const deleting = !!rs.metadata.deletionTimestamp;
    let counts: PodCounts | undefined;
    let owned: Pod[] | undefined;
    // Most syncs need no adoption or release: then the claimed pods are the active owned pods the selector
    // still matches. Without minReadySeconds their counts are kept incrementally (summaries); the pods
    // themselves are only listed, in name order, when some must be deleted.
    if ((rs.spec?.minReadySeconds ?? 0) === 0) {
      const sum = summaries.get(uid, ns, selector, templateMatcher(rs.spec?.template?.metadata?.labels));
      if ((deleting || sum.stray === 0) && !adoptableOrphan(rs, selector, ns)) {
        counts = { replicas: sum.claimed, fullyLabeled: sum.fully, ready: sum.ready, available: sum.ready };
      }
    } else {
      owned = quickClaim(rs, selector, ns);
    }
    if (!counts && !owned) {
      const candidates = [...index.owned(uid), ...index.orphans(ns)]
        .filter((p) => p.metadata?.namespace === ns && isPodActive(p))
        .sort(byName);
      owned = claimPods(client, kind, rs, selector, candidates);
    }
    const now = clock.now();
    if (!counts) counts = countPods(rs, owned!, now);
    const claimed = owned;
    // From a summary without strays, the claimed pods are exactly the active owned pods of ns.
    const listOwned = () => claimed ?? index.ownedSorted(uid).filter((p) => p.metadata?.namespace === ns && isPodActive(p));
    let manageErr: unknown;
    if (!deleting) manageErr = manageReplicas(rs, counts.replicas, listOwned);
    const status = statusFromCounts(rs, counts, manageErr, now);
    if (rs.metadata.generation) status.observedGeneration = rs.metadata.generation;
    const updated = statusUnchanged(rs, status) ? rs : writeStatus(rs, status);
    const want = updated.spec?.replicas ?? 1;
    const minReady = updated.spec?.minReadySeconds ?? 0;
    if (manageErr !== undefined) throw manageErr;
    // Resync after minReadySeconds as a last line of defence, as syncReplicaSet does.
    if (minReady > 0 && (updated.status?.readyReplicas ?? 0) === want && (updated.status?.availableReplicas ?? 0) !== want) {
      return { requeueAfter: minReady * 1000 };
    }
  }

  // adoptableOrphan: an active orphan in ns that rs selects (claimPods would try to adopt it).
  function adoptableOrphan(rs: ReplicatedObject, selector: LabelSelectorMatcher, ns: string): boolean {
    if (rs.metadata.deletionTimestamp) return false;
    for (const p of index.orphanValues(ns)) if (isPodActive(p) && matchesLabels(selector, p.metadata?.labels)) return true;
    return false;
  }

  // quickClaim is claimPods when it would patch nothing: the active pods rs controls and selects (any
  // order), or undefined when some pod must be released or an orphan adopted (the full claim does that).
  function quickClaim(rs: ReplicatedObject, selector: LabelSelectorMatcher, ns: string): Pod[] | undefined {
    const claimed: Pod[] = [];
    const deleting = !!rs.metadata.deletionTimestamp;
    for (const p of index.ownedValues(rs.metadata.uid ?? '')) {
      if (p.metadata?.namespace !== ns || !isPodActive(p)) continue;
      if (matchesLabels(selector, p.metadata?.labels)) claimed.push(p);
      else if (!deleting) return undefined;
    }
    if (adoptableOrphan(rs, selector, ns)) return undefined;
    return claimed;
  }

  // manageReplicas: create missing pods in slow-start batches (1, 2, 4, …) or delete the extras
  // chosen by ActivePods ranking (listOwned gives the claimed pods; they are ranked in name order).
  // Returns the first error (the sync is then retried with back-off).
  function manageReplicas(rs: ReplicatedObject, ownedCount: number, listOwned: () => Pod[]): unknown {
    const diff = ownedCount - (rs.spec?.replicas ?? 1);
    if (diff < 0) {
      let remaining = Math.min(-diff, burst);
      for (let batch = Math.min(remaining, 1); batch > 0; batch = Math.min(2 * batch, remaining)) {
        let err: unknown;
        for (let i = 0; i < batch; i++) {
          try { createPod(rs); } catch (e) { err ??= e; }
        }
        if (err !== undefined) return err;
        remaining -= batch;
      }
      return undefined;
    }
    if (diff > 0) {
      const victims = podsToDelete([...listOwned()].sort(byName), relatedPods(rs), Math.min(diff, burst), clock.now());
      let err: unknown;
      for (const pod of victims) {
        try { deletePod(rs, pod); } catch (e) { err ??= e; }
      }
      return err;
    }
    return undefined;
  }

  // getIndirectlyRelatedPods: pods of every object of this kind that has the same controller as rs.
  function relatedPods(rs: ReplicatedObject): Pod[] {
    const ref = controllerOf(rs);
    if (!ref) return [];
    const out: Pod[] = [];
    for (const other of informer.list(rs.metadata.namespace)) {
      if (controllerOf(other)?.uid === ref.uid) out.push(...index.owned(other.metadata.uid ?? ''));
    }
    return out;
  }

  function createPod(rs: ReplicatedObject): void {
    const labels = rs.spec?.template?.metadata?.labels ?? {};
    if (!Object.keys(labels).length) throw new Error('unable to create pods, no labels');
    const ref = newControllerRef(rs, kind.apiVersion, kind.kind);
    try {
      const pod = client.create('pods', rs.metadata.namespace, podFromTemplate(rs.spec?.template, rs, ref));
      recorder.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
    } catch (e) {
      // A terminating namespace refuses every create: nothing to report or retry.
      if (namespaceTerminating(e)) return;
      recorder.event(rs, 'Warning', 'FailedCreate', `Error creating: ${errorText(e)}`);
      throw e;
    }
  }

  function deletePod(rs: ReplicatedObject, pod: Pod): void {
    const name = pod.metadata?.name ?? '';
    try {
      client.delete('pods', rs.metadata.namespace, name);
      recorder.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${name}`);
    } catch (e) {
      if (code(e) === 404) return;
      recorder.event(rs, 'Warning', 'FailedDelete', `Error deleting: ${errorText(e)}`);
      throw new Error(`unable to delete pods: ${errorText(e)}`);
    }
  }

  // updateReplicaSetStatus: write through the status subresource, retrying once on a conflict.
  function writeStatus(rs: ReplicatedObject, status: ReplicaStatus): ReplicatedObject {
    let cur: ReplicatedObject = rs;
    for (let attempt = 0; ; attempt++) {
      // A status write reads only the body's status (and resourceVersion): the frozen rest is shared, not copied.
      const next = { ...cur, status } as KObject;
      try {
        return client.updateStatus(kind.resource, rs.metadata.namespace, next) as ReplicatedObject;
      } catch (e) {
        if (code(e) === 404) return rs;
        if (code(e) !== 409 || attempt >= 1) throw e;
        cur = client.get(kind.resource, rs.metadata.namespace, rs.metadata.name ?? '') as ReplicatedObject;
      }
    }
  }

  return loop;
}
