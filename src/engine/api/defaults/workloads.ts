// Models pkg/apis/apps/v1/defaults.go and pkg/apis/batch/v1/defaults.go (plus the job strategy's
// generated selector, which needs metadata.uid and is therefore a separate export).
import { defaultPodTemplate, ensure, setIfUnset, type Obj } from './pod';

/** defaultDeployment applies SetDefaults_Deployment. */
export function defaultDeployment(d: Obj): void {
  const spec = ensure(d, 'spec');
  setIfUnset(spec, 'replicas', 1);
  const strategy = ensure(spec, 'strategy');
  setIfUnset(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') {
    const ru = ensure(strategy, 'rollingUpdate');
    setIfUnset(ru, 'maxUnavailable', '25%');
    setIfUnset(ru, 'maxSurge', '25%');
  }
  setIfUnset(spec, 'revisionHistoryLimit', 10);
  setIfUnset(spec, 'progressDeadlineSeconds', 600);
  defaultPodTemplate(spec.template);
  setIfUnset(d, 'status', {});
}

/** defaultReplicaSet applies SetDefaults_ReplicaSet. */
export function defaultReplicaSet(rs: Obj): void {
  const spec = ensure(rs, 'spec');
  setIfUnset(spec, 'replicas', 1);
  defaultPodTemplate(spec.template);
  setIfUnset(rs, 'status', { replicas: 0 });
}

/** defaultReplicationController applies SetDefaults_ReplicationController (selector and labels from the template). */
export function defaultReplicationController(rc: Obj): void {
  const spec = ensure(rc, 'spec');
  const tmplLabels = spec.template?.metadata?.labels as Obj | undefined;
  if (tmplLabels && Object.keys(tmplLabels).length > 0) {
    if (!spec.selector || Object.keys(spec.selector).length === 0) spec.selector = { ...tmplLabels };
    const meta = ensure(rc, 'metadata');
    if (!meta.labels || Object.keys(meta.labels).length === 0) meta.labels = { ...tmplLabels };
  }
  setIfUnset(spec, 'replicas', 1);
  defaultPodTemplate(spec.template);
  setIfUnset(rc, 'status', { replicas: 0 });
}

/** defaultDaemonSet applies SetDefaults_DaemonSet. */
export function defaultDaemonSet(ds: Obj): void {
  const spec = ensure(ds, 'spec');
  const us = ensure(spec, 'updateStrategy');
  setIfUnset(us, 'type', 'RollingUpdate');
  if (us.type === 'RollingUpdate') {
    const ru = ensure(us, 'rollingUpdate');
    setIfUnset(ru, 'maxUnavailable', 1);
    setIfUnset(ru, 'maxSurge', 0);
  }
  setIfUnset(spec, 'revisionHistoryLimit', 10);
  defaultPodTemplate(spec.template);
  setIfUnset(ds, 'status', { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 });
}

/** defaultStatefulSet applies SetDefaults_StatefulSet (and PVC defaults inside volumeClaimTemplates). */
export function defaultStatefulSet(ss: Obj): void {
  const spec = ensure(ss, 'spec');
  setIfUnset(spec, 'podManagementPolicy', 'OrderedReady');
  const us = ensure(spec, 'updateStrategy');
  setIfUnset(us, 'type', 'RollingUpdate');
  if (us.type === 'RollingUpdate') setIfUnset(ensure(us, 'rollingUpdate'), 'partition', 0);
  const retention = ensure(spec, 'persistentVolumeClaimRetentionPolicy');
  setIfUnset(retention, 'whenDeleted', 'Retain');
  setIfUnset(retention, 'whenScaled', 'Retain');
  setIfUnset(spec, 'replicas', 1);
  setIfUnset(spec, 'revisionHistoryLimit', 10);
  defaultPodTemplate(spec.template);
  for (const pvc of (spec.volumeClaimTemplates as Obj[] | undefined) ?? []) {
    setIfUnset(pvc, 'apiVersion', 'v1');
    setIfUnset(pvc, 'kind', 'PersistentVolumeClaim');
    const meta = ensure(pvc, 'metadata');
    if (!('creationTimestamp' in meta)) meta.creationTimestamp = null;
    setIfUnset(ensure(pvc, 'spec'), 'volumeMode', 'Filesystem');
    setIfUnset(ensure(pvc, 'status'), 'phase', 'Pending');
  }
  setIfUnset(ss, 'status', { availableReplicas: 0, replicas: 0 });
}

