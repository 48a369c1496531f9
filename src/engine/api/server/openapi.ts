// Models kube-apiserver's /openapi/v3 handler (k8s.io/kube-openapi/pkg/handler3): the index lists one
// URL per group-version with a content hash; each URL serves that group-version's OpenAPI 3 document.
// Simplified: a stale ?hash= is served as is (upstream redirects to the current hash).
import type { ApiRequest, ApiResponse } from '../types';
import { methodNotAllowed, pathNotFound } from '../errors';
import { openApiV3Document, openApiV3Index } from '../../openapi';
import type { ServerContext } from './context';

/** isOpenApiPath reports whether path (query included or not) is under /openapi/v3. */
export function isOpenApiPath(path: string): boolean {
  if (!path.startsWith('/openapi/v3')) return false;
  const p = path.split('?')[0];
  return p === '/openapi/v3' || p === '/openapi/v3/' || p.startsWith('/openapi/v3/');
}

/** serveOpenApi answers GET /openapi/v3 and GET /openapi/v3/<api/v1 | apis/group/version>. */
export function serveOpenApi(ctx: ServerContext, req: ApiRequest): ApiResponse {
  if (req.method !== 'GET') throw methodNotAllowed();
  const path = req.path.split('?')[0].replace(/\/+$/, '');
  const resources = ctx.registry.all();
  const headers = { 'Content-Type': 'application/json' };
  if (path === '/openapi/v3') return { code: 200, body: openApiV3Index(resources), headers };
  const doc = openApiV3Document(path.slice('/openapi/v3/'.length), resources);
  if (!doc) throw pathNotFound();
  return { code: 200, body: doc, headers };
}
