// Models field ownership (k8s.io/apimachinery/pkg/util/managedfields + sigs.k8s.io/structured-merge-diff):
// field sets as FieldsV1 trees (`f:name`, `k:{"name":"web"}`, `v:"x"`, `.` for the node itself),
// the sets an Update or an Apply owns, and the managedFields entries kept in metadata.
// Simplified: list semantics come from the schemas' patch merge keys (lists without one are atomic),
// LabelSelector is atomic, and the "zero object" of a type is approximated by a fixed set of
// always-present fields (metadata, spec, status, templates, strategies, containers).
import type { KObject } from '../../types';
import { componentSchemas, definitionFor, refName } from '../../openapi';
import type { JsonSchema } from '../../openapi';

/** FieldSet is a FieldsV1 tree: each key is a path element; `.` marks the node itself as owned. */
export interface FieldSet { [element: string]: FieldSet }

/** ManagedFieldsEntry is one metadata.managedFields item. */
export interface ManagedFieldsEntry {
  apiVersion: string; fieldsType: 'FieldsV1'; fieldsV1: FieldSet; manager: string;
  operation: 'Apply' | 'Update'; subresource?: string; time: string;
}

type Obj = Record<string, unknown>;

/** ListKind is how a list merges: by key fields, as a set of scalars, or atomically. */
type ListKind = { keys: string[] } | 'set' | 'atomic';

const ATOMIC_STRUCTS = new Set(['io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector']);
const SET_LISTS = new Set(['finalizers']);
// Fields a Go zero value of the parent type already has (value structs, lists without omitempty).
const ZERO_PRESENT = new Set(['metadata', 'spec', 'status', 'template', 'strategy', 'updateStrategy', 'jobTemplate', 'containers']);
// Fields SSA never tracks (stripmeta): identity and system metadata.
const STRIPPED_META = ['name', 'namespace', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'managedFields', 'selfLink', 'deletionTimestamp', 'deletionGracePeriodSeconds'];

function resolve(s: JsonSchema | undefined): { schema?: JsonSchema; name?: string } {
  const name = refName(s);
  return name ? { schema: componentSchemas()[name], name } : { schema: s };
}

function listKind(field: string, s: JsonSchema | undefined): ListKind {
  if (SET_LISTS.has(field)) return 'set';
  const key = s?.['x-kubernetes-patch-merge-key'];
  if (!key) return 'atomic';
  // containerPort+protocol is the list-map key of ports upstream (the patch merge key is containerPort alone).
  if (key === 'containerPort' || key === 'port') return { keys: [key, 'protocol'] };
  return { keys: [key] };
}

/** itemElement is an associative list item's path element: `k:{"name":"web"}`, or `v:"x"` for sets. */
function itemElement(kind: ListKind, item: unknown): string | undefined {
  if (kind === 'set') return `v:${JSON.stringify(item)}`;
  if (kind === 'atomic' || !item || typeof item !== 'object') return undefined;
  const o: Obj = {};
  for (const k of kind.keys) if ((item as Obj)[k] !== undefined) o[k] = (item as Obj)[k];
  if (!Object.keys(o).length) return undefined;
  return `k:${JSON.stringify(Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]])))}`;
}

function isObj(v: unknown): v is Obj { return !!v && typeof v === 'object' && !Array.isArray(v); }
function isEmptyObj(v: unknown): boolean { return isObj(v) && Object.keys(v).length === 0; }

function child(set: FieldSet, el: string): FieldSet { return (set[el] ??= {}); }

function mark(set: FieldSet): void { set['.'] = {}; }

/** kindSchema returns the component schema of a kind (undefined when unknown). */
function kindSchema(group: string, version: string, kind: string): JsonSchema | undefined {
  const def = definitionFor(group, version, kind);
  return def ? componentSchemas()[def] : undefined;
}

