import { describe, it, expect } from 'vitest';
import { createRng } from '../util';
import { nanoClock } from './reference';

describe('nanoClock', () => {
  it('names events by the hex of the virtual UnixNano, milliseconds first', () => {
    const next = nanoClock(createRng(3));
    const ms = Date.UTC(2025, 2, 10, 9, 0, 0);
    const n = BigInt('0x' + next(ms));
    expect(n / 1000000n).toBe(BigInt(ms));
    expect(n % 1000000n).toBeLessThan(100000n);
  });

  it('stays strictly increasing when many events share one millisecond, carrying into the next', () => {
    const next = nanoClock(createRng(9));
    const ms = 2 ** 32 - 1; // the low 32 bits of ms * 1e6 overflow here
    let prev = -1n;
    let carried = false;
    for (let i = 0; i < 2000; i++) {
      const n = BigInt('0x' + next(ms));
      expect(n).toBeGreaterThan(prev);
      if (n / 1000000n > BigInt(ms)) carried = true;
      prev = n;
    }
    expect(carried).toBe(true);
    // A later millisecond that is still behind the carried names continues from them.
    expect(BigInt('0x' + next(ms + 1))).toBeGreaterThan(prev);
  });
});
