// Models server-side apply (PATCH with application/apply-patch+yaml) and the managedFields
// bookkeeping of ordinary writes: k8s.io/apiserver handlers/patch.go applyPatcher over
// k8s.io/apimachinery/pkg/util/managedfields (structured-merge-diff's Updater.Apply/Update).
// Simplified: the apply body must be JSON (what kubectl sends); merges follow the schemas' patch
// merge keys; the status of the main resource is never applied.
import type { KObject } from '../../types';
import { clone, rfc3339 } from '../../util';
import type { ApiResponse, ResourceDef } from '../types';
import { ApiError } from '../types';
import { badRequest, methodNotSupported, statusFailure } from '../errors';
import type { JsonSchema } from '../../openapi';
import type { ServerContext } from './context';
import { apiVersionOf, header, isDryRun, type ResourceRequest } from './request';
import { unknownFields } from './field-validation';
import {
  appliedFieldSet, deletePaths, difference, intersection, isEmptySet, itemKey, listKindFor, managerOrUserAgent, memberPaths,
  schemaTools, sortEntries, union, updateFieldSet,
} from './managed-fields';
import type { FieldSet, ManagedFieldsEntry } from './managed-fields';

type Obj = Record<string, any>;

/** toFieldsV1 serializes a FieldSet (leaf members become `{}`). */
export function toFieldsV1(set: FieldSet): FieldSet {
  const out: FieldSet = {};
  const keys = Object.keys(set).filter((k) => k !== '.');
  if (set['.'] && keys.length) out['.'] = {};
  for (const k of keys) out[k] = toFieldsV1(set[k]);
  return out;
}

/** fromFieldsV1 parses FieldsV1 (`{}` is a leaf member). */
export function fromFieldsV1(v1: FieldSet | undefined): FieldSet {
  const out: FieldSet = {};
  const keys = Object.keys(v1 ?? {});
  if (!keys.length) { out['.'] = {}; return out; }
  for (const k of keys) out[k] = k === '.' ? {} : fromFieldsV1(v1![k]);
  return out;
}

interface Managed { entry: ManagedFieldsEntry; set: FieldSet }

function readEntries(obj: KObject | undefined): Managed[] {
  const list = (obj?.metadata as Obj | undefined)?.managedFields as ManagedFieldsEntry[] | undefined;
  return (list ?? []).map((e) => ({ entry: { ...e }, set: fromFieldsV1(e.fieldsV1) }));
}

function writeEntries(ms: Managed[]): ManagedFieldsEntry[] | undefined {
  const out = ms.filter((m) => !isEmptySet(m.set)).map((m) => ({ ...m.entry, fieldsV1: toFieldsV1(m.set) }));
  return out.length ? sortEntries(out).map(orderEntry) : undefined;
}

// Field order of a ManagedFieldsEntry as kube-apiserver serializes it.
function orderEntry(e: ManagedFieldsEntry): ManagedFieldsEntry {
  const o: ManagedFieldsEntry = { manager: e.manager, operation: e.operation, apiVersion: e.apiVersion, time: e.time, fieldsType: 'FieldsV1', fieldsV1: e.fieldsV1 };
  if (e.subresource) o.subresource = e.subresource;
  return o;
}

/** FieldTracker records managedFields on a write: old is the live object (undefined on create), next the object about to be stored. */
export type FieldTracker = (old: KObject | undefined, next: KObject) => void;

const INTERNAL_AGENT = 'kube-sandbox';

/**
 * fieldTracker returns the managedFields bookkeeping for one request: writes from real clients
 * (a fieldManager parameter or a User-Agent other than the in-process one) get an Update entry;
 * in-process writes only keep the live object's entries. Models FieldManager.UpdateNoErrors.
 */
