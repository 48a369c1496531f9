import type { KObject } from '../../types';
import type { ApiResponse, ResourceDef, Table, WatchEvent, WatchStream } from '../types';
import { StoreError, type StoreEvent, type WatchTrigger } from '../../store';
import { toTable } from '../printers';
import { parseFieldSelector, parseLabelSelector, FieldSelectorError, LabelSelectorError } from '../selectors';
import { badRequest, expired, notFound, statusFailure } from '../errors';
import type { ServerContext } from './context';
import { base64Decode, base64Encode, boolParam, intParam, keyOf, prefixOf, requestKey, wantsTable, type ResourceRequest } from './request';

/** ObjectFilter is a compiled label + field selector. */
export type ObjectFilter = (o: KObject) => boolean;

/** compileFilter parses labelSelector and fieldSelector for def; bad input becomes a 400. */
export function compileFilter(def: ResourceDef, labelSelector?: string, fieldSelector?: string): ObjectFilter | undefined {
  let ls, fs;
  try {
    ls = parseLabelSelector(labelSelector);
    fs = parseFieldSelector(fieldSelector, def.group, def.plural);
  } catch (e) {
    if (e instanceof LabelSelectorError || e instanceof FieldSelectorError) throw badRequest(e.message);
    throw e;
  }
  if (ls.empty && fs.empty) return undefined;
  // Watches test every event against this (kubelets: spec.nodeName=<node> only), so skip the empty half.
  if (ls.empty) return fs.matches;
  if (fs.empty) return (o) => ls.matches(o.metadata.labels as Record<string, string> | undefined);
  return (o) => ls.matches(o.metadata.labels as Record<string, string> | undefined) && fs.matches(o);
}

/** partialMetadata is the PartialObjectMetadata a Table row carries by default. */
export function partialMetadata(o: KObject): KObject {
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata };
}

/** tableOf converts objects to a Table and attaches row.object as includeObject asks. */
export function tableOf(ctx: ServerContext, def: ResourceDef, objs: KObject[], includeObject: string | undefined, rv?: string): Table {
  const t = toTable(def.plural, objs, ctx.clock.now());
  const mode = includeObject ?? 'Metadata';
  if (mode !== 'None') {
    t.rows = t.rows.map((r, i) => ({ ...r, object: mode === 'Object' ? objs[i] : partialMetadata(objs[i]) }));
  }
  return { ...t, metadata: { ...t.metadata, ...(rv !== undefined ? { resourceVersion: rv } : {}) } };
}

function checkIncludeObject(v: string | undefined): void {
  if (v !== undefined && v !== 'None' && v !== 'Metadata' && v !== 'Object') {
    throw badRequest(`includeObject: Unsupported value: "${v}": supported values: "Metadata", "None", "Object"`);
  }
}

/** getObject serves GET on a named object (JSON or a one-row Table). */
export function getObject(ctx: ServerContext, r: ResourceRequest): ApiResponse {
  const obj = ctx.store.get(requestKey(r));
  if (!obj) throw notFound(r.def, r.name!);
  if (wantsTable(r.req)) {
    checkIncludeObject(r.query.includeObject);
    return { code: 200, body: tableOf(ctx, r.def, [obj], r.query.includeObject, obj.metadata.resourceVersion) };
  }
  return { code: 200, body: obj };
}

/** listObjects serves GET on a collection: selectors, limit/continue, Table or List. */
export function listObjects(ctx: ServerContext, r: ResourceRequest): ApiResponse {
  const filter = compileFilter(r.def, r.query.labelSelector, r.query.fieldSelector);
  const { items: all, revision } = ctx.store.list(prefixOf(r.def, r.namespace));
  let items = filter ? all.filter(filter) : all;
  const limit = intParam(r.query.limit, 'limit');
  let cont: string | undefined;
  const start = r.query.continue ? decodeContinue(r.query.continue) : undefined;
  if (start !== undefined) items = items.filter((o) => keyOf(r.def, o.metadata.namespace, o.metadata.name!) > start);
  if (limit !== undefined && limit > 0 && items.length > limit) {
    items = items.slice(0, limit);
    const last = items[items.length - 1];
    cont = encodeContinue(keyOf(r.def, last.metadata.namespace, last.metadata.name!));
  }
  const rv = String(revision);
  if (wantsTable(r.req)) {
    checkIncludeObject(r.query.includeObject);
    const t = tableOf(ctx, r.def, items, r.query.includeObject, rv);
    if (cont) t.metadata.continue = cont;
    return { code: 200, body: t };
  }
  const apiVersion = r.def.group ? `${r.def.group}/${r.def.version}` : r.def.version;
  return { code: 200, body: { kind: r.def.listKind, apiVersion, metadata: { resourceVersion: rv, ...(cont ? { continue: cont } : {}) }, items } };
}

function encodeContinue(key: string): string { return base64Encode(JSON.stringify({ v: 'meta.k8s.io/v1', start: key })); }
function decodeContinue(token: string): string {
  try { return String(JSON.parse(base64Decode(token)).start); } catch { throw badRequest('continue key is not valid: illegal base64 data at input byte 0'); }
}

// A queueing WatchStream: events wait until a consumer registers, close fires after the queue drains.
class Stream implements WatchStream {
  private queue: WatchEvent[] = [];
  private handler?: (ev: WatchEvent) => void;
  private closeHandler?: () => void;
  private closed = false;
  private closeFired = false;
  cleanup?: () => void;

