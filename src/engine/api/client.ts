import type { KObject, Status } from '../types';
import { ApiError, type ApiRequest, type ApiResponse, type Client, type DeleteOptions, type ListOptions, type PatchType, type ResourceDef, type WatchStream, type WriteOptions } from './types';
import type { ApiServer } from './server';
import { statusFailure } from './errors';

/** resourcePath builds the REST path of a resource collection, object or subresource. */
export function resourcePath(def: ResourceDef, ns?: string, name?: string, sub?: string): string {
  let p = def.group ? `/apis/${def.group}/${def.version}` : `/api/${def.version}`;
  if (def.namespaced && ns !== undefined) p += `/namespaces/${encodeURIComponent(ns)}`;
  p += `/${def.plural}`;
  if (name !== undefined) p += `/${encodeURIComponent(name)}`;
  if (sub !== undefined) p += `/${sub}`;
  return p;
}

const SUBRESOURCE = /^[a-z]+$/;
const LONE_SURROGATE = /[\uD800-\uDFFF]/;

// plainSegment says whether a path segment built from s decodes back to s (empty or unencodable ones do not).
function plainSegment(s: string | undefined): boolean { return s === undefined || (s !== '' && !LONE_SURROGATE.test(s)); }

function listQuery(opts?: ListOptions): Record<string, string | undefined> {
  if (!opts) return {};
  const q: Record<string, string | undefined> = {};
  if (opts.labelSelector) q.labelSelector = opts.labelSelector;
  if (opts.fieldSelector) q.fieldSelector = opts.fieldSelector;
  if (opts.resourceVersion !== undefined) q.resourceVersion = opts.resourceVersion;
  if (opts.limit !== undefined) q.limit = String(opts.limit);
  if (opts.continue) q.continue = opts.continue;
  if (opts.timeoutSeconds !== undefined) q.timeoutSeconds = String(opts.timeoutSeconds);
  if (opts.allowWatchBookmarks) q.allowWatchBookmarks = 'true';
  return q;
}

/**
 * createClient returns the typed in-process Client over api; every call goes through api.handle,
 * and non-2xx answers throw ApiError. userAgent is sent as the User-Agent header.
 */
