import type { ControllerRevision, DaemonSet, DaemonSetStatus } from 'kubernetes-types/apps/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { KObject } from '../../types';
import { labelSelectorMatcher } from '../../api';
import { clone } from '../../util';
import type { Controller, ControllerDeps } from '../types';
import { createInformer, keyOf, splitKey, WorkQueue } from '../runtime';
import type { Informer, ReconcileResult } from '../runtime';
import { cleanupHistory, constructHistory, isPodUpdated, templateGeneration } from './history';
import { nodeShouldRunDaemonPod, podNodeName } from './predicates';
import { controllerUid, creationOrder, newDaemonPod, resolveIntOrPercent } from './pods';
import { isPodAvailable, isPodReady } from '../runtime';

/** DaemonSetController is the running daemonset controller; reconcile is exposed for tests. */
export interface DaemonSetController extends Controller {
  reconcile(key: string): ReconcileResult | void;
}

const COMPONENT = 'daemonset-controller';

// Objects from the cache are frozen snapshots, so a selector parsed once per snapshot stays valid.
const matchers = new WeakMap<object, ReturnType<typeof labelSelectorMatcher>>();
function selectorOf(ds: DaemonSet): ReturnType<typeof labelSelectorMatcher> {
  let m = matchers.get(ds);
  if (!m) matchers.set(ds, (m = labelSelectorMatcher(ds.spec?.selector)));
  return m;
}

/**
 * createDaemonSetController models pkg/controller/daemon: one pod per eligible node (nodeSelector, node
 * affinity, taints), pods pinned to their node by a metadata.name node affinity and placed by the default
 * scheduler, RollingUpdate (maxUnavailable/maxSurge) and OnDelete, ControllerRevisions and status.
 * No expectations cache or slow-start batching: writes are synchronous here, so the cache is always current.
 */