/**
 * appliedFieldSet is the set an Apply of config owns (typed ToFieldSet): scalars, list items,
 * map keys that are not declared fields, and empty or null values.
 */
export function appliedFieldSet(group: string, version: string, kind: string, config: KObject): FieldSet {
  const root: FieldSet = {};
  walkApplied(kindSchema(group, version, kind), config, root, true);
  stripMeta(root);
  return prune(root);
}

function walkApplied(schema: JsonSchema | undefined, value: unknown, set: FieldSet, isRoot = false): void {
  const { schema: s, name } = resolve(schema);
  if (!isObj(value) || (name && ATOMIC_STRUCTS.has(name))) return;
  for (const [k, v] of Object.entries(value)) {
    if (isRoot && (k === 'apiVersion' || k === 'kind' || k === 'status')) continue;
    const declared = s?.properties?.[k];
    const childSchema = declared ?? (typeof s?.additionalProperties === 'object' ? s.additionalProperties : undefined);
    const node = child(set, `f:${k}`);
    if (v === null || isEmptyObj(v) || !declared) mark(node);
    if (Array.isArray(v)) {
      const lk = listKind(k, resolve(childSchema).schema ?? childSchema);
      if (lk === 'atomic') { mark(node); continue; }
      const items = resolve(childSchema).schema?.items ?? childSchema?.items;
      for (const item of v) {
        const el = itemElement(lk, item);
        if (!el) continue;
        const itemSet = child(node, el);
        mark(itemSet);
        if (lk !== 'set') walkApplied(items, item, itemSet);
      }
    } else if (isObj(v)) {
      const inner = resolve(childSchema);
      if (inner.name && ATOMIC_STRUCTS.has(inner.name)) { mark(node); continue; }
      walkApplied(childSchema, v, node);
    } else {
      mark(node);
    }
  }
}

/**
 * updateFieldSet is what an Update changes (typed Compare: Added ∪ Modified): changed scalars, and
 * every newly added non-leaf node (maps, list items) as a member; removed paths are returned too.
 */
export function updateFieldSet(group: string, version: string, kind: string, old: KObject | undefined, next: KObject, subresource?: string): { owned: FieldSet; removed: FieldSet } {
  const owned: FieldSet = {}, removed: FieldSet = {};
  compare(kindSchema(group, version, kind), old ?? {}, next, owned, removed, true, true);
  for (const s of [owned, removed]) {
    stripMeta(s);
    delete s['f:apiVersion']; delete s['f:kind'];
    // Models the strategies' ResetFields: status belongs to the status subresource and vice versa.
    if (subresource === 'status') { for (const k of Object.keys(s)) if (k !== 'f:status') delete s[k]; } else delete s['f:status'];
  }
  return { owned: prune(owned), removed: prune(removed) };
}

