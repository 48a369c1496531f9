/** hex64 derives a stable 64-hex-digit string (a sha256-looking digest) from seed. Not cryptographic. */
export function hex64(seed: string): string {
  let h1 = 0x811c9dc5 ^ seed.length, h2 = 0x9e3779b9, out = '';
  for (let i = 0; i < seed.length; i++) {
    h1 = Math.imul(h1 ^ seed.charCodeAt(i), 0x01000193);
    h2 = Math.imul(h2 ^ seed.charCodeAt(i), 0x85ebca6b);
  }
  for (let round = 0; out.length < 64; round++) {
    h1 = Math.imul(h1 ^ (h1 >>> 15) ^ round, 0x2c1b3c6d) >>> 0;
    h2 = Math.imul(h2 ^ (h2 >>> 13) ^ h1, 0x297a2d39) >>> 0;
    out += (h1 >>> 0).toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
}

/** sandboxId is a stable 64-hex id for a pod's sandbox or netns (the CRI ids containerd prints in port-forward errors). */
export function sandboxId(text: string): string {
  let h = 0x811c9dc5, out = '';
  for (let round = 0; round < 8; round++) {
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    h = Math.imul(h ^ round, 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}
