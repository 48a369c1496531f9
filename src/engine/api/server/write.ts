import type { KObject } from '../../types';
import { clone, rfc3339, thaw } from '../../util';
import { resourcePrefix, StoreError, type StoreEntry } from '../../store';
import type { ApiResponse, PatchType, ResourceDef } from '../types';
import { applyDefaults, generateJobSelector, podQOSClass } from '../defaults';
import { allocateServiceAddresses } from '../admission/service-alloc';
import { decodeError, validateCreate, validateStatusUpdate, validateUpdate, type FieldError } from '../validation';
import { applyPatch, PatchError } from '../patch';
import { admitCreate, type AdmissionContext } from '../admission';
import { behaviourOf } from '../registry';
import { K8S_NAME_ALPHABET } from '../../util';
import {
  alreadyExists, badRequest, conflict, forbidden, invalid, methodNotSupported, notFound, OPTIMISTIC_LOCK_MESSAGE,
  statusFailure, unsupportedMediaType,
} from '../errors';
import { ApiError } from '../types';
import type { ServerContext } from './context';
import { isEventResource } from './event-ttl';
import { apiVersionOf, asObject, header, isDryRun, keyOf, requestKey, type ResourceRequest } from './request';
import { newUid, resetStatusForCreate, sameIgnoringVersion, specPart } from './objects';
import { deepEqual } from '../../util';
import { checkBodyFields, checkPatchedFields, directiveFor } from './field-validation';
import { fieldTracker, omitEmptyMeta, serverSideApply, type FieldTracker } from './apply';

type Obj = Record<string, any>;

const PATCH_TYPES = ['application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json'];
// The 415 answer lists every patch type the apiserver accepts, in its order.
const ACCEPTED_PATCH_TYPES = ['application/json-patch+json', 'application/merge-patch+json', 'application/apply-patch+yaml', 'application/strategic-merge-patch+json'];
const NAMESPACES = { group: '', plural: 'namespaces', namespaced: false };

/** checkTypeMeta rejects a body whose apiVersion or kind differs from the URL's resource. */
export function checkTypeMeta(expected: { group: string; version: string; kind: string }, obj: KObject): void {
  const want = apiVersionOf(expected);
  if (obj.apiVersion && obj.apiVersion !== want) {
    throw badRequest(`the API version in the data (${obj.apiVersion}) does not match the expected API version (${want})`);
  }
  if (obj.kind && obj.kind !== expected.kind) {
    throw badRequest(`the kind in the data (${obj.kind}) does not match the expected kind (${expected.kind})`);
  }
  obj.apiVersion = want;
  obj.kind = expected.kind;
  // Models the JSON decoder: values that cannot even be decoded (a bad quantity, a string port) fail before validation.
  const undecodable = decodeError(obj);
  if (undecodable) throw badRequest(`${expected.kind} in version "${expected.version}" cannot be handled as a ${expected.kind}: ${undecodable}`);
}

function checkNamespace(def: ResourceDef, md: Obj, ns: string | undefined): void {
  if (!def.namespaced) { delete md.namespace; return; }
  if (md.namespace && md.namespace !== ns) throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  md.namespace = ns;
}

/** checkNamespaceLifecycle is the NamespaceLifecycle admission check for creates. */
export function checkNamespaceLifecycle(ctx: ServerContext, def: ResourceDef, ns: string | undefined, name: string): void {
  if (!def.namespaced || ns === undefined) return;
  const nsObj = ctx.store.get(keyOf(NAMESPACES as ResourceDef, undefined, ns)) as Obj | undefined;
  if (!nsObj) throw notFound(NAMESPACES, ns);
  if (nsObj.status?.phase === 'Terminating') {
    const err = forbidden(def, name, `unable to create new content in namespace ${ns} because it is being terminated`);
    err.status.details!.causes = [{ reason: 'NamespaceTerminating', message: `namespace ${ns} is being terminated`, field: 'metadata.namespace' }];
    throw err;
  }
}

function mergeNameError(md: Obj, errs: FieldError[]): FieldError[] {
  if (!md.name && !md.generateName && !errs.some((e) => e.field === 'metadata.name')) {
    return [{ type: 'FieldValueRequired', field: 'metadata.name', message: 'Required value: name or generateName is required' }, ...errs];
  }
  return errs;
}