function compare(schema: JsonSchema | undefined, lhs: unknown, rhs: unknown, owned: FieldSet, removed: FieldSet, zeroParent: boolean, isRoot = false): void {
  const { schema: s, name } = resolve(schema);
  const atomic = !!name && ATOMIC_STRUCTS.has(name);
  if (!isObj(rhs) || atomic) return;
  const l = isObj(lhs) ? lhs : undefined;
  const keys = new Set([...Object.keys(l ?? {}), ...Object.keys(rhs)]);
  for (const k of keys) {
    if (isRoot && (k === 'apiVersion' || k === 'kind')) continue;
    const a = l?.[k], b = rhs[k];
    const childSchema = s?.properties?.[k] ?? (typeof s?.additionalProperties === 'object' ? s.additionalProperties : undefined);
    const el = `f:${k}`;
    const lhsPresent = a !== undefined || (zeroParent && ZERO_PRESENT.has(k));
    if (b === undefined) { if (a !== undefined && a !== null) mark(child(removed, el)); continue; }
    // null is the zero value (creationTimestamp: null in templates): no change from absent.
    if (b === null && (a === undefined || a === null)) continue;
    const leaf = !isObj(b) && !Array.isArray(b) || isEmptyObj(b) || (resolve(childSchema).name !== undefined && ATOMIC_STRUCTS.has(resolve(childSchema).name!));
    if (leaf) {
      if (a === undefined || JSON.stringify(a) !== JSON.stringify(b)) mark(child(owned, el));
      continue;
    }
    if (Array.isArray(b)) {
      const lk = listKind(k, resolve(childSchema).schema ?? childSchema);
      if (lk === 'atomic') { if (JSON.stringify(a) !== JSON.stringify(b)) mark(child(owned, el)); continue; }
      if (!lhsPresent) mark(child(owned, el));
      const items = resolve(childSchema).schema?.items ?? childSchema?.items;
      const oldItems = new Map<string, unknown>();
      for (const item of Array.isArray(a) ? a : []) { const e = itemElement(lk, item); if (e) oldItems.set(e, item); }
      for (const item of b) {
        const e = itemElement(lk, item);
        if (!e) continue;
        const before = oldItems.get(e);
        oldItems.delete(e);
        if (before === undefined) { mark(child(child(owned, el), e)); }
        if (lk !== 'set') {
          const o = child(child(owned, el), e), r = child(child(removed, el), e);
          compare(items, before, item, o, r, false);
        }
      }
      for (const e of oldItems.keys()) mark(child(child(removed, el), e));
      continue;
    }
    if (!lhsPresent) mark(child(owned, el));
    compare(childSchema, a, b, child(owned, el), child(removed, el), lhsPresent);
  }
}

function stripMeta(set: FieldSet): void {
  const md = set['f:metadata'];
  if (!md) return;
  for (const f of STRIPPED_META) delete md[`f:${f}`];
  delete md['.'];
}

/** prune drops empty subtrees that are not members, recursively, and orders keys as FieldsV1 does. */
export function prune(set: FieldSet): FieldSet {
  const out: FieldSet = {};
  if (set['.']) out['.'] = {};
  for (const k of Object.keys(set).filter((k) => k !== '.').sort(compareElements)) {
    const c = prune(set[k]);
    if (Object.keys(c).length) out[k] = c;
  }
  return out;
}

// PathElement order: field names, then keys, then values, then indexes; each by text.
function compareElements(a: string, b: string): number {
  const rank = (s: string) => 'fkvi'.indexOf(s[0]);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** union merges b into a copy of a. */
export function union(a: FieldSet, b: FieldSet): FieldSet {
  const out: FieldSet = JSON.parse(JSON.stringify(a));
  const add = (to: FieldSet, from: FieldSet) => { for (const [k, v] of Object.entries(from)) add((to[k] ??= {}), v); };
  add(out, b);
  return prune(out);
}

/** difference removes from a every member of b (subtrees of b's members go with them). */
export function difference(a: FieldSet, b: FieldSet): FieldSet {
  const sub = (x: FieldSet, y: FieldSet): FieldSet => {
    const out: FieldSet = {};
    for (const [k, v] of Object.entries(x)) {
      if (k === '.') { if (!y['.']) out['.'] = {}; continue; }
      const yc = y[k];
      if (!yc) { out[k] = v; continue; }
      out[k] = sub(v, yc);
    }
    return out;
  };
  return prune(sub(a, b));
}

/** intersection keeps the members present in both sets. */
export function intersection(a: FieldSet, b: FieldSet): FieldSet {
  const inter = (x: FieldSet, y: FieldSet): FieldSet => {
    const out: FieldSet = {};
    for (const [k, v] of Object.entries(x)) {
      const yc = y[k];
      if (!yc) continue;
      out[k] = k === '.' ? {} : inter(v, yc);
    }
    return out;
  };
  return prune(inter(a, b));
}

/** isEmptySet reports a set with no members. */
export function isEmptySet(s: FieldSet): boolean { return Object.keys(prune(s)).length === 0; }

/** memberPaths lists the members of a set as structured-merge-diff prints paths: `.spec.containers[name="web"].image`. */
export function memberPaths(set: FieldSet, prefix = ''): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(set)) {
    if (k === '.') { out.push(prefix); continue; }
    out.push(...memberPaths(v, prefix + elementString(k)));
  }
  return out;
}

