import type { Node, NodeSelectorRequirement, NodeSelectorTerm, Pod } from 'kubernetes-types/core/v1';

function matchRequirement(r: NodeSelectorRequirement, get: (k: string) => string | undefined): boolean {
  const v = get(r.key);
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In': return v !== undefined && values.includes(v);
    case 'NotIn': return v === undefined || !values.includes(v);
    case 'Exists': return v !== undefined;
    case 'DoesNotExist': return v === undefined;
    case 'Gt': return v !== undefined && /^-?\d+$/.test(v) && Number(v) > Number(values[0]);
    case 'Lt': return v !== undefined && /^-?\d+$/.test(v) && Number(v) < Number(values[0]);
    default: return false;
  }
}

/** matchTerm reports whether node matches one NodeSelectorTerm (an empty term matches nothing). */
export function matchTerm(term: NodeSelectorTerm, node: Node): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (!exprs.length && !fields.length) return false;
  const labels = node.metadata?.labels ?? {};
  return exprs.every((r) => matchRequirement(r, (k) => labels[k]))
    && fields.every((r) => matchRequirement(r, (k) => (k === 'metadata.name' ? node.metadata?.name : undefined)));
}

/** matchesNodeSelectorAndAffinity is NodeAffinity's Filter: nodeSelector plus required node affinity. */
export function matchesNodeSelectorAndAffinity(pod: Pod, node: Node): boolean {
  const sel = pod.spec?.nodeSelector;
  if (sel) {
    const labels = node.metadata?.labels ?? {};
    for (const k in sel) if (labels[k] !== sel[k]) return false;
  }
  const req = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!req) return true;
  return req.nodeSelectorTerms.some((t) => matchTerm(t, node));
}

/** preferredAffinityScore sums the weights of matching preferred terms (NodeAffinity's Score). */
export function preferredAffinityScore(pod: Pod, node: Node): number {
  let s = 0;
  for (const p of pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
    if (matchTerm(p.preference, node)) s += p.weight;
  }
  return s;
}
