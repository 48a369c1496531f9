import { fail } from './errors';

const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** parseGoDuration parses Go's time.ParseDuration syntax ("1m30s", "500ms") into milliseconds, or undefined. */
export function parseGoDuration(s: string): number | undefined {
  if (s === '0') return 0;
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let pos = 0;
  let sign = 1;
  if (s.startsWith('-')) { sign = -1; pos = 1; }
  re.lastIndex = pos;
  let matched = false;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    total += parseFloat(m[1]) * UNITS[m[2]];
    pos = re.lastIndex;
    matched = true;
  }
  return matched && pos === s.length ? sign * total : undefined;
}

/** parseDurationFlag parses a duration flag value, throwing pflag's error text when invalid. */
export function parseDurationFlag(name: string, value: string): number {
  const ms = parseGoDuration(value);
  if (ms === undefined) throw fail(`invalid argument "${value}" for "--${name}" flag: time: invalid duration "${value}"`);
  return ms;
}

/** parseRequestTimeout parses --request-timeout (a bare integer means seconds). */
export function parseRequestTimeout(value: string): number {
  if (/^\d+$/.test(value)) return parseInt(value, 10) * 1000;
  const ms = parseGoDuration(value);
  if (ms === undefined) throw fail(`invalid request timeout: time: invalid duration "${value}"`);
  return ms;
}

/** naturalLess compares strings with digit runs compared numerically (fvbommel/sortorder.NaturalLess). */
export function naturalLess(a: string, b: string): boolean {
  const ra = a.match(/\d+|\D+/g) ?? [];
  const rb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
    const x = ra[i], y = rb[i];
    if (x === y) continue;
    const dx = /^\d/.test(x), dy = /^\d/.test(y);
    if (dx && dy) {
      const nx = BigInt(x), ny = BigInt(y);
      if (nx !== ny) return nx < ny;
      return x.length < y.length;
    }
    return x < y;
  }
  return ra.length < rb.length;
}
