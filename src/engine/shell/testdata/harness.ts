import { createShell, type Shell } from '../index';
import { createVfs } from '../../vfs/index';
import type { Vfs } from '../../vfs/types';
import { VirtualClock } from '../../util/clock';
import { createTimeDriver } from '../../util/time-driver';
import type { Interrupt } from '../../util/interrupt';
import type { ShellHost } from '../types';

/** Harness is a shell over a fresh VFS with a manual clock and a fake kubectl that echoes argv and stdin. */
export interface Harness {
  sh: Shell;
  fs: Vfs;
  clock: VirtualClock;
  run(input: string, opts?: { tty?: boolean; interrupt?: Interrupt }): Promise<{ out: string; err: string; status: number }>;
}

/** PODS is a small kubectl-like table used by the text-tool tests. */
export const PODS = 'NAME READY STATUS RESTARTS AGE\nweb-1 1/1 Running 0 5m\nweb-2 0/1 Pending 0 1m\ndb-0 1/1 Running 3 10m\napi-7 1/1 CrashLoopBackOff 12 30m\n';

/** makeHarness builds a Harness; files are seeded into the VFS. */
export function makeHarness(files: Record<string, string> = {}, host?: ShellHost): Harness {
  const clock = new VirtualClock();
  const fs = createVfs({ clock, files });
  const sh = createShell({
    fs, clock, host, time: createTimeDriver(clock, 'manual'),
    commands: {
      kubectl: (ctx) => {
        ctx.stdout(`kubectl ${JSON.stringify(ctx.argv.slice(1))}\n`);
        if (ctx.argv.includes('-') || ctx.argv.includes('--stdin')) ctx.stdout(`stdin: ${JSON.stringify(ctx.stdin)}\n`);
        if (ctx.argv[1] === 'fail') { ctx.stderr('error: the server doesn\'t have a resource type "fail"\n'); return 1; }
        return 0;
      },
    },
  });
  return {
    sh, fs, clock,
    async run(input, opts = {}) {
      let out = '', err = '';
      const status = await sh.run(input, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; }, isTTY: opts.tty, interrupt: opts.interrupt });
      return { out, err, status };
    },
  };
}
