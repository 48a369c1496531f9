// Models describe.go's Job, CronJob, DaemonSet and StatefulSet describers (kubectl 1.32).
import type { KObject } from '../../types';
import { humanDuration, parseTime } from '../../util';
import { formatDescribeTimestamp } from '../printers';
import {
  describeEvents, eventsFor, formatLabels, printAnnotationsMultiline, printController, printLabelsMultiline, selectorString,
  type DescribeContext, type Obj,
} from './common';
import { describePodTemplate } from './pod';
import { canonical } from './quantity';
import { podStatusCounts } from './workloads';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './writer';

const isSet = (v: unknown): boolean => v !== undefined && v !== null;

function capIndexes(indexes: string | undefined, softLimit: number): string {
  if (!indexes) return '<none>';
  let ix = softLimit;
  for (; ix < indexes.length; ix++) if (indexes[ix] === ',') break;
  return ix >= indexes.length ? indexes : indexes.slice(0, ix + 1) + '...';
}

/** describeJob renders `kubectl describe job`. */
export function describeJob(job: KObject, ctx: DescribeContext): string {
  const j = job as Obj;
  const spec = (j.spec ?? {}) as Obj;
  const st = (j.status ?? {}) as Obj;
  const events = eventsFor(job, ctx);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${job.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${job.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorString(spec.selector)}\n`);
    printLabelsMultiline(w, 'Labels', job.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', job.metadata.annotations);
    const controlledBy = printController(job);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (isSet(spec.parallelism)) w.write(LEVEL_0, `Parallelism:\t${spec.parallelism}\n`);
    w.write(LEVEL_0, isSet(spec.completions) ? `Completions:\t${spec.completions}\n` : 'Completions:\t<unset>\n');
    if (isSet(spec.completionMode)) w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode}\n`);
    if (isSet(spec.suspend)) w.write(LEVEL_0, `Suspend:\t${spec.suspend}\n`);
    if (isSet(spec.backoffLimit)) w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit}\n`);
    if (isSet(spec.ttlSecondsAfterFinished)) w.write(LEVEL_0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
    if (st.startTime) w.write(LEVEL_0, `Start Time:\t${formatDescribeTimestamp(st.startTime)}\n`);
    if (st.completionTime) w.write(LEVEL_0, `Completed At:\t${formatDescribeTimestamp(st.completionTime)}\n`);
    if (st.startTime && st.completionTime) w.write(LEVEL_0, `Duration:\t${humanDuration(parseTime(st.completionTime) - parseTime(st.startTime))}\n`);
    if (isSet(spec.activeDeadlineSeconds)) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
    const counts = `${st.active ?? 0} Active`;
    if (!isSet(st.ready)) w.write(LEVEL_0, `Pods Statuses:\t${counts} / ${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed\n`);
    else w.write(LEVEL_0, `Pods Statuses:\t${counts} (${st.ready} Ready) / ${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed\n`);
    if (spec.completionMode === 'Indexed') w.write(LEVEL_0, `Completed Indexes:\t${capIndexes(st.completedIndexes, 50)}\n`);
    describePodTemplate(spec.template, w);
    if (events) describeEvents(events, w, ctx.now);
  });
}

function describeJobTemplate(t: Obj | undefined, w: PrefixWriter): void {
  const spec = (t?.spec ?? {}) as Obj;
  w.write(LEVEL_0, spec.selector ? `Selector:\t${selectorString(spec.selector)}\n` : 'Selector:\t<unset>\n');
  w.write(LEVEL_0, isSet(spec.parallelism) ? `Parallelism:\t${spec.parallelism}\n` : 'Parallelism:\t<unset>\n');
  w.write(LEVEL_0, isSet(spec.completions) ? `Completions:\t${spec.completions}\n` : 'Completions:\t<unset>\n');
  if (isSet(spec.activeDeadlineSeconds)) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  describePodTemplate(spec.template, w);
}

/** describeCronJob renders `kubectl describe cronjob`. */
export function describeCronJob(cj: KObject, ctx: DescribeContext): string {
  const c = cj as Obj;
  const spec = (c.spec ?? {}) as Obj;
  const events = eventsFor(cj, ctx);
  const unset = (label: string, v: unknown, suffix = '') => `${label}:\t${isSet(v) ? `${v}${suffix}` : '<unset>'}\n`;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${cj.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${cj.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', cj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', cj.metadata.annotations);
    w.write(LEVEL_0, `Schedule:\t${spec.schedule ?? ''}\n`);
    w.write(LEVEL_0, `Concurrency Policy:\t${spec.concurrencyPolicy ?? ''}\n`);
    w.write(LEVEL_0, `Suspend:\t${isSet(spec.suspend) ? (spec.suspend ? 'True' : 'False') : '<unset>'}\n`);
    w.write(LEVEL_0, unset('Successful Job History Limit', spec.successfulJobsHistoryLimit));
    w.write(LEVEL_0, unset('Failed Job History Limit', spec.failedJobsHistoryLimit));
    w.write(LEVEL_0, unset('Starting Deadline Seconds', spec.startingDeadlineSeconds, 's'));
    describeJobTemplate(spec.jobTemplate, w);
    const last = c.status?.lastScheduleTime;
    w.write(LEVEL_0, `Last Schedule Time:\t${last ? formatDescribeTimestamp(last) : '<unset>'}\n`);
    w.write(LEVEL_0, 'Active Jobs:\t');
    const active = (c.status?.active ?? []) as Obj[];
    if (active.length === 0) w.writeLine('<none>');
    else { w.write(LEVEL_0, active.map((a) => a.name).join(', ')); w.writeLine(''); }
    if (events) describeEvents(events, w, ctx.now);
  });
}

/** describeDaemonSet renders `kubectl describe daemonset`. */
export function describeDaemonSet(ds: KObject, ctx: DescribeContext): string {
  const d = ds as Obj;
  const st = (d.status ?? {}) as Obj;
  const selector = selectorString(d.spec?.selector);
  const pods = podStatusCounts(ctx, ds.metadata.namespace ?? '', selector, ds.metadata.uid);
  const events = eventsFor(ds, ctx);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ds.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${selector}\n`);
    w.write(LEVEL_0, `Node-Selector:\t${formatLabels(d.spec?.template?.spec?.nodeSelector)}\n`);
    printLabelsMultiline(w, 'Labels', ds.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ds.metadata.annotations);
    w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${st.desiredNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${st.currentNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${st.updatedNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${st.numberAvailable ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Misscheduled: ${st.numberMisscheduled ?? 0}\n`);
    w.write(LEVEL_0, `Pods Status:\t${pods}\n`);
    describePodTemplate(d.spec?.template, w);
    if (events) describeEvents(events, w, ctx.now);
  });
}

/** describeStatefulSet renders `kubectl describe statefulset`. */
export function describeStatefulSet(ss: KObject, ctx: DescribeContext): string {
  const s = ss as Obj;
  const spec = (s.spec ?? {}) as Obj;
  const selector = selectorString(spec.selector);
  const pods = podStatusCounts(ctx, ss.metadata.namespace ?? '', selector, ss.metadata.uid);
  const events = eventsFor(ss, ctx);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ss.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${ss.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${formatDescribeTimestamp(ss.metadata.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Selector:\t${selector}\n`);
    printLabelsMultiline(w, 'Labels', ss.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ss.metadata.annotations);
    w.write(LEVEL_0, `Replicas:\t${spec.replicas ?? 0} desired | ${s.status?.replicas ?? 0} total\n`);
    w.write(LEVEL_0, `Update Strategy:\t${spec.updateStrategy?.type ?? ''}\n`);
    const ru = spec.updateStrategy?.rollingUpdate;
    if (ru && isSet(ru.partition)) {
      w.write(LEVEL_1, `Partition:\t${ru.partition}\n`);
      if (isSet(ru.maxUnavailable)) w.write(LEVEL_1, `MaxUnavailable:\t${ru.maxUnavailable}\n`);
    }
    w.write(LEVEL_0, `Pods Status:\t${pods}\n`);
    describePodTemplate(spec.template, w);
    const claims = (spec.volumeClaimTemplates ?? []) as Obj[];
    if (claims.length === 0) w.write(LEVEL_0, 'Volume Claims:\t<none>\n');
    else {
      w.write(LEVEL_0, 'Volume Claims:\n');
      for (const pvc of claims) {
        w.write(LEVEL_1, `Name:\t${pvc.metadata?.name ?? ''}\n`);
        w.write(LEVEL_1, `StorageClass:\t${pvc.spec?.storageClassName ?? pvc.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? ''}\n`);
        printLabelsMultiline(w, 'Labels', pvc.metadata?.labels, '  ');
        printLabelsMultiline(w, 'Annotations', pvc.metadata?.annotations, '  ');
        const cap = pvc.spec?.resources?.requests?.storage;
        w.write(LEVEL_1, `Capacity:\t${cap !== undefined ? canonical(cap) : '<default>'}\n`);
        w.write(LEVEL_1, `Access Modes:\t[${((pvc.spec?.accessModes ?? []) as string[]).join(' ')}]\n`);
      }
    }
    if (events) describeEvents(events, w, ctx.now);
  });
}
