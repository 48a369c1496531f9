// Minimal resource.Quantity reader for the scheduler's arithmetic (cpu in millicores, the rest in
// base units). A2's api/validation quantity module is exact (BigInt); this one trades exactness past
// 2^53 for speed, which is enough for requests and allocatable. Switch to it once its index exports it.

const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };

/** parseAmount returns a quantity's value in base units (NaN when unparsable). */
export function parseAmount(q: string | number | undefined): number {
  if (q === undefined) return 0;
  if (typeof q === 'number') return q;
  const m = /^([+-]?\d*\.?\d+)([eE][+-]?\d+|[KMGTPE]i|[numkMGTPE])?$/.exec(q.trim());
  if (!m) return NaN;
  const n = Number(m[1]);
  const suf = m[2] ?? '';
  if (suf in BINARY) return n * BINARY[suf];
  if (/^[eE]/.test(suf)) return n * 10 ** Number(suf.slice(1));
  return n * DECIMAL[suf];
}

/** milli returns a quantity in thousandths, rounded up (Quantity.MilliValue). */
export function milli(q: string | number | undefined): number {
  return Math.ceil(Math.round(parseAmount(q) * 1e6) / 1e3);
}

/** value returns a quantity in base units, rounded up (Quantity.Value). */
export function value(q: string | number | undefined): number {
  return Math.ceil(parseAmount(q) - 1e-9);
}
