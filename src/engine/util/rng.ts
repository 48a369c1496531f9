/** Rng is the seeded random source every engine component receives by injection. */
export interface Rng {
  /** next returns a float in [0, 1). */
  next(): number;
  /** int returns an integer in [0, n). */
  int(n: number): number;
  /** string returns n characters drawn from alphabet. */
  string(n: number, alphabet: string): string;
  /** jitter returns base plus a uniform amount in [0, spread). */
  jitter(base: number, spread: number): number;
}

/** K8S_NAME_ALPHABET is apimachinery's utilrand alphabet (no vowels, no confusable digits), used for generateName suffixes. */
export const K8S_NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

// CODES is string()'s scratch buffer (the engine is single-threaded; string() never re-enters).
const CODES = new Array<number>(64).fill(0);

/** createRng returns a mulberry32 generator: fast, small and repeatable for a given seed. */
export function createRng(seed: number): Rng {
  // The state is kept as an int32 (the same 32 bits as the reference's uint32): a small integer for the
  // engine, where a uint32 above 2^31 would be a heap-allocated number on every step.
  let a = seed | 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    string: (n, alphabet) => {
      // One flat string from char codes (a 64-character container ID would otherwise be a 64-piece rope).
      const codes = n <= CODES.length ? CODES : new Array<number>(n);
      for (let i = 0; i < n; i++) codes[i] = alphabet.charCodeAt(Math.floor(next() * alphabet.length));
      return String.fromCharCode.apply(null, n === codes.length ? codes : codes.slice(0, n));
    },
    jitter: (base, spread) => base + next() * spread,
  };
}
