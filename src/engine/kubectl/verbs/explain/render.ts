// A port of kubectl v1.32's explain template staging/src/k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl
// over an OpenAPI v3 document: the functions below mirror its named templates one to one, with Go
// template semantics (empty maps and lists are false, map ranges are in sorted key order).

import { indent, wrap } from './text';

type Obj = Record<string, unknown>;

/** GroupVersionResource is what kubectl explain resolves the TYPE argument to. */
export interface GroupVersionResource { group: string; version: string; resource: string }

/** ExplainError is a `throw` from the template; out is what was already written when it was raised. */
export class ExplainError extends Error {
  constructor(message: string) { super(message); this.name = 'ExplainError'; }
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function truthy(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isObj(v)) return Object.keys(v).length > 0;
  return true;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const obj = (v: unknown): Obj | undefined => (isObj(v) ? v : undefined);
/** mapValue is `and .additionalProperties (not (eq "bool" (printf "%T" .additionalProperties)))`. */
const mapValue = (s: Obj): Obj | undefined => (truthy(s.additionalProperties) && isObj(s.additionalProperties) ? s.additionalProperties : undefined);

/** GVR.String() of apimachinery: `apps/v1, Resource=deployments` (`/v1, …` for the core group). */
export function gvrString(g: GroupVersionResource): string {
  return `${g.group}/${g.version}, Resource=${g.resource}`;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a), kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

class Renderer {
  constructor(private readonly doc: Obj, private readonly recursive: boolean) {}

  resolveRef(ref: unknown): Obj | undefined {
    if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
    let cur: Obj | undefined = this.doc;
    for (const k of ref.slice(1).split('/')) {
      if (!k) continue;
      cur = obj(cur?.[decodeURIComponent(k)]);
      if (!cur) return undefined;
    }
    return cur;
  }

  /** schema: the component whose x-kubernetes-group-version-kind lists gvk, rendered by output. */
  schema(gvk: Obj, fieldPath: string[]): string {
    const schemas = obj(obj(this.doc.components)?.schemas) ?? {};
    for (const name of Object.keys(schemas).sort()) {
      const s = obj(schemas[name]);
      const list = s?.['x-kubernetes-group-version-kind'];
      if (!s || !Array.isArray(list) || !list.some((x) => deepEqual(x, gvk))) continue;
      const out = this.output(s, {}, fieldPath);
      if (out) return out;
      throw new ExplainError(`error: field "${fieldPath[fieldPath.length - 1]}" does not exist`);
    }
    return '';
  }

  output(schema: Obj, history: Record<string, number>, fieldPath: string[]): string {
    const refString = str(schema.$ref);
    const next = { ...history, [refString]: 1 };
    const resolved = this.resolveRef(refString) ?? schema;
    if (!fieldPath.length) {
      let out = 'DESCRIPTION:\n';
      out += indent(4, wrap(76, this.description(resolved) || '<empty>')) + '\n';
      const ext = this.externalDocs(resolved);
      if (ext) out += '\n' + ext;
      const fields = this.fieldList(resolved, 1, undefined);
      if (fields) out += 'FIELDS:\n' + fields;
      return out;
    }
    if (refString && history[refString]) return '';
    const props = obj(resolved.properties);
    if (truthy(props) && truthy(props![fieldPath[0]])) {
      const sub = obj(props![fieldPath[0]]) ?? {};
      let out = '';
      if (fieldPath.length === 1) {
        out += `FIELD: ${fieldPath[0]} <${this.typeGuess(sub)}>\n` + this.extractEnum(sub, true, -1, 0) + '\n\n';
      }
      return out + this.output(sub, {}, fieldPath.slice(1));
    }
    if (truthy(resolved.items) && isObj(resolved.items)) return this.output(resolved.items, next, fieldPath);
    const add = mapValue(resolved);
    if (add) return this.output(add, next, fieldPath);
    for (const sub of Array.isArray(resolved.allOf) ? resolved.allOf : []) {
      const out = isObj(sub) ? this.output(sub, next, fieldPath) : '';
      if (out) return out;
    }
    return '';
  }

  fieldList(schema: Obj, level: number, history: Record<string, number> | undefined): string {
    const refString = str(schema.$ref);
    if (refString && (history ?? {})[refString]) return '';
    const next = { ...(history ?? {}), [refString]: 1 };
    const resolved = this.resolveRef(refString) ?? schema;
    let out = '';
    const props = obj(resolved.properties) ?? {};
    for (const k of Object.keys(props).sort()) {
      out += this.fieldDetail(k, resolved, this.recursive, level);
      if (this.recursive) out += this.fieldList(obj(props[k]) ?? {}, level + 1, next);
    }
    for (const sub of Array.isArray(resolved.allOf) ? resolved.allOf : []) if (isObj(sub)) out += this.fieldList(sub, level, next);
    if (truthy(resolved.items) && isObj(resolved.items)) out += this.fieldList(resolved.items, level, next);
    const add = mapValue(resolved);
    if (add) out += this.fieldList(add, level, next);
    return out;
  }

