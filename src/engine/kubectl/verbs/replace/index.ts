// Models k8s.io/kubectl/pkg/cmd/replace (PUT with the live resourceVersion; --force deletes and re-creates).
import type { Env } from '../../env';
import { fail, formatError, withSource } from '../../errors';
import { readManifests } from '../../manifest';
import { clientResource, kindPrefix } from '../../resources';
import { createOutcome } from '../apply/outcome';
import { withLastAppliedFor } from '../apply/last-applied';
import { dryRunMode, validation } from '../common';

/** replaceVerb implements `kubectl replace -f FILE [--force]`. */
export async function replaceVerb(env: Env): Promise<number> {
  const f = env.flags;
  const files = f.list('filename');
  if (!files.length) throw fail(`must specify --filename to replace\nSee 'kubectl replace -h' for help and examples`);
  const dry = dryRunMode(env);
  const validated = validation(env);
  let failed = 0;
  for (const item of readManifests(env, files, f.bool('recursive'))) {
    if (item.error) { env.err(formatError(item.error)); failed++; continue; }
    const def = item.def!;
    const res = clientResource(def);
    let obj = item.obj!;
    if (f.bool('save-config') || obj.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']) obj = withLastAppliedFor(obj, item.namespace);
    const name = obj.metadata.name ?? '';
    try {
      if (f.bool('force')) {
        const live = env.client.tryGet(res, item.namespace, name);
        if (live) {
          env.client.delete(res, item.namespace, name, f.int('grace-period') >= 0 ? { gracePeriodSeconds: f.int('grace-period') } : {});
          env.out(`${kindPrefix(def)} "${name}" deleted\n`);
          await env.ctx.time.waitFor(() => env.client.tryGet(res, item.namespace, name)?.metadata.uid !== live.metadata.uid, 168 * 3600_000, env.ctx.interrupt);
        }
        const created = env.client.create(res, item.namespace, obj, validated);
        createOutcome(env, def, created, 'replaced', dry);
        continue;
      }
      const live = env.client.get(res, item.namespace, name);
      const body = { ...obj, metadata: { ...obj.metadata, resourceVersion: obj.metadata.resourceVersion ?? live.metadata.resourceVersion } };
      const updated = dry === 'client' ? body : env.client.update(res, item.namespace, body, { dryRun: dry === 'server', ...validated });
      createOutcome(env, def, updated, 'replaced', dry);
    } catch (e) {
      env.err(formatError(withSource(e, 'replacing', item.source)));
      failed++;
    }
  }
  return failed ? 1 : 0;
}
