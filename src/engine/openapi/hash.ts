/**
 * documentHash returns a 128-hex-digit upper-case fingerprint of text, the shape of the SHA-512
 * `?hash=` kube-apiserver puts in /openapi/v3 URLs. It only has to change when the document changes
 * (clients treat it as an opaque cache key), so 16 seeded FNV-1a passes stand in for SHA-512.
 */
export function documentHash(text: string): string {
  let out = '';
  for (let seed = 0; seed < 16; seed++) {
    let h = (0x811c9dc5 ^ Math.imul(seed + 1, 0x9e3779b1)) >>> 0;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    out += h.toString(16).toUpperCase().padStart(8, '0');
  }
  return out;
}
