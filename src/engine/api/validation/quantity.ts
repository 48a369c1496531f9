// Models k8s.io/apimachinery/pkg/api/resource.Quantity (parse, compare, canonical String()).
// Values are kept exactly as BigInt nano-units, so '1Gi', '500m' and '0.5' compare and print as upstream.

/** QuantityFormat is how a Quantity prints: decimal SI suffixes, binary (Ki, Mi...) or exponent (1e3). */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** Quantity is a parsed resource quantity: exact value in nano-units plus its preferred format. */
export interface Quantity { nano: bigint; format: QuantityFormat }

/** QUANTITY_REGEX_MESSAGE is apimachinery's ErrFormatWrong text for an unparsable quantity. */
export const QUANTITY_REGEX_MESSAGE = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

const NANO = 1_000_000_000n;
const DECIMAL_SUFFIX: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIX: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

function pow10(e: number): bigint { return 10n ** BigInt(e); }

/** parseQuantity parses '500m', '1Gi', '2', '1e3', '0.5'; returns undefined when the text is not a quantity. */
export function parseQuantity(text: string | number | undefined | null): Quantity | undefined {
  if (text === undefined || text === null) return undefined;
  const s = String(text).trim();
  const m = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)([eE][+-]?\d+|[numkMGTPE]|[KMGTPE]i)?$/.exec(s);
  if (!m) return undefined;
  const neg = m[1] === '-';
  const [intPart, fracPart = ''] = m[2].split('.');
  const suffix = m[3] ?? '';
  const digits = BigInt((intPart || '0') + fracPart);
  let format: QuantityFormat = 'DecimalSI';
  let nano: bigint;
  // value = digits * 10^-len(frac) * multiplier, in nano units (rounded up like upstream's inf.Dec scale 9).
  const scaleDown = fracPart.length;
  let num: bigint;
  let den: bigint;
  if (suffix in BINARY_SUFFIX) {
    format = 'BinarySI';
    num = digits * (1n << BigInt(BINARY_SUFFIX[suffix])) * NANO;
    den = pow10(scaleDown);
  } else {
    let exp: number;
    if (/^[eE]/.test(suffix)) { format = 'DecimalExponent'; exp = Number(suffix.slice(1)); } else exp = DECIMAL_SUFFIX[suffix];
    const total = exp + 9 - scaleDown;
    if (total >= 0) { num = digits * pow10(total); den = 1n; } else { num = digits; den = pow10(-total); }
  }
  nano = num / den;
  if (nano * den !== num) nano += 1n;
  if (neg) nano = -nano;
  return { nano, format };
}

/** isQuantity reports whether text parses as a resource quantity. */
export function isQuantity(text: unknown): boolean {
  return (typeof text === 'string' || typeof text === 'number') && parseQuantity(text) !== undefined;
}

/** compareQuantity returns -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compareQuantity(a: Quantity, b: Quantity): number {
  return a.nano < b.nano ? -1 : a.nano > b.nano ? 1 : 0;
}

/** milliValue returns the quantity in thousandths, rounded up (Quantity.MilliValue); 0 when unparsable. */
export function milliValue(text: string | number | undefined): number {
  const q = parseQuantity(text);
  if (!q) return 0;
  const d = 1_000_000n;
  let v = q.nano / d;
  if (v * d < q.nano) v += 1n;
  return Number(v);
}

/** quantityValue returns the quantity in base units, rounded up (Quantity.Value); 0 when unparsable. */
export function quantityValue(text: string | number | undefined): number {
  const q = parseQuantity(text);
  if (!q) return 0;
  let v = q.nano / NANO;
  if (v * NANO < q.nano) v += 1n;
  return Number(v);
}

/** formatQuantity renders a quantity in canonical form as Quantity.String() does ('1500m', '1Gi', '129M'). */
export function formatQuantity(q: Quantity): string {
  const sign = q.nano < 0n ? '-' : '';
  const abs = q.nano < 0n ? -q.nano : q.nano;
  if (abs === 0n) return '0';
  if (q.format === 'BinarySI' && abs % NANO === 0n) {
    const whole = abs / NANO;
    const suffixes = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
    let i = 0;
    let v = whole;
    while (i < suffixes.length - 1 && v >= 1024n && v % 1024n === 0n) { v /= 1024n; i++; }
    // Upstream keeps small binary values below 1024 as plain integers.
    return sign + v.toString() + suffixes[i];
  }
  // Decimal: pick the largest exponent (multiple of 3, -9..18) that keeps the mantissa integral.
  let exp = -9;
  let mant = abs;
  while (exp < 18 && mant % 1000n === 0n) { mant /= 1000n; exp += 3; }
  if (q.format === 'DecimalExponent') return sign + mant.toString() + (exp === 0 ? '' : `e${exp}`);
  const suffix = Object.keys(DECIMAL_SUFFIX).find((k) => DECIMAL_SUFFIX[k] === exp) ?? '';
  return sign + mant.toString() + suffix;
}

/** canonicalQuantity parses and re-renders text canonically; returns the input unchanged when unparsable. */
export function canonicalQuantity(text: string | number): string {
  const q = parseQuantity(text);
  return q ? formatQuantity(q) : String(text);
}

/** addQuantities sums quantities, keeping the first one's format (Quantity.Add). */
export function addQuantities(...qs: Quantity[]): Quantity {
  return { nano: qs.reduce((s, q) => s + q.nano, 0n), format: qs[0]?.format ?? 'DecimalSI' };
}
