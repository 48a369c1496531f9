import type { KObject } from '../../types';
import type { ApiRequest, ApiResponse, ResourceDef } from '../types';
import { objectKey, namespacePrefix, resourcePrefix } from '../../store';
import { badRequest } from '../errors';

/** ResourceRequest is a request routed to one resource: its def, namespace, name and subresource. */
export interface ResourceRequest {
  req: ApiRequest;
  def: ResourceDef;
  namespace?: string;
  name?: string;
  sub?: string;
  query: Record<string, string | undefined>;
  /** key memoizes requestKey (one string per request, so the store hashes it once). */
  key?: string;
}

/** header reads a request header case-insensitively. */
export function header(req: ApiRequest, name: string): string | undefined {
  const h = req.headers;
  if (!h) return undefined;
  const lower = name.toLowerCase();
  for (const k in h) {
    // Only a key of the same length can match: most keys are skipped without lower-casing them.
    if (k.length === lower.length && Object.prototype.hasOwnProperty.call(h, k) && (k === name || k.toLowerCase() === lower)) return h[k];
  }
  return undefined;
}

/** wantsTable reports whether Accept asks for a meta.k8s.io Table. */
export function wantsTable(req: ApiRequest): boolean {
  return /as=Table/.test(header(req, 'accept') ?? '');
}

/** isDryRun reports dryRun=All on the query (or in DeleteOptions). */
export function isDryRun(query: Record<string, string | undefined>, body?: unknown): boolean {
  if (query.dryRun !== undefined) {
    if (query.dryRun !== 'All') throw badRequest(`Invalid dry run value: ${query.dryRun}`);
    return true;
  }
  const dr = (body as { dryRun?: unknown } | undefined)?.dryRun;
  return Array.isArray(dr) ? dr.includes('All') : false;
}

/** boolParam parses a query boolean ('true', '1'). */
export function boolParam(v: string | undefined): boolean { return v === 'true' || v === '1'; }

/** intParam parses an optional integer query parameter. */
export function intParam(v: string | undefined, name: string): number | undefined {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw badRequest(`strconv.ParseInt: parsing "${v}": invalid syntax for ${name}`);
  return n;
}

/** keyOf returns the store key of (def, ns, name). */
export function keyOf(def: ResourceDef, ns: string | undefined, name: string): string { return objectKey(def, ns, name); }

/** requestKey is the store key of the object a request names (computed once per request). */
export function requestKey(r: ResourceRequest): string { return (r.key ??= objectKey(r.def, r.namespace, r.name!)); }

/** prefixOf returns the store prefix a list in ns (or all namespaces) reads. */
export function prefixOf(def: ResourceDef, ns: string | undefined): string {
  return def.namespaced && ns !== undefined ? namespacePrefix(def, ns) : resourcePrefix(def);
}

/** asObject checks that a request body is a JSON object. */
export function asObject(body: unknown): KObject {
  if (typeof body === 'string') {
    try { body = JSON.parse(body); } catch (e) { throw badRequest(`couldn't get version/kind; json parse error: ${(e as Error).message}`); }
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest("Object 'Kind' is missing in '" + JSON.stringify(body ?? null) + "'");
  return body as KObject;
}

/** apiVersionOf returns 'v1' or 'group/version' for def. */
export function apiVersionOf(def: Pick<ResourceDef, 'group' | 'version'>): string { return def.group ? `${def.group}/${def.version}` : def.version; }

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** base64Encode encodes a Latin-1 string as base64 (continue tokens). */
export function base64Encode(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i += 3) {
    const a = s.charCodeAt(i) & 255, b = i + 1 < s.length ? s.charCodeAt(i + 1) & 255 : NaN, c = i + 2 < s.length ? s.charCodeAt(i + 2) & 255 : NaN;
    const n = (a << 16) | ((b || 0) << 8) | (c || 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (Number.isNaN(b) ? '=' : B64[(n >> 6) & 63]) + (Number.isNaN(c) ? '=' : B64[n & 63]);
  }
  return out;
}

/** base64Decode decodes base64 to a Latin-1 string; throws on bad input. */
export function base64Decode(s: string): string {
  const clean = s.replace(/=+$/, '');
  let out = '';
  let bits = 0, acc = 0;
  for (const ch of clean) {
    const v = B64.indexOf(ch);
    if (v < 0) throw new Error('illegal base64 data');
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) { bits -= 8; out += String.fromCharCode((acc >> bits) & 255); }
  }
  return out;
}

/**
 * encodeBody is a JSON answer as kube-apiserver writes it: one line, or indented when the answer asks for it,
 * the query says ?pretty=true, or the client is curl, Wget or a browser (isPrettyPrint); a newline ends it.
 */
export function encodeBody(req: ApiRequest, res: ApiResponse): string {
  if (res.body === undefined) return '';
  const pretty = req.query?.pretty;
  const ua = header(req, 'user-agent') ?? '';
  const indent = res.indent || (pretty !== undefined && pretty !== '' ? /^(1|t|true)$/i.test(pretty) : /^(curl|Wget|Mozilla\/5\.0)/.test(ua));
  return JSON.stringify(res.body, null, indent ? 2 : undefined) + '\n';
}