  fieldDetail(name: string, schema: Obj, short: boolean, level: number): string {
    const amount = level * 2;
    const field = obj(obj(schema.properties)?.[name]) ?? {};
    let out = indent(amount, name) + `\t<${this.typeGuess(field)}>`;
    if (Array.isArray(schema.required) && schema.required.includes(name)) out += ' -required-';
    out += this.extractEnum(field, false, 4, amount) + '\n';
    if (!short) {
      out += indent(amount + 2, wrap(78 - amount, str(field.description) || '<no description>')) + '\n';
      const ext = obj(field.externalDocs);
      if (truthy(ext)) {
        out += '\n' + indent(amount + 2, 'EXTERNAL DOCS:') + '\n';
        if (str(ext!.description)) out += indent(amount + 4, wrap(76 - amount, str(ext!.description))) + '\n';
        if (str(ext!.url)) out += indent(amount + 4, `URL: ${str(ext!.url)}`) + '\n';
      }
      out += '\n';
    }
    return out;
  }

  description(schema: Obj): string {
    const s = this.resolveRef(schema.$ref) ?? schema;
    let out = '';
    if (str(s.description)) out += str(s.description) + '\n';
    for (const sub of Array.isArray(s.allOf) ? s.allOf : []) if (isObj(sub)) out += this.description(sub);
    if (truthy(s.items) && isObj(s.items)) out += this.description(s.items);
    const add = mapValue(s);
    if (add) out += this.description(add);
    return out;
  }

  externalDocs(schema: Obj): string {
    const ext = obj(schema.externalDocs);
    if (!truthy(ext)) return '';
    let out = 'EXTERNAL DOCS:\n';
    if (str(ext!.description)) out += indent(4, wrap(76, str(ext!.description))) + '\n';
    if (str(ext!.url)) out += indent(4, `URL: ${str(ext!.url)}`) + '\n';
    return out;
  }

  typeGuess(s: Obj): string {
    if (truthy(s.items) && isObj(s.items)) return '[]' + this.typeGuess(s.items);
    const add = mapValue(s);
    if (add) return 'map[string]' + this.typeGuess(add);
    if (truthy(s.allOf) && !truthy(s.properties) && Array.isArray(s.allOf) && s.allOf.length === 1 && isObj(s.allOf[0])) {
      return this.typeGuess(s.allOf[0]);
    }
    if (truthy(s.$ref)) {
      const ref = str(s.$ref);
      const refSchema = this.resolveRef(ref);
      if (!truthy(refSchema) || !truthy(refSchema!.type) || refSchema!.type === 'object') {
        const name = ref.split('/').pop() ?? '';
        return name.split('.').pop() || 'Object';
      }
      return str(refSchema!.type) || 'Object';
    }
    if (s.type === 'object') return 'Object';
    return str(s.type) || 'Object';
  }

  extractEnum(s: Obj, longView: boolean, limit: number, indentAmount: number): string {
    if (!truthy(s.enum) || !Array.isArray(s.enum)) return '';
    let out = longView ? 'ENUM:' : '\n' + indent(indentAmount, '') + 'enum: ';
    for (let i = 0; i < s.enum.length; i++) {
      if (limit > -1 && i >= limit) { out += ', ....'; break; }
      if (i > 0 && !longView) out += ', ';
      else if (longView) out += '\n' + indent(4, '');
      const e = s.enum[i];
      out += e === '' ? '""' : String(e);
    }
    return out;
  }
}

/** RenderResult is the text written before any error, and the error the template raised (if any). */
export interface RenderResult { out: string; error?: string }

/**
 * renderPlaintext renders `kubectl explain` for gvr and fieldPath from one group-version's OpenAPI v3
 * document, as the `plaintext` template does; errors keep the header already printed.
 */
export function renderPlaintext(doc: Obj, gvr: GroupVersionResource, fieldPath: string[], recursive: boolean): RenderResult {
  const r = new Renderer(doc, recursive);
  const prefix = gvr.group ? `/apis/${gvr.group}` : '/api';
  const base = `${prefix}/${gvr.version}`;
  const searchPaths = [`${base}/${gvr.resource}`, `${base}/${gvr.resource}/{name}`,
    `${base}/namespaces/{namespace}/${gvr.resource}`, `${base}/namespaces/{namespace}/${gvr.resource}/{name}`];
  const paths = obj(doc.paths) ?? {};
  let gvk: unknown;
  for (const p of searchPaths) {
    const item = obj(paths[p]);
    if (!truthy(item)) continue;
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const op = obj(item![method]);
      if (!truthy(op)) continue;
      gvk = op!['x-kubernetes-group-version-kind'];
      if (truthy(gvk)) break;
    }
  }
  if (!truthy(gvk) || !isObj(gvk)) return { out: '', error: `error: GVR (${gvrString(gvr)}) not found in OpenAPI schema` };
  let out = '';
  if (str(gvk.group)) out += `GROUP:      ${str(gvk.group)}\n`;
  out += `KIND:       ${str(gvk.kind)}\nVERSION:    ${str(gvk.version)}\n\n`;
  try {
    const body = r.schema(gvk, fieldPath);
    if (!body) {
      const keys = Object.keys(gvk).sort().map((k) => `${k}:${String(gvk[k])}`).join(' ');
      return { out, error: `error: GVK map[${keys}] not found in OpenAPI schema` };
    }
    return { out: out + body + '\n' };
  } catch (e) {
    if (e instanceof ExplainError) return { out, error: e.message };
    throw e;
  }
}
