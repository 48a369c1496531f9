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
