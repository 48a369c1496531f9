import { K8S_NAME_ALPHABET } from '../../util';

/** canonicalJson renders v as JSON with object keys sorted, so equal templates give equal text. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
}

/** fnv32a is the 32-bit FNV-1a hash of bytes (hash/fnv.New32a). */
export function fnv32a(bytes: Iterable<number>, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (const b of bytes) {
    h ^= b & 0xff;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** utf8 encodes s as UTF-8 bytes (no TextEncoder dependency in the engine's lib set). */
function* utf8(s: string): Generator<number> {
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) yield c;
    else if (c < 0x800) { yield 0xc0 | (c >> 6); yield 0x80 | (c & 63); }
    else if (c < 0x10000) { yield 0xe0 | (c >> 12); yield 0x80 | ((c >> 6) & 63); yield 0x80 | (c & 63); }
    else { yield 0xf0 | (c >> 18); yield 0x80 | ((c >> 12) & 63); yield 0x80 | ((c >> 6) & 63); yield 0x80 | (c & 63); }
  }
}

/** safeEncodeString is apimachinery's rand.SafeEncodeString: each byte mapped onto the name alphabet. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += K8S_NAME_ALPHABET[s.charCodeAt(i) % K8S_NAME_ALPHABET.length];
  return out;
}

/**
 * computeHash is controller.ComputeHash: FNV-32a over the pod template, then the collision count as
 * 8 little-endian bytes, rendered as the decimal sum through safeEncodeString (so `668d6bf9bc`-like).
 * Upstream hashes Go's spew dump of the struct, which TypeScript cannot reproduce byte for byte; this
 * stand-in hashes the template's canonical JSON (sorted keys) instead — deterministic, but the hashes
 * differ from a real cluster's, which is why existing ReplicaSets are matched by template equality.
 */
export function computeHash(template: unknown, collisionCount?: number): string {
  let h = fnv32a(utf8(canonicalJson(template ?? {})));
  if (collisionCount !== undefined && collisionCount !== null) {
    const c = collisionCount >>> 0;
    h = fnv32a([c & 0xff, (c >>> 8) & 0xff, (c >>> 16) & 0xff, (c >>> 24) & 0xff, 0, 0, 0, 0], h);
  }
  return safeEncodeString(String(h));
}
