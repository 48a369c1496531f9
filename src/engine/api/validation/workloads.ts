// Models pkg/apis/apps/validation and pkg/apis/batch/validation (v1.32) plus core ReplicationController.
import type { FieldError } from './field-error';
import {
  forbidden, goIntOrString, goLabelSelector, goMapStringString, immutable, invalid, isDNS1123Subdomain, isQualifiedName,
  isValidLabelValue, nonNegative, notSupported, Raw, regexError, required,
} from './messages';
import { nameWith, sameValue, validateObjectMeta, validateObjectMetaUpdate, type Obj } from './meta';
import { validatePodTemplateSpec } from './pod';
import { parseCronError } from './cron';

const subdomain = nameWith(isDNS1123Subdomain);

/** selectorMatches reports whether a metav1.LabelSelector matches labels (nil selector matches nothing). */
export function selectorMatches(sel: Obj | undefined | null, labels: Record<string, string> | undefined): boolean {
  if (!sel) return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries((sel.matchLabels as Record<string, string> | undefined) ?? {})) if (l[k] !== v) return false;
  for (const e of (sel.matchExpressions as Obj[] | undefined) ?? []) {
    const vals: string[] = e.values ?? [];
    const has = e.key in l;
    switch (e.operator) {
      case 'In': if (!has || !vals.includes(l[e.key])) return false; break;
      case 'NotIn': if (has && vals.includes(l[e.key])) return false; break;
      case 'Exists': if (!has) return false; break;
      case 'DoesNotExist': if (has) return false; break;
      default: return false;
    }
  }
  return true;
}

const selectorEmpty = (sel: Obj | undefined | null): boolean => !sel || (Object.keys(sel.matchLabels ?? {}).length + ((sel.matchExpressions as unknown[] | undefined) ?? []).length === 0);

/** validateLabelSelector is ValidateLabelSelector (keys, values, operators). */
export function validateLabelSelector(sel: Obj | undefined | null, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!sel) return errs;
  ((sel.matchExpressions as Obj[] | undefined) ?? []).forEach((e, i) => {
    const p = `${path}.matchExpressions[${i}]`;
    switch (e.operator) {
      case 'In': case 'NotIn':
        if (!e.values || e.values.length === 0) errs.push(required(`${p}.values`, 'must be specified when `operator` is \'In\' or \'NotIn\''));
        break;
      case 'Exists': case 'DoesNotExist':
        if (e.values && e.values.length > 0) errs.push(forbidden(`${p}.values`, 'may not be specified when `operator` is \'Exists\' or \'DoesNotExist\''));
        break;
      default:
        errs.push(invalid(`${p}.operator`, e.operator ?? '', 'not a valid selector operator'));
    }
    for (const m of isQualifiedName(String(e.key ?? ''))) errs.push(invalid(`${p}.key`, e.key ?? '', m));
    ((e.values as string[] | undefined) ?? []).forEach((v, j) => { for (const m of isValidLabelValue(v)) errs.push(invalid(`${p}.values[${j}]`, v, m)); });
  });
  const ml: Record<string, string> = sel.matchLabels ?? {};
  for (const k of Object.keys(ml).sort()) {
    for (const m of isQualifiedName(k)) errs.push(invalid(`${path}.matchLabels`, k, m));
    for (const m of isValidLabelValue(String(ml[k]))) errs.push(invalid(`${path}.matchLabels`, ml[k], m));
  }
  return errs;
}

function mismatch(path: string, labels: Record<string, string> | undefined): FieldError {
  return invalid(path, new Raw(goMapStringString(labels)), '`selector` does not match template `labels`');
}

function templateForReplicaSet(tmpl: Obj | undefined, sel: Obj | undefined, path: string, kind: string): FieldError[] {
  if (!tmpl) return [required(path)];
  const errs: FieldError[] = [];
  if (!selectorEmpty(sel) && !selectorMatches(sel, tmpl.metadata?.labels)) errs.push(mismatch(`${path}.metadata.labels`, tmpl.metadata?.labels));
  errs.push(...validatePodTemplateSpec(tmpl, path));
  const rp = tmpl.spec?.restartPolicy;
  if (rp !== 'Always') errs.push(notSupported(`${path}.spec.restartPolicy`, rp ?? '', ['Always']));
  if (tmpl.spec?.activeDeadlineSeconds != null) errs.push(forbidden(`${path}.spec.activeDeadlineSeconds`, `activeDeadlineSeconds in ${kind} is not Supported`));
  return errs;
}