/** createObject serves POST on a collection. */
export function createObject(ctx: ServerContext, r: ResourceRequest): ApiResponse {
  const def = r.def;
  if (!def.verbs.includes('create')) throw methodNotSupported(def, 'create');
  const dry = isDryRun(r.query);
  const obj = clone(asObject(r.req.body));
  checkTypeMeta(def, obj);
  const md = (obj.metadata ??= {}) as Obj;
  checkNamespace(def, md, r.namespace);
  if (md.resourceVersion) throw badRequest('resourceVersion should not be set on objects to be created');
  const warnings = checkBodyFields(directiveFor(r), def, obj);
  const body = createPrepared(ctx, def, obj, dry, fieldTracker(ctx, r));
  return warnings.length ? { code: 201, body, warnings } : { code: 201, body };
}

const admissionContexts = new WeakMap<ServerContext, AdmissionContext>();

// One admission context per server (built once: creating closures on every create shows in profiles).
function admissionContext(ctx: ServerContext): AdmissionContext {
  let a = admissionContexts.get(ctx);
  if (!a) {
    a = {
      rng: ctx.rng,
      getObject: (g, p, ns, n) => { const d = ctx.registry.get(g, p); return d ? ctx.store.get(keyOf(d, ns, n)) : undefined; },
      listObjects: (g, p) => { const d = ctx.registry.get(g, p); return d ? ctx.store.list(resourcePrefix(d)).items : []; },
    };
    admissionContexts.set(ctx, a);
  }
  return a;
}

/** createPrepared runs defaulting, admission, system fields, validation and the store write for a decoded object. */
export function createPrepared(ctx: ServerContext, def: ResourceDef, obj: KObject, dry: boolean, track?: FieldTracker): KObject {
  const md = obj.metadata as Obj;
  // The strategies' PrepareForCreate reset status; defaulting then fills serialization defaults.
  resetStatusForCreate(def.group, def.plural, obj as Obj);
  applyDefaults(def.plural, obj);
  // Field ownership is recorded on the decoded (defaulted) object, before admission mutates it.
  track?.(undefined, obj);
  // admission.NewForbidden names the object by name, else generateName, else "Unknown".
  const admissionName = md.name || md.generateName || 'Unknown';
  checkNamespaceLifecycle(ctx, def, md.namespace, admissionName);
  const rejected = admitCreate(def.group, def.plural, obj, admissionContext(ctx));
  if (rejected) throw forbidden(def, admissionName, rejected);
  // Models rest.BeforeCreate + the strategies' PrepareForCreate.
  md.uid = newUid(ctx.rng);
  md.creationTimestamp = rfc3339(ctx.clock.now());
  delete md.deletionTimestamp;
  delete md.deletionGracePeriodSeconds;
  delete md.resourceVersion;
  if (behaviourOf(def).tracksGeneration) md.generation = 1; else delete md.generation;
  const generated = !md.name && !!md.generateName;
  const genName = () => `${String(md.generateName).slice(0, 58)}${ctx.rng.string(5, K8S_NAME_ALPHABET)}`;
  if (generated) md.name = genName();
  // The Job strategy's PrepareForCreate generates the selector from the new uid.
  if (def.group === 'batch' && def.plural === 'jobs') generateJobSelector(obj);
  let errs = mergeNameError(md, validateCreate(def.plural, obj));
  // The Service storage allocates ClusterIPs and NodePorts once the object is valid.
  if (!errs.length && isService(def)) errs = allocateServiceAddresses(obj, serviceList(ctx), ctx.rng);
  if (errs.length) throw invalid(def, md.name ?? '', errs);
  if (dry) {
    if (!generated && ctx.store.get(keyOf(def, md.namespace, md.name))) throw alreadyExists(def, md.name);
    return obj;
  }
  for (let attempt = 0; ; attempt++) {
    try {
      const key = keyOf(def, md.namespace, md.name);
      const stored = ctx.store.create(key, obj);
      if (isEventResource(def)) ctx.eventTTL.touch(key, Number(stored.metadata.resourceVersion));
      return stored;
    } catch (e) {
      if (!(e instanceof StoreError) || e.code !== 'AlreadyExists') throw e;
      // RetryGenerateName (GA in 1.32): try a fresh suffix a few times.
      if (!generated || attempt >= 7) throw alreadyExists(def, md.name);
      md.name = genName();
    }
  }
}

