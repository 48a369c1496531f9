// Models k8s.io/kubectl/pkg/cmd/patch (--type strategic|merge|json, "patched (no change)").
import type { PatchType } from '../../../api/types';
import { changeCausePatch } from '../../record';
import type { Env } from '../../env';
import { fail, formatError } from '../../errors';
import { formatObjects } from '../../output';
import { clientResource, kindPrefix } from '../../resources';
import { collectTargets } from '../../targets';
import { parseYaml } from '../../../util/yaml';
import { dryRunMode } from '../common';

const TYPES: Record<string, PatchType> = {
  strategic: 'application/strategic-merge-patch+json',
  merge: 'application/merge-patch+json',
  json: 'application/json-patch+json',
};

/** patchVerb implements `kubectl patch`. */
export function patchVerb(env: Env): number {
  const f = env.flags;
  let text = f.str('patch');
  if (f.str('patch-file')) {
    const p = env.ctx.fs.resolve(env.ctx.cwd, f.str('patch-file'));
    if (!env.ctx.fs.exists(p)) throw fail(`unable to read patch file: open ${f.str('patch-file')}: no such file or directory`);
    text = env.ctx.fs.readFile(p);
  }
  if (!text) throw fail('must specify --patch or --patch-file containing the contents of the patch');
  const type = TYPES[f.str('type').toLowerCase()];
  if (!type) throw fail(`--type must be one of [json merge strategic], not "${f.str('type')}"`);
  let body: unknown;
  try { body = parseYaml(text); } catch (e) { throw fail(`unable to parse "${text}": ${(e as Error).message}`); }
  const { targets, errors } = collectTargets(env, env.args);
  const dry = dryRunMode(env);
  const sub = f.str('subresource') || undefined;
  for (const t of targets) {
    try {
      const res = clientResource(t.def);
      const before = t.obj.metadata.resourceVersion;
      let after = env.client.patch(res, t.obj.metadata.namespace, t.obj.metadata.name ?? '', type, body, { dryRun: dry !== 'none', subresource: sub });
      // --record adds the change cause with a second (merge) patch, as kubectl's Recorder does.
      const record = changeCausePatch(env);
      if (dry === 'none' && !sub && Object.keys(record).length && after.metadata.resourceVersion !== before) {
        after = env.client.patch(res, t.obj.metadata.namespace, t.obj.metadata.name ?? '', 'application/merge-patch+json', record);
      }
      if (f.str('output')) { env.out(formatObjects(env, f.str('output'), [{ obj: after, def: t.def }], true)); continue; }
      const same = after.metadata.resourceVersion === before;
      const suffix = dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
      env.out(`${kindPrefix(t.def)}/${t.obj.metadata.name} patched${same && dry === 'none' ? ' (no change)' : ''}${suffix}\n`);
    } catch (e) { errors.push(e); }
  }
  for (const e of errors) env.err(formatError(e));
  return errors.length ? 1 : 0;
}
