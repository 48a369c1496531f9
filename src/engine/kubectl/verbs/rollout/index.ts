// Models k8s.io/kubectl/pkg/cmd/rollout (status, history, undo, restart, pause, resume).
import { qualifiedResource } from '../../../api';
import type { ResourceDef } from '../../../api/types';
import type { KObject } from '../../../types';
import { rfc3339 } from '../../../util/time';
import { WATCH_IDLE_MS, type Env } from '../../env';
import { parseDurationFlag } from '../../duration';
import { fail, formatError } from '../../errors';
import { clientResource, kindPrefix } from '../../resources';
import { formatTable } from '../../table';
import { collectTargets } from '../../targets';
import { rolloutStatus } from './status';
import { podTemplateText } from '../../describe';

const REVISION = 'deployment.kubernetes.io/revision';
const CHANGE_CAUSE = 'kubernetes.io/change-cause';

/** groupKind is schema.GroupKind.String(): `Kind` or `Kind.group`. */
const groupKind = (def: ResourceDef): string => (def.group ? `${def.kind}.${def.group}` : def.kind);

function one(env: Env): { def: ResourceDef; obj: KObject } {
  const { targets, errors } = collectTargets(env, env.args);
  if (errors.length) throw errors[0];
  if (!targets.length) throw fail('no objects passed to rollout');
  return targets[0];
}

/**
 * rolloutStatusVerb implements `kubectl rollout status`: like kubectl's UntilWithSync it prints the status
 * of the listed object, then of every ADDED/MODIFIED watch event (repeats included), until done.
 */
export async function rolloutStatusVerb(env: Env): Promise<number> {
  const { def, obj } = one(env);
  const res = clientResource(def);
  const ns = obj.metadata.namespace;
  const name = obj.metadata.name ?? '';
  const timeout = parseDurationFlag('timeout', env.flags.str('timeout'));
  const wanted = env.flags.int('revision');
  const show = (cur: KObject): boolean => {
    if (wanted > 0 && cur.kind === 'Deployment') {
      const running = revisionOf(cur);
      if (running !== wanted) throw fail(`desired revision (${wanted}) is different from the running revision (${running})`);
    }
    const s = rolloutStatus(cur);
    if (s.error) throw fail(s.error);
    env.out(s.message);
    return s.done;
  };
  const first = env.client.tryGet(res, ns, name);
  if (!first) throw fail(`${clientResource(def)} "${name}" not found`);
  if (show(first) || !env.flags.bool('watch')) return 0;
  const events: Array<{ type: string; object: KObject }> = [];
  const stream = env.client.watch(res, ns, { fieldSelector: `metadata.name=${name}`, resourceVersion: first.metadata.resourceVersion });
  stream.onEvent((e) => { if (e.object.metadata.name === name) events.push(e); });
  // Headless, a silent cluster ends the wait; a Deployment gets until its progress deadline has passed.
  const deadlineMs = ((first.spec as { progressDeadlineSeconds?: number } | undefined)?.progressDeadlineSeconds ?? 0) * 1000 + 5_000;
  const idle = env.deps.mode === 'interactive' ? Infinity : Math.max(WATCH_IDLE_MS * 10, deadlineMs);
  const end = timeout > 0 ? env.clock.now() + timeout : Infinity;
  try {
    for (;;) {
      const limit = Math.min(idle, end - env.clock.now());
      const ok = await env.ctx.time.waitFor(() => events.length > 0, limit, env.ctx.interrupt);
      if (env.ctx.interrupt.interrupted) return 130;
      if (!ok) throw fail('timed out waiting for the condition');
      for (const e of events.splice(0)) {
        if (e.type === 'DELETED') throw fail('object has been deleted');
        if ((e.type === 'ADDED' || e.type === 'MODIFIED') && show(e.object)) return 0;
      }
    }
  } finally {
    stream.close();
  }
}

function ownedReplicaSets(env: Env, dep: KObject): KObject[] {
  return env.client.list('replicasets.apps', dep.metadata.namespace)
    .filter((rs) => (rs.metadata.ownerReferences ?? []).some((r) => r.uid === dep.metadata.uid && r.controller));
}

const revisionOf = (o: KObject): number => parseInt(o.metadata.annotations?.[REVISION] ?? '0', 10);

/** History maps each revision to its pod template and change cause. */
type History = Map<number, { template: Record<string, unknown>; cause?: string }>;

