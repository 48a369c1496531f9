import type { Pod } from 'kubernetes-types/core/v1';

// pkg/api/v1/pod util (podutil) as the controllers share it.

/** readyCondition returns the pod's Ready condition (the first one, as find does). */
export function readyCondition(pod: Pod) {
  const cs = pod.status?.conditions;
  if (!cs) return undefined;
  for (let i = 0; i < cs.length; i++) if (cs[i].type === 'Ready') return cs[i];
  return undefined;
}

/** isPodReady is podutil.IsPodReady: the Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return readyCondition(pod)?.status === 'True';
}

// Parsed Ready transition times per frozen condition (a sync over many pods reads each once).
const readySince = new WeakMap<object, number | undefined>();

/** podReadySince returns when the pod last became Ready (ms), or undefined. */
export function podReadySince(pod: Pod): number | undefined {
  const c = readyCondition(pod);
  if (c?.status !== 'True' || !c.lastTransitionTime) return undefined;
  if (Object.isFrozen(c) && readySince.has(c)) return readySince.get(c);
  const parsed = Date.parse(c.lastTransitionTime);
  const t = Number.isNaN(parsed) ? undefined : parsed;
  if (Object.isFrozen(c)) readySince.set(c, t);
  return t;
}

/** isPodAvailable is podutil.IsPodAvailable: ready for at least minReadySeconds at now. */
export function isPodAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  if (!isPodReady(pod)) return false;
  if (!minReadySeconds) return true;
  const since = podReadySince(pod);
  return since !== undefined && since + minReadySeconds * 1000 <= now;
}
