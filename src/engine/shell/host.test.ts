import { describe, it, expect } from 'vitest';
import { createShell } from './index';
import { createVfs } from '../vfs/index';
import { VirtualClock } from '../util/clock';
import { createTimeDriver } from '../util/time-driver';
import { InterruptController } from '../util/interrupt';

function hostShell() {
  const clock = new VirtualClock();
  const time = createTimeDriver(clock, 'host');
  const fs = createVfs({ clock });
  const sh = createShell({ fs, time, clock, host: { clearScreen: () => {} } });
  let out = '';
  const flush = async () => { for (let k = 0; k < 50; k++) await Promise.resolve(); };
  const step = async (ms: number) => { await flush(); clock.advance(ms); time.poll(); await flush(); };
  return { sh, clock, step, io: (interrupt?: InterruptController) => ({ stdout: (s: string) => { out += s; }, stderr: (s: string) => { out += s; }, interrupt: interrupt?.signal, isTTY: true }), out: () => out };
}

describe('shell in host mode (browser clock)', () => {
  it('sleep waits until the host advances virtual time', async () => {
    const h = hostShell();
    let done = false;
    const p = h.sh.run('sleep 5; echo woke', h.io()).then((s) => { done = true; return s; });
    await h.step(4000);
    expect(done).toBe(false);
    await h.step(1000);
    expect(await p).toBe(0);
    expect(h.out()).toBe('woke\n');
  });

  it('Ctrl-C stops a while/sleep loop with status 130', async () => {
    const h = hostShell();
    const ctl = new InterruptController();
    const p = h.sh.run('while true; do echo tick; sleep 1; done', h.io(ctl));
    await h.step(1000);
    await h.step(1000);
    ctl.fire();
    expect(await p).toBe(130);
    expect(h.out()).toBe('tick\ntick\ntick\n');
  });

  it('background jobs keep running while the prompt is free, and kill ends them', async () => {
    const h = hostShell();
    expect(await h.sh.run('sleep 100 &', h.io())).toBe(0);
    expect(h.sh.jobs()).toEqual([{ id: 1, command: 'sleep 100', state: 'Running' }]);
    await h.sh.run('jobs', h.io());
    expect(h.out()).toContain('[1]+  Running                 sleep 100 &\n');
    await h.sh.run('kill %1', h.io());
    for (let k = 0; k < 20; k++) await Promise.resolve();
    await h.sh.run('true', h.io());
    expect(h.out()).toContain('[1]+  Terminated              sleep 100\n');
  });
});
