import type { Node, NodeCondition, Pod, Taint, Toleration } from 'kubernetes-types/core/v1';
import type { KObject } from '../../types';
import type { Controller, ControllerDeps } from '../types';
import type { TimerId } from '../../util';
import { clone, parseTime, rfc3339 } from '../../util';

/** NODE_MONITOR_PERIOD_MS is how often node health is checked (--node-monitor-period 5s). */
export const NODE_MONITOR_PERIOD_MS = 5_000;
/** NODE_MONITOR_GRACE_PERIOD_MS is how stale a node lease may get before the node is Unknown (v1.32 default 50s). */
export const NODE_MONITOR_GRACE_PERIOD_MS = 50_000;
/** UNREACHABLE_TAINT is the taint key the controller puts on a node whose kubelet stopped posting status. */
export const UNREACHABLE_TAINT = 'node.kubernetes.io/unreachable';

const UNKNOWN_REASON = 'NodeStatusUnknown';
const UNKNOWN_MESSAGE = 'Kubelet stopped posting node status.';
const HEALTHY: Record<string, [string, string, string]> = {
  MemoryPressure: ['False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
  DiskPressure: ['False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
  PIDPressure: ['False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
  Ready: ['True', 'KubeletReady', 'kubelet is posting ready status'],
};

const asNode = (o: KObject) => o as unknown as Node;
const asPod = (o: KObject) => o as unknown as Pod;

/** tolerationFor returns the pod's toleration of the NoExecute unreachable taint, if any. */
function tolerationFor(pod: Pod): Toleration | undefined {
  return (pod.spec?.tolerations ?? []).find((t) =>
    (!t.effect || t.effect === 'NoExecute') &&
    ((t.operator === 'Exists' && (!t.key || t.key === UNREACHABLE_TAINT)) || (t.key === UNREACHABLE_TAINT)));
}

/**
 * createNodeLifecycleController watches node Leases: a node whose lease is older than the grace period
 * gets Unknown conditions, its pods Ready=False and the unreachable NoSchedule/NoExecute taints; pods on
 * it are evicted once their toleration runs out; orphaned pods on deleted nodes are garbage-collected.
 * Models pkg/controller/nodelifecycle (monitorNodeHealth, no zone rate limiting), pkg/controller/tainteviction
 * and the orphan pass of pkg/controller/podgc. The kubelet's own return to Ready (its status update after a
 * restart) is written here too, on the first pass that sees the lease renewed.
 */
export function createNodeLifecycleController(deps: ControllerDeps): Controller {
  const { client, clock } = deps;
  let timer: TimerId | undefined;
  const evictions = new Map<string, TimerId>();
  let known = new Set<string>();

  const leaseAge = (name: string, now: number): number => {
    const lease = client.tryGet('leases', 'kube-node-lease', name);
    const renew = (lease?.spec as { renewTime?: string } | undefined)?.renewTime;
    if (!renew) return 0;
    return now - parseTime(renew);
  };

  const podsOn = (node: string): Pod[] => client.list('pods', undefined, { fieldSelector: `spec.nodeName=${node}` }).map(asPod);

  const markUnknown = (node: Node, now: number) => {
    const next = clone(node) as Node;
    const ts = rfc3339(now);
    const conds = (next.status?.conditions ?? []) as NodeCondition[];
    for (const c of conds) {
      if (c.status === 'Unknown') continue;
      c.status = 'Unknown'; c.reason = UNKNOWN_REASON; c.message = UNKNOWN_MESSAGE; c.lastTransitionTime = ts;
    }
    try { client.updateStatus('nodes', undefined, next as unknown as KObject); } catch { return; }
    const rec = deps.recorder('node-controller');
    const name = node.metadata?.name ?? '';
    rec.event(node as unknown as KObject, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`);
    for (const pod of podsOn(name)) {
      const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
      if (!ready || ready.status === 'False' || pod.metadata?.deletionTimestamp) continue;
      const p = clone(pod) as Pod;
      for (const c of p.status?.conditions ?? []) {
        if (c.type === 'Ready') { c.status = 'False'; c.lastTransitionTime = ts; }
      }
      try { client.updateStatus('pods', p.metadata?.namespace, p as unknown as KObject); } catch { continue; }
      rec.event(pod as unknown as KObject, 'Warning', 'NodeNotReady', 'Node is not ready');
    }
    setTaints(name, true, now);
  };

  const markHealthy = (node: Node, now: number) => {
    const next = clone(node) as Node;
    const ts = rfc3339(now);
    for (const c of (next.status?.conditions ?? []) as NodeCondition[]) {
      const h = HEALTHY[c.type];
      if (!h || c.status !== 'Unknown') continue;
      [c.status, c.reason, c.message] = h;
      c.lastTransitionTime = ts; c.lastHeartbeatTime = ts;
    }
    try { client.updateStatus('nodes', undefined, next as unknown as KObject); } catch { return; }
    setTaints(node.metadata?.name ?? '', false, now);
  };

  const setTaints = (name: string, on: boolean, now: number) => {
    const cur = client.tryGet('nodes', undefined, name);
    if (!cur) return;
    const next = clone(cur) as unknown as Node;
    const spec = (next.spec ??= {});
    const kept = (spec.taints ?? []).filter((t) => t.key !== UNREACHABLE_TAINT);
    const added: Taint[] = on ? [
      { key: UNREACHABLE_TAINT, effect: 'NoSchedule', timeAdded: rfc3339(now) },
      { key: UNREACHABLE_TAINT, effect: 'NoExecute', timeAdded: rfc3339(now) },
    ] : [];
    const taints = [...kept, ...added];
    if (taints.length) spec.taints = taints; else delete spec.taints;
    try { client.update('nodes', undefined, next as unknown as KObject); } catch { /* next pass */ }
  };

  const evict = (pod: Pod) => {
    const ns = pod.metadata?.namespace ?? '', name = pod.metadata?.name ?? '';
    deps.recorder('taint-eviction-controller').event(pod as unknown as KObject, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${ns}/${name}`);
    try { client.delete('pods', ns, name, { preconditions: { uid: pod.metadata?.uid } }); } catch { /* gone */ }
  };

  // Models pkg/controller/tainteviction: a pod is deleted when its toleration of the NoExecute taint runs out.
  const scheduleEvictions = (node: Node, now: number) => {
    const taint = node.spec?.taints?.find((t) => t.key === UNREACHABLE_TAINT && t.effect === 'NoExecute');
    const live = new Set<string>();
    for (const pod of taint ? podsOn(node.metadata?.name ?? '') : []) {
      if (pod.metadata?.deletionTimestamp) continue;
      const key = pod.metadata?.uid ?? '';
      const tol = tolerationFor(pod);
      if (tol && tol.tolerationSeconds == null) continue;
      live.add(key);
      if (evictions.has(key)) continue;
      const since = taint?.timeAdded ? parseTime(taint.timeAdded) : now;
      const due = Math.max(0, since + (tol?.tolerationSeconds ?? 0) * 1000 - now);
      evictions.set(key, clock.after(due, () => {
        evictions.delete(key);
        const cur = client.tryGet('pods', pod.metadata?.namespace, pod.metadata?.name ?? '');
        if (cur && cur.metadata.uid === key && !cur.metadata.deletionTimestamp) evict(asPod(cur));
      }));
    }
    return live;
  };

  const monitor = () => {
    const now = clock.now();
    const nodes = client.list('nodes').map(asNode);
    const live = new Set<string>();
    const names = new Set<string>();
    for (const node of nodes) {
      const name = node.metadata?.name ?? '';
      names.add(name);
      const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
      const stale = leaseAge(name, now) > NODE_MONITOR_GRACE_PERIOD_MS;
      if (stale && ready?.status !== 'Unknown') markUnknown(node, now);
      else if (!stale && ready?.status === 'Unknown') markHealthy(node, now);
      const cur = client.tryGet('nodes', undefined, name);
      if (cur) for (const k of scheduleEvictions(asNode(cur), now)) live.add(k);
    }
    for (const [key, t] of evictions) if (!live.has(key)) { clock.cancel(t); evictions.delete(key); }
    if ([...known].some((n) => !names.has(n))) gcOrphans(names);
    known = names;
  };

  // Models the orphan pass of pkg/controller/podgc: pods bound to a node that no longer exists are force-deleted.
  const gcOrphans = (names: Set<string>) => {
    for (const o of client.list('pods')) {
      const node = (o.spec as { nodeName?: string } | undefined)?.nodeName;
      if (!node || names.has(node)) continue;
      try { client.delete('pods', o.metadata.namespace, o.metadata.name ?? '', { gracePeriodSeconds: 0 }); } catch { /* gone */ }
    }
  };

  return {
    start() { if (timer === undefined) timer = clock.every(NODE_MONITOR_PERIOD_MS, monitor); },
    stop() {
      if (timer !== undefined) clock.cancel(timer);
      timer = undefined;
      for (const t of evictions.values()) clock.cancel(t);
      evictions.clear();
    },
  };
}
