import type { KObject } from '../types';
import type { Rng } from '../util';

/** ObjectReference is core/v1 ObjectReference as stored in involvedObject and related. */
export type ObjectReference = Record<string, string>;

/** referenceOf is reference.GetReference: kind, namespace, name, uid, apiVersion, resourceVersion (+ fieldPath). */
export function referenceOf(obj: KObject, fieldPath?: string): ObjectReference {
  const ref: ObjectReference = { kind: obj.kind };
  const m = obj.metadata ?? {};
  if (m.namespace) ref.namespace = m.namespace;
  if (m.name) ref.name = m.name;
  if (m.uid) ref.uid = m.uid;
  if (obj.apiVersion) ref.apiVersion = obj.apiVersion;
  if (m.resourceVersion) ref.resourceVersion = m.resourceVersion;
  if (fieldPath) ref.fieldPath = fieldPath;
  return ref;
}

/**
 * nanoClock returns the `%x` of time.UnixNano() for each event: virtual ms plus a seeded sub-millisecond
 * part, strictly increasing per recorder so names sort in recording order as they do upstream.
 */
export function nanoClock(rng: Rng): (ms: number) => string {
  // The nanosecond count is ms * 1e6 + sub (sub < 1e6), kept as two exact numbers instead of BigInts.
  let lastMs = 0;
  let lastSub = 0;
  return (ms) => {
    let whole = Math.floor(ms);
    let sub = rng.int(100000);
    if (whole < lastMs || (whole === lastMs && sub <= lastSub)) {
      whole = lastMs;
      sub = lastSub + 1 + rng.int(5000);
      if (sub >= 1e6) { whole++; sub -= 1e6; }
    }
    lastMs = whole;
    lastSub = sub;
    return hexNanos(whole, sub);
  };
}

const TWO_32 = 2 ** 32;

/** hexNanos is the hex of ms * 1e6 + sub, computed in two 32-bit halves (the product exceeds 2^53). */
function hexNanos(ms: number, sub: number): string {
  const msHi = Math.floor(ms / TWO_32);
  let lo = (ms - msHi * TWO_32) * 1e6 + sub;
  const carry = Math.floor(lo / TWO_32);
  lo -= carry * TWO_32;
  const hi = msHi * 1e6 + carry;
  return hi ? hi.toString(16) + lo.toString(16).padStart(8, '0') : lo.toString(16);
}
