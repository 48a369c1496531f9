import { utf8Decode, utf8Encode } from '../../util';

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
