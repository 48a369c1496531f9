// Models k8s.io/kubectl/pkg/cmd/explain (v1.32) with the OpenAPI v3 renderer (pkg/explain/v2):
// resolve TYPE[.field...] through discovery, fetch /openapi/v3 and the group-version document from
// the API server, render the `plaintext` template. The sandbox serves no /openapi/v2, so
// `--output=plaintext-openapiv2` fails as it would against such a server.
import type { ResourceDef } from '../../../api/types';
import { ApiError } from '../../../api/types';
import type { Env } from '../../env';
import { KubectlError } from '../../errors';
import { gvrString, renderPlaintext, type GroupVersionResource } from './render';
import { parseQuery } from '../../../util';

const SUGGEST = 'Use "kubectl api-resources" for a complete list of supported resources.';

/** splitAndParseWithMatchingPrefix models explain.SplitAndParseResourceRequestWithMatchingPrefix. */
function splitWithMatchingPrefix(env: Env, input: string): { gvr: GroupVersionResource; fields: string[] } {
  const inResource = input.replace(/\.$/, '');
  const parts = inResource.split('.');
  const defs = resolve(env, parts[0]);
  for (const d of defs) {
    const gr = d.group ? `${d.plural}.${d.group}` : d.plural;
    if (inResource.startsWith(gr)) {
      const suffix = inResource.slice(gr.length);
      return { gvr: gvrOf(d), fields: suffix.length ? suffix.slice(1).split('.') : [] };
    }
  }
  return { gvr: gvrOf(defs[0]), fields: parts.slice(1) };
}

function gvrOf(d: ResourceDef): GroupVersionResource {
  return { group: d.group, version: d.version, resource: d.plural };
}

function resolve(env: Env, name: string): ResourceDef[] {
  const defs = env.registry.resolve(name).filter((d) => !d.plural.includes('/'));
  // cmdutil.CheckErr prints a NoResourceMatchError without the "error: " prefix.
  if (!defs.length) throw new KubectlError(`the server doesn't have a resource type "${name}"`);
  return defs;
}

function parseGroupVersion(gv: string): { group: string; version: string } {
  if (!gv || gv === '/') return { group: '', version: '' };
  const parts = gv.split('/');
  if (parts.length === 1) return { group: '', version: parts[0] };
  if (parts.length === 2) return { group: parts[0], version: parts[1] };
  throw new KubectlError(`error: unexpected GroupVersion string: ${gv}`);
}

function getJson(env: Env, path: string): unknown {
  const [p, qs] = path.split('?');
  const query = parseQuery(qs ?? '');
  const res = env.client.request({ method: 'GET', path: p, query, headers: { accept: 'application/json' } });
  if (res.code >= 400) throw new ApiError(res.body as never);
  return res.body;
}

/** explainVerb prints the documentation of a resource or one of its fields from the served OpenAPI v3. */
export function explainVerb(env: Env): number {
  if (env.args.length === 0) throw new KubectlError(`error: You must specify the type of resource to explain. ${SUGGEST}\n`);
  if (env.args.length > 1) throw new KubectlError('error: We accept only this format: explain RESOURCE\n');
  const apiVersion = env.flags.str('api-version');
  const output = env.flags.str('output') || 'plaintext';
  let gvr: GroupVersionResource;
  let fields: string[];
  if (!apiVersion) {
    ({ gvr, fields } = splitWithMatchingPrefix(env, env.args[0]));
  } else {
    const [res, ...rest] = env.args[0].replace(/\.$/, '').split('.');
    gvr = gvrOf(resolve(env, res)[0]);
    fields = rest;
  }
  if (output === 'plaintext-openapiv2') {
    // kubectl fetches /openapi/v2 (protobuf), which this API server does not serve.
    getJson(env, '/openapi/v2');
  }
  if (apiVersion) gvr = { ...gvr, ...parseGroupVersion(apiVersion) };
  const index = getJson(env, '/openapi/v3') as { paths?: Record<string, { serverRelativeURL?: string }> };
  const key = gvr.group ? `apis/${gvr.group}/${gvr.version}` : `api/${gvr.version}`;
  const entry = index.paths?.[key];
  if (!entry?.serverRelativeURL) throw new KubectlError(`error: couldn't find resource for "${gvrString(gvr)}"`);
  const doc = getJson(env, entry.serverRelativeURL) as Record<string, unknown>;
  if (output !== 'plaintext') throw new KubectlError(`error: unrecognized format: ${output}`);
  const r = renderPlaintext(doc, gvr, fields, env.flags.bool('recursive'));
  env.out(r.out);
  if (r.error) throw new KubectlError(r.error);
  return 0;
}
