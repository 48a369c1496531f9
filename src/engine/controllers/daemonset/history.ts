// Models pkg/controller/daemon/update.go constructHistory, snapshot, dedupCurHistories and cleanupHistory,
// plus pkg/controller ComputeHash (FNV-32a of the template, as a SafeEncodeString'd decimal).
import type { DaemonSet, ControllerRevision } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KObject } from '../../types';
import type { Client } from '../../api/types';
import { clone } from '../../util';

/** REVISION_HASH_LABEL is apps.DefaultDaemonSetUniqueLabelKey. */
export const REVISION_HASH_LABEL = 'controller-revision-hash';
/** TEMPLATE_GENERATION_LABEL is extensions.DaemonSetTemplateGenerationKey. */
export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';
/** TEMPLATE_GENERATION_ANNOTATION holds the DaemonSet's template generation in apps/v1. */
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** canonicalJSON is JSON with sorted object keys (a stable input for hashing and comparing). */
export function canonicalJSON(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJSON).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v).filter((k) => (v as Record<string, unknown>)[k] !== undefined).sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJSON((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

/** computeHash is controller.ComputeHash: FNV-32a over the template (and collision count), safe-encoded. */
export function computeHash(template: unknown, collisionCount?: number): string {
  let h = 0x811c9dc5;
  const s = canonicalJSON(template) + (collisionCount ? String(collisionCount) : '');
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i) & 0xff; h = Math.imul(h, 0x01000193) >>> 0; }
  return [...String(h >>> 0)].map((c) => ALPHANUMS[c.charCodeAt(0) % ALPHANUMS.length]).join('');
}

/**
 * revisionData is getPatch: the template as a `$patch: replace` strategic-merge patch, with its keys in
 * the sorted order Go's json.Marshal of a map gives them (kubectl compares these bytes in `rollout undo`).
 */
export function revisionData(ds: DaemonSet): Record<string, unknown> {
  return JSON.parse(canonicalJSON({ spec: { template: { ...(ds.spec?.template ?? {}), $patch: 'replace' } } })) as Record<string, unknown>;
}

/** templateGeneration is the DaemonSet's template generation (annotation, else metadata.generation). */
export function templateGeneration(ds: DaemonSet): string {
  return ds.metadata?.annotations?.[TEMPLATE_GENERATION_ANNOTATION] ?? String(ds.metadata?.generation ?? 1);
}

/** isPodUpdated is util.IsPodUpdated: the pod carries the current hash or the current template generation. */
export function isPodUpdated(pod: Pod, hash: string, generation: string): boolean {
  const l = pod.metadata?.labels ?? {};
  return (hash !== '' && l[REVISION_HASH_LABEL] === hash) || l[TEMPLATE_GENERATION_LABEL] === generation;
}

const isControlledBy = (o: { metadata?: { ownerReferences?: Array<{ controller?: boolean; uid: string }> } }, uid: string) =>
  (o.metadata?.ownerReferences ?? []).some((r) => r.controller && r.uid === uid);

/** History is the DaemonSet's current revision and the others. */
export interface History { cur: ControllerRevision; old: ControllerRevision[]; hash: string }

/**
 * constructHistory finds (or creates) the ControllerRevision matching the DaemonSet's template, bumps its
 * revision to the newest, and returns the others as old. revisions are the DaemonSet's own (ownerReferences).
 */
export function constructHistory(client: Client, ds: DaemonSet, revisions: ControllerRevision[]): History {
  const uid = ds.metadata?.uid ?? '';
  const ns = ds.metadata?.namespace ?? 'default';
  const owned = revisions.filter((r) => isControlledBy(r, uid));
  const want = canonicalJSON(revisionData(ds));
  const matching = owned.filter((r) => canonicalJSON(r.data) === want).sort((a, b) => b.revision - a.revision);
  const maxRevision = owned.reduce((m, r) => Math.max(m, r.revision), 0);
  let cur = matching[0];
  // dedupCurHistories: keep the newest equal revision, drop the rest.
  for (const dup of matching.slice(1)) {
    try { client.delete('controllerrevisions', ns, dup.metadata?.name ?? ''); } catch { /* already gone */ }
  }
  if (!cur) {
    let collision = ds.status?.collisionCount ?? 0;
    for (;;) {
      const hash = computeHash(ds.spec?.template, collision);
      const rev: KObject = {
        apiVersion: 'apps/v1', kind: 'ControllerRevision',
        metadata: {
          name: `${ds.metadata?.name}-${hash}`, namespace: ns,
          labels: { ...(ds.spec?.template?.metadata?.labels ?? {}), [REVISION_HASH_LABEL]: hash },
          ...(ds.metadata?.annotations ? { annotations: clone(ds.metadata.annotations) } : {}),
          ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: ds.metadata?.name ?? '', uid, controller: true, blockOwnerDeletion: true }],
        },
        data: revisionData(ds),
        revision: maxRevision + 1,
      };
      try {
        cur = client.create<KObject>('controllerrevisions', ns, rev) as unknown as ControllerRevision;
        break;
      } catch (e) {
        if ((e as { code?: number }).code !== 409) throw e;
        const existing = client.tryGet<KObject>('controllerrevisions', ns, rev.metadata.name ?? '') as unknown as ControllerRevision | undefined;
        if (existing && isControlledBy(existing, uid) && canonicalJSON(existing.data) === want) { cur = existing; break; }
        collision++;
        if (collision > 100) throw e;
      }
    }
  } else if (cur.revision < maxRevision) {
    const next = clone(cur) as unknown as KObject & { revision: number };
    next.revision = maxRevision + 1;
    cur = client.update<KObject>('controllerrevisions', ns, next) as unknown as ControllerRevision;
  }
  const hash = cur.metadata?.labels?.[REVISION_HASH_LABEL] ?? computeHash(ds.spec?.template);
  return { cur, old: owned.filter((r) => r.metadata?.uid !== cur.metadata?.uid && !matching.includes(r)), hash };
}

/** cleanupHistory deletes old revisions no live pod uses, beyond revisionHistoryLimit (default 10), oldest first. */
export function cleanupHistory(client: Client, ds: DaemonSet, old: ControllerRevision[], pods: Pod[]): void {
  const limit = ds.spec?.revisionHistoryLimit ?? 10;
  const excess = old.length - limit;
  if (excess <= 0) return;
  const live = new Set(pods.map((p) => p.metadata?.labels?.[REVISION_HASH_LABEL]).filter(Boolean));
  const candidates = old.filter((r) => !live.has(r.metadata?.labels?.[REVISION_HASH_LABEL])).sort((a, b) => a.revision - b.revision);
  for (const r of candidates.slice(0, excess)) {
    try { client.delete('controllerrevisions', r.metadata?.namespace, r.metadata?.name ?? ''); } catch { /* already gone */ }
  }
}
