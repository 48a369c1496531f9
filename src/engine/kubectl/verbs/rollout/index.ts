// Models k8s.io/kubectl/pkg/cmd/rollout (status, history, undo, restart, pause, resume).
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

const REVISION = 'deployment.kubernetes.io/revision';
const CHANGE_CAUSE = 'kubernetes.io/change-cause';

function one(env: Env): { def: ResourceDef; obj: KObject } {
  const { targets, errors } = collectTargets(env, env.args);
  if (errors.length) throw errors[0];
  if (!targets.length) throw fail('no objects passed to rollout');
  return targets[0];
}

/** rolloutStatusVerb implements `kubectl rollout status`: prints each new message until done. */
export async function rolloutStatusVerb(env: Env): Promise<number> {
  const { def, obj } = one(env);
  const res = clientResource(def);
  const timeout = parseDurationFlag('timeout', env.flags.str('timeout'));
  const watch = env.flags.bool('watch');
  let last = '';
  let rv = '';
  for (;;) {
    const cur = env.client.tryGet(res, obj.metadata.namespace, obj.metadata.name ?? '');
    if (!cur) throw fail(`object has been deleted`);
    rv = cur.metadata.resourceVersion ?? '';
    const s = rolloutStatus(cur);
    if (s.error) throw fail(s.error);
    if (s.message !== last) { env.out(s.message); last = s.message; }
    if (s.done || !watch) return 0;
    const limit = timeout > 0 ? timeout : env.deps.mode === 'interactive' ? Infinity : WATCH_IDLE_MS * 10;
    const seen = rv;
    const ok = await env.ctx.time.waitFor(() => env.client.tryGet(res, obj.metadata.namespace, obj.metadata.name ?? '')?.metadata.resourceVersion !== seen, limit, env.ctx.interrupt);
    if (env.ctx.interrupt.interrupted) return 130;
    if (!ok) throw fail('timed out waiting for the condition');
  }
}

function ownedReplicaSets(env: Env, dep: KObject): KObject[] {
  return env.client.list('replicasets.apps', dep.metadata.namespace)
    .filter((rs) => (rs.metadata.ownerReferences ?? []).some((r) => r.uid === dep.metadata.uid && r.controller));
}

const revisionOf = (o: KObject) => parseInt(o.metadata.annotations?.[REVISION] ?? '0', 10);

/** rolloutHistoryVerb implements `kubectl rollout history` for Deployments. */
export function rolloutHistoryVerb(env: Env): number {
  const { def, obj } = one(env);
  if (def.kind !== 'Deployment') throw fail(`no history viewer has been implemented for ${def.kind}`);
  const rss = ownedReplicaSets(env, obj).filter((rs) => revisionOf(rs) > 0).sort((a, b) => revisionOf(a) - revisionOf(b));
  const wanted = env.flags.int('revision');
  if (wanted > 0) {
    const rs = rss.find((r) => revisionOf(r) === wanted);
    if (!rs) throw fail(`unable to find the specified revision`);
    env.out(`${kindPrefix(def)}/${obj.metadata.name} with revision #${wanted}\n`);
    const tpl = (rs.spec as { template?: { metadata?: { labels?: Record<string, string> }; spec?: { containers?: { name: string; image?: string }[] } } }).template;
    const labels = Object.entries(tpl?.metadata?.labels ?? {}).map(([k, v]) => `${k}=${v}`).join('\n\t');
    let out = `Pod Template:\n  Labels:\t${labels || '<none>'}\n  Containers:\n`;
    for (const c of tpl?.spec?.containers ?? []) out += `   ${c.name}:\n    Image:\t${c.image ?? ''}\n`;
    env.out(out + '\n');
    return 0;
  }
  const rows = [['REVISION', 'CHANGE-CAUSE'], ...rss.map((rs) => [String(revisionOf(rs)), rs.metadata.annotations?.[CHANGE_CAUSE] || '<none>'])];
  env.out(`${kindPrefix(def)}/${obj.metadata.name} \n${formatTable(rows, { minWidth: 0, padding: 2 })}\n`);
  return 0;
}

/** rolloutUndoVerb implements `kubectl rollout undo [--to-revision=N]` for Deployments. */
export function rolloutUndoVerb(env: Env): number {
  const { def, obj } = one(env);
  if (def.kind !== 'Deployment') throw fail(`no rollbacker has been implemented for "${def.group}/${def.kind}"`);
  const rss = ownedReplicaSets(env, obj).sort((a, b) => revisionOf(b) - revisionOf(a));
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
  if (JSON.stringify(current) === JSON.stringify(tpl)) {
    env.out(`${kindPrefix(def)}/${obj.metadata.name} skipped rollback (current template already matches revision ${revisionOf(target)})\n`);
    return 0;
  }
  env.client.patch(clientResource(def), obj.metadata.namespace, obj.metadata.name ?? '', 'application/json-patch+json', [{ op: 'replace', path: '/spec/template', value: tpl }]);
  env.out(`${kindPrefix(def)}/${obj.metadata.name} rolled back\n`);
  return 0;
}

/** rolloutRestartVerb implements `kubectl rollout restart` (restartedAt template annotation). */
export function rolloutRestartVerb(env: Env): number {
  const { targets, errors } = collectTargets(env, env.args);
  for (const { def, obj } of targets) {
    if (!['Deployment', 'DaemonSet', 'StatefulSet'].includes(def.kind)) { errors.push(fail(`${kindPrefix(def)}/${obj.metadata.name} restarting is not supported`)); continue; }
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
    if (!!(obj.spec as { paused?: boolean }).paused === paused) { errors.push(fail(`${clientResource(def)} "${obj.metadata.name}" is ${paused ? 'already paused' : 'not paused'}`)); continue; }
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
