// Colours for pod revisions (pod-template-hash / controller-revision-hash): the map's pod groups, the
// traffic dots and the rollout tab's share bars all use these, so "blue = revision 1" reads everywhere.
import type { KObject } from '../../engine/protocol';

/** REVISION_PALETTE is the colour cycle; Deployment revision N takes entry (N − 1) mod length. Red is kept for failures. */
export const REVISION_PALETTE: readonly string[] = ['#4fa3ff', '#f472b6', '#a78bfa', '#fb923c', '#22d3ee', '#a3e635', '#facc15', '#e879f9'];
/** NO_REVISION_COLOR is the colour of answers from pods without a revision (bare pods, external hosts). */
export const NO_REVISION_COLOR = '#e2e8f0';
/** FAILURE_COLOR marks failed requests. */
export const FAILURE_COLOR = '#ef4444';

const DEPLOYMENT_REVISION = 'deployment.kubernetes.io/revision';

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return h >>> 0;
}

/** RevisionColors maps (namespace, revision hash) to a colour. */
export type RevisionColors = (namespace: string, hash: string | undefined) => string;

/**
 * revisionColors builds the colour lookup from the mirrored ReplicaSets: a Deployment's revision N
 * (its ReplicaSet's `deployment.kubernetes.io/revision`) gets palette entry N − 1, so consecutive
 * revisions always differ; any other hash gets a stable colour from its text.
 */
export function revisionColors(replicaSets: readonly KObject[]): RevisionColors {
  const byHash = new Map<string, string>();
  for (const rs of replicaSets) {
    const hash = rs.metadata.labels?.['pod-template-hash'];
    const rev = Number(rs.metadata.annotations?.[DEPLOYMENT_REVISION]);
    if (hash && Number.isInteger(rev) && rev > 0) byHash.set(`${rs.metadata.namespace ?? ''}/${hash}`, REVISION_PALETTE[(rev - 1) % REVISION_PALETTE.length]);
  }
  return (namespace, hash) => {
    if (!hash) return NO_REVISION_COLOR;
    return byHash.get(`${namespace}/${hash}`) ?? REVISION_PALETTE[fnv(hash) % REVISION_PALETTE.length];
  };
}