export function fieldTracker(ctx: ServerContext, r: ResourceRequest, subresource?: string): FieldTracker {
  const ua = header(r.req, 'user-agent');
  const fm = r.query.fieldManager;
  const tracked = !!fm || (!!ua && ua !== INTERNAL_AGENT);
  return (old, next) => {
    const md = next.metadata as Obj;
    if (!tracked) {
      if (md.managedFields === undefined && old?.metadata?.managedFields) md.managedFields = old.metadata.managedFields;
      return;
    }
    const def = r.def;
    const apiVersion = apiVersionOf(def);
    const manager = managerOrUserAgent(fm, ua);
    const { owned, removed } = updateFieldSet(def.group, def.version, def.kind, old, next, subresource);
    const ms = readEntries(old);
    if (isEmptySet(owned) && isEmptySet(removed)) {
      if (old) md.managedFields = old.metadata.managedFields; else delete md.managedFields;
      return;
    }
    for (const m of ms) m.set = difference(difference(m.set, owned), removed);
    let mine = ms.find((m) => m.entry.manager === manager && m.entry.operation === 'Update' && m.entry.apiVersion === apiVersion && (m.entry.subresource ?? '') === (subresource ?? ''));
    if (!mine) {
      mine = { entry: { manager, operation: 'Update', apiVersion, time: '', fieldsType: 'FieldsV1', fieldsV1: {}, ...(subresource ? { subresource } : {}) }, set: {} };
      ms.push(mine);
    }
    mine.set = union(mine.set, owned);
    mine.entry.time = rfc3339(ctx.clock.now());
    const out = writeEntries(ms);
    if (out) md.managedFields = out; else delete md.managedFields;
  };
}

function gvkString(def: ResourceDef): string {
  return `${def.group}/${def.version}, Kind=${def.kind}`;
}

function merge(schema: JsonSchema | undefined, live: unknown, config: unknown): unknown {
  const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
  if (!isObj(config) || !isObj(live) || schemaTools.isAtomic(schema)) return clone(config);
  const s = schemaTools.resolve(schema);
  const out: Obj = clone(live);
  for (const [k, v] of Object.entries(config)) {
    const childSchema = s?.properties?.[k] ?? (typeof s?.additionalProperties === 'object' ? s.additionalProperties : undefined);
    if (Array.isArray(v)) {
      const lk = listKindFor(k, childSchema);
      if (lk === 'atomic' || !Array.isArray(out[k])) { out[k] = clone(v); continue; }
      const items: unknown[] = [...out[k]];
      const itemSchema = schemaTools.resolve(childSchema)?.items;
      for (const item of v) {
        const key = itemKey(lk, item);
        const idx = key === undefined ? -1 : items.findIndex((x) => itemKey(lk, x) === key);
        if (idx < 0) items.push(clone(item)); else if (lk !== 'set') items[idx] = merge(itemSchema, items[idx], item);
      }
      out[k] = items;
    } else {
      out[k] = merge(childSchema, out[k], v);
    }
  }
  return out;
}

