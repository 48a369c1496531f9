// Models server-side field validation (the `fieldValidation` query parameter, GA in 1.27):
// k8s.io/apiserver/pkg/endpoints/handlers (create.go, update.go, patch.go) decoding the body
// strictly with sigs.k8s.io/json, which reports each unknown field with its full path.
// Simplified: duplicate JSON keys are not detected (the body arrives already parsed).
import type { KObject } from '../../types';
import { componentSchemas, definitionFor, refName } from '../../openapi';
import type { JsonSchema } from '../../openapi';
import { ApiError } from '../types';
import { statusFailure } from '../errors';
import { header, type ResourceRequest } from './request';

/** FieldValidation is a validation directive: reject, warn about, or ignore (drop) unknown fields; Internal skips the check (in-process writers). */
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore' | 'Internal';

/**
 * fieldValidationOf reads the directive from the query; absent means Warn (the apiserver default).
 * An unsupported value gets the apiserver's 400.
 */
export function fieldValidationOf(query: Record<string, string | undefined>): Exclude<FieldValidation, 'Internal'> {
  const v = query.fieldValidation;
  if (v === undefined || v === '') return 'Warn';
  if (v === 'Strict' || v === 'Warn' || v === 'Ignore') return v;
  throw new ApiError(statusFailure(400, 'BadRequest', `fieldValidation: Unsupported value: "${v}": supported values: "Ignore", "Strict", "Warn"`));
}

/**
 * directiveFor is the directive of a write: the query's fieldValidation; absent, Warn for real
 * clients and Internal for the in-process components (their objects are typed: nothing to find).
 */
export function directiveFor(r: ResourceRequest): FieldValidation {
  if (r.query.fieldValidation !== undefined) return fieldValidationOf(r.query);
  const ua = header(r.req, 'user-agent');
  return !ua || ua === 'kube-sandbox' ? 'Internal' : 'Warn';
}

function resolve(s: JsonSchema | undefined): JsonSchema | undefined {
  const name = refName(s);
  return name ? componentSchemas()[name] : s;
}

function walk(schema: JsonSchema | undefined, value: unknown, path: string, out: string[], drop?: (() => void)[]): void {
  const s = resolve(schema);
  if (!s || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    if (s.items) value.forEach((v, i) => walk(s.items, v, `${path}[${i}]`, out, drop));
    return;
  }
  const obj = value as Record<string, unknown>;
  if (s.properties) {
    for (const [k, v] of Object.entries(obj)) {
      const prop = s.properties[k];
      const child = path ? `${path}.${k}` : k;
      if (prop) walk(prop, v, child, out, drop);
      else if (typeof s.additionalProperties === 'object') walk(s.additionalProperties, v, child, out, drop);
      else if (s.additionalProperties !== true) { out.push(child); drop?.push(() => { delete obj[k]; }); }
    }
    return;
  }
  // A map (additionalProperties) or an open object (RawExtension, JSON): only typed map values are checked.
  if (typeof s.additionalProperties === 'object') {
    for (const [k, v] of Object.entries(obj)) walk(s.additionalProperties, v, path ? `${path}.${k}` : k, out, drop);
  }
}

/**
 * dropUnknownFields removes the fields the schema does not declare from obj (as decoding into the
 * typed object does, whatever the directive) and returns their paths.
 */
export function dropUnknownFields(group: string, version: string, kind: string, obj: unknown): string[] {
  const def = definitionFor(group, version, kind);
  if (!def) return [];
  const out: string[] = [];
  const drop: (() => void)[] = [];
  walk(componentSchemas()[def], obj, '', out, drop);
  for (const d of drop) d();
  return out;
}

/**
 * unknownFields lists the paths (`spec.containers[0].foo`) of obj's fields that group/version/kind's
 * schema does not declare, in document order; [] when the kind has no schema.
 */
export function unknownFields(group: string, version: string, kind: string, obj: unknown): string[] {
  const def = definitionFor(group, version, kind);
  if (!def) return [];
  const out: string[] = [];
  walk(componentSchemas()[def], obj, '', out);
  return out;
}

// Fields the stored object already has are not the request's doing (a typed apiserver could never
// have stored an unknown field), so only the ones the request introduces are reported.
// Unknown fields are dropped from obj (Warn and Ignore store the object without them).
function newUnknownFields(gvk: GvkLike, obj: KObject, live: KObject | undefined): string[] {
  const unknown = dropUnknownFields(gvk.group, gvk.version, gvk.kind, obj);
  if (!unknown.length || !live) return unknown;
  const old = new Set(unknownFields(gvk.group, gvk.version, gvk.kind, live));
  return unknown.filter((f) => !old.has(f));
}

/** strictDecodingMessage is runtime.NewStrictDecodingError's text: `strict decoding error: unknown field "a", unknown field "b"`. */
export function strictDecodingMessage(fields: string[]): string {
  return `strict decoding error: ${fields.map((f) => `unknown field "${f}"`).join(', ')}`;
}

/** GvkLike names the kind a body is decoded as. */
export interface GvkLike { group: string; version: string; kind: string }

/**
 * checkBodyFields applies the directive to a create/update body: Strict throws the decoder's 400
 * (`Pod in version "v1" cannot be handled as a Pod: strict decoding error: ...`), Warn returns one
 * warning per unknown field, Ignore returns none.
 */
export function checkBodyFields(directive: FieldValidation, gvk: GvkLike, obj: KObject, live?: KObject): string[] {
  if (directive === 'Internal') return [];
  const unknown = newUnknownFields(gvk, obj, live);
  if (!unknown.length) return [];
  if (directive === 'Ignore') return [];
  if (directive === 'Strict') {
    throw new ApiError(statusFailure(400, 'BadRequest', `${gvk.kind} in version "${gvk.version}" cannot be handled as a ${gvk.kind}: ${strictDecodingMessage(unknown)}`));
  }
  return unknown.map((f) => `unknown field "${f}"`);
}

/** goFormat renders a decoded JSON value as Go's `%+v` prints a map[string]interface{} (sorted keys). */
export function goFormat(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goFormat).join(' ')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `map[${Object.keys(o).sort().map((k) => `${k}:${goFormat(o[k])}`).join(' ')}]`;
  }
  return String(v);
}

/**
 * checkPatchedFields applies the directive to the result of a PATCH: Strict throws patch.go's
 * Invalid error (` "" is invalid: patch: Invalid value: "<patch>": strict decoding error: ...`,
 * the patch shown as Go prints a map for strategic merge patches, as JSON otherwise).
 */
export function checkPatchedFields(directive: FieldValidation, gvk: GvkLike, patched: KObject, patch: unknown, strategic: boolean, live?: KObject): string[] {
  if (directive === 'Internal') return [];
  const unknown = newUnknownFields(gvk, patched, live);
  if (!unknown.length) return [];
  if (directive === 'Ignore') return [];
  if (directive === 'Warn') return unknown.map((f) => `unknown field "${f}"`);
  const shown = strategic ? goFormat(patch) : JSON.stringify(patched);
  const detail = `Invalid value: ${JSON.stringify(shown)}: ${strictDecodingMessage(unknown)}`;
  throw new ApiError(statusFailure(422, 'Invalid', ` "" is invalid: patch: ${detail}`, {
    name: '', kind: '', causes: [{ reason: 'FieldValueInvalid', message: detail, field: 'patch' }],
  }));
}
