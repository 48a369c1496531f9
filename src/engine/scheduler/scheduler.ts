import type { Node, PersistentVolume, PersistentVolumeClaim, Pod, PodCondition } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { KObject } from '../types';
import type { Client } from '../api/types';
import type { Clock, Rng, TimerId } from '../util';
import { clone, rfc3339 } from '../util';
import type { EventRecorder } from '../events';
import { createInformer, keyOf } from '../controllers/runtime';
import type { Informer } from '../controllers/runtime';
import type { NodeInfo, PodInfo } from './node-info';
import { addPod, newNodeInfo, podInfoOf, removePod, setNode } from './node-info';
import { runFilters } from './plugins/filters';
import { newCycleState } from './plugins/cycle';
import { volumePreFilter } from './plugins/volume-binding';
import type { VolumeLookup } from './plugins/volume-binding';
import type { FilterStatus } from './plugins/filters';
import { preempt } from './plugins/preemption';
import { scoreNodes } from './plugins/scores';
import { fitErrorMessage, NO_NODES_MESSAGE } from './fit-error';
import { SchedulingQueue } from './queue';

/** DEFAULT_SCHEDULER_NAME is the schedulerName kube-scheduler's default profile serves. */
export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';

/** SchedulerOptions are createScheduler's dependencies. */
export interface SchedulerOptions {
  client: Client;
  clock: Clock;
  rng: Rng;
  recorder: EventRecorder;
  /** latencyMs is the virtual time between a pod entering activeQ and its scheduling cycle (default 0: bound in the same instant). */
  latencyMs?: number;
}

/** Scheduler is the running kube-scheduler. */
export interface Scheduler {
  /** start begins watching nodes and pods. */
  start(): void;
  /** stop ends the watches and drops pending cycles. */
  stop(): void;
  /** scheduleNow runs a scheduling cycle for every pod in activeQ immediately (tests, bootstrap). */
  scheduleNow(): void;
}

const isTerminal = (p: Pod) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
const wantsUs = (p: Pod) => (p.spec?.schedulerName ?? DEFAULT_SCHEDULER_NAME) === DEFAULT_SCHEDULER_NAME;

/**
 * createScheduler returns kube-scheduler's default profile over client.
 * Models pkg/scheduler (scheduleOne: filter → score → select host → bind; FailedScheduling and
 * PodScheduled=False on failure). No preemption, volume, or inter-pod affinity plugins.
 */
