// Models printPod in pkg/printers/internalversion/printers.go (v1.32): READY, STATUS reason from
// init/regular container states, RESTARTS with '(Xs ago)', Terminating/Unknown, wide IP/NODE/NOMINATED/GATES.
import type { TableColumn, TableRow } from '../types';
import { AGE_COL, NAME_COL, age, col, type Obj, parseTime, translateTimestampSince } from './helpers';

/** POD_COLUMNS are kube-apiserver's pod table columns. */
export const POD_COLUMNS: TableColumn[] = [
  NAME_COL,
  col('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'),
  col('Status', 'string', 'The aggregate status of the containers in this pod.'),
  col('Restarts', 'string', 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.'),
  AGE_COL,
  col('IP', 'string', 'The IP address assigned to the pod.', 1),
  col('Node', 'string', 'The name of the node the pod is scheduled on.', 1),
  col('Nominated Node', 'string', 'The name of the node where the pod is nominated to run.', 1),
  col('Readiness Gates', 'string', 'The readiness gates of the pod.', 1),
];

const podSuccessConditions = [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }];
const podFailedConditions = [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }];

function hasCondition(pod: Obj, type: string): boolean {
  return ((pod.status?.conditions as Obj[] | undefined) ?? []).some((c) => c.type === type && c.status === 'True');
}

function later(a: string | undefined, b: string | undefined): string | undefined {
  if (!b) return a;
  if (!a) return b;
  return parseTime(b) > parseTime(a) ? b : a;
}

/** podCells returns the READY, STATUS and RESTARTS cells of a pod as printPod computes them. */
export function podCells(pod: Obj, now: number): { ready: string; reason: string; restarts: string } {
  const spec: Obj = pod.spec ?? {};
  const status: Obj = pod.status ?? {};
  const initSpecs: Obj[] = spec.initContainers ?? [];
  const isRestartable = (name: string): boolean => initSpecs.some((c) => c.name === name && c.restartPolicy === 'Always');
  let restarts = 0;
  let restartableRestarts = 0;
  let totalContainers = ((spec.containers as Obj[] | undefined) ?? []).length;
  let readyContainers = 0;
  let lastRestart: string | undefined;
  let lastRestartableRestart: string | undefined;
  const phase: string = status.phase ?? '';
  let reason = status.reason ? String(status.reason) : phase;
  for (const c of (status.conditions as Obj[] | undefined) ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }
  for (const c of initSpecs) if (c.restartPolicy === 'Always') totalContainers++;

  let initializing = false;
  const initStatuses: Obj[] = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    restarts += c.restartCount ?? 0;
    const lastTerm = c.lastState?.terminated;
    if (lastTerm) lastRestart = later(lastRestart, lastTerm.finishedAt);
    if (isRestartable(c.name)) {
      restartableRestarts += c.restartCount ?? 0;
      if (lastTerm) lastRestartableRestart = later(lastRestartableRestart, lastTerm.finishedAt);
    }
    const term = c.state?.terminated;
    const waiting = c.state?.waiting;
    if (term && term.exitCode === 0) continue;
    if (isRestartable(c.name) && c.started === true) { if (c.ready) readyContainers++; continue; }
    if (term) {
      if (!term.reason) reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode}`;
      else reason = `Init:${term.reason}`;
      initializing = true;
    } else if (waiting && waiting.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
      initializing = true;
    } else {
      reason = `Init:${i}/${initSpecs.length}`;
      initializing = true;
    }
    break;
  }

  if (!initializing || hasCondition(pod, 'Initialized')) {
    restarts = restartableRestarts;
    lastRestart = lastRestartableRestart;
    let hasRunning = false;
    const statuses: Obj[] = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c.restartCount ?? 0;
      if (c.lastState?.terminated) lastRestart = later(lastRestart, c.lastState.terminated.finishedAt);
      const st: Obj = c.state ?? {};
      if (st.waiting && st.waiting.reason) reason = st.waiting.reason;
      else if (st.terminated && st.terminated.reason) reason = st.terminated.reason;
      else if (st.terminated && !st.terminated.reason) reason = st.terminated.signal ? `Signal:${st.terminated.signal}` : `ExitCode:${st.terminated.exitCode}`;
      else if (c.ready && st.running) { hasRunning = true; readyContainers++; }
    }
    if (reason === 'Completed' && hasRunning) reason = hasCondition(pod, 'Ready') ? 'Running' : 'NotReady';
  }

  if (pod.metadata?.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata?.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';

  let restartsStr = String(restarts);
  if (restarts !== 0 && lastRestart) restartsStr = `${restarts} (${translateTimestampSince(lastRestart, now)} ago)`;
  return { ready: `${readyContainers}/${totalContainers}`, reason, restarts: restartsStr };
}

/** printPod returns one pod row with all (wide included) cells. */
export function printPod(pod: Obj, now: number): TableRow {
  const { ready, reason, restarts } = podCells(pod, now);
  const podIPs: Obj[] = pod.status?.podIPs ?? [];
  const ip = podIPs[0]?.ip || pod.status?.podIP || '<none>';
  const gates: Obj[] = pod.spec?.readinessGates ?? [];
  let readinessGates = '<none>';
  if (gates.length > 0) {
    let trueConditions = 0;
    for (const g of gates) {
      const cond = ((pod.status?.conditions as Obj[] | undefined) ?? []).find((c) => c.type === g.conditionType);
      if (cond?.status === 'True') trueConditions++;
    }
    readinessGates = `${trueConditions}/${gates.length}`;
  }
  const row: TableRow = {
    cells: [pod.metadata?.name, ready, reason, restarts, age(pod, now), ip, pod.spec?.nodeName || '<none>', pod.status?.nominatedNodeName || '<none>', readinessGates],
  };
  if (pod.status?.phase === 'Succeeded') row.conditions = podSuccessConditions;
  else if (pod.status?.phase === 'Failed') row.conditions = podFailedConditions;
  return row;
}