function elementString(el: string): string {
  const body = el.slice(2);
  switch (el[0]) {
    case 'f': return `.${body}`;
    case 'k': {
      const o = JSON.parse(body) as Obj;
      return `[${Object.entries(o).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',')}]`;
    }
    case 'v': return `[=${body}]`;
    default: return `[${body}]`;
  }
}

/** sortEntries orders managedFields as the apiserver does: Apply before Update, then by time, manager, apiVersion, subresource. */
export function sortEntries(entries: ManagedFieldsEntry[]): ManagedFieldsEntry[] {
  const sec = (t: string) => Math.floor(Date.parse(t) / 1000);
  return [...entries].sort((p, q) => (p.operation < q.operation ? -1 : p.operation > q.operation ? 1 : 0)
    || sec(p.time) - sec(q.time)
    || (p.manager < q.manager ? -1 : p.manager > q.manager ? 1 : 0)
    || (p.apiVersion < q.apiVersion ? -1 : p.apiVersion > q.apiVersion ? 1 : 0)
    || ((p.subresource ?? '') < (q.subresource ?? '') ? -1 : (p.subresource ?? '') > (q.subresource ?? '') ? 1 : 0));
}

/** managerOrUserAgent is the field manager of a request: the fieldManager parameter, else the User-Agent up to its first `/`. */
export function managerOrUserAgent(fieldManager: string | undefined, userAgent: string | undefined): string {
  if (fieldManager) return fieldManager;
  return (userAgent ?? '').split('/')[0].replace(/[\x00-\x1f\x7f]/g, '').slice(0, 128);
}

/**
 * deletePaths removes the members of set from obj (map keys and associative list items); used to
 * drop fields an applier stopped applying that nobody else owns.
 */
export function deletePaths(obj: unknown, set: FieldSet): void {
  if (!obj || typeof obj !== 'object') return;
  for (const [el, sub] of Object.entries(set)) {
    if (el === '.') continue;
    if (el.startsWith('f:') && isObj(obj)) {
      const key = el.slice(2);
      if (sub['.'] && Object.keys(sub).length === 1) { delete obj[key]; continue; }
      if (sub['.']) { delete obj[key]; continue; }
      deletePaths(obj[key], sub);
    } else if (Array.isArray(obj) && (el.startsWith('k:') || el.startsWith('v:'))) {
      const idx = obj.findIndex((item) => itemMatches(el, item));
      if (idx < 0) continue;
      if (sub['.']) obj.splice(idx, 1); else deletePaths(obj[idx], sub);
    }
  }
}

function itemMatches(el: string, item: unknown): boolean {
  if (el.startsWith('v:')) return JSON.stringify(item) === el.slice(2);
  const keys = JSON.parse(el.slice(2)) as Obj;
  return isObj(item) && Object.entries(keys).every(([k, v]) => item[k] === v);
}

/** listKindFor exposes the list semantics of field k under schema s (for apply merges). */
export function listKindFor(field: string, s: JsonSchema | undefined): ListKind {
  return listKind(field, resolve(s).schema ?? s);
}

/** itemKey returns the path element of a list item under kind (undefined for atomic lists). */
export function itemKey(kind: ListKind, item: unknown): string | undefined { return itemElement(kind, item); }

/** schemaOf returns the component schema of a kind and resolves child schemas (for apply merges). */
export const schemaTools = { kindSchema, resolve: (s: JsonSchema | undefined) => resolve(s).schema ?? s, isAtomic: (s: JsonSchema | undefined) => { const n = resolve(s).name; return !!n && ATOMIC_STRUCTS.has(n); } };
