// Models k8s.io/apimachinery/pkg/util/strategicpatch StrategicMergeMapPatch with the apiserver's
// MergeOptions{MergeParallelList: true, IgnoreUnmatchedNulls: true}: lists merge by patch merge key,
// `$patch: replace|merge|delete`, `$deleteFromPrimitiveList/<f>`, `$setElementOrder/<f>`, `$retainKeys`.
import { PatchError, deepCopy, deepEqual, goValue, isPlainObject } from './errors';
import { schemaForKind, type FieldMeta, type Schema } from './merge-keys';

type JMap = Record<string, unknown>;

const DIRECTIVE = '$patch';
const RETAIN_KEYS = '$retainKeys';
const DELETE_PRIMITIVE = '$deleteFromPrimitiveList/';
const SET_ORDER = '$setElementOrder/';

const badRequest = (m: string): never => { throw new PatchError(m, 400); };
const unprocessable = (m: string): never => { throw new PatchError(m, 422, 'Invalid'); };
const internal = (m: string): never => { throw new PatchError(`Internal error occurred: ${m}`, 500, 'InternalError'); };

function noMergeKey(m: JMap, key: string): never {
  return internal(`map: ${goValue(m)} does not contain declared merge key: ${key}`);
}

function discardNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(discardNulls);
  if (isPlainObject(v)) {
    const out: JMap = {};
    for (const [k, x] of Object.entries(v)) if (x !== null) out[k] = discardNulls(x);
    return out;
  }
  return v;
}

/** stripDirectives removes leftover `$...` keys, as decoding into the typed object drops them upstream. */
function stripDirectives(v: unknown): unknown {
  if (Array.isArray(v)) return v.filter((x) => !(isPlainObject(x) && x[DIRECTIVE] !== undefined && Object.keys(x).length === 1)).map(stripDirectives);
  if (isPlainObject(v)) {
    const out: JMap = {};
    for (const [k, x] of Object.entries(v)) if (!k.startsWith('$')) out[k] = stripDirectives(x);
    return out;
  }
  return v;
}

function applyRetainKeys(original: JMap, patch: JMap): void {
  if (!(RETAIN_KEYS in patch)) return;
  const list = patch[RETAIN_KEYS];
  delete patch[RETAIN_KEYS];
  if (!Array.isArray(list)) badRequest('invalid patch format of retainKeys');
  const keep = new Set((list as unknown[]).map(String));
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || k.startsWith(DELETE_PRIMITIVE) || k.startsWith(SET_ORDER)) continue;
    if (!keep.has(k)) badRequest('invalid patch format of retainKeys');
  }
  for (const k of Object.keys(original)) if (!keep.has(k)) delete original[k];
}

function keyOf(item: unknown, mergeKey: string): unknown {
  return isPlainObject(item) ? item[mergeKey] : item;
}

function indexIn(list: unknown[], item: unknown, mergeKey: string): number {
  const k = mergeKey ? keyOf(item, mergeKey) : item;
  return list.findIndex((x) => deepEqual(mergeKey ? keyOf(x, mergeKey) : x, k));
}

/** normalizeElementOrder: patch items in patchOrder, server-only items in serverOrder, interleaved as upstream. */
function normalizeOrder(merged: unknown[], patchOrder: unknown[], serverOrder: unknown[], mergeKey: string): unknown[] {
  const inPatch = (x: unknown): boolean => indexIn(patchOrder, x, mergeKey) >= 0;
  const patchItems = merged.filter(inPatch).sort((a, b) => indexIn(patchOrder, a, mergeKey) - indexIn(patchOrder, b, mergeKey));
  const serverOnly = merged.filter((x) => !inPatch(x)).sort((a, b) => indexIn(serverOrder, a, mergeKey) - indexIn(serverOrder, b, mergeKey));
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < serverOnly.length || j < patchItems.length) {
    if (i >= serverOnly.length) out.push(patchItems[j++]);
    else if (j >= patchItems.length) out.push(serverOnly[i++]);
    else {
      const li = indexIn(serverOrder, serverOnly[i], mergeKey);
      const ri = indexIn(serverOrder, patchItems[j], mergeKey);
      if (li >= 0 && ri >= 0 && li < ri) out.push(serverOnly[i++]);
      else out.push(patchItems[j++]);
    }
  }
  return out;
}

