// Pod helpers the daemon controller shares with upstream's pkg/api/v1/pod (IsPodReady, IsPodAvailable)
// and pkg/controller (GetPodFromTemplate, ControllerRefManager adoption).
import type { Pod } from 'kubernetes-types/core/v1';
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { KObject } from '../../types';
import { clone } from '../../util';
import { nodeNameAffinity, withDaemonTolerations } from './predicates';
import { REVISION_HASH_LABEL, TEMPLATE_GENERATION_LABEL } from './history';

/** controllerUid returns the uid of obj's controller owner reference, if any. */
export function controllerUid(o: { metadata?: { ownerReferences?: Array<{ controller?: boolean; uid: string }> } }): string | undefined {
  const refs = o.metadata?.ownerReferences;
  if (refs) for (let i = 0; i < refs.length; i++) if (refs[i].controller) return refs[i].uid;
  return undefined;
}

/** creationOrder sorts pods oldest first (creationTimestamp, then name), as upstream's ByCreationTimestamp. */
export function creationOrder(a: Pod, b: Pod): number {
  const ta = a.metadata?.creationTimestamp ?? '';
  const tb = b.metadata?.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  return (a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1;
}

/**
 * newDaemonPod is CreatePodTemplate + GetPodFromTemplate: the template with the daemon tolerations,
 * the revision labels, node-name affinity and a controller reference; named by generateName `<ds>-`.
 */
export function newDaemonPod(ds: DaemonSet, nodeName: string, hash: string, generation: string): KObject {
  const t = clone(ds.spec?.template ?? {}) as { metadata?: Record<string, unknown> & { labels?: Record<string, string>; annotations?: Record<string, string>; finalizers?: string[] }; spec?: Pod['spec'] };
  const spec = (t.spec ?? { containers: [] }) as NonNullable<Pod['spec']>;
  spec.tolerations = withDaemonTolerations(spec);
  spec.affinity = nodeNameAffinity(spec.affinity, nodeName);
  const meta: Record<string, unknown> = {
    generateName: `${ds.metadata?.name}-`,
    namespace: ds.metadata?.namespace,
    labels: { ...(t.metadata?.labels ?? {}), [REVISION_HASH_LABEL]: hash, [TEMPLATE_GENERATION_LABEL]: generation },
  };
  if (t.metadata?.annotations) meta.annotations = t.metadata.annotations;
  if (t.metadata?.finalizers) meta.finalizers = t.metadata.finalizers;
  meta.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: ds.metadata?.name ?? '', uid: ds.metadata?.uid ?? '', controller: true, blockOwnerDeletion: true }];
  return { apiVersion: 'v1', kind: 'Pod', metadata: meta as KObject['metadata'], spec };
}

/** resolveIntOrPercent is intstr.GetScaledValueFromIntOrPercent (roundUp). */
export function resolveIntOrPercent(v: number | string | undefined, total: number, def: number): number {
  if (v === undefined || v === null) return def;
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v);
  if (!m) return Number(v) || 0;
  return Math.ceil((Number(m[1]) * total) / 100);
}