function selectorChecks(sel: Obj | undefined, path: string, what: string): FieldError[] {
  if (!sel) return [required(path)];
  const errs = validateLabelSelector(sel, path);
  if (selectorEmpty(sel)) errs.push(invalid(path, new Raw(goLabelSelector(sel)), `empty selector is invalid for ${what}`));
  return errs;
}

const intOrPercentValue = (v: unknown): number => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+%$/.test(v) ? Number(v.slice(0, -1)) : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : 0);

function positiveIntOrPercent(v: unknown, path: string): FieldError[] {
  if (typeof v === 'string') {
    return /^[0-9]+%$/.test(v) ? [] : [invalid(path, new Raw(goIntOrString(v)), regexError("a valid percent string must be a numeric string followed by an ending '%'", '[0-9]+%', '1%', '93%'))];
  }
  if (typeof v === 'number') return v < 0 ? [invalid(path, v, 'must be greater than or equal to 0')] : [];
  return [];
}

function validateDeploymentStrategy(st: Obj | undefined, path: string): FieldError[] {
  const s = st ?? {};
  const errs: FieldError[] = [];
  switch (s.type) {
    case 'Recreate':
      if (s.rollingUpdate) errs.push(forbidden(`${path}.rollingUpdate`, "may not be specified when strategy `type` is 'Recreate'"));
      break;
    case 'RollingUpdate': {
      const ru: Obj | undefined = s.rollingUpdate;
      if (!ru) { errs.push(required(`${path}.rollingUpdate`, 'this should be defaulted and never be nil')); break; }
      const p = `${path}.rollingUpdate`;
      errs.push(...positiveIntOrPercent(ru.maxUnavailable, `${p}.maxUnavailable`), ...positiveIntOrPercent(ru.maxSurge, `${p}.maxSurge`));
      if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
        errs.push(invalid(`${p}.maxUnavailable`, new Raw(goIntOrString(ru.maxUnavailable)), 'may not be 0 when `maxSurge` is 0'));
      }
      if (typeof ru.maxUnavailable === 'string' && intOrPercentValue(ru.maxUnavailable) > 100) errs.push(invalid(`${p}.maxUnavailable`, new Raw(goIntOrString(ru.maxUnavailable)), 'must not be greater than 100%'));
      break;
    }
    default:
      errs.push(notSupported(path, new Raw(`apps.DeploymentStrategy{Type:${JSON.stringify(s.type ?? '')}, RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}`), ['Recreate', 'RollingUpdate']));
  }
  return errs;
}

