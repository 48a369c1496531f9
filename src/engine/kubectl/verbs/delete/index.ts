// Models k8s.io/kubectl/pkg/cmd/delete (delete_flags.go defaults, RunDelete, waitForDeletion).
import type { DeleteOptions, ResourceDef } from '../../../api/types';
import { ApiError } from '../../../api/types';
import type { KObject } from '../../../types';
import type { Env } from '../../env';
import { parseDurationFlag } from '../../duration';
import { fail, formatError, KubectlError } from '../../errors';
import { readManifests } from '../../manifest';
import { clientResource, kindPrefix, NO_RESOURCES_MESSAGE, parseResourceArgs } from '../../resources';
import { dryRunMode } from '../common';

interface Target { def: ResourceDef; ns?: string; name: string; uid?: string }

/** DELETE_WAIT_CAP_MS bounds headless `delete --wait` when --timeout is 0 (virtual time). */
export const DELETE_WAIT_CAP_MS = 10 * 60_000;


function cascade(env: Env): DeleteOptions['propagationPolicy'] {
  const v = env.flags.str('cascade');
  switch (v) {
    case 'background': return 'Background';
    case 'foreground': return 'Foreground';
    case 'orphan': return 'Orphan';
    case 'true':
      env.err('warning: --cascade=true is deprecated (boolean value) and can be replaced with --cascade=background.\n');
      return 'Background';
    case 'false':
      env.err('warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\n');
      return 'Orphan';
    default:
      throw fail(`invalid cascade value (${v}). Must be "background", "foreground", or "orphan".`);
  }
}

/** deleteVerb implements `kubectl delete`. */
export async function deleteVerb(env: Env): Promise<number> {
  const f = env.flags;
  const files = f.list('filename');
  const selector = f.str('selector');
  const fieldSelector = f.str('field-selector');
  const all = f.bool('all');
  const allNs = f.bool('all-namespaces');
  if (!files.length && !env.args.length) throw new KubectlError(NO_RESOURCES_MESSAGE);
  if (files.length && env.args.length) throw fail('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
  let grace = f.int('grace-period');
  if (f.bool('now')) {
    if (grace !== -1) throw fail('--now and --grace-period cannot be specified together');
    grace = 1;
  }
  const force = f.bool('force');
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  const policy = cascade(env);
  const dry = dryRunMode(env);
  const ignoreNotFound = f.bool('ignore-not-found') || all;
  const timeoutFlag = parseDurationFlag('timeout', f.str('timeout'));
  const targets: Target[] = [];
  const errors: unknown[] = [];
  let listed = false;
  if (files.length) {
    for (const item of readManifests(env, files, f.bool('recursive'))) {
      if (item.error) { errors.push(item.error); continue; }
      targets.push({ def: item.def!, ns: item.namespace, name: item.obj!.metadata.name ?? '' });
    }
  } else {
    const sel = parseResourceArgs(env, env.args);
    for (const r of sel.requests) {
      if (r.names) {
        if (selector || all) throw fail('name cannot be provided when a selector is specified');
        for (const name of r.names) targets.push({ def: r.def, ns: r.def.namespaced ? env.namespace() : undefined, name });
        continue;
      }
      if (!selector && !all && !fieldSelector) throw fail('resource(s) were provided, but no name was specified');
      listed = true;
      const ns = r.def.namespaced ? (allNs ? undefined : env.namespace()) : undefined;
      for (const o of env.client.list(clientResource(r.def), ns, { labelSelector: selector || undefined, fieldSelector: fieldSelector || undefined })) {
        targets.push({ def: r.def, ns: o.metadata.namespace, name: o.metadata.name ?? '', uid: o.metadata.uid });
      }
    }
  }
  if (grace === 0 && force) env.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
  const deleted: Target[] = [];
  const output = f.str('output');
  for (const t of targets) {
    const opts: DeleteOptions = { propagationPolicy: policy };
    if (grace >= 0) opts.gracePeriodSeconds = grace;
    if (dry === 'server') opts.dryRun = true;
    try {
      if (dry === 'client') {
        env.client.get(clientResource(t.def), t.ns, t.name);
      } else {
        const res = env.client.delete(clientResource(t.def), t.ns, t.name, opts);
        const obj = res as KObject;
        if (obj && obj.kind !== 'Status' && obj.metadata?.uid) t.uid = obj.metadata.uid;
      }
      deleted.push(t);
      const suffix = dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
      env.out(output === 'name' ? `${kindPrefix(t.def)}/${t.name}\n` : `${kindPrefix(t.def)} "${t.name}" deleted${suffix}\n`);
    } catch (e) {
      if (ignoreNotFound && e instanceof ApiError && e.code === 404) continue;
      errors.push(e);
    }
  }
  if (!targets.length && listed && !errors.length) env.out('No resources found\n');
  if (f.bool('wait') && dry === 'none' && deleted.length) {
    // kubectl waits up to a week when --timeout=0; headless we stop after DELETE_WAIT_CAP_MS so a stuck
    // finalizer cannot spin the virtual clock for days.
    const timeout = timeoutFlag > 0 ? timeoutFlag : env.deps.mode === 'interactive' ? 168 * 3600_000 : DELETE_WAIT_CAP_MS;
    const gone = (t: Target) => {
      const o = env.client.tryGet(clientResource(t.def), t.ns, t.name);
      return !o || (t.uid !== undefined && o.metadata.uid !== t.uid);
    };
    const ok = await env.ctx.time.waitFor(() => deleted.every(gone), timeout, env.ctx.interrupt);
    if (!ok) {
      if (env.ctx.interrupt.interrupted) return 130;
      const left = deleted.filter((t) => !gone(t));
      errors.push(fail(`timed out waiting for the condition on ${left.map((t) => `${clientResource(t.def)}/${t.name}`).join(', ')}`));
    }
  }
  for (const e of errors) env.err(formatError(e));
  return errors.length ? 1 : 0;
}