/** daemonSetHistory is DaemonSetHistoryViewer's input: the DaemonSet's ControllerRevisions, each template as applyDaemonSetHistory rebuilds it. */
function daemonSetHistory(env: Env, ds: KObject): History {
  const history: History = new Map();
  for (const rev of env.client.list('controllerrevisions.apps', ds.metadata.namespace)) {
    if (!(rev.metadata.ownerReferences ?? []).some((r) => r.uid === ds.metadata.uid && r.controller)) continue;
    const { $patch: _replace, ...template } = ((rev.data as { spec?: { template?: Record<string, unknown> } } | undefined)?.spec?.template ?? {});
    history.set(Number(rev.revision ?? 0), { template, cause: rev.metadata.annotations?.[CHANGE_CAUSE] });
  }
  return history;
}

/** deploymentHistory is DeploymentHistoryViewer's input: each ReplicaSet's template, with the change cause among its annotations. */
function deploymentHistory(env: Env, dep: KObject): History {
  const history: History = new Map();
  for (const rs of ownedReplicaSets(env, dep)) {
    const tpl = JSON.parse(JSON.stringify((rs.spec as { template?: object }).template ?? {})) as { metadata?: { annotations?: Record<string, string> } };
    const cause = rs.metadata.annotations?.[CHANGE_CAUSE];
    tpl.metadata ??= {};
    tpl.metadata.annotations ??= {};
    if (cause) tpl.metadata.annotations[CHANGE_CAUSE] = cause;
    history.set(revisionOf(rs), { template: tpl as Record<string, unknown>, cause });
  }
  return history;
}

/** rolloutHistoryVerb implements `kubectl rollout history` for Deployments and DaemonSets (their HistoryViewers). */
export function rolloutHistoryVerb(env: Env): number {
  const { def, obj } = one(env);
  const viewer = def.kind === 'Deployment' ? deploymentHistory : def.kind === 'DaemonSet' ? daemonSetHistory : undefined;
  if (!viewer) throw fail(`no history viewer has been implemented for "${groupKind(def)}"`);
  const history = viewer(env, obj);
  const wanted = env.flags.int('revision');
  const head = `${kindPrefix(def)}/${obj.metadata.name}`;
  if (!history.size) { env.out(`${head} \nNo rollout history found.\n`); return 0; }
  if (wanted > 0) {
    const entry = history.get(wanted);
    if (!entry) throw fail('unable to find the specified revision');
    env.out(`${head} with revision #${wanted}\n${podTemplateText(entry.template)}\n`);
    return 0;
  }
  const revs = [...history.keys()].sort((a, b) => a - b);
  const causeOf = (r: number) => history.get(r)?.cause || '<none>';
  const rows = [['REVISION', 'CHANGE-CAUSE'], ...revs.map((r) => [String(r), causeOf(r)])];
  env.out(`${head} \n${formatTable(rows, { minWidth: 0, padding: 2 })}\n`);
  return 0;
}

const ANNOTATIONS_TO_SKIP = new Set(['kubectl.kubernetes.io/last-applied-configuration', REVISION, 'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas', 'deployment.kubernetes.io/max-replicas', 'deprecated.deployment.rollback.to']);

/** canonical renders v with sorted keys (for template equality, as equalIgnoreHash compares). */
function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
}

/**
 * rolloutUndoVerb implements `kubectl rollout undo [--to-revision=N]` for Deployments: kubectl's client-side
 * DeploymentRollbacker copies the chosen RS's template (minus pod-template-hash) and annotations back.
 */