/** UpdateMode selects what a write may change: the main resource, status, or namespace finalizers. */
export type UpdateMode = 'main' | 'status' | 'finalize';

/** updateObject serves PUT on an object or its status/finalize subresource. */
export function updateObject(ctx: ServerContext, r: ResourceRequest, mode: UpdateMode): ApiResponse {
  const def = r.def;
  if (!def.verbs.includes('update')) throw methodNotSupported(def, 'update');
  const dry = isDryRun(r.query);
  const body = asObject(r.req.body);
  // Fast path for a real write to an existing object: frozen subtrees of the body (typically the stored
  // object a client echoes back) are shared instead of copied. Only the top level and metadata are written
  // here; a write into a shared subtree (a TypeError, before any store write) falls back to the full copy.
  if (!dry && ctx.store.entry(requestKey(r))) {
    const rev = ctx.store.revision;
    try {
      return updateWith(ctx, r, mode, dry, writableCopy(body));
    } catch (e) {
      if (!(e instanceof TypeError) || ctx.store.revision !== rev) throw e;
    }
  }
  return updateWith(ctx, r, mode, dry, clone(body));
}

/** writableCopy copies obj's top level and metadata and shares its other frozen subtrees (see cloneUnfrozen). */
function writableCopy(body: KObject): KObject {
  const obj = thaw(body);
  if (obj.metadata && typeof obj.metadata === 'object') obj.metadata = thaw(obj.metadata);
  return obj;
}

function updateWith(ctx: ServerContext, r: ResourceRequest, mode: UpdateMode, dry: boolean, obj: KObject): ApiResponse {
  const def = r.def;
  checkTypeMeta(def, obj);
  const warnings = checkBodyFields(directiveFor(r), def, obj, ctx.store.get(requestKey(r)) as KObject | undefined);
  const res = updateChecked(ctx, r, mode, dry, obj);
  return warnings.length ? { ...res, warnings } : res;
}

function updateChecked(ctx: ServerContext, r: ResourceRequest, mode: UpdateMode, dry: boolean, obj: KObject): ApiResponse {
  const def = r.def;
  const md = (obj.metadata ??= {}) as Obj;
  if (md.name && md.name !== r.name) throw badRequest(`the name of the object (${md.name}) does not match the name on the URL (${r.name})`);
  md.name = r.name;
  checkNamespace(def, md, r.namespace);
  const entry = ctx.store.entry(requestKey(r));
  if (!entry) {
    if (mode === 'main' && behaviourOf(def).allowCreateOnUpdate) {
      delete md.resourceVersion;
      return { code: 201, body: createPrepared(ctx, def, obj, dry, fieldTracker(ctx, r)) };
    }
    throw notFound(def, r.name!);
  }
  if (mode === 'status' && def.group === '' && def.plural === 'pods' && obj.spec !== undefined && obj.spec === (entry.object as Obj).spec) {
    // A pod status write keeps only the body's status: defaulting the stored (already defaulted, frozen) spec
    // it echoes changes nothing, so only the status defaults of defaultPod apply.
    defaultPodStatus(obj as Obj);
  } else if (mode !== 'finalize') applyDefaults(def.plural, obj);
  return commitUpdate(ctx, def, entry, obj, mode, dry, md.resourceVersion || undefined, trackerFor(ctx, r, mode));
}

// defaultPodStatus is the status half of defaultPod (the pod strategy's Pending phase and QoS class).
function defaultPodStatus(pod: Obj): void {
  if (pod.status === undefined || pod.status === null || typeof pod.status !== 'object') pod.status = {};
  const status = pod.status as Obj;
  if (!status.phase) status.phase = 'Pending';
  if (!status.qosClass) status.qosClass = podQOSClass(pod.spec as Obj);
}

function contentType(r: ResourceRequest): string {
  return (header(r.req, 'content-type') ?? '').split(';')[0].trim();
}

