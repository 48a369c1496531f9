// Models k8s.io/apimachinery/pkg/api/resource.Quantity for describe's sums and percentages:
// exact BigInt nano-units, Add keeps the first operand's format, String() is canonical.
// (A2's validation/quantity.ts is not exported through its module index, so describe keeps its own.)

/** Quantity is an exact amount in nano-units plus its print format. */
export interface Quantity { nano: bigint; format: 'DecimalSI' | 'BinarySI' | 'DecimalExponent' }

const NANO = 1_000_000_000n;
const DEC: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BIN: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

/** ZERO is the zero Quantity (prints "0"). */
export const ZERO: Quantity = { nano: 0n, format: 'DecimalSI' };

/** parseQuantity parses a quantity string; unparsable or missing values are zero. */
export function parseQuantity(text: unknown): Quantity {
  if (text === undefined || text === null) return ZERO;
  const m = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)([eE][+-]?\d+|[numkMGTPE]|[KMGTPE]i)?$/.exec(String(text).trim());
  if (!m) return ZERO;
  const [ip, fp = ''] = m[2].split('.');
  const digits = BigInt((ip || '0') + fp);
  const suffix = m[3] ?? '';
  let num: bigint;
  let den = 10n ** BigInt(fp.length);
  let format: Quantity['format'] = 'DecimalSI';
  if (suffix in BIN) { format = 'BinarySI'; num = digits * (1n << BigInt(BIN[suffix])) * NANO; } else {
    let exp = DEC[suffix];
    if (exp === undefined) { format = 'DecimalExponent'; exp = Number(suffix.slice(1)); }
    const total = exp + 9;
    if (total >= 0) num = digits * 10n ** BigInt(total);
    else { num = digits; den *= 10n ** BigInt(-total); }
  }
  let nano = num / den;
  if (nano * den !== num) nano += 1n;
  return { nano: m[1] === '-' ? -nano : nano, format };
}

/** addQuantity returns a+b in a's format (a zero-value a takes b's format). */
export function addQuantity(a: Quantity, b: Quantity): Quantity {
  return { nano: a.nano + b.nano, format: a.nano === 0n && a === ZERO ? b.format : a.format };
}

/** milliValue is Quantity.MilliValue (rounded up). */
export function milliValue(q: Quantity): number {
  const d = 1_000_000n;
  let v = q.nano / d;
  if (v * d < q.nano) v += 1n;
  return Number(v);
}

/** quantityValue is Quantity.Value (rounded up). */
export function quantityValue(q: Quantity): number {
  let v = q.nano / NANO;
  if (v * NANO < q.nano) v += 1n;
  return Number(v);
}

/** formatQuantity is Quantity.String() in canonical form ("100m", "128Mi", "1500m", "0"). */
export function formatQuantity(q: Quantity): string {
  const neg = q.nano < 0n;
  const abs = neg ? -q.nano : q.nano;
  const sign = neg ? '-' : '';
  if (abs === 0n) return '0';
  if (q.format === 'BinarySI' && abs % NANO === 0n && abs / NANO >= 1024n) {
    let v = abs / NANO;
    let i = 0;
    const suf = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
    while (i < 6 && v % 1024n === 0n) { v /= 1024n; i++; }
    return sign + v.toString() + suf[i];
  }
  let exp = -9;
  let mant = abs;
  while (exp < 18 && mant % 1000n === 0n) { mant /= 1000n; exp += 3; }
  if (q.format === 'DecimalExponent') return sign + mant.toString() + (exp === 0 ? '' : `e${exp}`);
  const suffix = Object.keys(DEC).find((k) => DEC[k] === exp) ?? '';
  return sign + mant.toString() + suffix;
}

/** canonical parses and re-prints a quantity string. */
export function canonical(text: unknown): string { return formatQuantity(parseQuantity(text)); }