export function createClient(api: ApiServer, opts: { userAgent?: string } = {}): Client {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (opts.userAgent) headers['User-Agent'] = opts.userAgent;

  // The registry is fixed once built, so a resolved name always resolves to the same def.
  const defs = new Map<string, ResourceDef>();
  const defOf = (resource: string): ResourceDef => {
    const known = defs.get(resource);
    if (known) return known;
    const dot = resource.indexOf('.');
    const plural = dot < 0 ? resource : resource.slice(0, dot);
    const group = dot < 0 ? undefined : resource.slice(dot + 1);
    const def = group !== undefined ? api.registry.get(group, plural) : api.registry.all().find((d) => d.plural === plural);
    if (!def) {
      throw new ApiError(statusFailure(404, 'NotFound', `the server doesn't have a resource type "${resource}"`));
    }
    defs.set(resource, def);
    return def;
  };
  const check = (res: ApiResponse): ApiResponse => {
    if (res.code >= 400) {
      const body = res.body as Status | undefined;
      throw new ApiError(body && body.kind === 'Status' ? body : statusFailure(res.code, 'Unknown', `an error on the server has prevented the request from succeeding`));
    }
    return res;
  };
  // send is `handle` at resourcePath(def, ns, name, sub) without building and parsing the path, when the
  // server offers that and the path would carry the parts unchanged (no empty segments).
  const send = (method: ApiRequest['method'], def: ResourceDef, ns: string | undefined, name: string | undefined, sub: string | undefined, rest: Pick<ApiRequest, 'body' | 'query' | 'headers'>): ApiResponse => {
    const namespace = def.namespaced ? ns : undefined;
    if (api.handleResource && plainSegment(namespace) && plainSegment(name) && (sub === undefined || SUBRESOURCE.test(sub))) {
      const req: ApiRequest = { method, path: '', ...rest, headers: rest.headers ? { ...headers, ...rest.headers } : headers };
      return api.handleResource(req, def, namespace, name, sub);
    }
    return api.handle({ method, path: resourcePath(def, ns, name, sub), ...rest, headers: { ...headers, ...(rest.headers ?? {}) } });
  };
  const dryQ = (dry?: boolean) => (dry ? { dryRun: 'All' } : {});
  const warned = (res: ApiResponse, o?: WriteOptions): ApiResponse => { if (o?.onWarning) for (const w of res.warnings ?? []) o.onWarning(w); return res; };
  const writeQ = (o?: WriteOptions) => (o?.fieldValidation ? { ...dryQ(o.dryRun), fieldValidation: o.fieldValidation } : dryQ(o?.dryRun));

  const client: Client = {
    request: (req) => api.handle({ ...req, headers: { ...headers, ...(req.headers ?? {}) } }),
    get<T extends KObject = KObject>(resource: string, ns: string | undefined, name: string): T {
      return check(send('GET', defOf(resource), ns, name, undefined, {})).body as T;
    },
    tryGet<T extends KObject = KObject>(resource: string, ns: string | undefined, name: string): T | undefined {
      const res = send('GET', defOf(resource), ns, name, undefined, {});
      if (res.code === 404) return undefined;
      if (res.code >= 400) throw new ApiError(res.body as Status);
      return res.body as T;
    },
    list<T extends KObject = KObject>(resource: string, ns?: string, o?: ListOptions): T[] {
      return (check(send('GET', defOf(resource), ns, undefined, undefined, { query: listQuery(o) })).body as { items: T[] }).items;
    },
    create<T extends KObject = KObject>(resource: string, ns: string | undefined, obj: KObject, o?: WriteOptions): T {
      return warned(check(send('POST', defOf(resource), ns ?? obj.metadata?.namespace, undefined, undefined, { body: obj, query: writeQ(o) })), o).body as T;
    },
    update<T extends KObject = KObject>(resource: string, ns: string | undefined, obj: KObject, o?: WriteOptions & { subresource?: string }): T {
      const d = defOf(resource);
      return warned(check(send('PUT', d, ns ?? obj.metadata?.namespace, obj.metadata.name, o?.subresource, { body: obj, query: writeQ(o) })), o).body as T;
    },
    updateStatus<T extends KObject = KObject>(resource: string, ns: string | undefined, obj: KObject): T {
      return client.update<T>(resource, ns, obj, { subresource: 'status' });
    },
    patch<T extends KObject = KObject>(resource: string, ns: string | undefined, name: string, type: PatchType, patch: unknown, o?: WriteOptions & { subresource?: string }): T {
      return warned(check(send('PATCH', defOf(resource), ns, name, o?.subresource, { body: patch, headers: { 'Content-Type': type }, query: writeQ(o) })), o).body as T;
    },
    delete(resource: string, ns: string | undefined, name: string, o?: DeleteOptions): KObject | Status {
      const body: Record<string, unknown> = {};
      if (o?.gracePeriodSeconds !== undefined) body.gracePeriodSeconds = o.gracePeriodSeconds;
      if (o?.propagationPolicy) body.propagationPolicy = o.propagationPolicy;
      if (o?.preconditions) body.preconditions = o.preconditions;
      return check(send('DELETE', defOf(resource), ns, name, undefined, { body, query: dryQ(o?.dryRun) })).body as KObject | Status;
    },
    watch(resource: string, ns?: string, o?: ListOptions): WatchStream {
      const res = check(send('GET', defOf(resource), ns, undefined, undefined, { query: { ...listQuery(o), watch: 'true' } }));
      return res.watch!;
    },
    post<T = unknown>(resource: string, ns: string | undefined, name: string, subresource: string, body: unknown): T {
      return check(send('POST', defOf(resource), ns, name, subresource, { body })).body as T;
    },
  };
  return client;
}