/** patchedObject applies a PATCH body to the current object (or a view of it) and returns the result. */
export function patchedObject(r: ResourceRequest, current: KObject, kind: string): KObject {
  const ct = contentType(r);
  if (ct === 'application/apply-patch+yaml') {
    // Server-side apply is served by patchObject (apply.ts) on the main resource only; not on subresources here.
    throw unsupportedMediaType(PATCH_TYPES);
  }
  if (!PATCH_TYPES.includes(ct)) throw unsupportedMediaType(ACCEPTED_PATCH_TYPES);
  let body = r.req.body;
  if (typeof body === 'string') {
    try { body = JSON.parse(body); } catch (e) { throw badRequest(`error decoding patch: ${(e as Error).message}`); }
  }
  let out: unknown;
  try {
    out = applyPatch(ct as Exclude<PatchType, 'application/apply-patch+yaml'>, clone(current), body, kind);
  } catch (e) {
    if (e instanceof PatchError) throw new ApiError(statusFailure(e.code, (e as { reason?: string }).reason ?? (e.code === 422 ? 'Invalid' : 'BadRequest'), e.message));
    throw e;
  }
  if (!out || typeof out !== 'object' || Array.isArray(out)) throw badRequest('patch produced a non-object');
  return clone(out as KObject);
}

/** patchObject serves PATCH on an object or its status subresource. */
export function patchObject(ctx: ServerContext, r: ResourceRequest, mode: UpdateMode): ApiResponse {
  const def = r.def;
  if (!def.verbs.includes('patch')) throw methodNotSupported(def, 'patch');
  const dry = isDryRun(r.query);
  const entry = ctx.store.entry(requestKey(r));
  if (contentType(r) === 'application/apply-patch+yaml' && mode === 'main') {
    return serverSideApply(ctx, r, entry?.object, {
      create: (obj, dryRun) => createPrepared(ctx, def, obj, dryRun),
      update: (_live, merged, dryRun) => { applyDefaults(def.plural, merged); return commitUpdate(ctx, def, entry!, merged, mode, dryRun); },
    });
  }
  if (!entry) throw notFound(def, r.name!);
  const patched = patchedObject(r, entry.object, def.kind);
  omitEmptyMeta(patched);
  const ct = contentType(r);
  const warnings = checkPatchedFields(directiveFor(r), def, patched, typeof r.req.body === 'string' ? safeParse(r.req.body) : r.req.body, ct === 'application/strategic-merge-patch+json', entry.object);
  const md = (patched.metadata ??= {}) as Obj;
  const rv = md.resourceVersion !== entry.object.metadata.resourceVersion ? md.resourceVersion : undefined;
  md.name = entry.object.metadata.name;
  if (def.namespaced) md.namespace = entry.object.metadata.namespace;
  patched.apiVersion = entry.object.apiVersion;
  patched.kind = entry.object.kind;
  applyDefaults(def.plural, patched);
  const res = commitUpdate(ctx, def, entry, patched, mode, dry, rv === undefined ? undefined : String(rv), trackerFor(ctx, r, mode));
  return warnings.length ? { ...res, warnings } : res;
}

function safeParse(text: string): unknown {
  try { return JSON.parse(text); } catch { return text; }
}

// managedFields bookkeeping per write mode (namespace finalize writes are not tracked).
function trackerFor(ctx: ServerContext, r: ResourceRequest, mode: UpdateMode): FieldTracker | undefined {
  if (mode === 'finalize') return undefined;
  return fieldTracker(ctx, r, mode === 'status' ? 'status' : undefined);
}

// Models registry.ShouldDeleteDuringUpdate (+ the namespace variant that also needs spec.finalizers empty).
function shouldDeleteDuringUpdate(def: ResourceDef, old: Obj, next: Obj): boolean {
  if ((next.metadata.finalizers ?? []).length > 0) return false;
  if (!old.metadata.deletionTimestamp) return false;
  if (def.group === '' && def.plural === 'namespaces') return false;
  if ((old.metadata.finalizers ?? []).length === 0) return false;
  return !old.metadata.deletionGracePeriodSeconds;
}

/**
 * commitUpdate finishes a PUT/PATCH: keeps system metadata, applies the status rules of `mode`,
 * validates, bumps generation, deletes objects whose last finalizer went away, skips no-op writes,
 * and compare-and-swaps the store.
 */
