// Describe's view of k8s.io/apimachinery resource.Quantity: the API's exact quantity arithmetic
// (api/validation), where a missing or unparsable value counts as zero, as describe's sums need.
import { formatQuantity, parseQuantity as parseApiQuantity, type Quantity } from '../../api/validation';

export { formatQuantity };
export type { Quantity };

const NANO = 1_000_000_000n;

/** ZERO is the zero Quantity (prints "0"). */
export const ZERO: Quantity = { nano: 0n, format: 'DecimalSI' };

/** parseQuantity parses a quantity string; unparsable or missing values are zero. */
export function parseQuantity(text: unknown): Quantity {
  return typeof text === 'string' || typeof text === 'number' ? parseApiQuantity(text) ?? ZERO : ZERO;
}

/** addQuantity returns a+b in a's format (a zero-value a takes b's format). */
export function addQuantity(a: Quantity, b: Quantity): Quantity {
  return { nano: a.nano + b.nano, format: a === ZERO ? b.format : a.format };
}

/** milliValue is Quantity.MilliValue (rounded up). */
export function milliValue(q: Quantity): number { return Number(ceilDiv(q.nano, 1_000_000n)); }

/** quantityValue is Quantity.Value (rounded up). */
export function quantityValue(q: Quantity): number { return Number(ceilDiv(q.nano, NANO)); }

/** canonical parses and re-prints a quantity string. */
export function canonical(text: unknown): string { return formatQuantity(parseQuantity(text)); }

function ceilDiv(n: bigint, d: bigint): bigint {
  const v = n / d;
  return v * d < n ? v + 1n : v;
}
