import type { KObject } from '../../types';
import { clone, rfc3339 } from '../../util';
import { StoreError, resourcePrefix } from '../../store';
import type { ApiResponse, DeleteOptions, ResourceDef } from '../types';
import { badRequest, conflict, forbidden, methodNotSupported, notFound, statusSuccess } from '../errors';
import { behaviourOf } from '../registry';
import type { ServerContext } from './context';
import { compileFilter } from './read';
import { asObject, intParam, isDryRun, keyOf, prefixOf, type ResourceRequest } from './request';

type Obj = Record<string, any>;

const IMMORTAL_NAMESPACES = new Set(['default', 'kube-system', 'kube-public']);

/** deleteOptionsOf merges DeleteOptions from the body and the query (query wins, as the apiserver decodes both). */
export function deleteOptionsOf(r: ResourceRequest): DeleteOptions {
  const body = r.req.body === undefined || r.req.body === null || r.req.body === '' ? {} : asObject(r.req.body) as Obj;
  const opts: DeleteOptions = {};
  const grace = intParam(r.query.gracePeriodSeconds, 'gracePeriodSeconds') ?? body.gracePeriodSeconds;
  if (grace !== undefined && grace !== null) opts.gracePeriodSeconds = Number(grace);
  const policy = r.query.propagationPolicy ?? body.propagationPolicy;
  if (policy !== undefined) {
    if (!['Background', 'Foreground', 'Orphan'].includes(policy)) {
      throw badRequest(`propagationPolicy: Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan"`);
    }
    opts.propagationPolicy = policy;
  }
  if (body.orphanDependents === true || r.query.orphanDependents === 'true') opts.propagationPolicy = 'Orphan';
  if (body.preconditions) opts.preconditions = body.preconditions;
  opts.dryRun = isDryRun(r.query, body);
  return opts;
}

type Plan = { action: 'delete' } | { action: 'update'; obj: Obj } | { action: 'pending' };

// Models rest.BeforeDelete + pod CheckGracefulDelete + the generic store's finalizer handling.
function planDeletion(def: ResourceDef, old: Obj, opts: DeleteOptions, now: number): Plan {
  const md = old.metadata;
  const hasFinalizers = (md.finalizers ?? []).length > 0;
  const isPod = def.group === '' && def.plural === 'pods';
  let grace = opts.gracePeriodSeconds;
  if (grace !== undefined && grace < 0) grace = 1;
  if (md.deletionTimestamp) {
    const cur = md.deletionGracePeriodSeconds;
    if (!cur) return hasFinalizers ? { action: 'pending' } : { action: 'delete' };
    if (grace === undefined || grace >= cur) return { action: 'pending' };
    if (grace === 0 && !hasFinalizers) return { action: 'delete' };
    const obj = clone(old);
    const start = Date.parse(md.deletionTimestamp) - cur * 1000;
    obj.metadata.deletionTimestamp = rfc3339(start + grace * 1000);
    obj.metadata.deletionGracePeriodSeconds = grace;
    return { action: 'update', obj };
  }
  // deletionFinalizersForGarbageCollection: Foreground keeps the object, with the foregroundDeletion
  // finalizer, until the garbage collector has deleted its blocking dependents.
  const foreground = opts.propagationPolicy === 'Foreground';
  const withGcFinalizer = (obj: Obj) => {
    if (!foreground) return obj;
    const rest = (obj.metadata.finalizers ?? []).filter((f: string) => f !== 'orphan' && f !== 'foregroundDeletion');
    obj.metadata.finalizers = [...rest, 'foregroundDeletion'];
    return obj;
  };
  if (isPod) {
    let period = grace ?? old.spec?.terminationGracePeriodSeconds ?? 30;
    if (!old.spec?.nodeName) period = 0;
    if (old.status?.phase === 'Failed' || old.status?.phase === 'Succeeded') period = 0;
    if (period > 0) {
      const obj = withGcFinalizer(clone(old));
      obj.metadata.deletionTimestamp = rfc3339(now + period * 1000);
      obj.metadata.deletionGracePeriodSeconds = period;
      return { action: 'update', obj };
    }
  }
  if (hasFinalizers || foreground) {
    const obj = withGcFinalizer(clone(old));
    obj.metadata.deletionTimestamp = rfc3339(now);
    obj.metadata.deletionGracePeriodSeconds = 0;
    if (obj.metadata.generation) obj.metadata.generation += 1;
    return { action: 'update', obj };
  }
  return { action: 'delete' };
}

/**
 * deleteOne deletes (or starts deleting) one object and returns the response body: the object for
 * resources that return it, a pending object (graceful/finalizers), or a Success Status.
 */
