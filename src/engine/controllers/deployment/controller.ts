// Models pkg/controller/deployment/deployment_controller.go (informers, adoption, syncDeployment).
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { labelSelectorMatcher } from '../../api';
import type { KObject } from '../../types';
import { clone } from '../../util';
import { createInformer, keyOf, WorkQueue } from '../runtime';
import type { Informer, ReconcileResult } from '../runtime';
import type { Controller, ControllerDeps } from '../types';
import type { SyncContext } from './context';
import { nowString, updateDeploymentStatus } from './context';
import { rolloutRecreate } from './recreate';
import { rolloutRolling } from './rolling';
import { isScalingEvent, sync } from './sync';
import { getCondition, hasProgressDeadline, newCondition, setCondition } from './util';

/** DeploymentController is the running deployment controller; reconcile is exposed for tests. */
export interface DeploymentController extends Controller {
  /** reconcile syncs one `namespace/name` key (syncDeployment). */
  reconcile(key: string): ReconcileResult | void;
}

type OwnerRef = NonNullable<NonNullable<ReplicaSet['metadata']>['ownerReferences']>[number];
const controllerOf = (o: { metadata?: { ownerReferences?: OwnerRef[] } }): OwnerRef | undefined => o.metadata?.ownerReferences?.find((r) => r.controller);

/**
 * createDeploymentController models kube-controller-manager's deployment controller: it owns
 * ReplicaSets named `<deployment>-<pod-template-hash>`, rolls them (RollingUpdate or Recreate),
 * scales proportionally, keeps revisions and history, and reports status and conditions.
 */
