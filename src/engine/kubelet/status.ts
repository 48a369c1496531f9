import type { Container, ContainerStatus, Pod, PodCondition, PodStatus } from 'kubernetes-types/core/v1';
import { parseTime, rfc3339 as formatTime } from '../util';

const timeCache = new Map<number, string>();
/** rfc3339 memoizes util.rfc3339 per second (status writes format the same few instants many times). */
function rfc3339(ms: number): string {
  const sec = Math.floor(ms / 1000);
  let v = timeCache.get(sec);
  if (v === undefined) {
    if (timeCache.size > 1024) timeCache.clear();
    v = formatTime(ms);
    timeCache.set(sec, v);
  }
  return v;
}
import type { ContainerState, Instance, PodWorkerState } from './state';

const terminatedOf = (i: Instance) => ({
  containerID: `containerd://${i.id}`,
  exitCode: i.exitCode ?? 0,
  finishedAt: rfc3339(i.finishedAt ?? i.startedAt),
  ...(i.message ? { message: i.message } : {}),
  reason: i.reason ?? (i.exitCode ? 'Error' : 'Completed'),
  startedAt: rfc3339(i.startedAt),
});

/** containerStatus renders one ContainerStatus exactly as the 1.32 kubelet fills it. */
export function containerStatus(c: ContainerState, podInitializing = false): ContainerStatus {
  const s: ContainerStatus = {
    image: c.image ? c.image.ref : c.spec.image ?? '',
    imageID: c.image ? `${c.image.ref.replace(/:[^/:]+$/, '')}@${c.image.digest}` : '',
    lastState: c.last ? { terminated: terminatedOf(c.last) } : {},
    name: c.spec.name,
    ready: c.ready,
    restartCount: c.restartCount,
    started: c.started,
    state: {},
  };
  const inst = c.current ?? c.last;
  if (inst) s.containerID = `containerd://${inst.id}`;
  if (c.waiting) s.state = { waiting: { ...(c.waiting.message ? { message: c.waiting.message } : {}), reason: c.waiting.reason } };
  else if (c.current && !c.current.exited) s.state = { running: { startedAt: rfc3339(c.current.startedAt) } };
  else if (c.current) s.state = { terminated: terminatedOf(c.current) };
  else s.state = { waiting: { reason: c.init || podInitializing ? 'PodInitializing' : 'ContainerCreating' } };
  if (c.spec.volumeMounts?.length) {
    s.volumeMounts = c.spec.volumeMounts.map((m) => (m.readOnly
      ? { mountPath: m.mountPath, name: m.name, readOnly: true, recursiveReadOnly: 'Disabled' }
      : { mountPath: m.mountPath, name: m.name }));
  }
  return s;
}

