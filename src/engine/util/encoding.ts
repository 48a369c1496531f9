// Text encodings shared by the engine: UTF-8 bytes and lengths, and base64 over UTF-8.

/** utf8Encode turns a JS string into UTF-8 bytes. */
export function utf8Encode(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** utf8Decode turns UTF-8 bytes into a JS string (invalid bytes become U+FFFD). */
export function utf8Decode(b: number[]): string {
  let out = '';
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c < 0x80) out += String.fromCharCode(c);
    else if (c >= 0xc0 && c < 0xe0 && i + 1 < b.length) { out += String.fromCharCode(((c & 31) << 6) | (b[++i] & 63)); } else if (c >= 0xe0 && c < 0xf0 && i + 2 < b.length) { out += String.fromCharCode(((c & 15) << 12) | ((b[++i] & 63) << 6) | (b[++i] & 63)); } else if (c >= 0xf0 && i + 3 < b.length) { out += String.fromCodePoint(((c & 7) << 18) | ((b[++i] & 63) << 12) | ((b[++i] & 63) << 6) | (b[++i] & 63)); } else out += '\ufffd';
  }
  return out;
}

/** utf8Length counts the UTF-8 bytes of s (what ls -l and wc -c report). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) { n += 4; i++; } else n += 3;
  }
  return n;
}

const ALPHA = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** base64Encode encodes a string's UTF-8 bytes as base64 (no wrapping). */
export function base64Encode(s: string): string {
  const b = utf8Encode(s);
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i] << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    out += ALPHA[(n >> 18) & 63] + ALPHA[(n >> 12) & 63] + (i + 1 < b.length ? ALPHA[(n >> 6) & 63] : '=') + (i + 2 < b.length ? ALPHA[n & 63] : '=');
  }
  return out;
}

/** base64Decode decodes base64 (whitespace ignored); ok is false on invalid input. */
export function base64Decode(s: string): { text: string; ok: boolean } {
  const clean = s.replace(/[\s]/g, '');
  const bytes: number[] = [];
  let bits = 0, acc = 0, ok = true;
  for (let i = 0; i < clean.length; i++) {
    const ch = clean[i];
    if (ch === '=') { if (clean.slice(i).replace(/=/g, '') !== '') ok = false; break; }
    const v = ALPHA.indexOf(ch);
    if (v < 0) { ok = false; break; }
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) { bits -= 8; bytes.push((acc >> bits) & 255); }
  }
  if (ok && clean.replace(/=+$/, '').length % 4 === 1) ok = false;
  return { text: utf8Decode(bytes), ok };
}

/** parseQuery decodes a URL query string as Go's url.ParseQuery does (`+` is a space); the first value of a key wins, as the apiserver reads single-valued options, and a malformed escape is kept as written. */
export function parseQuery(search: string): Record<string, string> {
  const out: Record<string, string> = {};
  const dec = (x: string) => { try { return decodeURIComponent(x.replace(/\+/g, ' ')); } catch { return x; } };
  for (const part of search.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const k = dec(eq < 0 ? part : part.slice(0, eq));
    if (!(k in out)) out[k] = eq < 0 ? '' : dec(part.slice(eq + 1));
  }
  return out;
}
