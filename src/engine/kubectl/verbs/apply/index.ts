// Models k8s.io/kubectl/pkg/cmd/apply (client-side apply with last-applied-configuration; --server-side simplified).
import { ApiError } from '../../../api/types';
import { withChangeCause } from '../../record';
import type { KObject } from '../../../types';
import type { Env } from '../../env';
import { fail, formatErrors, withSource } from '../../errors';
import { readManifests } from '../../manifest';
import { clientResource } from '../../resources';
import { threeWayMergePatch } from '../../apply-patch';
import { createOutcome } from './outcome';
import { LAST_APPLIED, withLastAppliedFor } from './last-applied';
import { dryRunMode, validation } from '../common';

/** applyVerb implements `kubectl apply -f`. */
export function applyVerb(env: Env): number {
  const files = env.flags.list('filename');
  if (!files.length) throw fail(`must specify one of -f and -k`);
  if (env.args.length) throw fail(`Unexpected args: [${env.args.join(' ')}]\nSee 'kubectl apply -h' for help and examples`);
  if (env.flags.bool('prune')) throw fail('--prune is not supported in this sandbox');
  const dry = dryRunMode(env);
  const validated = validation(env);
  const serverSide = env.flags.bool('server-side');
  const errors: unknown[] = [];
  const items = readManifests(env, files, env.flags.bool('recursive'));
  if (!items.length) throw fail('no objects passed to apply');
  for (const item of items) {
    if (item.error) { errors.push(item.error); continue; }
    const def = item.def!;
    const res = clientResource(def);
    const name = item.obj!.metadata.name ?? '';
    if (!name && !item.obj!.metadata.generateName) { errors.push(fail(`error when retrieving current configuration of:\nResource: "${res}", GroupVersionKind: "${item.obj!.apiVersion}, Kind=${item.obj!.kind}"\nName: "", Namespace: "${item.namespace ?? ''}"\nfrom server for: "${item.source}": resource name may not be empty`)); continue; }
    let creating = false;
    try {
      const live = env.client.tryGet(res, item.namespace, name);
      if (serverSide) {
        const obj = env.client.patch(res, item.namespace, name, 'application/apply-patch+yaml', item.obj!, { dryRun: dry === 'server', ...validated });
        createOutcome(env, def, obj, 'serverside-applied', dry);
        continue;
      }
      const modified = withLastAppliedFor(withChangeCause(env, item.obj!), item.namespace);
      if (!live) {
        creating = true;
        const created = dry === 'client' ? modified : env.client.create(res, item.namespace, modified, { dryRun: dry === 'server', ...validated });
        createOutcome(env, def, created, 'created', dry);
        continue;
      }
      const lastRaw = live.metadata.annotations?.[LAST_APPLIED];
      if (lastRaw === undefined) {
        env.err(`Warning: resource ${res}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`);
      }
      let original: unknown;
      try { original = lastRaw ? JSON.parse(lastRaw) : undefined; } catch { original = undefined; }
      const patch = threeWayMergePatch(original, modified as unknown as Record<string, unknown>, live as unknown as Record<string, unknown>, def.kind);
      if (!Object.keys(patch).length) { createOutcome(env, def, live, 'unchanged', dry); continue; }
      const patched = dry === 'client' ? live : env.client.patch(res, item.namespace, name, 'application/strategic-merge-patch+json', patch, { dryRun: dry === 'server', ...validated });
      createOutcome(env, def, patched, 'configured', dry);
    } catch (e) {
      errors.push(withSource(e, creating || (e instanceof ApiError && e.code === 404) ? 'creating' : 'patching', item.source));
    }
  }
  // As RunApply: every object is tried, then the errors are reported together.
  if (errors.length) env.err(formatErrors(errors));
  return errors.length ? 1 : 0;
}

/** lastApplied returns the parsed last-applied-configuration of obj, if any. */
export function lastApplied(obj: KObject): unknown {
  const raw = obj.metadata.annotations?.[LAST_APPLIED];
  if (!raw) return undefined;
  try { return JSON.parse(raw); } catch { return undefined; }
}