export function createDaemonSetController(deps: ControllerDeps): DaemonSetController {
  const { client, clock } = deps;
  const recorder = deps.recorder(COMPONENT);
  let dsInf: Informer<DaemonSet> | undefined;
  let podInf: Informer<Pod> | undefined;
  let nodeInf: Informer<Node> | undefined;
  let revInf: Informer<ControllerRevision> | undefined;
  let queue: WorkQueue | undefined;
  const byUid = new Map<string, string>();

  const enqueueAll = () => { for (const ds of dsInf?.list() ?? []) queue?.add(keyOf(ds)); };
  const enqueueOwner = (o: { metadata?: { namespace?: string; ownerReferences?: Array<{ controller?: boolean; uid: string; kind: string }> } }) => {
    const uid = controllerUid(o);
    const key = uid ? byUid.get(uid) : undefined;
    if (key) { queue?.add(key); return; }
    if (uid || !podInf) return;
    // An orphan: every DaemonSet whose selector matches may adopt it (getPodDaemonSets).
    const labels = (o as Pod).metadata?.labels;
    if (!labels) return;
    for (const ds of dsInf?.list(o.metadata?.namespace) ?? []) if (selectorOf(ds).matches(labels)) queue?.add(keyOf(ds));
  };

  function reconcile(key: string): ReconcileResult | void {
    const ds = dsInf?.get(key);
    if (!ds || !podInf || !nodeInf || !revInf) return;
    if (ds.metadata?.deletionTimestamp) return;
    const [ns] = splitKey(key);
    const now = clock.now();
    const selector = selectorOf(ds);
    const uid = ds.metadata?.uid ?? '';
    const revisions = revInf.list(ns);
    const { cur, old, hash } = constructHistory(client, ds, revisions);
    void cur;
    const generation = templateGeneration(ds);
    const nodes = nodeInf.list().sort((a, b) => ((a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1));
    const pods = claimPods(ds, podInf.list(ns), selector);
    const byNode = new Map<string, Pod[]>();
    for (const p of pods) {
      const n = podNodeName(p);
      if (!n) continue;
      let list = byNode.get(n);
      if (!list) byNode.set(n, (list = []));
      list.push(p);
    }
    for (const list of byNode.values()) list.sort(creationOrder);
    const minReady = ds.spec?.minReadySeconds ?? 0;
    const surge = ds.spec?.updateStrategy?.type !== 'OnDelete' ? resolveIntOrPercent(ds.spec?.updateStrategy?.rollingUpdate?.maxSurge, countDesired(), 0) : 0;

    function countDesired(): number { return nodes.filter((n) => nodeShouldRunDaemonPod(n, ds as DaemonSet).shouldRun).length; }

    // manage: create missing pods, delete failed, extra and misscheduled ones.
    const create: string[] = [];
    const del: Pod[] = [];
    const nodeNames = new Set<string>();
    for (const node of nodes) {
      const name = node.metadata?.name ?? '';
      nodeNames.add(name);
      const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(node, ds);
      const daemonPods = byNode.get(name) ?? [];
      if (shouldRun && daemonPods.length === 0) { create.push(name); continue; }
      if (shouldContinueRunning) {
        const running: Pod[] = [];
        for (const p of daemonPods) {
          if (p.metadata?.deletionTimestamp) continue;
          if (p.status?.phase === 'Failed') {
            recorder.event(ds as KObject, 'Warning', 'FailedDaemonPod', `Found failed daemon pod ${ns}/${p.metadata?.name} on node ${name}, will try to kill it`);
            del.push(p);
            continue;
          }
          running.push(p);
        }
        if (surge > 0) {
          // With surge, an old and a new pod may share a node; keep the oldest of each kind.
          const fresh = running.filter((p) => isPodUpdated(p, hash, generation));
          const stale = running.filter((p) => !isPodUpdated(p, hash, generation));
          del.push(...fresh.slice(1), ...stale.slice(1));
          if (fresh.length && stale.length && isPodAvailable(fresh[0], minReady, now)) del.push(stale[0]);
        } else if (running.length > 1) del.push(...running.slice(1));
      } else {
        for (const p of daemonPods) if (!p.metadata?.deletionTimestamp) del.push(p);
      }
    }
    // Unscheduled pods bound by affinity to a node that no longer exists.
    for (const [n, list] of byNode) if (!nodeNames.has(n)) for (const p of list) if (!p.spec?.nodeName && !p.metadata?.deletionTimestamp) del.push(p);
    syncNodes(ds, del, create, hash, generation);

    if (ds.spec?.updateStrategy?.type !== 'OnDelete' && del.length === 0 && create.length === 0) rollingUpdate(ds, nodes, byNode, hash, generation, now);
    cleanupHistory(client, ds, old, pods);
    return updateStatus(ds, nodes, uid, hash, generation, now);
  }

  function claimPods(ds: DaemonSet, all: Pod[], selector: ReturnType<typeof labelSelectorMatcher>): Pod[] {
    const uid = ds.metadata?.uid ?? '';
    const out: Pod[] = [];
    for (const p of all) {
      const owner = controllerUid(p);
      const matches = selector.matches(p.metadata?.labels ?? {});
      if (owner === uid) {
        if (matches) { out.push(p); continue; }
        // Release: the pod no longer matches the selector (ControllerRefManager.ReleasePod).
        const refs = (p.metadata?.ownerReferences ?? []).filter((r) => r.uid !== uid);
        try { client.patch('pods', p.metadata?.namespace, p.metadata?.name ?? '', 'application/merge-patch+json', { metadata: { ownerReferences: refs.length ? refs : null } }); } catch { /* gone */ }
        continue;
      }
      if (owner || !matches || p.metadata?.deletionTimestamp) continue;
      const ref = { apiVersion: 'apps/v1', kind: 'DaemonSet', name: ds.metadata?.name ?? '', uid, controller: true, blockOwnerDeletion: true };
      try {
        out.push(client.patch<KObject>('pods', p.metadata?.namespace, p.metadata?.name ?? '', 'application/merge-patch+json',
          { metadata: { ownerReferences: [...(p.metadata?.ownerReferences ?? []), ref] } }) as unknown as Pod);
      } catch { /* gone */ }
    }
    return out;
  }

  function syncNodes(ds: DaemonSet, del: Pod[], create: string[], hash: string, generation: string): void {
    const ns = ds.metadata?.namespace;
    for (const node of create) {
      try {
        const pod = client.create('pods', ns, newDaemonPod(ds, node, hash, generation));
        recorder.event(ds as KObject, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
      } catch (e) {
        recorder.event(ds as KObject, 'Warning', 'FailedCreate', `Error creating: ${(e as Error).message}`);
      }
    }
    for (const p of del) {
      try {
        client.delete('pods', ns, p.metadata?.name ?? '');
        recorder.event(ds as KObject, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata?.name}`);
      } catch (e) {
        if ((e as { code?: number }).code !== 404) recorder.event(ds as KObject, 'Warning', 'FailedDelete', `Error deleting: ${(e as Error).message}`);
      }
    }
  }

  // Models update.go rollingUpdate: replace old pods within maxUnavailable, or surge new ones first.
  function rollingUpdate(ds: DaemonSet, nodes: Node[], byNode: Map<string, Pod[]>, hash: string, generation: string, now: number): void {
    const minReady = ds.spec?.minReadySeconds ?? 0;
    const eligible = nodes.filter((n) => nodeShouldRunDaemonPod(n, ds).shouldRun);
    const ru = ds.spec?.updateStrategy?.rollingUpdate;
    const maxSurge = resolveIntOrPercent(ru?.maxSurge, eligible.length, 0);
    let maxUnavailable = resolveIntOrPercent(ru?.maxUnavailable, eligible.length, 1);
    if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
    const split = (name: string) => {
      const pods = (byNode.get(name) ?? []).filter((p) => !p.metadata?.deletionTimestamp);
      return { fresh: pods.find((p) => isPodUpdated(p, hash, generation)), stale: pods.find((p) => !isPodUpdated(p, hash, generation)) };
    };
    if (maxSurge === 0) {
      let unavailable = 0;
      const allowed: Pod[] = [];
      const candidates: Pod[] = [];
      for (const n of eligible) {
        const { fresh, stale } = split(n.metadata?.name ?? '');
        if ((!fresh && !stale) || (fresh && stale)) { unavailable++; continue; }
        if (fresh) { if (!isPodAvailable(fresh, minReady, now)) unavailable++; continue; }
        if (!stale) continue;
        if (!isPodAvailable(stale, minReady, now)) allowed.push(stale);
        else if (unavailable < maxUnavailable) candidates.push(stale);
      }
      const remaining = Math.min(Math.max(0, maxUnavailable - unavailable), candidates.length);
      syncNodes(ds, [...allowed, ...candidates.slice(0, remaining)], [], hash, generation);
      return;
    }
    let surged = 0;
    const allowedNodes: string[] = [];
    const candidateNodes: string[] = [];
    for (const n of eligible) {
      const name = n.metadata?.name ?? '';
      const { fresh, stale } = split(name);
      if (!stale) continue;
      if (!fresh) {
        if (!isPodAvailable(stale, minReady, now)) allowedNodes.push(name);
        else candidateNodes.push(name);
      } else if (!isPodAvailable(fresh, minReady, now)) surged++;
    }
    const room = Math.max(0, maxSurge - surged);
    syncNodes(ds, [], [...allowedNodes, ...candidateNodes.slice(0, room)], hash, generation);
  }

  function updateStatus(ds: DaemonSet, nodes: Node[], uid: string, hash: string, generation: string, now: number): ReconcileResult | void {
    const minReady = ds.spec?.minReadySeconds ?? 0;
    const pods = (podInf?.list(ds.metadata?.namespace) ?? []).filter((p) => controllerUid(p) === uid && !(p.metadata?.deletionTimestamp && (p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed')));
    const byNode = new Map<string, Pod[]>();
    for (const p of pods) { const n = podNodeName(p); if (n) byNode.set(n, [...(byNode.get(n) ?? []), p]); }
    let desired = 0, current = 0, ready = 0, available = 0, updated = 0, mis = 0;
    for (const node of nodes) {
      const { shouldRun } = nodeShouldRunDaemonPod(node, ds);
      const list = (byNode.get(node.metadata?.name ?? '') ?? []).sort(creationOrder);
      if (shouldRun) {
        desired++;
        if (!list.length) continue;
        current++;
        const pod = list[0];
        if (isPodReady(pod)) { ready++; if (isPodAvailable(pod, minReady, now)) available++; }
        if (isPodUpdated(pod, hash, generation)) updated++;
      } else if (list.length) mis++;
    }
    const next: DaemonSetStatus = {
      currentNumberScheduled: current, desiredNumberScheduled: desired, numberAvailable: available, numberMisscheduled: mis,
      numberReady: ready, observedGeneration: ds.metadata?.generation ?? 1, updatedNumberScheduled: updated,
    };
    if (desired - available > 0) next.numberUnavailable = desired - available;
    if (ds.status?.collisionCount !== undefined) next.collisionCount = ds.status.collisionCount;
    if (ds.status?.conditions) next.conditions = ds.status.conditions;
    const st: DaemonSetStatus = ds.status ?? ({} as DaemonSetStatus);
    const same = (Object.keys(next) as Array<keyof DaemonSetStatus>).every((k) => JSON.stringify(st[k]) === JSON.stringify(next[k])) && st.numberUnavailable === next.numberUnavailable;
    if (!same) {
      const obj = clone(ds) as unknown as KObject;
      obj.status = next;
      client.updateStatus('daemonsets', ds.metadata?.namespace, obj);
    }
    if (minReady > 0 && ready !== available) return { requeueAfter: minReady * 1000 };
  }

  return {
    start() {
      if (dsInf) return;
      const q = (queue = new WorkQueue(clock, (key) => reconcile(key), { baseDelayMs: 5, maxDelayMs: 60_000 }));
      dsInf = createInformer<DaemonSet>(client, 'daemonsets');
      podInf = createInformer<Pod>(client, 'pods');
      nodeInf = createInformer<Node>(client, 'nodes');
      revInf = createInformer<ControllerRevision>(client, 'controllerrevisions');
      dsInf.addHandlers({
        add: (ds) => { byUid.set(ds.metadata?.uid ?? '', keyOf(ds)); q.add(keyOf(ds)); },
        update: (_o, ds) => q.add(keyOf(ds)),
        delete: (ds) => byUid.delete(ds.metadata?.uid ?? ''),
      });
      podInf.addHandlers({ add: enqueueOwner, update: (o, n) => { enqueueOwner(n); if (controllerUid(o) !== controllerUid(n)) enqueueOwner(o); }, delete: enqueueOwner });
      revInf.addHandlers({ add: enqueueOwner, delete: enqueueOwner });
      nodeInf.addHandlers({
        add: enqueueAll,
        update: (o, n) => {
          if (JSON.stringify(o.metadata?.labels) !== JSON.stringify(n.metadata?.labels) || JSON.stringify(o.spec?.taints) !== JSON.stringify(n.spec?.taints)) enqueueAll();
        },
        delete: enqueueAll,
      });
      nodeInf.start();
      revInf.start();
      podInf.start();
      dsInf.start();
    },
    stop() {
      for (const i of [dsInf, podInf, nodeInf, revInf]) i?.stop();
      dsInf = podInf = nodeInf = revInf = undefined;
      queue?.shutDown();
      queue = undefined;
    },
    reconcile,
  };
}