/** validateDeployment is ValidateDeployment. */
export function validateDeployment(d: Obj): FieldError[] {
  const errs = validateObjectMeta(d.metadata, true, subdomain);
  const spec: Obj = d.spec ?? {};
  errs.push(...nonNegative('spec.replicas', spec.replicas));
  errs.push(...selectorChecks(spec.selector, 'spec.selector', 'deployment'));
  errs.push(...templateForReplicaSet(spec.template, spec.selector, 'spec.template', 'ReplicaSet'));
  errs.push(...validateDeploymentStrategy(spec.strategy, 'spec.strategy'));
  errs.push(...nonNegative('spec.minReadySeconds', spec.minReadySeconds));
  errs.push(...nonNegative('spec.revisionHistoryLimit', spec.revisionHistoryLimit));
  if (spec.progressDeadlineSeconds != null) {
    errs.push(...nonNegative('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds));
    if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) errs.push(invalid('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
  }
  return errs;
}

/** validateReplicaSet is ValidateReplicaSet. */
export function validateReplicaSet(rs: Obj): FieldError[] {
  const errs = validateObjectMeta(rs.metadata, true, subdomain);
  const spec: Obj = rs.spec ?? {};
  errs.push(...nonNegative('spec.replicas', spec.replicas), ...nonNegative('spec.minReadySeconds', spec.minReadySeconds));
  errs.push(...selectorChecks(spec.selector, 'spec.selector', 'deployment'));
  errs.push(...templateForReplicaSet(spec.template, spec.selector, 'spec.template', 'ReplicaSet'));
  return errs;
}

/** validateReplicationController is ValidateReplicationController (core). */
export function validateReplicationController(rc: Obj): FieldError[] {
  const errs = validateObjectMeta(rc.metadata, true, subdomain);
  const spec: Obj = rc.spec ?? {};
  errs.push(...nonNegative('spec.minReadySeconds', spec.minReadySeconds));
  const sel: Record<string, string> = spec.selector ?? {};
  if (Object.keys(sel).length === 0) errs.push(required('spec.selector'));
  errs.push(...nonNegative('spec.replicas', spec.replicas));
  if (!spec.template) errs.push(required('spec.template'));
  else {
    const labels: Record<string, string> = spec.template.metadata?.labels ?? {};
    if (Object.keys(sel).length > 0 && !Object.entries(sel).every(([k, v]) => labels[k] === v)) errs.push(mismatch('spec.template.metadata.labels', spec.template.metadata?.labels));
    errs.push(...validatePodTemplateSpec(spec.template, 'spec.template'));
    if (spec.template.spec?.restartPolicy !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', spec.template.spec?.restartPolicy ?? '', ['Always']));
    if (spec.template.spec?.activeDeadlineSeconds != null) errs.push(forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in ReplicationController is not Supported'));
  }
  return errs;
}

/** validateDaemonSet is ValidateDaemonSet (a nil selector matches nothing, so only the mismatch is reported). */
export function validateDaemonSet(ds: Obj): FieldError[] {
  const errs = validateObjectMeta(ds.metadata, true, subdomain);
  const spec: Obj = ds.spec ?? {};
  errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  const tl = spec.template?.metadata?.labels;
  if (!selectorMatches(spec.selector, tl) && !(spec.selector && selectorEmpty(spec.selector))) errs.push(mismatch('spec.template.metadata.labels', tl));
  if (spec.selector && selectorEmpty(spec.selector)) errs.push(invalid('spec.selector', new Raw(goLabelSelector(spec.selector)), 'empty selector is invalid for daemonset'));
  errs.push(...validatePodTemplateSpec(spec.template, 'spec.template'));
  if (spec.template?.spec?.restartPolicy !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', spec.template?.spec?.restartPolicy ?? '', ['Always']));
  if (spec.template?.spec?.activeDeadlineSeconds != null) errs.push(invalid('spec.template.spec.activeDeadlineSeconds', spec.template.spec.activeDeadlineSeconds, 'activeDeadlineSeconds must be nil for daemons'));
  errs.push(...nonNegative('spec.minReadySeconds', spec.minReadySeconds));
  const us: Obj = spec.updateStrategy ?? {};
  if (!us.type) errs.push(required('spec.updateStrategy.type'));
  else if (!['OnDelete', 'RollingUpdate'].includes(us.type)) errs.push(notSupported('spec.updateStrategy.type', us.type, ['OnDelete', 'RollingUpdate']));
  if (us.type === 'RollingUpdate' && us.rollingUpdate) {
    const p = 'spec.updateStrategy.rollingUpdate';
    errs.push(...positiveIntOrPercent(us.rollingUpdate.maxUnavailable, `${p}.maxUnavailable`), ...positiveIntOrPercent(us.rollingUpdate.maxSurge, `${p}.maxSurge`));
    if (intOrPercentValue(us.rollingUpdate.maxUnavailable) === 0 && intOrPercentValue(us.rollingUpdate.maxSurge) === 0) {
      errs.push(invalid(`${p}.maxUnavailable`, new Raw(goIntOrString(us.rollingUpdate.maxUnavailable)), 'may not be 0 when `maxSurge` is 0'));
    }
  }
  errs.push(...nonNegative('spec.revisionHistoryLimit', spec.revisionHistoryLimit));
  return errs;
}

/** validateStatefulSet is ValidateStatefulSet. */
export function validateStatefulSet(ss: Obj): FieldError[] {
  const errs = validateObjectMeta(ss.metadata, true, subdomain);
  const spec: Obj = ss.spec ?? {};
  const pmp = spec.podManagementPolicy;
  if (!pmp) errs.push(required('spec.podManagementPolicy'));
  else if (pmp !== 'OrderedReady' && pmp !== 'Parallel') errs.push(invalid('spec.podManagementPolicy', pmp, "must be 'OrderedReady' or 'Parallel'"));
  const us: Obj = spec.updateStrategy ?? {};
  if (!us.type) errs.push(required('spec.updateStrategy'));
  else if (us.type === 'OnDelete' && us.rollingUpdate) errs.push(invalid('spec.updateStrategy.rollingUpdate', JSON.stringify(us.rollingUpdate), "only allowed for updateStrategy 'RollingUpdate'"));
  else if (us.type === 'RollingUpdate' && us.rollingUpdate) errs.push(...nonNegative('spec.updateStrategy.rollingUpdate.partition', us.rollingUpdate.partition));
  else if (us.type !== 'OnDelete' && us.type !== 'RollingUpdate') errs.push(invalid('spec.updateStrategy', new Raw(`apps.StatefulSetUpdateStrategy{Type:${JSON.stringify(us.type)}, RollingUpdate:(*apps.RollingUpdateStatefulSetStrategy)(nil)}`), "must be 'RollingUpdate' or 'OnDelete'"));
  errs.push(...nonNegative('spec.replicas', spec.replicas), ...nonNegative('spec.minReadySeconds', spec.minReadySeconds));
  errs.push(...selectorChecks(spec.selector, 'spec.selector', 'statefulset'));
  const tmpl: Obj | undefined = spec.template;
  if (spec.selector && !selectorEmpty(spec.selector) && !selectorMatches(spec.selector, tmpl?.metadata?.labels)) errs.push(mismatch('spec.template.metadata.labels', tmpl?.metadata?.labels));
  errs.push(...validatePodTemplateSpec(tmpl, 'spec.template'));
  if (tmpl?.spec?.restartPolicy !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', tmpl?.spec?.restartPolicy ?? '', ['Always']));
  if (tmpl?.spec?.activeDeadlineSeconds != null) errs.push(forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in StatefulSet is not Supported'));
  return errs;
}

/** validateAppsUpdate adds apps/v1's immutable selector (and StatefulSet's frozen spec fields) to the create checks. */
export function validateAppsUpdate(resource: string, obj: Obj, old: Obj, create: (o: Obj) => FieldError[]): FieldError[] {
  const errs = validateObjectMetaUpdate(obj.metadata, old.metadata);
  errs.push(...create(obj).filter((e) => !e.field.startsWith('metadata.')));
  if (resource === 'statefulsets') {
    const strip = (s: Obj | undefined): Obj => {
      const c: Obj = { ...(s ?? {}) };
      for (const k of ['replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds']) delete c[k];
      return c;
    };
    if (!sameValue(strip(obj.spec), strip(old.spec))) {
      errs.push(forbidden('spec', "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"));
    }
  } else if (!sameValue(obj.spec?.selector, old.spec?.selector)) {
    errs.push(immutable('spec.selector', new Raw(goLabelSelector(obj.spec?.selector))));
  }
  return errs;
}

/** validateJobSpecCommon is validateJobSpec (shared by Job and CronJob's jobTemplate) at path. */
function validateJobSpecCommon(spec: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished']) errs.push(...nonNegative(`${path}.${f}`, spec[f]));
  if (spec.completionMode != null) {
    if (spec.completionMode !== 'NonIndexed' && spec.completionMode !== 'Indexed') errs.push(notSupported(`${path}.completionMode`, spec.completionMode, ['NonIndexed', 'Indexed']));
    if (spec.completionMode === 'Indexed' && spec.completions == null) errs.push(required(`${path}.completions`, 'when completion mode is Indexed'));
  }
  errs.push(...validatePodTemplateSpec(spec.template, `${path}.template`));
  const rp = spec.template?.spec?.restartPolicy;
  const rpPath = `${path}.template.spec.restartPolicy`;
  if (rp === 'Always' || !rp) errs.push(required(rpPath, 'valid values: "OnFailure", "Never"'));
  else if (rp !== 'OnFailure' && rp !== 'Never') errs.push(notSupported(rpPath, rp, ['OnFailure', 'Never']));
  else if (spec.podFailurePolicy && rp !== 'Never') errs.push(invalid(rpPath, rp, 'only "Never" is supported when podFailurePolicy is specified'));
  if (spec.podReplacementPolicy != null && !['TerminatingOrFailed', 'Failed'].includes(spec.podReplacementPolicy)) {
    errs.push(notSupported(`${path}.podReplacementPolicy`, spec.podReplacementPolicy, ['Failed', 'TerminatingOrFailed']));
  }
  return errs;
}

/** validateJob is ValidateJob (selector required and matching the template). */
export function validateJob(job: Obj): FieldError[] {
  const errs = validateObjectMeta(job.metadata, true, subdomain);
  const spec: Obj = job.spec ?? {};
  errs.push(...validateJobSpecCommon(spec, 'spec'));
  // The strategy generates the selector unless manualSelector is true (see defaults' generateJobSelector),
  // so a missing selector is only reported for manual selectors.
  if (!spec.selector) { if (spec.manualSelector === true) errs.push(required('spec.selector')); }
  else errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  if (spec.selector && !selectorMatches(spec.selector, spec.template?.metadata?.labels) && !selectorEmpty(spec.selector)) errs.push(mismatch('spec.template.metadata.labels', spec.template?.metadata?.labels));
  return errs;
}

function templateRaw(): Raw {
  return new Raw('core.PodTemplateSpec{ObjectMeta:v1.ObjectMeta{...}, Spec:core.PodSpec{...}}');
}

/** validateJobUpdate is ValidateJobUpdate: selector, completions, completionMode and template are immutable. */
export function validateJobUpdate(job: Obj, old: Obj): FieldError[] {
  const errs = validateObjectMetaUpdate(job.metadata, old.metadata);
  errs.push(...validateJob(job).filter((e) => !e.field.startsWith('metadata.')));
  const s: Obj = job.spec ?? {};
  const o: Obj = old.spec ?? {};
  if (s.completionMode !== 'Indexed' && s.completions !== o.completions) errs.push(immutable('spec.completions', s.completions ?? null));
  if (!sameValue(s.selector, o.selector)) errs.push(immutable('spec.selector', new Raw(goLabelSelector(s.selector))));
  if (!sameValue(s.template, o.template)) errs.push(immutable('spec.template', templateRaw()));
  if ((s.completionMode ?? null) !== (o.completionMode ?? null)) errs.push(immutable('spec.completionMode', s.completionMode ?? null));
  return errs;
}

/** validateCronJob is ValidateCronJobCreate (schedule syntax via robfig/cron, 52-character name limit). */
export function validateCronJob(cj: Obj, old?: Obj): FieldError[] {
  const errs = old ? validateObjectMetaUpdate(cj.metadata, old.metadata) : validateObjectMeta(cj.metadata, true, subdomain);
  const spec: Obj = cj.spec ?? {};
  if (!spec.schedule) errs.push(required('spec.schedule'));
  else {
    const err = parseCronError(spec.schedule);
    if (err) errs.push(invalid('spec.schedule', spec.schedule, err));
    const allowTZ = !!old && String(old.spec?.schedule ?? '').includes('TZ');
    if (allowTZ && spec.schedule.includes('TZ') && spec.timeZone != null) errs.push(invalid('spec.schedule', spec.schedule, 'cannot use both timeZone field and TZ or CRON_TZ in schedule'));
    else if (!allowTZ && spec.schedule.includes('TZ')) errs.push(invalid('spec.schedule', spec.schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  }
  errs.push(...nonNegative('spec.startingDeadlineSeconds', spec.startingDeadlineSeconds));
  const cp = spec.concurrencyPolicy;
  if (!cp) errs.push(required('spec.concurrencyPolicy'));
  else if (!['Allow', 'Forbid', 'Replace'].includes(cp)) errs.push(notSupported('spec.concurrencyPolicy', cp, ['Allow', 'Forbid', 'Replace']));
  const jt: Obj = spec.jobTemplate?.spec ?? {};
  errs.push(...validateJobSpecCommon(jt, 'spec.jobTemplate.spec'));
  if (jt.selector) errs.push(invalid('spec.jobTemplate.spec.selector', new Raw(goLabelSelector(jt.selector)), '`selector` will be auto-generated'));
  if (jt.manualSelector === true) errs.push(notSupported('spec.jobTemplate.spec.manualSelector', true, ['nil', 'false']));
  errs.push(...nonNegative('spec.successfulJobsHistoryLimit', spec.successfulJobsHistoryLimit), ...nonNegative('spec.failedJobsHistoryLimit', spec.failedJobsHistoryLimit));
  if (!old && (cj.metadata?.name ?? '').length > 52) errs.push(invalid('metadata.name', cj.metadata.name, 'must be no more than 52 characters'));
  return errs;
}
