// Models Go's encoding/json as kubectl's -o json uses it (json.MarshalIndent with 4 spaces):
// map keys sorted, HTML-unsafe characters escaped, \b \f short escapes (Go >= 1.22).

const NEEDS_ESCAPE = /[\u0000-\u001f"\\<>&\u2028\u2029\ud800-\udfff]/;

/** goJsonString quotes a string exactly as Go's encoding/json does (with HTML escaping). */
export function goJsonString(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return '"' + s + '"';
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    switch (ch) {
      case '"': out += '\\"'; continue;
      case '\\': out += '\\\\'; continue;
      case '\n': out += '\\n'; continue;
      case '\r': out += '\\r'; continue;
      case '\t': out += '\\t'; continue;
      case '\b': out += '\\b'; continue;
      case '\f': out += '\\f'; continue;
      case '<': out += '\\u003c'; continue;
      case '>': out += '\\u003e'; continue;
      case '&': out += '\\u0026'; continue;
      case '\u2028': out += '\\u2028'; continue;
      case '\u2029': out += '\\u2029'; continue;
    }
    if (c < 0x20) out += '\\u00' + c.toString(16).padStart(2, '0');
    else if (c >= 0xd800 && c <= 0xdfff) out += '\\ufffd'; // lone surrogate = invalid UTF-8
    else out += ch;
  }
  return out + '"';
}

/** goJsonNumber formats a number as encoding/json does for int64/float64 values. */
export function goJsonNumber(n: number): string {
  if (!Number.isFinite(n)) return 'null';
  return String(n);
}

function keysOf(obj: Record<string, unknown>, sortKeys: boolean): string[] {
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined);
  return sortKeys ? keys.sort(compareUtf8) : keys;
}

const HIGH = /[\ud800-\uffff]/;

/** compareUtf8 orders strings by their UTF-8 bytes, as Go sorts map keys. */
export function compareUtf8(a: string, b: string): number {
  if (a === b) return 0;
  // UTF-16 order equals code point (and so UTF-8 byte) order unless surrogates meet U+E000..U+FFFF.
  if (!HIGH.test(a) && !HIGH.test(b)) return a < b ? -1 : 1;
  const ai = Array.from(a);
  const bi = Array.from(b);
  for (let i = 0; i < ai.length && i < bi.length; i++) {
    const x = ai[i].codePointAt(0) ?? 0;
    const y = bi[i].codePointAt(0) ?? 0;
    if (x !== y) return x - y;
  }
  return ai.length - bi.length;
}

function encode(v: unknown, indent: string, level: number, sortKeys: boolean, out: string[]): void {
  if (v === null || v === undefined) { out.push('null'); return; }
  if (typeof v === 'string') { out.push(goJsonString(v)); return; }
  if (typeof v === 'number') { out.push(goJsonNumber(v)); return; }
  if (typeof v === 'boolean' || typeof v === 'bigint') { out.push(String(v)); return; }
  const nl = indent ? '\n' + indent.repeat(level + 1) : '';
  const end = indent ? '\n' + indent.repeat(level) : '';
  if (Array.isArray(v)) {
    if (v.length === 0) { out.push('[]'); return; }
    out.push('[');
    v.forEach((x, i) => { out.push(i === 0 ? nl : ',' + nl); encode(x, indent, level + 1, sortKeys, out); });
    out.push(end + ']');
    return;
  }
  const obj = v as Record<string, unknown>;
  const keys = keysOf(obj, sortKeys);
  if (keys.length === 0) { out.push('{}'); return; }
  const sep = indent ? ': ' : ':';
  out.push('{');
  keys.forEach((k, i) => { out.push((i === 0 ? nl : ',' + nl) + goJsonString(k) + sep); encode(obj[k], indent, level + 1, sortKeys, out); });
  out.push(end + '}');
}

function render(v: unknown, indent: string, sortKeys: boolean): string {
  const out: string[] = [];
  encode(v, indent, 0, sortKeys, out);
  return out.join('');
}

/** printJson renders a value as `kubectl -o json` does (4-space indent, trailing newline); sortKeys=false keeps insertion order (typed objects from --dry-run=client). */
export function printJson(obj: unknown, opts: { sortKeys?: boolean } = {}): string {
  return render(obj, '    ', opts.sortKeys ?? true) + '\n';
}

/** compactJson renders a value as Go's json.Marshal (no spaces, sorted keys), as jsonpath prints maps and lists. */
export function compactJson(obj: unknown): string {
  return render(obj, '', true);
}
