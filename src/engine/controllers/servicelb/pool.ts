import type { Rng } from '../../util';

/**
 * LB_POOL is the simulated cloud's external address range: 34.97.0.0/16, a block of Google Cloud's public
 * space (the book's GKE cluster shows 34.97.67.145), so EXTERNAL-IPs look like those on GKE.
 */
export const LB_POOL = { base: (34 << 24) + (97 << 16), size: 1 << 16, cidr: '34.97.0.0/16' } as const;

const toIp = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
const toInt = (ip: string) => {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  return m ? m.slice(1).reduce((n, p) => n * 256 + Number(p), 0) : NaN;
};

/** inPool reports whether ip lies in LB_POOL. */
export function inPool(ip: string): boolean {
  const n = toInt(ip);
  return n >= LB_POOL.base && n < LB_POOL.base + LB_POOL.size;
}

/** pickAddress draws a free address from LB_POOL (no network or broadcast-looking .0/.255), or undefined when full. */
export function pickAddress(rng: Rng, used: Set<string>): string | undefined {
  const ok = (n: number) => (n & 255) !== 0 && (n & 255) !== 255 && !used.has(toIp(n));
  for (let i = 0; i < 64; i++) {
    const n = LB_POOL.base + rng.int(LB_POOL.size);
    if (ok(n)) return toIp(n);
  }
  for (let n = LB_POOL.base; n < LB_POOL.base + LB_POOL.size; n++) if (ok(n)) return toIp(n);
  return undefined;
}
