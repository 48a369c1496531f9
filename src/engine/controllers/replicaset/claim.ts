import type { Pod } from 'kubernetes-types/core/v1';
import type { Client, LabelSelectorMatcher } from '../../api';
import type { KObject } from '../../types';
import type { ReplicatedObject, WorkloadKind } from './kinds';
import { controllerOf, newControllerRef } from './pods';

const SMP = 'application/strategic-merge-patch+json';
const code = (e: unknown) => (e as { code?: number }).code;

/**
 * claimPods models controller.PodControllerRefManager.ClaimPods: of the active pods, keep those this
 * object controls and still selects, release (drop the ownerReference of) those it controls but no longer
 * selects, and adopt orphans it selects (controller ownerReference with blockOwnerDeletion). Pods another
 * controller owns are ignored. Returns the pods now owned; throws the first adoption/release error
 * after trying them all.
 */
export function claimPods(client: Client, kind: WorkloadKind, rs: ReplicatedObject, selector: LabelSelectorMatcher, pods: Pod[]): Pod[] {
  const uid = rs.metadata.uid;
  const ns = rs.metadata.namespace;
  const claimed: Pod[] = [];
  let firstErr: unknown;
  let adoptable: boolean | undefined;
  for (const pod of pods) {
    const ref = controllerOf(pod);
    const matches = selector.matches(pod.metadata?.labels);
    const name = pod.metadata?.name ?? '';
    if (ref) {
      if (ref.uid !== uid) continue;
      if (matches) { claimed.push(pod); continue; }
      if (rs.metadata.deletionTimestamp) continue;
      try {
        // The last reference goes with the field itself (an empty list is omitted when serialized).
        const only = (pod.metadata?.ownerReferences ?? []).every((r) => r.uid === uid);
        client.patch('pods', ns, name, SMP, { metadata: { ownerReferences: only ? null : [{ $patch: 'delete', uid }], uid: pod.metadata?.uid } });
      } catch (e) {
        // A pod that is gone, or whose UID changed, no longer needs releasing.
        if (code(e) !== 404 && code(e) !== 422) firstErr ??= e;
      }
      continue;
    }
    if (rs.metadata.deletionTimestamp || !matches || pod.metadata?.deletionTimestamp) continue;
    // RecheckDeletionTimestamp: an uncached read before the first adoption.
    adoptable ??= canAdopt(client, kind, rs);
    if (!adoptable) continue;
    try {
      const ownerRef = newControllerRef(rs as KObject, kind.apiVersion, kind.kind);
      const adopted = client.patch<KObject>('pods', ns, name, SMP, { metadata: { ownerReferences: [ownerRef], uid: pod.metadata?.uid } });
      claimed.push(adopted as unknown as Pod);
    } catch (e) {
      if (code(e) !== 404) firstErr ??= e;
    }
  }
  if (firstErr !== undefined) throw firstErr;
  return claimed;
}

function canAdopt(client: Client, kind: WorkloadKind, rs: ReplicatedObject): boolean {
  const fresh = client.tryGet(kind.resource, rs.metadata.namespace, rs.metadata.name ?? '');
  return !!fresh && fresh.metadata.uid === rs.metadata.uid && !fresh.metadata.deletionTimestamp;
}
