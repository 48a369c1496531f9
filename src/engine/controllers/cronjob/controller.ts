import type { CronJob, CronJobStatus, Job } from 'kubernetes-types/batch/v1';
import type { ObjectReference } from 'kubernetes-types/core/v1';
import type { KObject } from '../../types';
import { parseCronSchedule } from '../../api/validation';
import type { CronSchedule } from '../../api/validation';
import { clone, parseTime, rfc3339 } from '../../util';
import type { Controller, ControllerDeps } from '../types';
import { createInformer, keyOf, WorkQueue } from '../runtime';
import type { Informer, ReconcileResult } from '../runtime';
import { mostRecentScheduleTime, nextTime, validTimeZone } from './schedule';
import { jobFromTemplate, jobName, rfc1123z } from './jobs';

/** CronJobController is the running cronjob controller; reconcile is exposed for tests. */
export interface CronJobController extends Controller {
  reconcile(key: string): ReconcileResult | void;
}

const COMPONENT = 'cronjob-controller';
/** NEXT_SCHEDULE_DELTA_MS is nextScheduleDelta: requeue a little after the next activation. */
const NEXT_SCHEDULE_DELTA_MS = 100;

const ownerUid = (j: Job) => (j.metadata?.ownerReferences ?? []).find((r) => r.controller && r.kind === 'CronJob')?.uid;

function finishedCondition(j: Job): string | undefined {
  return (j.status?.conditions ?? []).find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True')?.type;
}

/**
 * createCronJobController models pkg/controller/cronjob (the v2 controller): at each scheduled time it
 * creates a Job named `<cronjob>-<minutes since epoch>`, honours concurrencyPolicy, suspend and
 * startingDeadlineSeconds, tracks status.active / lastScheduleTime / lastSuccessfulTime, and prunes
 * finished Jobs beyond the history limits. Requeues itself for the next activation on the virtual clock.
 */