export function deleteOne(ctx: ServerContext, def: ResourceDef, ns: string | undefined, name: string, opts: DeleteOptions): KObject | Obj {
  const key = keyOf(def, ns, name);
  const entry = ctx.store.entry(key);
  if (!entry) throw notFound(def, name);
  const old = entry.object as Obj;
  const pre = opts.preconditions;
  if (pre?.uid && pre.uid !== old.metadata.uid) {
    throw conflict(def, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${old.metadata.uid}`);
  }
  if (pre?.resourceVersion && pre.resourceVersion !== old.metadata.resourceVersion) {
    throw conflict(def, name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${old.metadata.resourceVersion}`);
  }
  if (def.group === '' && def.plural === 'namespaces') return deleteNamespace(ctx, def, entry.key, entry.modRevision, old, opts);
  const plan = planDeletion(def, old, opts, ctx.clock.now());
  if (plan.action === 'pending') return old;
  if (plan.action === 'update') {
    if (opts.dryRun) return plan.obj;
    return ctx.store.update(key, plan.obj as KObject, entry.modRevision);
  }
  if (opts.propagationPolicy === 'Orphan' && !opts.dryRun) orphanDependents(ctx, def, old);
  const last = opts.dryRun ? old : ctx.store.delete(key, entry.modRevision);
  if (behaviourOf(def).returnDeletedObject) return last;
  return statusSuccess(200, { name, ...(def.group ? { group: def.group } : {}), kind: def.plural, uid: old.metadata.uid });
}

// Models pkg/registry/core/namespace/storage Delete: spec.finalizers keep a namespace Terminating
// until the namespace controller finalizes it and deletes again.
function deleteNamespace(ctx: ServerContext, def: ResourceDef, key: string, rev: number, old: Obj, opts: DeleteOptions): Obj {
  const name = old.metadata.name;
  if (IMMORTAL_NAMESPACES.has(name)) throw forbidden(def, name, 'this namespace may not be deleted');
  const specFin = (old.spec?.finalizers ?? []).length > 0;
  const metaFin = (old.metadata.finalizers ?? []).length > 0;
  if (old.metadata.deletionTimestamp) {
    if (specFin || metaFin) return old;
    return opts.dryRun ? old : ctx.store.delete(key, rev);
  }
  if (!specFin && !metaFin) return opts.dryRun ? old : ctx.store.delete(key, rev);
  const obj = clone(old);
  obj.metadata.deletionTimestamp = rfc3339(ctx.clock.now());
  obj.metadata.deletionGracePeriodSeconds = 0;
  obj.status = { ...(obj.status ?? {}), phase: 'Terminating' };
  return opts.dryRun ? obj : ctx.store.update(key, obj as KObject, rev);
}

// Synchronous stand-in for the garbage collector's orphan finalizer: dependents lose their
// ownerReferences to the deleted owner. (Models pkg/controller/garbagecollector orphanDependents.)
function orphanDependents(ctx: ServerContext, owner: ResourceDef, obj: Obj): void {
  const uid = obj.metadata.uid;
  for (const def of ctx.registry.all()) {
    if (owner.namespaced && !def.namespaced) continue;
    const prefix = def.namespaced && owner.namespaced ? prefixOf(def, obj.metadata.namespace) : resourcePrefix(def);
    for (const entry of ctx.store.listEntries(prefix)) {
      const refs = (entry.object.metadata.ownerReferences ?? []) as Obj[];
      if (!refs.some((r) => r.uid === uid)) continue;
      const next = clone(entry.object) as Obj;
      next.metadata.ownerReferences = refs.filter((r) => r.uid !== uid);
      if (!next.metadata.ownerReferences.length) delete next.metadata.ownerReferences;
      try { ctx.store.update(entry.key, next as KObject, entry.modRevision); } catch (e) { if (!(e instanceof StoreError)) throw e; }
    }
  }
}

/** deleteObject serves DELETE on a named object. */
export function deleteObject(ctx: ServerContext, r: ResourceRequest): ApiResponse {
  if (!r.def.verbs.includes('delete')) throw methodNotSupported(r.def, 'delete');
  const opts = deleteOptionsOf(r);
  return { code: 200, body: deleteOne(ctx, r.def, r.namespace, r.name!, opts) };
}

/** deleteCollection serves DELETE on a collection (deletecollection with label/field selectors). */
export function deleteCollection(ctx: ServerContext, r: ResourceRequest): ApiResponse {
  if (!r.def.verbs.includes('deletecollection')) throw methodNotSupported(r.def, 'deletecollection');
  const opts = deleteOptionsOf(r);
  const filter = compileFilter(r.def, r.query.labelSelector, r.query.fieldSelector);
  const { items, revision } = ctx.store.list(prefixOf(r.def, r.namespace));
  const deleted: KObject[] = [];
  for (const o of items) {
    if (filter && !filter(o)) continue;
    try {
      const out = deleteOne(ctx, r.def, o.metadata.namespace, o.metadata.name!, opts) as Obj;
      deleted.push(out.kind === 'Status' ? o : (out as KObject));
    } catch {
      // An object that vanished meanwhile is skipped, as the generic store's DeleteCollection does.
    }
  }
  const apiVersion = r.def.group ? `${r.def.group}/${r.def.version}` : r.def.version;
  return { code: 200, body: { kind: r.def.listKind, apiVersion, metadata: { resourceVersion: String(Math.max(revision, ctx.store.revision)) }, items: deleted } };
}
