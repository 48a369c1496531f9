// Models apimachinery ValidateObjectMeta / ValidateObjectMetaUpdate (k8s.io/apimachinery/pkg/api/validation/objectmeta.go).
import type { FieldError } from './field-error';
import { forbidden, immutable, invalid, isDNS1123Label, isQualifiedName, isValidLabelValue, required, tooLong, nonNegative } from './messages';

/** Obj is a loosely typed object the validators read. */
export type Obj = Record<string, any>;

/** NameFn validates a name (prefix=true for generateName, whose trailing '-' is allowed). */
export type NameFn = (name: string, prefix: boolean) => string[];

/** maskTrailingDash lets generateName end with '-' as upstream's maskTrailingDash does. */
export function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
}

/** nameWith adapts an is* check into a NameFn. */
export function nameWith(check: (s: string) => string[]): NameFn {
  return (name, prefix) => check(prefix ? maskTrailingDash(name) : name);
}

/** validateLabels is ValidateLabels: key and value checks, reported on the map's path (keys sorted). */
export function validateLabels(labels: Record<string, string> | undefined | null, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const k of Object.keys(labels ?? {}).sort()) {
    for (const m of isQualifiedName(k)) errs.push(invalid(path, k, m));
    for (const m of isValidLabelValue(String(labels![k] ?? ''))) errs.push(invalid(path, labels![k], m));
  }
  return errs;
}

/** validateAnnotations is ValidateAnnotations: qualified keys (lower-cased) and 256 KiB total size. */
export function validateAnnotations(ann: Record<string, string> | undefined | null, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let total = 0;
  for (const k of Object.keys(ann ?? {}).sort()) {
    for (const m of isQualifiedName(k.toLowerCase())) errs.push(invalid(path, k, m));
    total += k.length + String(ann![k] ?? '').length;
  }
  if (total > 256 * 1024) errs.push(tooLong(path, 256 * 1024));
  return errs;
}

/** validateObjectMeta is ValidateObjectMeta for a create: names, namespace, labels, annotations, finalizers. */
export function validateObjectMeta(meta: Obj | undefined, namespaced: boolean, nameFn: NameFn, path = 'metadata'): FieldError[] {
  const m = meta ?? {};
  const errs: FieldError[] = [];
  if (m.generateName) for (const msg of nameFn(m.generateName, true)) errs.push(invalid(`${path}.generateName`, m.generateName, msg));
  if (!m.name) errs.push(required(`${path}.name`, 'name or generateName is required'));
  else for (const msg of nameFn(m.name, false)) errs.push(invalid(`${path}.name`, m.name, msg));
  if (namespaced) {
    if (m.namespace === '') errs.push(required(`${path}.namespace`));
    else if (m.namespace) for (const msg of isDNS1123Label(m.namespace)) errs.push(invalid(`${path}.namespace`, m.namespace, msg));
  } else if (m.namespace) {
    errs.push(forbidden(`${path}.namespace`, 'not allowed on this type'));
  }
  // Absent members have nothing to report (no paths built for them).
  if (m.generation != null) errs.push(...nonNegative(`${path}.generation`, m.generation));
  if (m.labels != null) errs.push(...validateLabels(m.labels, `${path}.labels`));
  if (m.annotations != null) errs.push(...validateAnnotations(m.annotations, `${path}.annotations`));
  if (m.ownerReferences != null) errs.push(...validateOwnerReferences(m.ownerReferences, `${path}.ownerReferences`));
  if (m.finalizers != null) errs.push(...validateFinalizers(m.finalizers, `${path}.finalizers`));
  return errs;
}

function validateOwnerReferences(refs: Obj[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let controllers = 0;
  for (const r of refs ?? []) {
    if (!r.apiVersion) errs.push(invalid(`${path}.apiVersion`, r.apiVersion ?? '', 'version must not be empty'));
    if (!r.kind) errs.push(invalid(`${path}.kind`, r.kind ?? '', 'kind must not be empty'));
    if (!r.name) errs.push(invalid(`${path}.name`, r.name ?? '', 'name must not be empty'));
    if (!r.uid) errs.push(invalid(`${path}.uid`, r.uid ?? '', 'uid must not be empty'));
    if (r.controller) controllers++;
  }
  if (controllers > 1) errs.push(invalid(path, new RawRefs(refs ?? []), 'Only one reference can have Controller set to true.'));
  return errs;
}

class RawRefs { constructor(public refs: Obj[]) {} toJSON(): unknown { return this.refs; } }

function validateFinalizers(finalizers: string[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of finalizers ?? []) for (const m of isQualifiedName(f)) errs.push(invalid(path, f, m));
  return errs;
}

/** validateObjectMetaUpdate is ValidateObjectMetaUpdate: immutable identity fields plus the create checks on labels etc. */
export function validateObjectMetaUpdate(meta: Obj | undefined, old: Obj | undefined, path = 'metadata'): FieldError[] {
  const m = meta ?? {};
  const o = old ?? {};
  const errs: FieldError[] = [];
  if (o.deletionTimestamp) {
    const added = ((m.finalizers as string[] | undefined) ?? []).filter((f) => !((o.finalizers as string[] | undefined) ?? []).includes(f));
    for (const f of added) errs.push(forbidden(`${path}.finalizers`, `no new finalizers can be added if the object is being deleted, found new finalizers []string{${JSON.stringify(f)}}`));
  }
  if (typeof m.generation === 'number' && typeof o.generation === 'number' && m.generation < o.generation) errs.push(invalid(`${path}.generation`, m.generation, 'must not be decremented'));
  if (m.name !== o.name) errs.push(immutable(`${path}.name`, m.name ?? ''));
  if ((m.namespace ?? '') !== (o.namespace ?? '')) errs.push(immutable(`${path}.namespace`, m.namespace ?? ''));
  if (m.uid && o.uid && m.uid !== o.uid) errs.push(immutable(`${path}.uid`, m.uid));
  // The stored object's own (frozen, unchanged) labels, annotations and owners passed these checks already.
  if (m.labels !== o.labels) errs.push(...validateLabels(m.labels, `${path}.labels`));
  if (m.annotations !== o.annotations) errs.push(...validateAnnotations(m.annotations, `${path}.annotations`));
  if (m.ownerReferences !== o.ownerReferences) errs.push(...validateOwnerReferences(m.ownerReferences, `${path}.ownerReferences`));
  return errs;
}

/** sameValue compares two JSON values structurally, ignoring object key order (apiequality.Semantic.DeepEqual). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return (a ?? null) === (b ?? null);
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  if (typeof a === 'object' && typeof b === 'object') {
    const ao = a as Record<string, unknown>;
    const bo = b as Record<string, unknown>;
    const keys = new Set([...Object.keys(ao).filter((k) => ao[k] !== undefined), ...Object.keys(bo).filter((k) => bo[k] !== undefined)]);
    for (const k of keys) if (!sameValue(ao[k], bo[k])) return false;
    return true;
  }
  return false;
}
