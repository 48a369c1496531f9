import type { Rng } from '../../util';

const HEX = '0123456789abcdef';

/** hex returns n random lowercase hex digits. */
export function hex(rng: Rng, n: number): string { return rng.string(n, HEX); }

/** uuid returns a random RFC 4122 version-4 UUID string. */
export function uuid(rng: Rng): string {
  const h = hex(rng, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[rng.int(4)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** deriveRng-style seed mixing: a stable 32-bit hash of a label (FNV-1a). */
export function fnv32(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) { h ^= label.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
  return h >>> 0;
}
