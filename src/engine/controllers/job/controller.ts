import type { Job, JobStatus } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KObject } from '../../types';
import { labelSelectorMatcher } from '../../api';
import { clone, parseTime, rfc3339 } from '../../util';
import type { Controller, ControllerDeps } from '../types';
import { createInformer, keyOf, WorkQueue } from '../runtime';
import type { Informer, ReconcileResult } from '../runtime';
import {
  BACKOFF_LIMIT_EXCEEDED, COMPLETIONS_REACHED, DEADLINE_EXCEEDED, ensureCondition, hasCondition, isJobFinished, newCondition, sameStatus,
} from './conditions';
import {
  TRACKING_FINALIZER, finishTime, formatIndexes, hasTrackingFinalizer, isActive, isPodFailed, isReady, isSucceeded, isTerminating, newIndexedJobPod,
  newJobPod, parseIndexes, podIndex, restartCount,
} from './pods';

/** JobController is the running job controller; reconcile is exposed for tests. */
export interface JobController extends Controller {
  reconcile(key: string): ReconcileResult | void;
}

/** DEFAULT_BACKOFF_MS is DefaultJobPodFailureBackOff (10 s), doubled per failure up to MAX_BACKOFF_MS (6 min). */
export const DEFAULT_BACKOFF_MS = 10_000;
/** MAX_BACKOFF_MS is MaxJobPodFailureBackOff. */
export const MAX_BACKOFF_MS = 360_000;

const COMPONENT = 'job-controller';

interface BackoffRecord { failuresAfterLastSuccess: number; lastFailureTime: number }

const controllerUid = (p: Pod) => (p.metadata?.ownerReferences ?? []).find((r) => r.controller)?.uid;

/**
 * createJobController models pkg/controller/job (v1.32): runs pods until `completions` succeed with at
 * most `parallelism` at once, counts finished pods through the job-tracking finalizer, recreates failed
 * pods after an exponential back-off (10 s doubling), and fails the Job past backoffLimit or
 * activeDeadlineSeconds; Indexed mode runs one pod per completion index. Simplified: no podFailurePolicy,
 * successPolicy or backoffLimitPerIndex; finished pods are counted
 * straight into succeeded/failed (the uncountedTerminatedPods hand-off happens inside one sync).
 */
