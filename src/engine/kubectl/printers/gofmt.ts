// Models Go's fmt verbs on values decoded from JSON into interface{} (unstructured content):
// %v (custom-columns cells, generic describe) and %#v (jsonpath error dumps).
import { compareUtf8 } from './json';
import { goFloatG } from './yaml-scalar';

function goNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : goFloatG(n);
}

/** goV formats a value like fmt.Sprintf("%v", v): map[k:v ...] with sorted keys, [a b], <nil>. */
export function goV(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return goNumber(v);
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (Array.isArray(v)) return '[' + v.map(goV).join(' ') + ']';
  const o = v as Record<string, unknown>;
  return 'map[' + Object.keys(o).sort(compareUtf8).map((k) => `${k}:${goV(o[k])}`).join(' ') + ']';
}

/** goQuote quotes a string like strconv.Quote (Go %q / %#v of a string). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\x07') out += '\\a';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\v') out += '\\v';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + '"';
}

/** goSharpV formats unstructured content like fmt.Sprintf("%#v", v). */
export function goSharpV(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number') return goNumber(v);
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (Array.isArray(v)) return '[]interface {}{' + v.map((x) => goSharpV(x)).join(', ') + '}';
  const o = v as Record<string, unknown>;
  return 'map[string]interface {}{' + Object.keys(o).sort(compareUtf8).map((k) => `${goQuote(k)}:${goSharpV(o[k])}`).join(', ') + '}';
}
