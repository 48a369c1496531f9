import type { ApiRequest, ApiResponse, ResourceDef } from '../types';
import { methodNotAllowed, pathNotFound, toApiError } from '../errors';
import type { ServerContext } from './context';
import { aggregatedDiscovery, aggregatedVersion, apiGroup, apiGroupList, apiResourceList, apiVersions, VERSION_INFO } from './discovery';
import { parsePath } from './paths';
import { boolParam, header, type ResourceRequest } from './request';
import { getObject, listObjects, watchObjects } from './read';
import { createObject, patchObject, updateObject } from './write';
import { deleteCollection, deleteObject } from './delete';
import { bindPod, evictPod, podLog, scale } from './subresources';
import { badRequest } from '../errors';
import { isOpenApiPath, serveOpenApi } from './openapi';

/**
 * handleRequest routes one REST call like kube-apiserver's mux and answers with a status and body;
 * every failure (including unexpected exceptions) becomes a Status, never a throw.
 */
export function handleRequest(ctx: ServerContext, req: ApiRequest): ApiResponse {
  try {
    return route(ctx, req);
  } catch (e) {
    const err = toApiError(e);
    return { code: err.status.code, body: err.status };
  }
}

// getOnly answers a discovery GET with body (404 when there is none, 405 for other methods).
function getOnly(req: ApiRequest, body: unknown): ApiResponse {
  if (body === undefined) throw pathNotFound();
  if (req.method !== 'GET') throw methodNotAllowed();
  return { code: 200, body };
}

function route(ctx: ServerContext, req: ApiRequest): ApiResponse {
  if (isOpenApiPath(req.path)) return serveOpenApi(ctx, req);
  const p = parsePath(req.path);
  if (p.type === 'api' || p.type === 'apis') {
    const v = aggregatedVersion(header(req, 'accept'));
    if (v) {
      const res = getOnly(req, aggregatedDiscovery(ctx.registry, p.type === 'api', v));
      return { ...res, headers: { 'Content-Type': `application/json;g=apidiscovery.k8s.io;v=${v};as=APIGroupDiscoveryList` } };
    }
  }
  switch (p.type) {
    case 'version': return { ...getOnly(req, VERSION_INFO), indent: true };
    // A healthy apiserver answers `ok` (the ?verbose list of individual checks is not modelled).
    case 'health': if (req.method !== 'GET') throw methodNotAllowed(); return { code: 200, text: 'ok' };
    case 'api': return getOnly(req, apiVersions());
    case 'apis': return getOnly(req, apiGroupList(ctx.registry));
    case 'group': return getOnly(req, apiGroup(ctx.registry, p.group));
    case 'groupVersion': return getOnly(req, apiResourceList(ctx.registry, p.group, p.version));
    case 'unknown': throw pathNotFound();
  }
  const def = ctx.registry.get(p.group, p.plural);
  if (!def || def.version !== p.version) throw pathNotFound();
  return routeResource(ctx, req, def, p.namespace, p.name, p.sub);
}

/**
 * handleResourceRequest answers a request already routed to def, namespace, name and subresource: the
 * typed client's way in, skipping URL building and parsing. It answers exactly as handleRequest does for
 * the equivalent path (the caller must not pass empty names or namespaces, which a path cannot carry).
 */
export function handleResourceRequest(ctx: ServerContext, req: ApiRequest, def: ResourceDef, namespace: string | undefined, name: string | undefined, sub: string | undefined): ApiResponse {
  try {
    return routeResource(ctx, req, def, namespace, name, sub);
  } catch (e) {
    const err = toApiError(e);
    return { code: err.status.code, body: err.status };
  }
}

function routeResource(ctx: ServerContext, req: ApiRequest, def: ResourceDef, namespace: string | undefined, name: string | undefined, sub: string | undefined): ApiResponse {
  const query = req.query ?? {};
  // A namespaced resource under no namespace is only listable/watchable (all namespaces).
  if (def.namespaced && namespace === undefined && name !== undefined) throw pathNotFound();
  if (!def.namespaced && namespace !== undefined) throw pathNotFound();
  const r: ResourceRequest = { req, def, namespace, name, sub, query };
  if (name === '') throw badRequest('resource name may not be empty');
  if (sub !== undefined) return subresource(ctx, r);
  if (name === undefined) {
    if (def.plural === 'bindings' && req.method === 'POST') {
      const bindingName = (req.body as { metadata?: { name?: string } } | undefined)?.metadata?.name ?? '';
      return bindPod(ctx, r, bindingName);
    }
    switch (req.method) {
      case 'GET':
        if (!def.verbs.includes('list')) throw methodNotAllowed();
        return boolParam(query.watch) ? watchObjects(ctx, r) : listObjects(ctx, r);
      case 'POST': return createObject(ctx, r);
      case 'DELETE': if (namespace === undefined && def.namespaced) throw methodNotAllowed(); return deleteCollection(ctx, r);
      default: throw methodNotAllowed();
    }
  }
  switch (req.method) {
    case 'GET':
      if (!def.verbs.includes('get')) throw methodNotAllowed();
      return boolParam(query.watch) ? watchObjects(ctx, r) : getObject(ctx, r);
    case 'PUT': return updateObject(ctx, r, 'main');
    case 'PATCH': return patchObject(ctx, r, 'main');
    case 'DELETE': return deleteObject(ctx, r);
    default: throw methodNotAllowed();
  }
}

function subresource(ctx: ServerContext, r: ResourceRequest): ApiResponse {
  const { def, sub, req } = r;
  if (!def.subresources.includes(sub!)) throw pathNotFound();
  switch (sub) {
    case 'status':
      if (req.method === 'GET') return getObject(ctx, { ...r, req: { ...req, headers: {} } });
      if (req.method === 'PUT') return updateObject(ctx, r, 'status');
      if (req.method === 'PATCH') return patchObject(ctx, r, 'status');
      throw methodNotAllowed();
    case 'finalize':
      if (req.method === 'PUT') return updateObject(ctx, r, 'finalize');
      throw methodNotAllowed();
    case 'scale': return scale(ctx, r);
    case 'binding':
      if (req.method !== 'POST') throw methodNotAllowed();
      return bindPod(ctx, r, r.name!);
    case 'eviction':
      if (req.method !== 'POST') throw methodNotAllowed();
      return evictPod(ctx, r);
    case 'log':
      if (req.method !== 'GET') throw methodNotAllowed();
      return podLog(ctx, r);
    case 'exec': case 'attach': case 'portforward':
      if (req.method !== 'GET' && req.method !== 'POST') throw methodNotAllowed();
      // Streams are served by the hosts over WebSocket/SPDY; a plain request gets the apiserver's answer.
      throw badRequest('Upgrade request required');
    default:
      throw pathNotFound();
  }
}
