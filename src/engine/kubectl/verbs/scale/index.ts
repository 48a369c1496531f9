// Models k8s.io/kubectl/pkg/cmd/scale and pkg/scale (genericScaler): a merge PATCH of the scale
// subresource, or GET + PUT of it when --current-replicas / --resource-version set a precondition.
import { ApiError, resourcePath } from '../../../api';
import type { KObject, Status } from '../../../types';
import type { Env } from '../../env';
import { fail, formatError, KubectlError } from '../../errors';
import { formatObjects } from '../../output';
import { parseDurationFlag } from '../../duration';
import { clientResource, kindPrefix, NO_RESOURCES_MESSAGE } from '../../resources';
import { collectTargets } from '../../targets';
import type { Target } from '../../targets';
import { dryRunMode } from '../common';


interface Precondition { size: number; resourceVersion: string }

/** scaleVerb implements `kubectl scale` (with --timeout it waits until status.replicas matches). */
export async function scaleVerb(env: Env): Promise<number> {
  const f = env.flags;
  if (!f.changed('replicas')) throw fail('required flag(s) "replicas" not set');
  const replicas = f.int('replicas');
  const current = f.changed('current-replicas') ? f.int('current-replicas') : -1;
  if (Number.isNaN(replicas) || replicas < 0) throw fail('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  if (current < -1) throw fail('The --current-replicas must specify an integer of -1 or greater');
  const files = f.parsed.specs.has('filename') ? f.list('filename') : [];
  if (!env.args.length && !files.length) throw new KubectlError(NO_RESOURCES_MESSAGE);
  const dry = dryRunMode(env);
  const { targets, errors } = collectTargets(env, env.args);
  const resourceVersion = f.changed('resource-version') ? f.str('resource-version') : '';
  if (resourceVersion && targets.length > 1) throw fail('cannot use --resource-version with multiple resources');
  const pre: Precondition | undefined = current !== -1 || resourceVersion ? { size: current, resourceVersion } : undefined;
  if (!targets.length) {
    if (errors.length) { for (const e of errors) env.err(formatError(e)); return 1; }
    throw fail('no objects passed to scale');
  }
  const output = f.changed('output') ? f.str('output') : '';
  const timeout = f.changed('timeout') ? parseDurationFlag('timeout', f.str('timeout')) : 0;
  const suffix = dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
  for (const t of targets) {
    // The first scale failure ends the command, as RunScale returns it at once.
    if (dry !== 'client') {
      try {
        scaleOne(env, t, replicas, pre, dry === 'server');
        if (timeout > 0 && dry === 'none') await waitForReplicas(env, t, replicas, timeout);
      } catch (e) {
        if (env.ctx.interrupt.interrupted) return 130;
        env.err(formatError(e));
        return 1;
      }
    }
    const obj = withReplicas(t.obj, replicas);
    if (output === 'name') env.out(`${kindPrefix(t.def)}/${t.obj.metadata.name}\n`);
    else if (output) env.out(formatObjects(env, output, [{ obj, def: t.def }], true));
    else env.out(`${kindPrefix(t.def)}/${t.obj.metadata.name} scaled${suffix}\n`);
  }
  for (const e of errors) env.err(formatError(e));
  return errors.length ? 1 : 0;
}

// ScaleSimple: validate the precondition against the Scale object, then PUT it; without one, PATCH it.
function scaleOne(env: Env, t: Target, replicas: number, pre: Precondition | undefined, dryRun: boolean): void {
  const resource = clientResource(t.def);
  const ns = t.obj.metadata.namespace;
  const name = t.obj.metadata.name ?? '';
  if (!pre) {
    env.client.patch(resource, ns, name, 'application/merge-patch+json', { spec: { replicas } }, { subresource: 'scale', dryRun });
    return;
  }
  const res = env.client.request({ method: 'GET', path: resourcePath(t.def, ns, name, 'scale') });
  if (res.code >= 400) throw new ApiError(res.body as Status);
  const scale = res.body as KObject & { spec?: { replicas?: number } };
  const size = scale.spec?.replicas ?? 0;
  if (pre.size !== -1 && size !== pre.size) throw fail(`Expected replicas to be ${pre.size}, was ${size}`);
  if (pre.resourceVersion && scale.metadata.resourceVersion !== pre.resourceVersion) {
    throw fail(`Expected resource version to be ${pre.resourceVersion}, was ${scale.metadata.resourceVersion ?? ''}`);
  }
  const next = { ...scale, spec: { ...(scale.spec ?? {}), replicas } } as KObject;
  env.client.update(resource, ns, next, { subresource: 'scale', dryRun });
}

// WaitForScaleHasDesiredReplicas: poll the Scale until status.replicas reaches the new size (or someone
// else changed spec.replicas meanwhile).
async function waitForReplicas(env: Env, t: Target, replicas: number, timeout: number): Promise<void> {
  const path = resourcePath(t.def, t.obj.metadata.namespace, t.obj.metadata.name ?? '', 'scale');
  let failure: unknown;
  const synced = () => {
    const res = env.client.request({ method: 'GET', path });
    if (res.code >= 400) { failure = new ApiError(res.body as Status); return true; }
    const scale = res.body as { spec?: { replicas?: number }; status?: { replicas?: number } };
    if ((scale.spec?.replicas ?? 0) !== replicas) return true;
    return (scale.status?.replicas ?? 0) === replicas;
  };
  const ok = await env.ctx.time.waitFor(synced, timeout, env.ctx.interrupt);
  if (failure !== undefined) throw failure;
  if (!ok) throw fail(`timed out waiting for "${t.obj.metadata.name}" to be synced`);
}

// updateReplicas: the printed object is the one the builder fetched, with spec.replicas set.
function withReplicas(obj: KObject, replicas: number): KObject {
  return { ...obj, spec: { ...((obj.spec as object | undefined) ?? {}), replicas } } as KObject;
}
