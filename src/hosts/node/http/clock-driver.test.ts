import { describe, it, expect } from 'vitest';
import { VirtualClock } from '../../../engine';
import { startRealTimeClock } from './clock-driver';

describe('startRealTimeClock', () => {
  it('advances virtual time by elapsed wall time × speed and fires timers on the way', () => {
    let wall = 1000;
    const clock = new VirtualClock(0);
    const fired: number[] = [];
    clock.after(5_000, () => fired.push(clock.now()));
    const rt = startRealTimeClock({ clock, speed: 10, wallNow: () => wall, intervalMs: 1_000_000 });
    try {
      wall += 400;
      rt.sync();
      expect(clock.now()).toBe(4_000);
      expect(fired).toEqual([]);
      wall += 100;
      rt.sync();
      expect(clock.now()).toBe(5_000);
      expect(fired).toEqual([5_000]);
      rt.setSpeed(1);
      wall += 250;
      rt.sync();
      expect(clock.now()).toBe(5_250);
      rt.setSpeed(0);
      wall += 1000;
      rt.sync();
      expect(clock.now()).toBe(5_250);
    } finally {
      rt.stop();
    }
  });

  it('rejects a negative speed', () => {
    expect(() => startRealTimeClock({ clock: new VirtualClock(0), speed: -1 })).toThrow('invalid speed -1');
  });
});
