// Models the apps/batch printers in pkg/printers/internalversion/printers.go (v1.32).
import type { TableColumn } from '../types';
import { AGE_COL, CONTAINERS_COL, IMAGES_COL, NAME_COL, SELECTOR_COL, age, boolPtr, col, formatLabels, layoutContainerCells, selectorString, type Obj, humanDuration, parseTime, translateTimestampSince } from './helpers';

/** Printer is a resource's column set plus its row function (all cells, wide included). */
export interface Printer { columns: TableColumn[]; cells: (o: Obj, now: number) => unknown[] }

const int = (v: unknown): number => (typeof v === 'number' ? v : 0);
const tmplContainers = (o: Obj): Obj[] => o.spec?.template?.spec?.containers ?? [];

/** WORKLOAD_PRINTERS covers deployments, replicasets, replicationcontrollers, daemonsets, statefulsets, jobs and cronjobs. */
export const WORKLOAD_PRINTERS: Record<string, Printer> = {
  deployments: {
    columns: [NAME_COL, col('Ready', 'string', 'Number of the pod with ready state'), col('Up-to-date', 'string', 'Total number of non-terminated pods targeted by this deployment that have the desired template spec.'),
      col('Available', 'string', 'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.'), AGE_COL, CONTAINERS_COL, IMAGES_COL, SELECTOR_COL],
    cells: (o, now) => [o.metadata.name, `${int(o.status?.readyReplicas)}/${int(o.spec?.replicas)}`, int(o.status?.updatedReplicas), int(o.status?.availableReplicas), age(o, now),
      ...layoutContainerCells(tmplContainers(o)), selectorString(o.spec?.selector)],
  },
  replicasets: {
    columns: [NAME_COL, col('Desired', 'integer', 'Replicas is the number of desired pods.'), col('Current', 'integer', 'Replicas is the most recently observed number of replicas.'),
      col('Ready', 'integer', 'The number of ready replicas for this replica set.'), AGE_COL, CONTAINERS_COL, IMAGES_COL, SELECTOR_COL],
    cells: (o, now) => [o.metadata.name, int(o.spec?.replicas), int(o.status?.replicas), int(o.status?.readyReplicas), age(o, now),
      ...layoutContainerCells(tmplContainers(o)), selectorString(o.spec?.selector)],
  },
  replicationcontrollers: {
    columns: [NAME_COL, col('Desired', 'integer', 'Replicas is the number of desired replicas.'), col('Current', 'integer', 'Replicas is the most recently observed number of replicas.'),
      col('Ready', 'integer', 'The number of ready replicas for this replication controller.'), AGE_COL, CONTAINERS_COL, IMAGES_COL, SELECTOR_COL],
    cells: (o, now) => [o.metadata.name, int(o.spec?.replicas), int(o.status?.replicas), int(o.status?.readyReplicas), age(o, now),
      ...layoutContainerCells(tmplContainers(o)), formatLabels(o.spec?.selector)],
  },
  daemonsets: {
    columns: [NAME_COL, col('Desired', 'integer', 'The total number of nodes that should be running the daemon pod.'), col('Current', 'integer', 'The number of nodes that are running at least 1 daemon pod.'),
      col('Ready', 'integer', 'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and ready.'),
      col('Up-to-date', 'integer', 'The total number of nodes that are running updated daemon pod'), col('Available', 'integer', 'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available.'),
      col('Node Selector', 'string', 'NodeSelector is a selector which must be true for the pod to fit on a node.'), AGE_COL, CONTAINERS_COL, IMAGES_COL, SELECTOR_COL],
    cells: (o, now) => [o.metadata.name, int(o.status?.desiredNumberScheduled), int(o.status?.currentNumberScheduled), int(o.status?.numberReady), int(o.status?.updatedNumberScheduled),
      int(o.status?.numberAvailable), formatLabels(o.spec?.template?.spec?.nodeSelector), age(o, now), ...layoutContainerCells(tmplContainers(o)), selectorString(o.spec?.selector)],
  },
  statefulsets: {
    columns: [NAME_COL, col('Ready', 'string', 'Number of the pod with ready state'), AGE_COL, CONTAINERS_COL, IMAGES_COL],
    cells: (o, now) => [o.metadata.name, `${int(o.status?.readyReplicas)}/${int(o.spec?.replicas)}`, age(o, now), ...layoutContainerCells(tmplContainers(o))],
  },
  jobs: {
    columns: [NAME_COL, col('Status', 'string', 'Status of the job.'), col('Completions', 'string', 'The completion status of the job.'), col('Duration', 'string', 'Time required to complete the job.'),
      AGE_COL, CONTAINERS_COL, IMAGES_COL, SELECTOR_COL],
    cells: (o, now) => [o.metadata.name, jobStatus(o), jobCompletions(o), jobDuration(o, now), age(o, now), ...layoutContainerCells(tmplContainers(o)), selectorString(o.spec?.selector)],
  },
  cronjobs: {
    columns: [NAME_COL, col('Schedule', 'string', 'The schedule in Cron format.'), col('Timezone', 'string', 'The time zone name for the given schedule.'),
      col('Suspend', 'boolean', 'This flag tells the controller to suspend subsequent executions.'), col('Active', 'integer', 'A list of pointers to currently running jobs.'),
      col('Last Schedule', 'string', 'Information when was the last time the job was successfully scheduled.'), AGE_COL, CONTAINERS_COL, IMAGES_COL, SELECTOR_COL],
    cells: (o, now) => [o.metadata.name, o.spec?.schedule ?? '', o.spec?.timeZone ?? '<none>', boolPtr(o.spec?.suspend), ((o.status?.active as unknown[] | undefined) ?? []).length,
      o.status?.lastScheduleTime ? translateTimestampSince(o.status.lastScheduleTime, now) : '<none>', age(o, now),
      ...layoutContainerCells(o.spec?.jobTemplate?.spec?.template?.spec?.containers), selectorString(o.spec?.jobTemplate?.spec?.selector)],
  },
};

function hasJobCondition(o: Obj, type: string): boolean {
  return ((o.status?.conditions as Obj[] | undefined) ?? []).some((c) => c.type === type && c.status === 'True');
}

/** jobStatus returns the v1.32 job STATUS cell (Complete, Failed, Terminating, Suspended, FailureTarget, SuccessCriteriaMet, Running). */
export function jobStatus(o: Obj): string {
  if (hasJobCondition(o, 'Complete')) return 'Complete';
  if (hasJobCondition(o, 'Failed')) return 'Failed';
  if (o.metadata?.deletionTimestamp) return 'Terminating';
  if (hasJobCondition(o, 'Suspended')) return 'Suspended';
  if (hasJobCondition(o, 'FailureTarget')) return 'FailureTarget';
  if (hasJobCondition(o, 'SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

function jobCompletions(o: Obj): string {
  const succeeded = int(o.status?.succeeded);
  if (typeof o.spec?.completions === 'number') return `${succeeded}/${o.spec.completions}`;
  const parallelism = int(o.spec?.parallelism);
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

function jobDuration(o: Obj, now: number): string {
  const start = o.status?.startTime;
  if (!start) return '';
  const end = o.status?.completionTime;
  return humanDuration((end ? parseTime(end) : now) - parseTime(start));
}
