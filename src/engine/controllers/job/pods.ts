// Pod helpers of pkg/controller/job: which pods are active, finished or terminating, and the pod template.
import type { Job } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KObject } from '../../types';
import { clone, parseTime } from '../../util';

/** TRACKING_FINALIZER is batch.JobTrackingFinalizer: kept on a pod until the controller has counted it. */
export const TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';

/** isFinished reports whether the pod reached a terminal phase. */
export const isSucceeded = (p: Pod): boolean => p.status?.phase === 'Succeeded';

/**
 * isPodFailed is job_controller.go isPodFailed: a Failed pod, or (with the default podReplacementPolicy
 * TerminatingOrFailed and no podFailurePolicy) a pod being deleted before it succeeded.
 */
export function isPodFailed(p: Pod, job: Job): boolean {
  if (p.status?.phase === 'Failed') return true;
  if (p.status?.phase === 'Succeeded') return false;
  if (job.spec?.podReplacementPolicy === 'Failed' || job.spec?.podFailurePolicy) return false;
  return !!p.metadata?.deletionTimestamp;
}

/** isTerminating is controller.IsPodTerminating: being deleted, not yet terminal. */
export const isTerminating = (p: Pod): boolean => !!p.metadata?.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed';

/** isActive is controller.IsPodActive: not terminal and not being deleted. */
export const isActive = (p: Pod): boolean => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed' && !p.metadata?.deletionTimestamp;

/** isReady is podutil.IsPodReady. */
export const isReady = (p: Pod): boolean => (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

/** hasTrackingFinalizer reports whether the pod still waits to be counted. */
export const hasTrackingFinalizer = (p: Pod): boolean => (p.metadata?.finalizers ?? []).includes(TRACKING_FINALIZER);

/** restartCount sums container restarts (pastBackoffLimitOnFailure). */
export function restartCount(p: Pod): number {
  let n = 0;
  for (const s of [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])]) n += s.restartCount ?? 0;
  return n;
}

/** finishTime is when a pod finished (its last container's finishedAt, else deletion time, else fallback). */
export function finishTime(p: Pod, fallback: number): number {
  let t = 0;
  for (const s of p.status?.containerStatuses ?? []) {
    const f = s.state?.terminated?.finishedAt;
    if (f) t = Math.max(t, parseTime(f));
  }
  if (!t && p.metadata?.deletionTimestamp) t = parseTime(p.metadata.deletionTimestamp);
  return t || fallback;
}

/** newJobPod is GetPodFromTemplate with the tracking finalizer and a controller reference to the Job. */
export function newJobPod(job: Job): KObject {
  const t = clone(job.spec?.template ?? {}) as { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string>; finalizers?: string[] }; spec?: Pod['spec'] };
  const meta: Record<string, unknown> = { generateName: `${job.metadata?.name}-`, namespace: job.metadata?.namespace };
  if (t.metadata?.labels) meta.labels = t.metadata.labels;
  if (t.metadata?.annotations) meta.annotations = t.metadata.annotations;
  meta.finalizers = [...(t.metadata?.finalizers ?? []), TRACKING_FINALIZER];
  meta.ownerReferences = [{ apiVersion: 'batch/v1', kind: 'Job', name: job.metadata?.name ?? '', uid: job.metadata?.uid ?? '', controller: true, blockOwnerDeletion: true }];
  return { apiVersion: 'v1', kind: 'Pod', metadata: meta as KObject['metadata'], spec: t.spec ?? { containers: [] } };
}

/** COMPLETION_INDEX_KEY is batch.JobCompletionIndexAnnotation (also the pod label since PodIndexLabel). */
export const COMPLETION_INDEX_KEY = 'batch.kubernetes.io/job-completion-index';

/** podIndex returns an Indexed Job pod's completion index, or undefined. */
export function podIndex(p: Pod): number | undefined {
  const v = p.metadata?.annotations?.[COMPLETION_INDEX_KEY] ?? p.metadata?.labels?.[COMPLETION_INDEX_KEY];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}

/**
 * newIndexedJobPod is newJobPod for completion index i (indexed_job_utils.go addCompletionIndexAnnotation,
 * addCompletionIndexLabel, addCompletionIndexEnvVariables, hostname `<job>-<i>`, generateName `<job>-<i>-`).
 */
export function newIndexedJobPod(job: Job, i: number): KObject {
  const pod = newJobPod(job) as KObject & { metadata: Record<string, unknown>; spec: NonNullable<Pod['spec']> };
  const name = job.metadata?.name ?? '';
  pod.metadata.generateName = `${name}-${i}-`;
  pod.metadata.annotations = { ...((pod.metadata.annotations as Record<string, string> | undefined) ?? {}), [COMPLETION_INDEX_KEY]: String(i) };
  pod.metadata.labels = { ...((pod.metadata.labels as Record<string, string> | undefined) ?? {}), [COMPLETION_INDEX_KEY]: String(i) };
  pod.spec.hostname ??= `${name}-${i}`;
  const env = { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: `metadata.annotations['${COMPLETION_INDEX_KEY}']` } } };
  for (const c of [...(pod.spec.initContainers ?? []), ...pod.spec.containers]) {
    if (!(c.env ?? []).some((e) => e.name === 'JOB_COMPLETION_INDEX')) c.env = [...(c.env ?? []), env];
  }
  return pod;
}

/** parseIndexes parses status.completedIndexes (`0-2,4`). */
export function parseIndexes(s: string | undefined): Set<number> {
  const out = new Set<number>();
  for (const part of (s ?? '').split(',').filter(Boolean)) {
    const [a, b] = part.split('-').map(Number);
    for (let i = a; i <= (b ?? a); i++) out.add(i);
  }
  return out;
}

/** formatIndexes formats a set of indexes as completedIndexes does (sorted, consecutive runs as ranges). */
export function formatIndexes(set: Set<number>): string {
  const xs = [...set].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < xs.length; i++) {
    let j = i;
    while (j + 1 < xs.length && xs[j + 1] === xs[j] + 1) j++;
    parts.push(j > i ? `${xs[i]}-${xs[j]}` : String(xs[i]));
    i = j;
  }
  return parts.join(',');
}