/** qosClass computes the pod's QoS class as pkg/apis/core/helper/qos does. */
export function qosClass(pod: Pod): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const all: Container[] = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  let any = false, guaranteed = true;
  for (const c of all) {
    const req = c.resources?.requests ?? {}, lim = c.resources?.limits ?? {};
    for (const r of ['cpu', 'memory']) {
      const q = req[r] ?? lim[r], l = lim[r];
      if (req[r] !== undefined || l !== undefined) any = true;
      if (l === undefined || String(q) !== String(l)) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** podPhase is kubelet getPhase: podIsTerminal is set once a deleted pod's containers have all stopped. */
export function podPhase(w: PodWorkerState, podIsTerminal: boolean): 'Pending' | 'Running' | 'Succeeded' | 'Failed' {
  const policy = w.pod.spec?.restartPolicy ?? 'Always';
  const inits = w.containers.filter((c) => c.init);
  const regular = w.containers.filter((c) => !c.init);
  for (const c of inits) {
    if (c.done) continue;
    const failed = c.current?.exited && (c.current.exitCode ?? 0) !== 0;
    if (failed && policy === 'Never') return 'Failed';
    if (!podIsTerminal) return 'Pending';
  }
  let running = 0, waiting = 0, stopped = 0, succeeded = 0;
  for (const c of regular) {
    if (c.current && !c.current.exited && !c.waiting) running++;
    else if (c.current?.exited && !c.waiting) { stopped++; if ((c.current.exitCode ?? 0) === 0) succeeded++; }
    else if (c.last) stopped++;
    else waiting++;
  }
  if (waiting > 0 && !podIsTerminal) return 'Pending';
  if (running > 0 && !podIsTerminal) return 'Running';
  if (podIsTerminal) return stopped === succeeded && waiting === 0 ? 'Succeeded' : 'Failed';
  if (stopped > 0) {
    if (policy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (policy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}

const MANAGED_CONDITIONS = new Set(['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled']);

// condition renders one pod condition, keeping its lastTransitionTime while its status holds (in
// w.transitions, seeded from the pod's own conditions after a kubelet restart).
function condition(w: PodWorkerState, old: PodStatus, now: number, type: string, status: boolean, reason?: string, message?: string): PodCondition {
  const s = status ? 'True' : 'False';
  const prev = w.transitions.get(type);
  let time = prev && prev.status === s ? prev.time : now;
  if (!prev) {
    const oldCond = findCondition(old.conditions, type);
    if (oldCond?.status === s && oldCond.lastTransitionTime) time = parseTime(oldCond.lastTransitionTime);
  }
  w.transitions.set(type, { status: s, time });
  const ltt = rfc3339(time);
  // An unchanged condition is the stored (frozen) one itself: nothing new to allocate, freeze or compare.
  const same = findCondition(old.conditions, type);
  if (same && sameCondition(same, ltt, s, type, message, reason)) return same;
  const c: PodCondition = { lastProbeTime: null as unknown as string, lastTransitionTime: ltt, status: s, type };
  if (message) c.message = message;
  if (reason) c.reason = reason;
  return c;
}

// sameCondition says whether c is exactly what condition() would build (same members, same key order).
function sameCondition(c: PodCondition, ltt: string, status: string, type: string, message?: string, reason?: string): boolean {
  let i = 0;
  for (const k in c) {
    const want = i === 0 ? 'lastProbeTime' : i === 1 ? 'lastTransitionTime' : i === 2 ? 'status' : i === 3 ? 'type'
      : i === 4 ? (message ? 'message' : reason ? 'reason' : '') : i === 5 && message && reason ? 'reason' : '';
    if (k !== want) return false;
    i++;
  }
  return i === 4 + (message ? 1 : 0) + (reason ? 1 : 0) && c.lastProbeTime === null && c.lastTransitionTime === ltt
    && c.status === status && c.type === type && c.message === message && c.reason === reason;
}

function findCondition(cs: PodCondition[] | undefined, type: string): PodCondition | undefined {
  if (!cs) return undefined;
  for (let i = 0; i < cs.length; i++) if (cs[i].type === type) return cs[i];
  return undefined;
}

/** buildStatus renders the full PodStatus (conditions in the order a 1.32 pod shows them). */
export function buildStatus(w: PodWorkerState, now: number, hostIP: string, phase: PodStatus['phase']): PodStatus {
  const pod = w.pod;
  const old = pod.status ?? {};
  const inits: ContainerState[] = [];
  const regular: ContainerState[] = [];
  for (const c of w.containers) (c.init ? inits : regular).push(c);
  const completed = phase === 'Succeeded';
  const incomplete: string[] = [];
  for (const c of inits) if (!c.done) incomplete.push(c.spec.name);
  const unready: string[] = [];
  for (const c of regular) if (!c.ready) unready.push(c.spec.name);
  for (const c of inits) if (c.sidecar && !c.ready) unready.push(c.spec.name);
  const conditions: PodCondition[] = [];
  for (const c of old.conditions ?? []) if (!MANAGED_CONDITIONS.has(c.type)) conditions.push(c);
  conditions.push(condition(w, old, now, 'PodReadyToStartContainers', w.sandboxReady));
  conditions.push(completed ? condition(w, old, now, 'Initialized', true, 'PodCompleted')
    : incomplete.length ? condition(w, old, now, 'Initialized', false, 'ContainersNotInitialized', `containers with incomplete status: [${incomplete.join(' ')}]`)
      : condition(w, old, now, 'Initialized', true));
  for (const type of ['Ready', 'ContainersReady']) {
    conditions.push(completed ? condition(w, old, now, type, false, 'PodCompleted')
      : unready.length ? condition(w, old, now, type, false, 'ContainersNotReady', `containers with unready status: [${unready.join(' ')}]`)
        : condition(w, old, now, type, true));
  }
  const sched = findCondition(old.conditions, 'PodScheduled');
  conditions.push(!sched ? condition(w, old, now, 'PodScheduled', true)
    : sched.lastProbeTime === null && 'lastProbeTime' in sched ? sched : { ...sched, lastProbeTime: null as unknown as string });
  const initializing = incomplete.length > 0;
  const status: PodStatus = {
    conditions,
    containerStatuses: regular.map((c) => containerStatus(c, initializing)),
    hostIP,
    hostIPs: [{ ip: hostIP }],
    phase,
    qosClass: old.qosClass ?? qosClass(pod),
    startTime: rfc3339(w.startTime ?? now),
  };
  if (inits.length) status.initContainerStatuses = inits.map((c) => containerStatus(c));
  if (w.ip) { status.podIP = w.ip; status.podIPs = [{ ip: w.ip }]; }
  if (old.nominatedNodeName) status.nominatedNodeName = old.nominatedNodeName;
  return status;
}
