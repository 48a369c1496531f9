// Models k8s.io/apimachinery/pkg/util/strategicpatch CreateThreeWayMergePatch (client-side apply),
// using the API server's strategic-merge schema (merge keys per field).
import { schemaForKind, type Schema } from '../api/patch';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a), kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => k in b && equal(a[k], b[k]));
  }
  return false;
}

interface DiffOpts { ignoreDeletions: boolean; ignoreChanges: boolean }

function diffMaps(a: Obj, b: Obj, schema: Schema | undefined, o: DiffOpts): Obj {
  const patch: Obj = {};
  for (const [k, bv] of Object.entries(b)) {
    if (!(k in a)) { if (!o.ignoreChanges) patch[k] = bv; continue; }
    const av = a[k];
    const meta = schema?.[k];
    if (isObj(av) && isObj(bv)) {
      const sub = diffMaps(av, bv, meta?.schema, o);
      if (Object.keys(sub).length) patch[k] = sub;
    } else if (Array.isArray(av) && Array.isArray(bv) && meta?.mergeKey && [...av, ...bv].every(isObj)) {
      diffKeyedList(patch, k, av as Obj[], bv as Obj[], meta.mergeKey, meta.schema, o);
    } else if (Array.isArray(av) && Array.isArray(bv) && meta?.primitiveMerge) {
      const added = bv.filter((x) => !av.some((y) => equal(x, y)));
      const removed = av.filter((x) => !bv.some((y) => equal(x, y)));
      if (added.length && !o.ignoreChanges) { patch[k] = added; patch[`$setElementOrder/${k}`] = bv; }
      if (removed.length && !o.ignoreDeletions) patch[`$deleteFromPrimitiveList/${k}`] = removed;
    } else if (!equal(av, bv) && !o.ignoreChanges) {
      patch[k] = bv;
    }
  }
  if (!o.ignoreDeletions) for (const k of Object.keys(a)) if (!(k in b)) patch[k] = null;
  return patch;
}

function diffKeyedList(patch: Obj, k: string, a: Obj[], b: Obj[], key: string, schema: Schema | undefined, o: DiffOpts): void {
  const items: Obj[] = [];
  for (const bi of b) {
    const ai = a.find((x) => equal(x[key], bi[key]));
    if (!ai) { if (!o.ignoreChanges) items.push(bi); continue; }
    const sub = diffMaps(ai, bi, schema, o);
    if (Object.keys(sub).length) items.push({ ...sub, [key]: bi[key] });
  }
  if (!o.ignoreDeletions) {
    for (const ai of a) if (!b.some((x) => equal(x[key], ai[key]))) items.push({ $patch: 'delete', [key]: ai[key] });
  }
  if (items.length) {
    patch[k] = items;
    if (!o.ignoreChanges) patch[`$setElementOrder/${k}`] = b.map((x) => ({ [key]: x[key] }));
  }
}

function mergePatches(a: Obj, b: Obj): Obj {
  const out: Obj = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const cur = out[k];
    if (isObj(cur) && isObj(v)) out[k] = mergePatches(cur, v);
    else if (Array.isArray(cur) && Array.isArray(v) && !k.startsWith('$')) out[k] = [...cur, ...v];
    else out[k] = v;
  }
  return out;
}

/**
 * threeWayMergePatch computes the strategic merge patch client-side apply sends:
 * fields removed from the manifest since last-applied (deletions) plus fields whose
 * manifest value differs from live (changes and additions).
 */
export function threeWayMergePatch(original: unknown, modified: Obj, current: Obj, kind: string): Obj {
  const schema = schemaForKind(kind);
  const delta = diffMaps(current, modified, schema, { ignoreDeletions: true, ignoreChanges: false });
  const deletions = isObj(original) ? diffMaps(original, modified, schema, { ignoreDeletions: false, ignoreChanges: true }) : {};
  return mergePatches(deletions, delta);
}

/** goJson marshals like Go's encoding/json on an unstructured map: sorted keys, HTML-escaped. */
export function goJson(v: unknown): string {
  const sort = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(sort);
    if (isObj(x)) return Object.fromEntries(Object.keys(x).sort().map((k) => [k, sort(x[k])]));
    return x;
  };
  return goMarshal(sort(v));
}

/** goMarshal marshals like Go's encoding/json on a typed value (keys as given, i.e. struct order), HTML-escaped. */
export function goMarshal(v: unknown): string {
  return JSON.stringify(v).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