export function createCronJobController(deps: ControllerDeps): CronJobController {
  const { client, clock } = deps;
  const recorder = deps.recorder(COMPONENT);
  let cjInf: Informer<CronJob> | undefined;
  let jobInf: Informer<Job> | undefined;
  let queue: WorkQueue | undefined;
  const byUid = new Map<string, string>();

  const enqueueJob = (j: Job) => { const k = byUid.get(ownerUid(j) ?? ''); if (k) queue?.add(k); };

  function reconcile(key: string): ReconcileResult | void {
    const cj = cjInf?.get(key);
    if (!cj || !jobInf) return;
    const ns = cj.metadata?.namespace ?? 'default';
    const uid = cj.metadata?.uid ?? '';
    const now = clock.now();
    const jobs = jobInf.list(ns).filter((j) => ownerUid(j) === uid);
    const st: CronJobStatus = clone(cj.status ?? {}) as CronJobStatus;
    let active: ObjectReference[] = [...(st.active ?? [])];
    const inActive = (u?: string) => active.some((a) => a.uid === u);

    // Reconcile status.active with the Jobs that exist (syncCronJob's first half).
    const children = new Set<string>();
    for (const j of jobs) {
      const juid = j.metadata?.uid ?? '';
      children.add(juid);
      const cond = finishedCondition(j);
      if (!inActive(juid) && !cond) {
        recorder.event(cj as KObject, 'Warning', 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${j.metadata?.name}`);
      } else if (inActive(juid) && cond) {
        active = active.filter((a) => a.uid !== juid);
        recorder.event(cj as KObject, 'Normal', 'SawCompletedJob', `Saw completed job: ${j.metadata?.name}, condition: ${cond}`);
      }
      if (cond === 'Complete' && j.status?.completionTime && (!st.lastSuccessfulTime || parseTime(j.status.completionTime) > parseTime(st.lastSuccessfulTime))) {
        st.lastSuccessfulTime = j.status.completionTime;
      }
    }
    for (const a of [...active]) {
      if (children.has(a.uid ?? '')) continue;
      if (client.tryGet('jobs', ns, a.name ?? '')) continue;
      recorder.event(cj as KObject, 'Normal', 'MissingJob', `Active job went missing: ${a.name}`);
      active = active.filter((x) => x.uid !== a.uid);
    }

    const result = cj.metadata?.deletionTimestamp ? undefined : schedule(cj, now, st, () => active, (a) => { active = a; });
    const next: CronJobStatus = {};
    if (active.length) next.active = active;
    if (st.lastScheduleTime) next.lastScheduleTime = st.lastScheduleTime;
    if (st.lastSuccessfulTime) next.lastSuccessfulTime = st.lastSuccessfulTime;
    if (JSON.stringify(next) !== JSON.stringify(cj.status ?? {})) {
      const obj = clone(cj) as unknown as KObject;
      obj.status = next;
      try { client.updateStatus('cronjobs', ns, obj); } catch (e) { if ((e as { code?: number }).code !== 404) throw e; }
    }
    cleanupFinishedJobs(cj, jobs, (name) => { active = active.filter((a) => a.name !== name); });
    return result;
  }

  // Models syncCronJob's second half: decide whether a scheduled time is due and start its Job.
  function schedule(cj: CronJob, now: number, st: CronJobStatus, getActive: () => ObjectReference[], setActive: (a: ObjectReference[]) => void): ReconcileResult | undefined {
    const tz = cj.spec?.timeZone ?? undefined;
    if (tz && !validTimeZone(tz)) {
      recorder.event(cj as KObject, 'Warning', 'UnknownTimeZone', `invalid timeZone: "${tz}": unknown time zone ${tz}`);
      return undefined;
    }
    if (cj.spec?.suspend) return undefined;
    const parsed = parseCronSchedule(cj.spec?.schedule ?? '');
    if (typeof parsed === 'string') {
      recorder.event(cj as KObject, 'Warning', 'UnparseableSchedule', `unparseable schedule: "${cj.spec?.schedule}" : ${parsed}`);
      return undefined;
    }
    const requeue = (from: number): ReconcileResult | undefined => {
      const t = nextTime(parsed, from, tz);
      return t === undefined ? undefined : { requeueAfter: Math.max(0, t - now) + NEXT_SCHEDULE_DELTA_MS };
    };
    let earliest = st.lastScheduleTime ? parseTime(st.lastScheduleTime) : parseTime(cj.metadata?.creationTimestamp ?? rfc3339(now));
    const deadline = cj.spec?.startingDeadlineSeconds;
    if (deadline !== undefined && deadline !== null) earliest = Math.max(earliest, now - deadline * 1000);
    const recent = mostRecentScheduleTime(parsed as CronSchedule, earliest, now, tz);
    if (recent.missed > 100) {
      recorder.event(cj as KObject, 'Warning', 'TooManyMissedTimes', `too many missed start times: ${recent.missed}. Set or decrease .spec.startingDeadlineSeconds or check clock skew`);
    }
    if (recent.time === undefined) return requeue(now);
    const scheduled = recent.time;
    if (deadline !== undefined && deadline !== null && scheduled + deadline * 1000 < now) {
      recorder.event(cj as KObject, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${rfc1123z(scheduled)}`);
      return requeue(now);
    }
    const name = jobName(cj, scheduled);
    if (getActive().some((a) => a.name === name) || (st.lastScheduleTime && parseTime(st.lastScheduleTime) === scheduled)) return requeue(now);
    const policy = cj.spec?.concurrencyPolicy ?? 'Allow';
    if (policy === 'Forbid' && getActive().length) {
      recorder.event(cj as KObject, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid');
      return requeue(now);
    }
    if (policy === 'Replace') {
      for (const a of getActive()) {
        if (deleteJob(cj, a.name ?? '')) setActive(getActive().filter((x) => x.uid !== a.uid));
      }
    }
    let created: KObject;
    try {
      created = client.create('jobs', cj.metadata?.namespace, jobFromTemplate(cj, scheduled));
    } catch (e) {
      if ((e as { code?: number }).code === 409) {
        // The Job exists already (a previous pass created it): record the schedule and move on.
        st.lastScheduleTime = rfc3339(scheduled);
        return requeue(now);
      }
      recorder.event(cj as KObject, 'Warning', 'FailedCreate', `Error creating job: ${(e as Error).message}`);
      throw e;
    }
    recorder.event(cj as KObject, 'Normal', 'SuccessfulCreate', `Created job ${created.metadata.name}`);
    setActive([...getActive(), {
      apiVersion: 'batch/v1', kind: 'Job', name: created.metadata.name, namespace: created.metadata.namespace,
      resourceVersion: created.metadata.resourceVersion, uid: created.metadata.uid,
    }]);
    st.lastScheduleTime = rfc3339(scheduled);
    return requeue(now);
  }

  function deleteJob(cj: CronJob, name: string): boolean {
    try {
      client.delete('jobs', cj.metadata?.namespace, name, { propagationPolicy: 'Background' });
    } catch (e) {
      if ((e as { code?: number }).code !== 404) {
        recorder.event(cj as KObject, 'Warning', 'FailedDelete', `Deleted job: ${(e as Error).message}`);
        return false;
      }
    }
    recorder.event(cj as KObject, 'Normal', 'SuccessfulDelete', `Deleted job ${name}`);
    return true;
  }

  // Models cleanupFinishedJobs / removeOldestJobs: keep the newest finished Jobs up to each limit.
  function cleanupFinishedJobs(cj: CronJob, jobs: Job[], onDelete: (name: string) => void): void {
    const prune = (list: Job[], limit: number | undefined | null) => {
      if (limit === undefined || limit === null) return;
      const sorted = [...list].sort((a, b) => (a.status?.startTime ? parseTime(a.status.startTime) : 0) - (b.status?.startTime ? parseTime(b.status.startTime) : 0));
      for (const j of sorted.slice(0, Math.max(0, sorted.length - limit))) {
        if (deleteJob(cj, j.metadata?.name ?? '')) onDelete(j.metadata?.name ?? '');
      }
    };
    const live = jobs.filter((j) => !j.metadata?.deletionTimestamp);
    prune(live.filter((j) => finishedCondition(j) === 'Complete'), cj.spec?.successfulJobsHistoryLimit);
    prune(live.filter((j) => finishedCondition(j) === 'Failed'), cj.spec?.failedJobsHistoryLimit);
  }

  return {
    start() {
      if (cjInf) return;
      const q = (queue = new WorkQueue(clock, (key) => reconcile(key), { baseDelayMs: 5, maxDelayMs: 60_000 }));
      cjInf = createInformer<CronJob>(client, 'cronjobs');
      jobInf = createInformer<Job>(client, 'jobs');
      cjInf.addHandlers({
        add: (cj) => { byUid.set(cj.metadata?.uid ?? '', keyOf(cj)); q.add(keyOf(cj)); },
        update: (o, cj) => { if (JSON.stringify(o.spec) !== JSON.stringify(cj.spec) || o.metadata?.deletionTimestamp !== cj.metadata?.deletionTimestamp) q.add(keyOf(cj)); },
        delete: (cj) => byUid.delete(cj.metadata?.uid ?? ''),
      });
      jobInf.addHandlers({ add: enqueueJob, update: (_o, j) => enqueueJob(j), delete: enqueueJob });
      jobInf.start();
      cjInf.start();
    },
    stop() {
      cjInf?.stop(); jobInf?.stop();
      cjInf = jobInf = undefined;
      queue?.shutDown();
      queue = undefined;
    },
    reconcile,
  };
}
