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
  let last = 0n;
  return (ms) => {
    let n = BigInt(Math.floor(ms)) * 1000000n + BigInt(rng.int(100000));
    if (n <= last) n = last + 1n + BigInt(rng.int(5000));
    last = n;
    return n.toString(16);
  };
}