export function commitUpdate(ctx: ServerContext, def: ResourceDef, entry: StoreEntry, candidate: KObject, mode: UpdateMode, dry: boolean, rvPrecondition?: string, track?: FieldTracker): ApiResponse {
  const old = entry.object as Obj;
  const name = old.metadata.name as string;
  if (rvPrecondition !== undefined && rvPrecondition !== old.metadata.resourceVersion) throw conflict(def, name, OPTIMISTIC_LOCK_MESSAGE);
  let next: Obj;
  if (mode === 'status') {
    // Shallow copy: unchanged subtrees stay shared (and frozen); only metadata and status are new.
    next = { ...old, metadata: { ...old.metadata }, status: (candidate as Obj).status };
    if (next.status === undefined) delete next.status;
  } else if (mode === 'finalize') {
    next = clone(old);
    next.spec = { ...(next.spec ?? {}), finalizers: clone((candidate as Obj).spec?.finalizers ?? []) };
    if (!next.spec.finalizers.length) delete next.spec.finalizers;
  } else {
    next = candidate as Obj;
    const md = next.metadata;
    if (md.uid && md.uid !== old.metadata.uid) {
      throw conflict(def, name, `Precondition failed: UID in precondition: ${md.uid}, UID in object meta: ${old.metadata.uid}`);
    }
    for (const f of ['uid', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generation', 'namespace'] as const) {
      if (old.metadata[f] === undefined) delete md[f]; else md[f] = old.metadata[f];
    }
    if (def.subresources.includes('status')) {
      // A stored write freezes next anyway, so the old (frozen) status is shared; dry runs hand back a private copy.
      if (old.status === undefined) delete next.status; else next.status = dry ? clone(old.status) : old.status;
    }
    if (def.group === '' && def.plural === 'namespaces') {
      next.spec = { ...(next.spec ?? {}) };
      if (old.spec?.finalizers) next.spec.finalizers = clone(old.spec.finalizers); else delete next.spec.finalizers;
    }
  }
  next.metadata.resourceVersion = old.metadata.resourceVersion;
  let allocErrs: FieldError[] = [];
  if (mode === 'main' && isService(def)) {
    next.spec = { ...(next.spec ?? {}) };
    if (next.spec.ports) next.spec.ports = clone(next.spec.ports);
    allocErrs = allocateServiceAddresses(next as KObject, serviceList(ctx), ctx.rng, old as KObject);
  }
  const errs = mode === 'status' ? validateStatusUpdate(def.plural, next as KObject, old as KObject)
    : validateUpdate(def.plural, next as KObject, old as KObject);
  if (errs.length || allocErrs.length) throw invalid(def, name, [...errs, ...allocErrs]);
  track?.(old as KObject, next as KObject);
  if (mode === 'main' && behaviourOf(def).tracksGeneration && !deepEqual(specPart(next as KObject), specPart(old as KObject))) {
    next.metadata.generation = (old.metadata.generation ?? 0) + 1;
  }
  const key = entry.key;
  if (shouldDeleteDuringUpdate(def, old, next)) {
    if (dry) return { code: 200, body: next };
    return { code: 200, body: ctx.store.delete(key, entry.modRevision) };
  }
  if (sameIgnoringVersion(next as KObject, old as KObject)) return { code: 200, body: old };
  if (dry) return { code: 200, body: next };
  try {
    const stored = ctx.store.update(key, next as KObject, entry.modRevision);
    if (isEventResource(def)) ctx.eventTTL.touch(key, Number(stored.metadata.resourceVersion));
    return { code: 200, body: stored };
  } catch (e) {
    if (e instanceof StoreError && e.code === 'Conflict') throw conflict(def, name, OPTIMISTIC_LOCK_MESSAGE);
    if (e instanceof StoreError && e.code === 'NotFound') throw notFound(def, name);
    throw e;
  }
}

function isService(def: ResourceDef): boolean { return def.group === '' && def.plural === 'services'; }

function serviceList(ctx: ServerContext): KObject[] {
  const def = ctx.registry.get('', 'services');
  return def ? ctx.store.list(resourcePrefix(def)).items : [];
}
