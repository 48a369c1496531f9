import type { KObject } from '../../types';
import type { Rng } from '../../util';
import { deepEqual } from '../../util';

const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

/** newUid returns a random RFC 4122 version-4 UUID from the seeded RNG. */
export function newUid(rng: Rng): string {
  // Char codes joined once: one flat string instead of 36 nested concatenations (uids key many maps).
  const codes = UID_CODES;
  for (let i = 0; i < 36; i++) {
    if (i === 8 || i === 13 || i === 18 || i === 23) codes[i] = 45; // '-'
    else if (i === 14) codes[i] = 52; // '4'
    else if (i === 19) codes[i] = HEX_CODES[8 + rng.int(4)];
    else codes[i] = HEX_CODES[rng.int(16)];
  }
  return String.fromCharCode.apply(null, codes);
}

// UID_CODES is newUid's scratch buffer (the engine is single-threaded; newUid never re-enters).
const UID_CODES = new Array<number>(36).fill(0);


/** specPart returns everything outside metadata and status (what a generation bump compares). */
export function specPart(o: KObject): Record<string, unknown> {
  const { metadata: _m, status: _s, apiVersion: _a, kind: _k, ...rest } = o;
  return rest;
}

/** sameIgnoringVersion reports whether two objects are equal apart from resourceVersion and managedFields. */
export function sameIgnoringVersion(a: KObject, b: KObject): boolean {
  return sameExcept(a, b, 'metadata', '') && sameExcept((a.metadata ?? {}) as Record<string, unknown>, (b.metadata ?? {}) as Record<string, unknown>, 'resourceVersion', 'managedFields');
}

// sameExcept is deepEqual of two objects with the members named skip1 and skip2 left out (no copies made).
function sameExcept(a: Record<string, unknown>, b: Record<string, unknown>, skip1: string, skip2: string): boolean {
  let defined = 0;
  for (const k in a) {
    if (k === skip1 || k === skip2 || a[k] === undefined) continue;
    defined++;
    if (!deepEqual(a[k], b[k])) return false;
  }
  for (const k in b) if (k !== skip1 && k !== skip2 && b[k] !== undefined) defined--;
  return defined === 0;
}

type Obj = Record<string, any>;

// Models pkg/apis/core/helper/qos GetPodQOS (requests/limits of cpu and memory).
function podQOS(spec: Obj | undefined): string {
  const cs: Obj[] = [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])];
  let anySet = false;
  let guaranteed = true;
  for (const c of cs) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    for (const r of ['cpu', 'memory']) {
      if (req[r] !== undefined || lim[r] !== undefined) anySet = true;
      const rq = req[r] ?? lim[r];
      if (lim[r] === undefined || String(rq) !== String(lim[r])) guaranteed = false;
    }
  }
  if (!anySet) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/**
 * resetStatusForCreate applies the strategies' PrepareForCreate status handling: most resources start
 * with an empty status, pods with Pending + qosClass, namespaces Active (+ the kubernetes finalizer).
 */
export function resetStatusForCreate(group: string, plural: string, obj: Obj): void {
  const k = `${group}/${plural}`;
  switch (k) {
    case '/pods':
      obj.status = { phase: 'Pending', qosClass: podQOS(obj.spec) };
      return;
    case '/namespaces':
      obj.spec = { ...(obj.spec ?? {}), finalizers: ['kubernetes'] };
      obj.status = { phase: 'Active' };
      return;
    case '/nodes': case '/events': case '/endpoints':
      return;
    case '/persistentvolumes':
      obj.status = { phase: 'Pending' };
      return;
    case '/persistentvolumeclaims':
      obj.status = { phase: 'Pending' };
      return;
    case '/services': case 'apps/deployments': case 'apps/replicasets': case 'apps/daemonsets': case 'apps/statefulsets':
    case '/replicationcontrollers': case 'batch/jobs': case 'batch/cronjobs': case 'networking.k8s.io/ingresses':
    case 'policy/poddisruptionbudgets': case 'autoscaling/horizontalpodautoscalers': case '/resourcequotas':
      obj.status = {};
      return;
    default:
      return;
  }
}
