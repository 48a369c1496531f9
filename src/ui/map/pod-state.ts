// Presentational pod status for the map: the same rules as kubectl's STATUS column (printPod in
// pkg/printers/internalversion/printers.go), read from the mirrored object's container states.
import type { KObject } from '../../engine/protocol';

type Obj = Record<string, any>;

/** PodTone is the colour family a pod is drawn with. */
export type PodTone = 'pending' | 'creating' | 'running' | 'notready' | 'failed' | 'completed' | 'terminating' | 'other';

/** PodView is what the map shows for one pod: STATUS text, READY, restarts and a colour family. */
export interface PodView { status: string; ready: string; allReady: boolean; restarts: number; tone: PodTone }

const FAILED = new Set([
  'CrashLoopBackOff', 'Error', 'ErrImagePull', 'ImagePullBackOff', 'OOMKilled', 'CreateContainerConfigError',
  'CreateContainerError', 'InvalidImageName', 'ContainerStatusUnknown', 'Failed', 'Unknown', 'Evicted',
  'ErrImageNeverPull', 'RunContainerError', 'StartError', 'DeadlineExceeded', 'BackoffLimitExceeded',
]);

function hasTrueCondition(pod: Obj, type: string): boolean {
  return ((pod.status?.conditions as Obj[] | undefined) ?? []).some((c) => c.type === type && c.status === 'True');
}

/** podStatusText returns the STATUS column text kubectl prints for a pod (init and regular container states, Terminating). */
export function podStatusText(pod: KObject): { status: string; ready: string; restarts: number } {
  const p = pod as Obj;
  const spec: Obj = p.spec ?? {};
  const status: Obj = p.status ?? {};
  const initSpecs: Obj[] = spec.initContainers ?? [];
  const phase: string = status.phase ?? '';
  let reason: string = status.reason ? String(status.reason) : phase;
  let restarts = 0;
  let ready = 0;
  const total = ((spec.containers as Obj[] | undefined) ?? []).length + initSpecs.filter((c) => c.restartPolicy === 'Always').length;
  for (const c of (status.conditions as Obj[] | undefined) ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }
  let initializing = false;
  const initStatuses: Obj[] = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    restarts += c.restartCount ?? 0;
    const term = c.state?.terminated;
    const waiting = c.state?.waiting;
    const sidecar = initSpecs.some((s) => s.name === c.name && s.restartPolicy === 'Always');
    if (term && term.exitCode === 0) continue;
    if (sidecar && c.started === true) { if (c.ready) ready++; continue; }
    initializing = true;
    if (term) reason = term.reason ? `Init:${term.reason}` : term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode}`;
    else if (waiting?.reason && waiting.reason !== 'PodInitializing') reason = `Init:${waiting.reason}`;
    else reason = `Init:${i}/${initSpecs.length}`;
    break;
  }
  if (!initializing || hasTrueCondition(p, 'Initialized')) {
    let hasRunning = false;
    const statuses: Obj[] = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c.restartCount ?? 0;
      const st: Obj = c.state ?? {};
      if (st.waiting?.reason) reason = st.waiting.reason;
      else if (st.terminated?.reason) reason = st.terminated.reason;
      else if (st.terminated) reason = st.terminated.signal ? `Signal:${st.terminated.signal}` : `ExitCode:${st.terminated.exitCode}`;
      else if (c.ready && st.running) { hasRunning = true; ready++; }
    }
    if (reason === 'Completed' && hasRunning) reason = hasTrueCondition(p, 'Ready') ? 'Running' : 'NotReady';
  }
  if (p.metadata?.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (p.metadata?.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';
  return { status: reason, ready: `${ready}/${total}`, restarts };
}

/** toneOf maps STATUS text and readiness to the colour family the map uses. */
export function toneOf(status: string, allReady: boolean): PodTone {
  if (status === 'Terminating') return 'terminating';
  if (status === 'Running') return allReady ? 'running' : 'notready';
  if (status === 'NotReady') return 'notready';
  if (status === 'Pending' || status === 'SchedulingGated') return 'pending';
  if (status === 'Completed' || status === 'Succeeded') return 'completed';
  if (status === 'ContainerCreating' || status === 'PodInitializing') return 'creating';
  const bare = status.startsWith('Init:') ? status.slice(5) : status;
  if (FAILED.has(bare) || bare.startsWith('ExitCode:') || bare.startsWith('Signal:')) return 'failed';
  if (status.startsWith('Init:')) return 'creating';
  return 'other';
}

/** podView combines STATUS text, readiness and tone for one pod. */
export function podView(pod: KObject): PodView {
  const { status, ready, restarts } = podStatusText(pod);
  const [a, b] = ready.split('/').map(Number);
  const allReady = b > 0 && a === b;
  return { status, ready, allReady, restarts, tone: toneOf(status, allReady) };
}