export function createScheduler(opts: SchedulerOptions): Scheduler {
  const { client, clock, rng, recorder } = opts;
  const latency = opts.latencyMs ?? 0;
  const nodes = new Map<string, NodeInfo>();
  const podNode = new Map<string, string>();
  let cycle: TimerId | undefined;
  let running = false;
  const queue = new SchedulingQueue(clock, () => {
    if (running && cycle === undefined) cycle = clock.after(latency, () => { cycle = undefined; runCycle(); });
  });
  let nodeInformer: Informer<Node> | undefined;
  let podInformer: Informer<Pod> | undefined;
  let volumeInformers: Array<Informer<KObject>> = [];
  const volumeLookup: VolumeLookup = {
    claim: (ns, name) => volumeInformers[0]?.get(`${ns}/${name}`) as PersistentVolumeClaim | undefined,
    volume: (name) => volumeInformers[1]?.get(name) as PersistentVolume | undefined,
    storageClass: (name) => volumeInformers[2]?.get(name) as StorageClass | undefined,
  };

  const nodeInfoFor = (name: string): NodeInfo | undefined => nodes.get(name);

  const unassign = (key: string) => {
    const n = podNode.get(key);
    if (n === undefined) return false;
    podNode.delete(key);
    const info = nodeInfoFor(n);
    if (info) removePod(info, key);
    return true;
  };

  const assign = (pod: Pod) => {
    const key = keyOf(pod as never);
    const name = pod.spec!.nodeName!;
    if (podNode.get(key) === name) return;
    unassign(key);
    podNode.set(key, name);
    let info = nodes.get(name);
    if (!info) {
      // A pod bound to a node not (yet) known: keep an empty placeholder so its requests still count.
      info = newNodeInfo({ apiVersion: 'v1', kind: 'Node', metadata: { name } });
      info.allocatable = {};
      nodes.set(name, info);
    }
    addPod(info, podInfoOf(pod));
  };

  const onPod = (pod: Pod, deleted: boolean) => {
    const key = keyOf(pod as never);
    if (deleted || isTerminal(pod)) {
      queue.delete(key);
      if (unassign(key)) queue.moveAllToActiveOrBackoff();
      return;
    }
    if (pod.spec?.nodeName) {
      queue.delete(key);
      const known = podNode.has(key);
      assign(pod);
      // Models the AssignedPodAdd cluster event (pods we bound ourselves were already assumed).
      if (!known) queue.moveAllToActiveOrBackoff();
      return;
    }
    if (!wantsUs(pod) || pod.metadata?.deletionTimestamp) { queue.delete(key); return; }
    queue.add(key, pod.spec?.priority ?? 0);
  };

  const onNode = (node: Node, deleted: boolean) => {
    const name = node.metadata?.name ?? '';
    if (deleted) { nodes.delete(name); return; }
    const info = nodes.get(name);
    const changed = !info || schedulingProps(info.node) !== schedulingProps(node);
    if (info) setNode(info, node); else nodes.set(name, newNodeInfo(node));
    // Models nodeSchedulingPropertiesChange: heartbeats alone do not requeue unschedulable pods.
    if (changed) queue.moveAllToActiveOrBackoff();
  };

  function setUnschedulable(pod: Pod, reason: string, message: string, nominatedNodeName?: string): void {
    const cond = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    const nominated = nominatedNodeName ?? pod.status?.nominatedNodeName;
    if (cond && cond.status === 'False' && cond.reason === reason && cond.message === message && nominated === pod.status?.nominatedNodeName) return;
    const fresh = clone(pod) as { status?: { conditions?: PodCondition[] } } & Pod;
    const next: PodCondition = { type: 'PodScheduled', status: 'False', reason, message, lastProbeTime: null as unknown as string, lastTransitionTime: rfc3339(clock.now()) };
    if (cond && cond.status === 'False') next.lastTransitionTime = cond.lastTransitionTime;
    (fresh as { status: { conditions?: PodCondition[] } }).status = {
      ...fresh.status, conditions: [...(fresh.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled'), next],
      ...(nominated ? { nominatedNodeName: nominated } : {}),
    };
    try { client.updateStatus('pods', fresh.metadata?.namespace, fresh as never); } catch { /* stale: the next cycle retries */ }
  }

  /** evict models the Evaluator's PreemptPod: DisruptionTarget condition, Preempted event, graceful delete. */
  function evict(preemptor: Pod, victims: PodInfo[], nodeName: string): void {
    for (const v of victims) {
      const victim = v.pod;
      const ns = victim.metadata?.namespace;
      const name = victim.metadata?.name ?? '';
      try {
        const fresh = clone(victim) as Pod & { status: { conditions?: PodCondition[] } };
        const cond: PodCondition = { type: 'DisruptionTarget', status: 'True', reason: 'PreemptionByScheduler', message: `${DEFAULT_SCHEDULER_NAME}: preempting to accommodate a higher priority pod`, lastTransitionTime: rfc3339(clock.now()) };
        fresh.status = { ...fresh.status, conditions: [...(fresh.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget'), cond] };
        client.updateStatus('pods', ns, fresh as never);
      } catch { /* the delete below still happens */ }
      try { client.delete('pods', ns, name); } catch { continue; }
      recorder.event(victim as never, 'Normal', 'Preempted', `Preempted by pod ${preemptor.metadata?.uid ?? ''} on node ${nodeName}`, { action: 'Preempting', related: preemptor as never });
    }
  }

  function scheduleOne(key: string): void {
    const pod = podInformer?.get(key);
    if (!pod || pod.spec?.nodeName || pod.metadata?.deletionTimestamp || !wantsUs(pod) || isTerminal(pod)) { queue.delete(key); return; }
    if (pod.spec?.schedulingGates?.length) {
      setUnschedulable(pod, 'SchedulingGated', 'Scheduling is blocked due to non-empty scheduling gates');
      queue.delete(key);
      return;
    }
    const info = podInfoOf(pod);
    const all = [...nodes.values()].filter((n) => n.node.metadata?.uid !== undefined || n.node.status);
    const feasible: NodeInfo[] = [];
    const failed: FilterStatus[] = [];
    const cycle = newCycleState(all);
    const volumes = volumePreFilter(pod, volumeLookup);
    cycle.data.set('VolumeBinding', volumes);
    if (volumes.rejection) {
      // A PreFilter rejection: every node gets the same unresolvable status and no histogram is printed.
      const message = all.length === 0 ? NO_NODES_MESSAGE : `0/${all.length} nodes are available: ${volumes.rejection}. preemption: 0/${all.length} nodes are available: ${all.length} Preemption is not helpful for scheduling.`;
      queue.unschedulable(key);
      recorder.event(pod as never, 'Warning', 'FailedScheduling', message, { action: 'Scheduling' });
      setUnschedulable(pod, 'Unschedulable', message);
      return;
    }
    const statuses = new Map<NodeInfo, FilterStatus>();
    for (const n of all) {
      const s = runFilters(pod, info, n, cycle);
      if (s) { failed.push(s); statuses.set(n, s); } else feasible.push(n);
    }
    if (!feasible.length) {
      let message = NO_NODES_MESSAGE;
      let nominated: string | undefined;
      if (all.length) {
        const res = preempt(pod, info, all, statuses);
        if ('message' in res) message = fitErrorMessage(all.length, failed, res.message);
        else {
          message = fitErrorMessage(all.length, failed);
          nominated = res.node.node.metadata?.name;
          evict(pod, res.victims, nominated ?? '');
        }
      }
      // A nominated pod waits out its backoff; others wait for a cluster event (or the 5-minute flush).
      if (nominated) queue.backoff(key); else queue.unschedulable(key);
      recorder.event(pod as never, 'Warning', 'FailedScheduling', message, { action: 'Scheduling' });
      setUnschedulable(pod, 'Unschedulable', message, nominated);
      return;
    }
    const chosen = selectHost(feasible, feasible.length > 1 ? scoreNodes(pod, info, feasible) : [0], rng);
    const nodeName = chosen.node.metadata!.name!;
    const ns = pod.metadata!.namespace!;
    const name = pod.metadata!.name!;
    // Assume the pod on the node before binding (the scheduler cache's AssumePod), so the binding's
    // own watch event is not mistaken for a new assigned pod.
    assign({ ...pod, spec: { ...pod.spec!, nodeName } });
    // Models the volume binder's selected-node annotation on delayed (WaitForFirstConsumer) claims.
    for (const pvc of volumes.delayed) {
      try {
        client.patch('persistentvolumeclaims', pvc.metadata?.namespace, pvc.metadata?.name ?? '', 'application/merge-patch+json',
          { metadata: { annotations: { 'volume.kubernetes.io/selected-node': nodeName } } });
      } catch { /* claim gone: the binding below still proceeds, as the kubelet will report the missing claim */ }
    }
    try {
      client.post('pods', ns, name, 'binding', {
        apiVersion: 'v1', kind: 'Binding', metadata: { name, namespace: ns }, target: { apiVersion: 'v1', kind: 'Node', name: nodeName },
      });
    } catch (e) {
      // Models handleBindingCycleError: forget the assumed pod; it goes back through backoff unless it is gone.
      unassign(key);
      queue.unschedulable(key);
      queue.moveAllToActiveOrBackoff();
      recorder.event(pod as never, 'Warning', 'FailedScheduling', `Binding rejected: ${(e as Error).message}`, { action: 'Binding' });
      return;
    }
    queue.delete(key);
    recorder.event(pod as never, 'Normal', 'Scheduled', `Successfully assigned ${ns}/${name} to ${nodeName}`, { action: 'Binding' });
  }

  function runCycle(): void {
    for (const key of queue.popAll()) scheduleOne(key);
  }

  return {
    start() {
      if (running) return;
      running = true;
      nodeInformer = createInformer<Node>(client, 'nodes');
      podInformer = createInformer<Pod>(client, 'pods');
      nodeInformer.addHandlers({ add: (n) => onNode(n, false), update: (_o, n) => onNode(n, false), delete: (n) => onNode(n, true) });
      podInformer.addHandlers({
        add: (p) => onPod(p, false),
        // Models isPodUpdated: a status-only change (our own PodScheduled condition) does not requeue a pending pod.
        update: (o, p) => { if (p.spec?.nodeName || o.spec?.nodeName || podIdentity(o) !== podIdentity(p) || !queue.has(keyOf(p as never))) onPod(p, false); },
        delete: (p) => onPod(p, true),
      });
      volumeInformers = ['persistentvolumeclaims', 'persistentvolumes', 'storageclasses'].map((r) => {
        const inf = createInformer<KObject>(client, r);
        // Models the PVC/PV/StorageClass add and update cluster events that requeue pods VolumeBinding rejected.
        inf.addHandlers({ add: () => queue.moveAllToActiveOrBackoff(), update: () => queue.moveAllToActiveOrBackoff() });
        return inf;
      });
      nodeInformer.start();
      podInformer.start();
      for (const inf of volumeInformers) inf.start();
    },
    stop() {
      running = false;
      nodeInformer?.stop();
      podInformer?.stop();
      for (const inf of volumeInformers) inf.stop();
      volumeInformers = [];
      if (cycle !== undefined) clock.cancel(cycle);
      cycle = undefined;
    },
    scheduleNow() {
      if (cycle !== undefined) { clock.cancel(cycle); cycle = undefined; }
      runCycle();
    },
  };
}

/** podIdentity is what isPodUpdated compares: everything but status and resourceVersion-like metadata. */
function podIdentity(p: Pod): string {
  const { resourceVersion: _rv, generation: _g, managedFields: _m, ...meta } = p.metadata ?? {};
  return JSON.stringify([meta, p.spec]);
}

/** schedulingProps is the part of a Node that can change a scheduling decision. */
function schedulingProps(n: Node): string {
  return JSON.stringify([n.spec?.unschedulable, n.spec?.taints, n.metadata?.labels, n.status?.allocatable,
    (n.status?.conditions ?? []).map((c) => `${c.type}=${c.status}`)]);
}

/** selectHost picks the highest score; ties are broken by reservoir sampling over the seeded RNG. */
export function selectHost(nodes: NodeInfo[], scores: number[], rng: Rng): NodeInfo {
  let best = 0;
  let max = scores[0];
  let ties = 1;
  for (let i = 1; i < nodes.length; i++) {
    if (scores[i] > max) { max = scores[i]; best = i; ties = 1; }
    else if (scores[i] === max) { ties++; if (rng.int(ties) === 0) best = i; }
  }
  return nodes[best];
}
