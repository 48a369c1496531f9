// Models k8s.io/kubectl/pkg/cmd/set/set_image.go (strategic merge patch of container images).
import type { Env } from '../../env';
import { fail, formatError } from '../../errors';
import { clientResource, kindPrefix } from '../../resources';
import { collectTargets } from '../../targets';
import { dryRunMode } from '../common';
import { changeCausePatch } from '../../record';

interface Containerish { name: string; image?: string }

/** podSpecPath is the path to the pod spec inside a workload kind (polymorphichelpers.UpdatePodSpecForObject). */
export function podSpecPath(kind: string): string[] | undefined {
  if (kind === 'Pod') return ['spec'];
  if (kind === 'CronJob') return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
  if (['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'ReplicationController', 'Job'].includes(kind)) return ['spec', 'template', 'spec'];
  return undefined;
}

/** setImageVerb implements `kubectl set image TYPE/NAME CONTAINER=IMAGE ...`. */
export function setImageVerb(env: Env): number {
  const resources = env.args.filter((a) => !a.includes('='));
  const pairs = env.args.filter((a) => a.includes('='));
  if (!pairs.length) throw fail(`at least one image update is required\nSee 'kubectl set image -h' for help and examples`);
  const images = new Map(pairs.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
  const { targets, errors } = collectTargets(env, resources);
  const dry = dryRunMode(env);
  for (const t of targets) {
    const path = podSpecPath(t.def.kind);
    if (!path) { errors.push(fail(`error: ${t.def.kind.toLowerCase()}/${t.obj.metadata.name} image is not supported`)); continue; }
    let spec: unknown = t.obj;
    for (const k of path) spec = (spec as Record<string, unknown> | undefined)?.[k];
    const podSpec = (spec ?? {}) as { containers?: Containerish[]; initContainers?: Containerish[] };
    const all = [...(podSpec.containers ?? []), ...(podSpec.initContainers ?? [])];
    const patchContainers: Containerish[] = [];
    const patchInit: Containerish[] = [];
    let bad = '';
    for (const [name, image] of images) {
      if (name === '*') {
        for (const c of podSpec.containers ?? []) patchContainers.push({ name: c.name, image });
        for (const c of podSpec.initContainers ?? []) patchInit.push({ name: c.name, image });
        continue;
      }
      if (!all.some((c) => c.name === name)) { bad = name; break; }
      if ((podSpec.containers ?? []).some((c) => c.name === name)) patchContainers.push({ name, image }); else patchInit.push({ name, image });
    }
    if (bad) { errors.push(fail(`unable to find container named "${bad}"`)); continue; }
    let patch: Record<string, unknown> = {};
    if (patchContainers.length) patch.containers = patchContainers;
    if (patchInit.length) patch.initContainers = patchInit;
    for (const k of [...path].reverse()) patch = { [k]: patch };
    patch = { ...patch, ...changeCausePatch(env) };
    try {
      if (dry !== 'client') env.client.patch(clientResource(t.def), t.obj.metadata.namespace, t.obj.metadata.name ?? '', 'application/strategic-merge-patch+json', patch, { dryRun: dry === 'server' });
      env.out(`${kindPrefix(t.def)}/${t.obj.metadata.name} image updated\n`);
    } catch (e) { errors.push(e); }
  }
  for (const e of errors) env.err(formatError(e));
  return errors.length ? 1 : 0;
}
