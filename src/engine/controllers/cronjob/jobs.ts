// Models pkg/controller/cronjob/utils.go getJobFromTemplate2 and getTimeHashInMinutes.
import type { CronJob } from 'kubernetes-types/batch/v1';
import type { KObject } from '../../types';
import { clone, rfc3339 } from '../../util';
import { zoneOffsetMs } from './schedule';

/** SCHEDULED_TIMESTAMP_ANNOTATION is batchv1.CronJobScheduledTimestampAnnotation (CronJobsScheduledAnnotation, beta in 1.32). */
export const SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

/** jobName is `<cronjob>-<scheduled time in minutes since the epoch>`. */
export function jobName(cj: CronJob, scheduled: number): string {
  return `${cj.metadata?.name}-${Math.floor(scheduled / 60_000)}`;
}

/** rfc3339In formats ms as RFC 3339 in tz (Go's time.Format(time.RFC3339) after In(location)). */
export function rfc3339In(ms: number, tz?: string): string {
  const off = zoneOffsetMs(tz, ms);
  if (!off) return rfc3339(ms);
  const wall = rfc3339(ms + off).replace(/Z$/, '');
  const sign = off < 0 ? '-' : '+';
  const m = Math.abs(off) / 60_000;
  return `${wall}${sign}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** rfc1123z formats ms as Go's time.RFC1123Z in UTC (`Mon, 02 Jan 2006 15:04:05 +0000`). */
export function rfc1123z(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** jobFromTemplate builds the Job a CronJob starts for scheduled: template labels/annotations, the scheduled-timestamp annotation, a controller reference. */
export function jobFromTemplate(cj: CronJob, scheduled: number): KObject {
  const tmpl = cj.spec?.jobTemplate;
  const annotations: Record<string, string> = { ...(tmpl?.metadata?.annotations ?? {}) };
  annotations[SCHEDULED_TIMESTAMP_ANNOTATION] = rfc3339In(scheduled, cj.spec?.timeZone ?? undefined);
  const meta: Record<string, unknown> = { name: jobName(cj, scheduled), namespace: cj.metadata?.namespace };
  if (tmpl?.metadata?.labels) meta.labels = { ...tmpl.metadata.labels };
  meta.annotations = annotations;
  meta.ownerReferences = [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cj.metadata?.name ?? '', uid: cj.metadata?.uid ?? '', controller: true, blockOwnerDeletion: true }];
  return { apiVersion: 'batch/v1', kind: 'Job', metadata: meta as KObject['metadata'], spec: clone(tmpl?.spec ?? {}) };
}
