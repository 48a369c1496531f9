/** PatchError carries the API server's message for an unusable patch (becomes a 400/422/500 Status). */
export class PatchError extends Error {
  /**
   * PatchError's reason is the Status reason A should use ('BadRequest', 'Invalid', 'InternalError');
   * detail keeps the library's own text when the server hides it behind a generic message.
   */
  constructor(message: string, public readonly code = 400, public readonly reason = code === 422 ? 'Invalid' : code === 500 ? 'InternalError' : 'BadRequest', public readonly detail?: string) {
    super(message); this.name = 'PatchError';
  }
}

/** GENERIC_422 is the message NewGenericServerResponse(422, ...) gives (the JSON-patch apply error is dropped). */
export const GENERIC_422 = 'the server rejected our request due to an error in our request';

/** isPlainObject reports whether v is a JSON object (not null, not an array). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** deepCopy returns a structural copy of a JSON value (unfrozen). */
export function deepCopy<T>(v: T): T {
  if (Array.isArray(v)) return v.map(deepCopy) as T;
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = deepCopy(x);
    return out as T;
  }
  return v;
}

/** deepEqual compares two JSON values structurally. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

/** goValue renders a JSON value roughly as Go's %v prints decoded JSON (map[k:v] / [a b]). */
export function goValue(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`;
  if (isPlainObject(v)) return `map[${Object.keys(v).sort().map((k) => `${k}:${goValue(v[k])}`).join(' ')}]`;
  if (v === null || v === undefined) return '<nil>';
  return String(v);
}
