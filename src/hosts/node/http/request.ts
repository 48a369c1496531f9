/**
 * Mapping of one raw HTTP request (method, URL, headers, body bytes) to the engine's ApiRequest.
 * Pure functions over Node's types; no I/O here, so they are unit-testable without a socket.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { statusFailure } from '../../../engine/api';
import type { ApiRequest, ApiResponse, HttpMethod, Status } from '../../../engine/api';
import { decodeProtobufObject } from './protobuf';

/** RawHttpRequest is what the HTTP host has read off the wire for one request. */
export interface RawHttpRequest { method: string; url: string; headers: IncomingHttpHeaders; body: Buffer }

/** PROTOBUF_MAGIC is the 4-byte prefix of a Kubernetes protobuf envelope (`k8s\0`). */
export const PROTOBUF_MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

/** PROTOBUF_CONTENT_TYPE is the media type kubectl 1.32+ typed clients send for create bodies. */
export const PROTOBUF_CONTENT_TYPE = 'application/vnd.kubernetes.protobuf';

/** ACCEPTED_MEDIA_TYPES are the request body types this host decodes (listed in 415 answers). */
export const ACCEPTED_MEDIA_TYPES = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'];

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** failure wraps a Status into an ApiResponse with the Status' own code. */
export function failure(code: number, reason: string, message: string): ApiResponse {
  const status: Status = statusFailure(code, reason, message);
  return { code, body: status };
}

/** firstValues flattens a URL query to its first value per key, as Go's url.Values.Get reads it. */
export function firstValues(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of params) if (!(k in out)) out[k] = v;
  return out;
}

/** flatHeaders joins repeated headers with ", " (Node already lower-cases the names). */
export function flatHeaders(h: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    if (v === undefined) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/** mediaType returns the bare media type of a Content-Type header (`application/json; charset=utf-8` → `application/json`). */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

/** isProtobufBody reports a Kubernetes protobuf body, by Content-Type or by its `k8s\0` magic. */
export function isProtobufBody(contentType: string | undefined, body: Buffer): boolean {
  return mediaType(contentType) === PROTOBUF_CONTENT_TYPE || (body.length >= 4 && body.subarray(0, 4).equals(PROTOBUF_MAGIC));
}

/**
 * decodeBody turns body bytes into what ApiServer.handle expects: parsed JSON when it parses
 * (JSON, every JSON patch type, and apply-patch+yaml whose body kubectl sends as JSON), otherwise
 * the raw string so the engine answers with its own decode error; undefined when empty.
 */
export function decodeBody(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  const text = body.toString('utf8');
  if (text.trim() === '') return undefined;
  try { return JSON.parse(text); } catch { return text; }
}

/**
 * toApiRequest maps a raw HTTP request to an ApiRequest, or to the error response the
 * apiserver would give before routing (405 for unknown methods, 415 for protobuf bodies).
 */
export function toApiRequest(raw: RawHttpRequest): { req: ApiRequest } | { error: ApiResponse } {
  const method = raw.method.toUpperCase() as HttpMethod;
  if (!METHODS.includes(method)) return { error: failure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource') };
  const url = new URL(raw.url, 'http://127.0.0.1');
  const headers = flatHeaders(raw.headers);
  let decoded: unknown;
  if (raw.body.length > 0 && isProtobufBody(headers['content-type'], raw.body)) {
    // kubectl 1.32+ typed clients (`create <generator>`, `auth can-i`) send protobuf: decoded to JSON here.
    try {
      decoded = decodeProtobufObject(raw.body);
    } catch (e) {
      return { error: failure(415, 'UnsupportedMediaType',
        `the body of the request was in an unknown format - accepted media types include: ${ACCEPTED_MEDIA_TYPES.join(', ')} (${e instanceof Error ? e.message : String(e)})`) };
    }
    headers['content-type'] = 'application/json';
  }
  let path = url.pathname;
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  const req: ApiRequest = { method, path, query: firstValues(url.searchParams), headers };
  const body = decoded ?? decodeBody(raw.body);
  if (body !== undefined) req.body = body;
  return { req };
}

/** warningHeader formats one warning the way the apiserver does: `299 - "<text>"` (Go-quoted). */
export function warningHeader(text: string): string {
  return `299 - ${JSON.stringify(text)}`;
}