export function createJobController(deps: ControllerDeps): JobController {
  const { client, clock } = deps;
  const recorder = deps.recorder(COMPONENT);
  let jobInf: Informer<Job> | undefined;
  let podInf: Informer<Pod> | undefined;
  let queue: WorkQueue | undefined;
  const byUid = new Map<string, string>();
  const backoff = new Map<string, BackoffRecord>();
  const counted = new Set<string>();

  const enqueuePod = (p: Pod) => {
    const key = byUid.get(controllerUid(p) ?? '');
    if (key) queue?.add(key);
  };

  function reconcile(key: string): ReconcileResult | void {
    const job = jobInf?.get(key);
    if (!job || !podInf) return;
    const uid = job.metadata?.uid ?? '';
    const ns = job.metadata?.namespace ?? 'default';
    const now = clock.now();
    const selector = labelSelectorMatcher(job.spec?.selector);
    const pods = podInf.list(ns).filter((p) => controllerUid(p) === uid && selector.matches(p.metadata?.labels ?? {}));
    if (job.metadata?.deletionTimestamp || isJobFinished(job)) {
      // A finished Job only releases its pods' finalizers (counted before it finished).
      for (const p of pods) if (hasTrackingFinalizer(p) && (!isActive(p))) removeFinalizer(p);
      return;
    }
    const st: JobStatus = clone(job.status ?? {}) as JobStatus;
    let conditions = [...(st.conditions ?? [])];
    const suspended = job.spec?.suspend === true;
    if (!st.startTime && !suspended) st.startTime = rfc3339(now);

    // Count pods that finished since the last sync (those still holding the tracking finalizer).
    const rec = backoff.get(uid) ?? { failuresAfterLastSuccess: 0, lastFailureTime: 0 };
    const toRelease: Pod[] = [];
    const newlyCounted: string[] = [];
    let succeeded = st.succeeded ?? 0;
    let failed = st.failed ?? 0;
    const indexed = job.spec?.completionMode === 'Indexed';
    const completedIdx = parseIndexes(st.completedIndexes);
    for (const p of pods) {
      const pid = p.metadata?.uid ?? '';
      const done = isSucceeded(p) || isPodFailed(p, job);
      if (!done || !hasTrackingFinalizer(p)) continue;
      toRelease.push(p);
      if (counted.has(pid)) continue;
      newlyCounted.push(pid);
      if (isSucceeded(p)) {
        const ix = podIndex(p);
        if (indexed && ix !== undefined) completedIdx.add(ix);
        succeeded++;
        rec.failuresAfterLastSuccess = 0;
      } else {
        failed++;
        rec.failuresAfterLastSuccess++;
        rec.lastFailureTime = Math.max(rec.lastFailureTime, finishTime(p, now));
      }
    }
    backoff.set(uid, rec);
    // An Indexed Job succeeds per index: extra successes of a completed index do not count twice.
    if (indexed) succeeded = completedIdx.size;
    let active = pods.filter(isActive);
    const terminating = pods.filter(isTerminating).length;

    const parallelism = job.spec?.parallelism ?? 1;
    const completions = job.spec?.completions ?? undefined;
    const backoffLimit = job.spec?.backoffLimit ?? 6;
    const failureTarget = hasCondition(job, 'FailureTarget');
    const successTarget = hasCondition(job, 'SuccessCriteriaMet');
    let requeue: number | undefined;

    let failure: { reason: string; message: string } | undefined = failureTarget ? { reason: failureTarget.reason ?? '', message: failureTarget.message ?? '' } : undefined;
    if (!failure && !successTarget) {
      const onFailureRestarts = job.spec?.template?.spec?.restartPolicy === 'OnFailure'
        ? active.reduce((n, p) => n + restartCount(p), 0) : 0;
      const pastOnFailure = job.spec?.template?.spec?.restartPolicy === 'OnFailure' && (backoffLimit === 0 ? onFailureRestarts > 0 : onFailureRestarts >= backoffLimit);
      if (failed > backoffLimit || pastOnFailure) failure = BACKOFF_LIMIT_EXCEEDED;
      else if (job.spec?.activeDeadlineSeconds !== undefined && st.startTime && !suspended) {
        const deadline = parseTime(st.startTime) + job.spec.activeDeadlineSeconds * 1000;
        if (now >= deadline) failure = DEADLINE_EXCEEDED;
        else requeue = deadline - now;
      }
      if (failure) conditions = ensureCondition(conditions, newCondition('FailureTarget', failure.reason, failure.message, now));
    }
    const complete = !failure && (successTarget || (completions !== undefined ? succeeded >= completions : succeeded > 0 && active.length === 0));
    if (complete && !successTarget) conditions = ensureCondition(conditions, newCondition('SuccessCriteriaMet', COMPLETIONS_REACHED.reason, COMPLETIONS_REACHED.message, now));

    if (failure || complete) {
      // Terminal: remove what still runs, then (once nothing terminates) add the final condition.
      deletePods(job, active);
      active = [];
    } else if (suspended) {
      deletePods(job, active);
      active = [];
      if (!hasCondition(job, 'Suspended')) {
        conditions = ensureCondition(conditions, newCondition('Suspended', 'JobSuspended', 'Job suspended', now));
        recorder.event(job as KObject, 'Normal', 'Suspended', 'Job suspended');
      }
    } else {
      if (hasCondition(job, 'Suspended')) {
        conditions = ensureCondition(conditions, newCondition('Suspended', 'JobResumed', 'Job resumed', now, 'False'));
        recorder.event(job as KObject, 'Normal', 'Resumed', 'Job resumed');
        st.startTime = rfc3339(now);
      }
      let want = parallelism;
      if (completions !== undefined) want = Math.min(want, Math.max(0, completions - succeeded));
      else if (succeeded > 0) want = active.length;
      if (active.length > want) {
        const extra = [...active].sort((a, b) => Number(isReady(a)) - Number(isReady(b)) || ((b.metadata?.creationTimestamp ?? '') < (a.metadata?.creationTimestamp ?? '') ? -1 : 1)).slice(0, active.length - want);
        deletePods(job, extra);
        active = active.filter((p) => !extra.includes(p));
      } else if (active.length < want) {
        const wait = remainingBackoff(rec, now);
        if (wait > 0) requeue = requeue === undefined ? wait : Math.min(requeue, wait);
        else {
          const busy = new Set(active.map(podIndex));
          const free = indexed ? Array.from({ length: completions ?? 0 }, (_, i) => i).filter((i) => !completedIdx.has(i) && !busy.has(i)) : [];
          for (let i = active.length; i < want; i++) {
            if (indexed && !free.length) break;
            try {
              const pod = client.create<KObject>('pods', ns, indexed ? newIndexedJobPod(job, free.shift() ?? 0) : newJobPod(job)) as unknown as Pod;
              recorder.event(job as KObject, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata?.name}`);
              active.push(pod);
            } catch (e) {
              recorder.event(job as KObject, 'Warning', 'FailedCreate', `Error creating: ${(e as Error).message}`);
              break;
            }
          }
        }
      }
    }

    const nowTerminating = (podInf.list(ns).filter((p) => controllerUid(p) === uid && isTerminating(p))).length;
    const finishing = (failure || complete) && nowTerminating === 0 && active.length === 0;
    if (finishing && failure) conditions = ensureCondition(conditions, newCondition('Failed', failure.reason, failure.message, now));
    if (finishing && complete) conditions = ensureCondition(conditions, newCondition('Complete', COMPLETIONS_REACHED.reason, COMPLETIONS_REACHED.message, now));

    const next: JobStatus = {};
    if (conditions.length) next.conditions = conditions;
    if (st.startTime) next.startTime = st.startTime;
    if (finishing && complete) next.completionTime = rfc3339(now);
    else if (st.completionTime) next.completionTime = st.completionTime;
    if (active.length) next.active = active.length;
    if (succeeded) next.succeeded = succeeded;
    if (failed) next.failed = failed;
    if (indexed && completedIdx.size) next.completedIndexes = formatIndexes(completedIdx);
    next.terminating = Math.max(terminating, nowTerminating);
    next.uncountedTerminatedPods = {};
    next.ready = active.filter(isReady).length;
    if (!sameStatus(job.status, next)) {
      const obj = clone(job) as unknown as KObject;
      obj.status = next;
      client.updateStatus('jobs', ns, obj);
    }
    for (const pid of newlyCounted) counted.add(pid);
    for (const p of toRelease) removeFinalizer(p);
    if (finishing) {
      if (complete) recorder.event(job as KObject, 'Normal', 'Completed', 'Job completed');
      else if (failure) recorder.event(job as KObject, 'Warning', failure.reason, failure.message);
      backoff.delete(uid);
    }
    if (requeue !== undefined) return { requeueAfter: requeue };
  }

  function remainingBackoff(rec: BackoffRecord, now: number): number {
    if (!rec.failuresAfterLastSuccess) return 0;
    const d = Math.min(DEFAULT_BACKOFF_MS * 2 ** (rec.failuresAfterLastSuccess - 1), MAX_BACKOFF_MS);
    return Math.max(0, rec.lastFailureTime + d - now);
  }

  function deletePods(job: Job, pods: Pod[]): void {
    for (const p of pods) {
      try {
        client.delete('pods', p.metadata?.namespace, p.metadata?.name ?? '');
        recorder.event(job as KObject, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata?.name}`);
      } catch { /* already gone */ }
    }
  }

  function removeFinalizer(p: Pod): void {
    const fin = (p.metadata?.finalizers ?? []).filter((f) => f !== TRACKING_FINALIZER);
    try {
      client.patch('pods', p.metadata?.namespace, p.metadata?.name ?? '', 'application/merge-patch+json', { metadata: { finalizers: fin.length ? fin : null } });
    } catch { /* gone */ }
  }

  return {
    start() {
      if (jobInf) return;
      const q = (queue = new WorkQueue(clock, (key) => reconcile(key), { baseDelayMs: 5, maxDelayMs: 60_000 }));
      jobInf = createInformer<Job>(client, 'jobs');
      podInf = createInformer<Pod>(client, 'pods');
      jobInf.addHandlers({
        add: (j) => { byUid.set(j.metadata?.uid ?? '', keyOf(j)); q.add(keyOf(j)); },
        update: (_o, j) => q.add(keyOf(j)),
        delete: (j) => { byUid.delete(j.metadata?.uid ?? ''); backoff.delete(j.metadata?.uid ?? ''); },
      });
      podInf.addHandlers({
        add: enqueuePod,
        update: (_o, p) => enqueuePod(p),
        delete: (p) => { counted.delete(p.metadata?.uid ?? ''); enqueuePod(p); },
      });
      podInf.start();
      jobInf.start();
    },
    stop() {
      jobInf?.stop(); podInf?.stop();
      jobInf = podInf = undefined;
      queue?.shutDown();
      queue = undefined;
    },
    reconcile,
  };
}