  push(ev: WatchEvent): void {
    if (this.closed) return;
    if (this.handler && this.queue.length === 0) this.handler(ev);
    else this.queue.push(ev);
  }
  onEvent(handler: (ev: WatchEvent) => void): void {
    this.handler = handler;
    while (this.queue.length) handler(this.queue.shift()!);
    this.maybeFireClose();
  }
  onClose(handler: () => void): void { this.closeHandler = handler; this.maybeFireClose(); }
  /** serverClose ends the stream from the server side (timeout, error). */
  serverClose(): void {
    if (this.closed) return;
    this.closed = true;
    this.cleanup?.();
    this.maybeFireClose();
  }
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.closeFired = true;
    this.queue = [];
    this.cleanup?.();
  }
  private maybeFireClose(): void {
    if (this.closed && !this.closeFired && this.closeHandler && this.queue.length === 0) {
      this.closeFired = true;
      this.closeHandler();
    }
  }
}

/**
 * watchObjects serves ?watch=true: resourceVersion unset or "0" starts with synthetic ADDED events for
 * the current objects; otherwise events after that revision. Selector transitions become ADDED/DELETED
 * like the apiserver's filtered watch. A compacted revision yields one ERROR event (410 Expired).
 */
export function watchObjects(ctx: ServerContext, r: ResourceRequest): ApiResponse {
  const filter = compileFilter(r.def, r.query.labelSelector, r.query.fieldSelector);
  const match = (o: KObject | undefined) => !!o && (!filter || filter(o));
  if (r.name) {
    const name = r.name;
    const base = filter;
    const f = (o: KObject) => o.metadata.name === name && (!base || base(o));
    return startWatch(ctx, r, (o) => !!o && f(o));
  }
  return startWatch(ctx, r, match);
}

// podNodeName is the spec.nodeName field selector's value of a pod (fields.ts: str(o.spec?.nodeName)).
const podNodeName = (o: KObject): string => {
  const v = (o.spec as { nodeName?: unknown } | undefined)?.nodeName;
  return v === undefined || v === null ? '' : String(v);
};

// triggerOf is the watch cache's pod trigger: a pod watch whose field selector requires spec.nodeName=X
// can only ever see pods that are (or were) on X, so the store need not offer it any other event.
function triggerOf(r: ResourceRequest): WatchTrigger | undefined {
  if (r.def.group !== '' || r.def.plural !== 'pods' || !r.query.fieldSelector) return undefined;
  const req = parseFieldSelector(r.query.fieldSelector, r.def.group, r.def.plural).requirements
    .find((q) => q.field === 'spec.nodeName' && q.operator === '=');
  return req ? { key: podNodeName, value: req.value } : undefined;
}

function startWatch(ctx: ServerContext, r: ResourceRequest, match: (o: KObject | undefined) => boolean): ApiResponse {
  const stream = new Stream();
  const table = wantsTable(r.req);
  const includeObject = r.query.includeObject;
  const wrap = (o: KObject): KObject => (table ? (tableOf(ctx, r.def, [o], includeObject, o.metadata.resourceVersion) as unknown as KObject) : o);
  const prefix = prefixOf(r.def, r.namespace);
  const rvParam = r.query.resourceVersion;
  let from: number;
  if (rvParam === undefined || rvParam === '' || rvParam === '0') {
    const { items, revision } = ctx.store.list(prefix);
    for (const o of items) if (match(o)) stream.push({ type: 'ADDED', object: wrap(o) });
    from = revision;
  } else {
    from = Number(rvParam);
    if (!Number.isInteger(from) || from < 0) throw badRequest(`invalid resource version: ${rvParam}`);
  }
  const onEvent = (ev: StoreEvent) => {
    const cur = ev.object;
    if (ev.type === 'ADDED') { if (match(cur)) stream.push({ type: 'ADDED', object: wrap(cur) }); return; }
    if (ev.type === 'DELETED') { if (match(ev.prevObject)) stream.push({ type: 'DELETED', object: wrap(cur) }); return; }
    const was = match(ev.prevObject), is = match(cur);
    if (was && is) stream.push({ type: 'MODIFIED', object: wrap(cur) });
    else if (is) stream.push({ type: 'ADDED', object: wrap(cur) });
    else if (was) stream.push({ type: 'DELETED', object: wrap(cur) });
  };
  const gone = (err: StoreError) => {
    stream.push({ type: 'ERROR', object: statusFailure(410, 'Expired', err.message) as unknown as KObject });
    stream.serverClose();
  };
  let timer: number | undefined;
  try {
    const w = ctx.store.watch(prefix, from, onEvent, gone, triggerOf(r));
    stream.cleanup = () => { w.stop(); if (timer !== undefined) ctx.clock.cancel(timer); };
  } catch (e) {
    if (e instanceof StoreError && e.code === 'Gone') {
      const s = expired(e.message).status;
      stream.push({ type: 'ERROR', object: s as unknown as KObject });
      stream.serverClose();
      return { code: 200, watch: stream };
    }
    throw e;
  }
  const timeout = intParam(r.query.timeoutSeconds, 'timeoutSeconds');
  const bookmarks = boolParam(r.query.allowWatchBookmarks);
  // Like the watch cache, send a BOOKMARK with the current revision right before a timeout closes the stream.
  const expire = () => {
    if (bookmarks) {
      const rv = String(ctx.store.revision);
      stream.push({ type: 'BOOKMARK', object: { kind: r.def.kind, apiVersion: r.def.group ? `${r.def.group}/${r.def.version}` : r.def.version, metadata: { resourceVersion: rv } } });
    }
    stream.serverClose();
  };
  if (timeout !== undefined && timeout > 0) timer = ctx.clock.after(timeout * 1000, expire);
  return { code: 200, watch: stream };
}