function mergeSlice(original: unknown[], patch: unknown[], meta: FieldMeta, isDeleteList: boolean, field: string): unknown[] {
  if (original.length === 0 && patch.length === 0) return original;
  const sample = original.length > 0 ? original[0] : patch[0];
  const mergeKey = meta.mergeKey ?? '';
  if (Array.isArray(sample)) unprocessable('lists of lists are not supported');
  let merged: unknown[];
  let patchForOrder = patch;
  if (!isPlainObject(sample)) {
    if (isDeleteList) return original.filter((x) => !patch.some((p) => deepEqual(p, x)));
    merged = [];
    for (const x of [...original, ...patch]) if (!merged.some((m) => deepEqual(m, x))) merged.push(x);
  } else {
    if (!mergeKey) internal(`cannot merge lists without merge key for ${field}`);
    let base = original.map((x) => x);
    const plain: JMap[] = [];
    let replace = false;
    for (const v of patch) {
      if (!isPlainObject(v)) badRequest('invalid JSON document');
      const m = v as JMap;
      if (!(DIRECTIVE in m)) { plain.push(m); continue; }
      const d = m[DIRECTIVE];
      if (d === 'delete') {
        if (!(mergeKey in m)) noMergeKey(m, mergeKey);
        base = base.filter((x) => !deepEqual(keyOf(x, mergeKey), m[mergeKey]));
      } else if (d === 'replace') replace = true;
      else if (d === 'merge') internal('merging lists cannot yet be specified in the patch');
      else internal(`unknown patch type: ${String(d)} in map: ${goValue(m)}`);
    }
    if (replace) return plain.map((x) => stripDirectives(x));
    patchForOrder = plain;
    merged = base;
    for (const p of plain) {
      if (!(mergeKey in p)) noMergeKey(p, mergeKey);
      const idx = merged.findIndex((x) => deepEqual(keyOf(x, mergeKey), p[mergeKey]));
      if (idx >= 0) merged[idx] = mergeMap(merged[idx] as JMap, p, meta.schema ?? {});
      else merged.push(discardNulls(p));
    }
  }
  return normalizeOrder(merged, patchForOrder, original, mergeKey);
}

function mergeValue(orig: unknown, patchV: unknown, meta: FieldMeta, isDeleteList: boolean, field: string): unknown {
  if (isPlainObject(orig) && isPlainObject(patchV)) return mergeMap(orig, patchV, meta.schema ?? {});
  if (Array.isArray(orig) && Array.isArray(patchV)) {
    if (meta.mergeKey || meta.primitiveMerge) return mergeSlice(orig, patchV, meta, isDeleteList, field);
    return patchV;
  }
  return patchV;
}

function processSetElementOrder(original: JMap, patch: JMap, schema: Schema): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ORDER)) continue;
    const order = patch[key];
    delete patch[key];
    if (!Array.isArray(order)) badRequest('invalid patch format of setElementOrder list');
    const field = key.slice(SET_ORDER.length);
    const meta = schema[field] ?? {};
    const mergeKey = meta.mergeKey ?? '';
    const orderList = order as unknown[];
    const origList = original[field];
    const patchList = patch[field];
    if (patchList !== undefined && !Array.isArray(patchList)) badRequest('invalid patch format of setElementOrder list');
    for (const p of (patchList as unknown[] | undefined) ?? []) {
      if (isPlainObject(p) && p[DIRECTIVE] !== undefined) continue;
      if (indexIn(orderList, p, mergeKey) < 0) badRequest('invalid patch format of setElementOrder list');
    }
    let merged: unknown[];
    if (Array.isArray(origList) && patchList === undefined) merged = origList;
    else if (!Array.isArray(origList) && Array.isArray(patchList)) merged = stripDirectives(patchList) as unknown[];
    else if (Array.isArray(origList) && Array.isArray(patchList)) merged = mergeSlice(origList, patchList, meta, false, field);
    else continue;
    original[field] = normalizeOrder(merged, orderList, Array.isArray(origList) ? origList : [], mergeKey);
    delete patch[field];
  }
}

function mergeMap(original: JMap, patch: JMap, schema: Schema): JMap {
  patch = { ...patch };
  if (DIRECTIVE in patch) {
    const d = patch[DIRECTIVE];
    if (d === 'replace') { delete patch[DIRECTIVE]; return stripDirectives(discardNulls(patch)) as JMap; }
    if (d === 'delete') return {};
    internal(`unknown patch type: ${String(d)} in map: ${goValue(patch)}`);
  }
  applyRetainKeys(original, patch);
  processSetElementOrder(original, patch, schema);
  for (const [rawKey, patchV] of Object.entries(patch)) {
    let k = rawKey;
    let isDeleteList = false;
    if (k.startsWith(DELETE_PRIMITIVE)) {
      k = k.slice(DELETE_PRIMITIVE.length);
      isDeleteList = true;
      if (!Array.isArray(patchV)) badRequest('invalid patch format of primitive list');
    } else if (k.startsWith('$')) continue;
    if (patchV === null) { delete original[k]; continue; }
    const meta = schema[k] ?? {};
    if (!(k in original)) {
      if (!isDeleteList) original[k] = stripDirectives(discardNulls(patchV));
      continue;
    }
    const ov = original[k];
    const sameType = Array.isArray(ov) === Array.isArray(patchV) && isPlainObject(ov) === isPlainObject(patchV);
    if (!sameType) { if (!isDeleteList) original[k] = stripDirectives(discardNulls(patchV)); continue; }
    original[k] = mergeValue(ov, patchV, meta, isDeleteList, k);
  }
  return original;
}

/** applyStrategicMergePatch applies a strategic merge patch to original using kind's patch metadata. */
export function applyStrategicMergePatch(original: unknown, patch: unknown, kind: string): unknown {
  if (!isPlainObject(patch)) badRequest('invalid JSON document');
  const doc = isPlainObject(original) ? deepCopy(original) : {};
  return mergeMap(doc, deepCopy(patch as JMap), schemaForKind(kind));
}
