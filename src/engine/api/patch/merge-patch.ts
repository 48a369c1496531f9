// Models github.com/evanphx/json-patch MergePatch (RFC 7386) as the apiserver applies it.
import { PatchError, deepCopy, isPlainObject } from './errors';


function pruneNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(pruneNulls);
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== null) out[k] = pruneNulls(x);
    return out;
  }
  return v;
}

function mergeInto(doc: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  for (const [k, pv] of Object.entries(patch)) {
    if (pv === null) { delete doc[k]; continue; }
    const dv = doc[k];
    if (isPlainObject(pv) && isPlainObject(dv)) doc[k] = mergeInto(dv, pv);
    else doc[k] = pruneNulls(deepCopy(pv));
  }
  return doc;
}

/** applyMergePatch applies an RFC 7386 JSON merge patch; null deletes a key, lists are replaced whole. */
export function applyMergePatch(original: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) throw new PatchError('Invalid JSON Patch', 400);
  const doc = isPlainObject(original) ? deepCopy(original) : {};
  return mergeInto(doc, patch);
}
