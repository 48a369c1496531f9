import type { Taint, Toleration } from 'kubernetes-types/core/v1';

/** toleratesTaint is v1helper.ToleratesTaint: effect, key and operator/value matching. */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (!t.key && t.operator !== 'Exists') return false;
  if (t.operator === 'Exists') return true;
  return (t.value ?? '') === (taint.value ?? '');
}

/** findUntoleratedTaint returns the first NoSchedule/NoExecute taint no toleration covers. */
export function findUntoleratedTaint(taints: Taint[] | undefined, tolerations: Toleration[] | undefined): Taint | undefined {
  if (!taints) return undefined;
  for (const taint of taints) {
    if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue;
    if (!tolerations || !tolerations.some((t) => toleratesTaint(t, taint))) return taint;
  }
  return undefined;
}
