import { describe, expect, it } from 'vitest';
import { canonicalQuantity, compareQuantity, milliValue, parseQuantity, quantityValue } from './quantity';

describe('quantity', () => {
  it('parses and canonicalises like resource.Quantity', () => {
    expect(milliValue('500m')).toBe(500);
    expect(milliValue('1')).toBe(1000);
    expect(milliValue('0.5')).toBe(500);
    expect(quantityValue('1Gi')).toBe(1073741824);
    expect(quantityValue('128Mi')).toBe(134217728);
    expect(quantityValue('1e3')).toBe(1000);
    expect(canonicalQuantity('1.5')).toBe('1500m');
    expect(canonicalQuantity('2000m')).toBe('2');
    expect(canonicalQuantity('1024Mi')).toBe('1Gi');
    expect(canonicalQuantity('129e6')).toBe('129e6');
    expect(canonicalQuantity('1000000')).toBe('1M');
    expect(canonicalQuantity('1500')).toBe('1500');
    expect(parseQuantity('abc')).toBeUndefined();
    expect(compareQuantity(parseQuantity('1Gi')!, parseQuantity('1G')!)).toBe(1);
  });
});
