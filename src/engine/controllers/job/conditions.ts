// Job conditions and status fields as pkg/controller/job writes them (v1.32: JobPodReplacementPolicy and
// JobSuccessPolicy on, so terminal conditions are delayed: FailureTarget → Failed, SuccessCriteriaMet → Complete).
import type { Job, JobCondition, JobStatus } from 'kubernetes-types/batch/v1';
import { rfc3339 } from '../../util';

/** BACKOFF_LIMIT_EXCEEDED is the reason and message of a Job that failed too often. */
export const BACKOFF_LIMIT_EXCEEDED = { reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' };
/** DEADLINE_EXCEEDED is the reason and message of a Job past activeDeadlineSeconds. */
export const DEADLINE_EXCEEDED = { reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' };
/** COMPLETIONS_REACHED is the reason and message of SuccessCriteriaMet and Complete. */
export const COMPLETIONS_REACHED = { reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' };

/** hasCondition reports whether the Job has condition type with status True. */
export function hasCondition(job: { status?: JobStatus }, type: string): JobCondition | undefined {
  return (job.status?.conditions ?? []).find((c) => c.type === type && c.status === 'True');
}

/** isFinished reports whether the Job reached Complete or Failed. */
export function isJobFinished(job: Job): boolean {
  return !!(hasCondition(job, 'Complete') || hasCondition(job, 'Failed'));
}

/** newCondition is job_controller.go newCondition (lastProbeTime and lastTransitionTime both now). */
export function newCondition(type: string, reason: string, message: string, now: number, status = 'True'): JobCondition {
  const t = rfc3339(now);
  return { type, status, lastProbeTime: t, lastTransitionTime: t, reason, message };
}

/** ensureCondition is ensureJobConditionStatus: append, or update status/reason/message of an existing one. */
export function ensureCondition(list: JobCondition[], c: JobCondition): JobCondition[] {
  const i = list.findIndex((x) => x.type === c.type);
  if (i < 0) return c.status === 'False' ? list : [...list, c];
  const cur = list[i];
  if (cur.status === c.status && cur.reason === c.reason && cur.message === c.message) return list;
  const next = [...list];
  next[i] = { ...c, lastTransitionTime: cur.status === c.status ? cur.lastTransitionTime : c.lastTransitionTime };
  return next;
}

/** sameStatus compares two statuses field by field (JSON), for skipping no-op writes. */
export function sameStatus(a: JobStatus | undefined, b: JobStatus): boolean {
  const keys = new Set([...Object.keys(a ?? {}), ...Object.keys(b)]);
  for (const k of keys) if (JSON.stringify((a as Record<string, unknown> | undefined)?.[k]) !== JSON.stringify((b as Record<string, unknown>)[k])) return false;
  return true;
}