/** defaultJobSpecFields applies SetDefaults_Job to a Job's spec (not used for CronJob job templates, as upstream). */
function defaultJobSpecFields(spec: Obj): void {
  if (spec.completions == null && spec.parallelism == null) { spec.completions = 1; spec.parallelism = 1; }
  setIfUnset(spec, 'parallelism', 1);
  setIfUnset(spec, 'backoffLimit', spec.backoffLimitPerIndex != null ? 2147483647 : 6);
  setIfUnset(spec, 'completionMode', 'NonIndexed');
  setIfUnset(spec, 'suspend', false);
  for (const rule of (spec.podFailurePolicy?.rules as Obj[] | undefined) ?? []) {
    for (const c of (rule.onPodConditions as Obj[] | undefined) ?? []) setIfUnset(c, 'status', 'True');
  }
  setIfUnset(spec, 'podReplacementPolicy', spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed');
}

/** defaultJob applies SetDefaults_Job (labels default to the template's). */
export function defaultJob(job: Obj): void {
  const spec = ensure(job, 'spec');
  defaultJobSpecFields(spec);
  const meta = ensure(job, 'metadata');
  const tmplLabels = spec.template?.metadata?.labels as Obj | undefined;
  if (tmplLabels && (!meta.labels || Object.keys(meta.labels).length === 0)) meta.labels = { ...tmplLabels };
  defaultPodTemplate(spec.template);
  setIfUnset(job, 'status', {});
}

/**
 * generateJobSelector is the job strategy's PrepareForCreate selector generation: unless
 * spec.manualSelector is true, it sets spec.selector to batch.kubernetes.io/controller-uid=<uid> and adds
 * controller-uid / job-name labels (both prefixed and legacy) to the template and, when empty, the Job.
 * Call it on create after metadata.uid is assigned and before validateCreate; never on update.
 */
export function generateJobSelector(job: Obj): void {
  const spec = ensure(job, 'spec');
  const meta = ensure(job, 'metadata');
  if (spec.manualSelector === true || !meta.uid) return;
  spec.selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': meta.uid } };
  const tmeta = ensure(ensure(spec, 'template'), 'metadata');
  const labels = ensure(tmeta, 'labels');
  setIfUnset(labels, 'batch.kubernetes.io/controller-uid', meta.uid);
  setIfUnset(labels, 'batch.kubernetes.io/job-name', meta.name);
  setIfUnset(labels, 'controller-uid', meta.uid);
  setIfUnset(labels, 'job-name', meta.name);
  if (!meta.labels || Object.keys(meta.labels).length === 0) meta.labels = { 'batch.kubernetes.io/controller-uid': meta.uid, 'batch.kubernetes.io/job-name': meta.name, 'controller-uid': meta.uid, 'job-name': meta.name };
}

/** defaultCronJob applies SetDefaults_CronJob (only pod-template defaults inside jobTemplate). */
export function defaultCronJob(cj: Obj): void {
  const spec = ensure(cj, 'spec');
  setIfUnset(spec, 'concurrencyPolicy', 'Allow');
  setIfUnset(spec, 'suspend', false);
  setIfUnset(spec, 'successfulJobsHistoryLimit', 3);
  setIfUnset(spec, 'failedJobsHistoryLimit', 1);
  const jt = ensure(spec, 'jobTemplate');
  const jmeta = ensure(jt, 'metadata');
  if (!('creationTimestamp' in jmeta)) jmeta.creationTimestamp = null;
  defaultPodTemplate(ensure(jt, 'spec').template);
  setIfUnset(cj, 'status', {});
}