/** conflictError is the 409 structured-merge-diff conflicts become (managedfields NewConflictError). */
export function conflictError(conflicts: { manager: ManagedFieldsEntry; path: string }[]): ApiError {
  const who = (e: ManagedFieldsEntry) => {
    let s = JSON.stringify(e.manager);
    if (e.subresource) s += ` with subresource ${JSON.stringify(e.subresource)}`;
    return e.operation === 'Update' ? `${s} using ${e.apiVersion}` : s;
  };
  let message: string;
  if (conflicts.length === 1) message = `Apply failed with 1 conflict: conflict with ${who(conflicts[0].manager)}: ${conflicts[0].path}`;
  else {
    const byManager = new Map<string, string[]>();
    for (const c of conflicts) byManager.set(who(c.manager), [...(byManager.get(who(c.manager)) ?? []), c.path]);
    const lines: string[] = [];
    for (const m of [...byManager.keys()].sort()) { lines.push(`conflicts with ${m}:`); for (const p of byManager.get(m)!) lines.push(`- ${p}`); }
    message = `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
  }
  return new ApiError(statusFailure(409, 'Conflict', message, {
    causes: conflicts.map((c) => ({ reason: 'FieldManagerConflict', message: `conflict with ${who(c.manager)}`, field: c.path })),
  }));
}

/** ApplyWriters are the write paths server-side apply finishes through (createPrepared and commitUpdate). */
export interface ApplyWriters {
  create(obj: KObject, dry: boolean): KObject;
  update(live: KObject, merged: KObject, dry: boolean): ApiResponse;
}

/** serverSideApply serves PATCH with `application/apply-patch+yaml`: creates (201) or merges, owning the applied fields. */
export function serverSideApply(ctx: ServerContext, r: ResourceRequest, live: KObject | undefined, writers: ApplyWriters): ApiResponse {
  const def = r.def;
  if (!def.verbs.includes('patch')) throw methodNotSupported(def, 'patch');
  const manager = r.query.fieldManager;
  if (!manager) throw badRequest('PATCH requests with content type application/apply-patch+yaml must have a fieldManager specified');
  let config = r.req.body as unknown;
  if (typeof config === 'string') {
    try { config = JSON.parse(config); } catch (e) { throw badRequest(`error decoding patch: ${(e as Error).message}`); }
  }
  if (!config || typeof config !== 'object' || Array.isArray(config)) throw badRequest('error decoding patch: the body must be a single object');
  const cfg = clone(config as KObject);
  const unknown = unknownFields(def.group, def.version, def.kind, cfg);
  if (unknown.length) {
    throw new ApiError(statusFailure(500, '', `failed to create typed patch object (${gvkString(def)}): .${unknown[0]}: field not declared in schema`));
  }
  const want = apiVersionOf(def);
  if (cfg.apiVersion !== want || cfg.kind !== def.kind) {
    throw badRequest(`the API version in the data (${String(cfg.apiVersion ?? '')}) does not match the expected API version (${want})`);
  }
  const md = (cfg.metadata ??= {}) as Obj;
  if (md.name && md.name !== r.name) throw badRequest(`the name of the object (${md.name}) does not match the name on the URL (${r.name})`);
  const force = r.query.force === 'true';
  const dry = isDryRun(r.query);
  const applied = appliedFieldSet(def.group, def.version, def.kind, cfg);
  const now = rfc3339(ctx.clock.now());
  const entry: ManagedFieldsEntry = { manager, operation: 'Apply', apiVersion: want, time: now, fieldsType: 'FieldsV1', fieldsV1: {} };
  delete (cfg as Obj).status;
  if (!live) {
    md.name = r.name;
    if (def.namespaced) md.namespace = r.namespace; else delete md.namespace;
    md.managedFields = writeEntries([{ entry, set: applied }]);
    return { code: 201, body: writers.create(cfg, dry) };
  }
  const merged = merge(schemaTools.kindSchema(def.group, def.version, def.kind), live, cfg) as KObject;
  const ms = readEntries(live);
  const mineIdx = ms.findIndex((m) => m.entry.manager === manager && m.entry.operation === 'Apply');
  const previous = mineIdx >= 0 ? ms.splice(mineIdx, 1)[0].set : {};
  // Fields this applier stopped applying and nobody else owns are removed from the object.
  const others = ms.reduce<FieldSet>((acc, m) => union(acc, m.set), {});
  deletePaths(merged, difference(difference(previous, applied), others));
  const changed = updateFieldSet(def.group, def.version, def.kind, live, merged).owned;
  const conflicts: { manager: ManagedFieldsEntry; path: string }[] = [];
  for (const m of ms) {
    const clash = intersection(m.set, intersection(changed, applied));
    if (isEmptySet(clash)) continue;
    if (force) m.set = difference(m.set, clash);
    else for (const path of memberPaths(clash)) conflicts.push({ manager: m.entry, path });
  }
  if (conflicts.length) throw conflictError(conflicts);
  ms.push({ entry, set: applied });
  (merged.metadata as Obj).managedFields = writeEntries(ms);
  if (!(merged.metadata as Obj).managedFields) delete (merged.metadata as Obj).managedFields;
  return writers.update(live, merged, dry);
}

/**
 * omitEmptyMeta drops empty labels/annotations maps and empty finalizers/ownerReferences lists, as
 * decoding into the typed ObjectMeta (omitempty) does: a patch adding `annotations: {}` leaves none.
 */
export function omitEmptyMeta(obj: KObject): void {
  const md = obj.metadata as Obj | undefined;
  if (!md) return;
  for (const k of ['labels', 'annotations']) {
    const v = md[k];
    if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) delete md[k];
  }
  for (const k of ['finalizers', 'ownerReferences']) if (Array.isArray(md[k]) && md[k].length === 0) delete md[k];
}