export function createDeploymentController(deps: ControllerDeps): DeploymentController {
  const { client, clock } = deps;
  const recorder = deps.recorder('deployment-controller');
  let dInf: Informer<Deployment> | undefined;
  let rsInf: Informer<ReplicaSet> | undefined;
  let podInf: Informer<Pod> | undefined;
  let queue: WorkQueue | undefined;

  const enqueue = (d: Deployment) => queue?.add(keyOf(d));
  const ctx: SyncContext = { client, clock, recorder, enqueueAfter: (d, ms) => queue?.addAfter(keyOf(d), ms) };

  /** deploymentsFor is getDeploymentsForReplicaSet: deployments in the RS's namespace whose selector matches it. */
  const deploymentsFor = (rs: ReplicaSet): Deployment[] => (dInf?.list(rs.metadata?.namespace) ?? []).filter((d) => {
    const sel = d.spec?.selector;
    if (!sel || (!Object.keys(sel.matchLabels ?? {}).length && !(sel.matchExpressions ?? []).length)) return false;
    try { return labelSelectorMatcher(sel).matches(rs.metadata?.labels); } catch { return false; }
  });

  const resolveOwner = (ns: string | undefined, ref: OwnerRef | undefined): Deployment | undefined => {
    if (!ref || ref.kind !== 'Deployment') return undefined;
    const d = dInf?.get(`${ns}/${ref.name}`);
    return d && d.metadata?.uid === ref.uid ? d : undefined;
  };

  const onRS = (rs: ReplicaSet) => {
    const owner = resolveOwner(rs.metadata?.namespace, controllerOf(rs));
    if (owner) return enqueue(owner);
    if (!controllerOf(rs) && !rs.metadata?.deletionTimestamp) for (const d of deploymentsFor(rs)) enqueue(d);
  };

  /** getReplicaSetsForDeployment lists the RSs this deployment owns, adopting orphans and releasing strays (ControllerRefManager). */
  function getReplicaSetsForDeployment(d: Deployment): ReplicaSet[] {
    const sel = labelSelectorMatcher(d.spec?.selector);
    const out: ReplicaSet[] = [];
    for (const rs of rsInf?.list(d.metadata?.namespace) ?? []) {
      const ref = controllerOf(rs);
      const matches = sel.matches(rs.metadata?.labels);
      if (ref) {
        if (ref.uid !== d.metadata?.uid) continue;
        if (matches) { out.push(rs); continue; }
        if (d.metadata?.deletionTimestamp) continue;
        const next = clone(rs) as ReplicaSet;
        next.metadata!.ownerReferences = rs.metadata?.ownerReferences?.filter((r) => r.uid !== d.metadata?.uid);
        try { client.update('replicasets', rs.metadata?.namespace, next as KObject); } catch { /* re-listed next pass */ }
        continue;
      }
      if (!matches || rs.metadata?.deletionTimestamp || d.metadata?.deletionTimestamp) continue;
      const next = clone(rs) as ReplicaSet;
      next.metadata!.ownerReferences = [...(rs.metadata?.ownerReferences ?? []),
        { apiVersion: 'apps/v1', kind: 'Deployment', name: d.metadata?.name ?? '', uid: d.metadata?.uid ?? '', controller: true, blockOwnerDeletion: true }];
      try { out.push(client.update<KObject>('replicasets', rs.metadata?.namespace, next as KObject) as ReplicaSet); } catch { /* adopted next pass */ }
    }
    return out;
  }

  /** getPodMapForDeployment groups the deployment's pods by the UID of their controlling RS. */
  function getPodMapForDeployment(d: Deployment, rsList: ReplicaSet[]): Map<string, Pod[]> {
    const map = new Map<string, Pod[]>(rsList.map((rs) => [rs.metadata?.uid ?? '', []]));
    const sel = labelSelectorMatcher(d.spec?.selector);
    for (const p of podInf?.list(d.metadata?.namespace) ?? []) {
      const ref = controllerOf(p);
      if (!ref || !map.has(ref.uid) || !sel.matches(p.metadata?.labels)) continue;
      map.get(ref.uid)!.push(p);
    }
    return map;
  }

  /** checkPausedConditions is checkPausedConditions: Progressing Unknown DeploymentPaused / DeploymentResumed. */
  function checkPausedConditions(d: Deployment): void {
    if (!hasProgressDeadline(d)) return;
    const cond = getCondition(d.status, 'Progressing');
    if (cond?.reason === 'ProgressDeadlineExceeded') return;
    const pausedCond = cond?.reason === 'DeploymentPaused';
    const paused = !!d.spec?.paused;
    if (paused === pausedCond) return;
    d.status ??= {};
    setCondition(d.status, paused
      ? newCondition('Progressing', 'Unknown', 'DeploymentPaused', 'Deployment is paused', nowString(ctx))
      : newCondition('Progressing', 'Unknown', 'DeploymentResumed', 'Deployment is resumed', nowString(ctx)));
    updateDeploymentStatus(ctx, d);
  }

  function reconcile(key: string): ReconcileResult | void {
    const cached = dInf?.get(key);
    if (!cached) return;
    const d = clone(cached) as Deployment;
    // Keep the cache's frozen template (never mutated here) so its equality key is computed once per version.
    if (d.spec && cached.spec?.template) d.spec.template = cached.spec.template;
    const sel = d.spec?.selector;
    if (!sel || (!Object.keys(sel.matchLabels ?? {}).length && !(sel.matchExpressions ?? []).length)) {
      recorder.event(d as KObject, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.');
      if ((d.status?.observedGeneration ?? 0) < (d.metadata?.generation ?? 0)) {
        d.status = { ...(d.status ?? {}), observedGeneration: d.metadata?.generation };
        updateDeploymentStatus(ctx, d);
      }
      return;
    }
    const rsList = getReplicaSetsForDeployment(d);
    if (d.metadata?.deletionTimestamp) return sync(ctx, d, rsList);
    checkPausedConditions(d);
    if (d.spec?.paused) return sync(ctx, d, rsList);
    if (isScalingEvent(ctx, d, rsList)) return sync(ctx, d, rsList);
    // The pod map only serves Recreate (upstream also uses it for nothing else), so only that strategy pays for it.
    if (d.spec?.strategy?.type === 'Recreate') return rolloutRecreate(ctx, d, rsList, getPodMapForDeployment(d, rsList));
    return rolloutRolling(ctx, d, rsList);
  }

  return {
    reconcile,
    start() {
      if (queue) return;
      queue = new WorkQueue(clock, reconcile, { baseDelayMs: 5, maxDelayMs: 1_000_000 });
      dInf = createInformer<Deployment>(client, 'deployments');
      rsInf = createInformer<ReplicaSet>(client, 'replicasets');
      podInf = createInformer<Pod>(client, 'pods');
      dInf.addHandlers({ add: enqueue, update: (_o, n) => enqueue(n), delete: enqueue });
      rsInf.addHandlers({
        add: onRS,
        update: (o, n) => {
          const oldRef = controllerOf(o);
          const newRef = controllerOf(n);
          if (oldRef && oldRef.uid !== newRef?.uid) { const od = resolveOwner(o.metadata?.namespace, oldRef); if (od) enqueue(od); }
          onRS(n);
        },
        delete: (rs) => { const d = resolveOwner(rs.metadata?.namespace, controllerOf(rs)); if (d) enqueue(d); },
      });
      podInf.addHandlers({
        delete: (p) => {
          const rs = rsInf?.get(`${p.metadata?.namespace}/${controllerOf(p)?.name ?? ''}`);
          const d = rs && resolveOwner(rs.metadata?.namespace, controllerOf(rs));
          if (d?.spec?.strategy?.type === 'Recreate') enqueue(d);
        },
      });
      dInf.start();
      rsInf.start();
      podInf.start();
    },
    stop() {
      for (const i of [dInf, rsInf, podInf]) i?.stop();
      dInf = rsInf = podInf = undefined;
      queue?.shutDown();
      queue = undefined;
    },
  };
}