export function rolloutUndoVerb(env: Env): number {
  const { def, obj } = one(env);
  if (def.kind === 'DaemonSet') return undoDaemonSet(env, def, obj);
  if (def.kind !== 'Deployment') throw fail(`no rollbacker has been implemented for "${groupKind(def)}"`);
  if ((obj.spec as { paused?: boolean }).paused) throw fail(`you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again`);
  const rss = ownedReplicaSets(env, obj).filter((r) => r.metadata.annotations?.[REVISION] !== undefined).sort((a, b) => revisionOf(b) - revisionOf(a));
  const to = env.flags.int('to-revision');
  let target: KObject | undefined;
  if (to > 0) {
    target = rss.find((r) => revisionOf(r) === to);
    if (!target) throw fail(`unable to find specified revision ${to} in history`);
  } else {
    if (rss.length < 2) throw fail(`no rollout history found for deployment "${obj.metadata.name}"`);
    target = rss[1];
  }
  const tpl = JSON.parse(JSON.stringify((target.spec as { template: KObject }).template)) as { metadata?: { labels?: Record<string, string> } };
  if (tpl.metadata?.labels) delete tpl.metadata.labels['pod-template-hash'];
  const current = (obj.spec as { template: unknown }).template;
  const prefix = `${kindPrefix(def)}/${obj.metadata.name}`;
  if (canonical(current) === canonical(tpl)) {
    env.out(`${prefix} skipped rollback (current template already matches revision ${revisionOf(target)})\n`);
    return 0;
  }
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj.metadata.annotations ?? {})) if (ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(target.metadata.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  const dry = env.flags.str('dry-run');
  if (dry === 'client') { env.out(`${prefix} rolled back (dry run)\n`); return 0; }
  env.client.patch(clientResource(def), obj.metadata.namespace, obj.metadata.name ?? '', 'application/json-patch+json', [
    { op: 'replace', path: '/spec/template', value: tpl },
    // JSON patch's replace needs the member to exist; a deployment the controller never annotated takes add.
    { op: obj.metadata.annotations ? 'replace' : 'add', path: '/metadata/annotations', value: annotations },
  ], { dryRun: dry === 'server' });
  env.out(`${prefix} rolled back${dry === 'server' ? ' (server dry run)' : ''}\n`);
  return 0;
}

/**
 * undoDaemonSet is DaemonSetRollbacker: a revision's data is the strategic merge patch (`$patch: replace`
 * of the template) that restores it; without --to-revision the one before the newest is chosen.
 */
function undoDaemonSet(env: Env, def: ResourceDef, ds: KObject): number {
  const revisions = daemonSetHistory(env, ds);
  const to = env.flags.int('to-revision');
  if (to <= 0 && revisions.size <= 1) throw fail('no last revision to roll back to');
  const numbers = [...revisions.keys()].sort((a, b) => a - b);
  const target = revisions.get(to > 0 ? to : numbers[numbers.length - 2]);
  if (!target) throw fail(`unable to find specified revision ${to} in history`);
  const prefix = `${kindPrefix(def)}/${ds.metadata.name}`;
  if (canonical((ds.spec as { template?: unknown }).template) === canonical(target.template)) {
    env.out(`${prefix} skipped rollback (current template already matches revision ${to})\n`);
    return 0;
  }
  const dry = env.flags.str('dry-run');
  if (dry === 'client') { env.out(`${prefix} rolled back (dry run)\n`); return 0; }
  env.client.patch(clientResource(def), ds.metadata.namespace, ds.metadata.name ?? '', 'application/strategic-merge-patch+json',
    { spec: { template: { ...target.template, $patch: 'replace' } } }, { dryRun: dry === 'server' });
  env.out(`${prefix} rolled back${dry === 'server' ? ' (server dry run)' : ''}\n`);
  return 0;
}

/** rolloutRestartVerb implements `kubectl rollout restart` (restartedAt template annotation). */
export function rolloutRestartVerb(env: Env): number {
  const { targets, errors } = collectTargets(env, env.args);
  for (const { def, obj } of targets) {
    if (!['Deployment', 'DaemonSet', 'StatefulSet'].includes(def.kind)) { errors.push(fail(`${kindPrefix(def)}/${obj.metadata.name} restarting is not supported`)); continue; }
    if (def.kind === 'Deployment' && (obj.spec as { paused?: boolean }).paused) { errors.push(fail(`can't restart paused deployment (run rollout resume first)`)); continue; }
    const patch = { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': rfc3339(env.clock.now()) } } } } };
    try {
      env.client.patch(clientResource(def), obj.metadata.namespace, obj.metadata.name ?? '', 'application/strategic-merge-patch+json', patch);
      env.out(`${kindPrefix(def)}/${obj.metadata.name} restarted\n`);
    } catch (e) { errors.push(e); }
  }
  for (const e of errors) env.err(formatError(e));
  return errors.length ? 1 : 0;
}

function pauseResume(env: Env, paused: boolean): number {
  const { targets, errors } = collectTargets(env, env.args);
  for (const { def, obj } of targets) {
    if (def.kind !== 'Deployment') { errors.push(fail(`${kindPrefix(def)}/${obj.metadata.name} ${paused ? 'pausing' : 'resuming'} is not supported`)); continue; }
    // The pauser/resumer refuses a deployment already in that state (set.CalculatePatches reports it).
    if (!!(obj.spec as { paused?: boolean }).paused === paused) {
      errors.push(fail(`${qualifiedResource(def)} ${JSON.stringify(obj.metadata.name ?? '')} ${paused ? 'is already paused' : 'is not paused'}`));
      continue;
    }
    try {
      env.client.patch(clientResource(def), obj.metadata.namespace, obj.metadata.name ?? '', 'application/strategic-merge-patch+json', { spec: { paused: paused ? true : null } });
      env.out(`${kindPrefix(def)}/${obj.metadata.name} ${paused ? 'paused' : 'resumed'}\n`);
    } catch (e) { errors.push(e); }
  }
  for (const e of errors) env.err(formatError(e));
  return errors.length ? 1 : 0;
}

/** rolloutPauseVerb implements `kubectl rollout pause`. */
export function rolloutPauseVerb(env: Env): number { return pauseResume(env, true); }

/** rolloutResumeVerb implements `kubectl rollout resume`. */
export function rolloutResumeVerb(env: Env): number { return pauseResume(env, false); }
