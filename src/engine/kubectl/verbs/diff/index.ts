// Models k8s.io/kubectl/pkg/cmd/diff: server-side dry-run of the apply, then `diff -u -N LIVE MERGED`.
import type { KObject } from '../../../types';
import type { Env } from '../../env';
import { fail, formatError, withSource } from '../../errors';
import { readManifests } from '../../manifest';
import { printYaml } from '../../printers';
import { clientResource, groupVersion } from '../../resources';
import { threeWayMergePatch } from '../../apply-patch';
import { lastApplied } from '../apply';
import { withLastAppliedFor } from '../apply/last-applied';
import { unifiedDiff } from './unified';

function stamp(ms: number): string {
  const d = new Date(ms).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 19)}.000000000 +0000`;
}

function yamlLines(obj: KObject | undefined): string[] {
  if (!obj) return [];
  const meta = { ...obj.metadata } as Record<string, unknown>;
  delete meta.managedFields;
  // kubectl diff masks the generation bump a dry-run reports.
  return printYaml({ ...obj, metadata: meta }).replace(/\n$/, '').split('\n');
}

/** diffVerb implements `kubectl diff -f FILE`: exit 0 when equal, 1 when different. */
export function diffVerb(env: Env): number {
  const files = env.flags.list('filename');
  if (!files.length) throw fail(`must specify one of -f and -k\nSee 'kubectl diff -h' for help and examples`);
  const now = env.clock.now();
  const tag = String(now % 1_000_000_0000).padStart(10, '0');
  const liveDir = `/tmp/LIVE-${tag.slice(0, 9)}`;
  const mergedDir = `/tmp/MERGED-${tag.slice(1)}`;
  let out = '';
  let errors = 0;
  for (const item of readManifests(env, files, env.flags.bool('recursive'))) {
    if (item.error) { env.err(formatError(item.error)); errors++; continue; }
    const def = item.def!;
    const res = clientResource(def);
    const name = item.obj!.metadata.name ?? '';
    try {
      const live = env.client.tryGet(res, item.namespace, name);
      const modified = withLastAppliedFor(item.obj!, item.namespace);
      let merged: KObject;
      if (!live) merged = env.client.create(res, item.namespace, modified, { dryRun: true });
      else {
        const patch = threeWayMergePatch(lastApplied(live), modified as unknown as Record<string, unknown>, live as unknown as Record<string, unknown>, def.kind);
        merged = Object.keys(patch).length ? env.client.patch(res, item.namespace, name, 'application/strategic-merge-patch+json', patch, { dryRun: true }) : live;
      }
      const file = `${groupVersion(def).replace('/', '.')}.${def.kind}.${item.namespace ? item.namespace + '.' : ''}${name}`;
      const hunks = unifiedDiff(yamlLines(live), yamlLines(merged));
      if (hunks) out += `diff -u -N ${liveDir}/${file} ${mergedDir}/${file}\n--- ${liveDir}/${file}\t${stamp(now)}\n+++ ${mergedDir}/${file}\t${stamp(now)}\n${hunks}`;
    } catch (e) {
      env.err(formatError(withSource(e, 'diffing', item.source)));
      errors++;
    }
  }
  env.out(out);
  if (errors) return 1;
  return out ? 1 : 0;
}
