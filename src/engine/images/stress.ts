import type { ImageSpec } from './types';
import { DEBIAN_BINARIES, effectiveArgv, makeServer, runCommandLine } from './program';

const parseBytes = (s: string | undefined): number => {
  const m = /^(\d+(?:\.\d+)?)([BKMG]?)$/i.exec(s ?? '');
  if (!m) return 256 * 1024 * 1024;
  const mult: Record<string, number> = { '': 1, B: 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 };
  return parseFloat(m[1]) * mult[m[2].toUpperCase()];
};

/**
 * STRESS is polinux/stress (the Kubernetes docs' memory-limit example): `stress --vm 1 --vm-bytes 250M --vm-hang 1`
 * allocates --vm-bytes; above resources.limits.memory the kernel OOM-kills it (exit 137, OOMKilled).
 */
export const STRESS: ImageSpec = {
  repository: 'docker.io/polinux/stress', tags: ['1.0.4'], sizeBytes: 4_097_310,
  defaultCommand: [], defaultArgs: ['stress'], binaries: [...DEBIAN_BINARIES, 'stress'],
  description: 'stress workload generator',
  start(ctx) {
    const { argv } = effectiveArgv(ctx, STRESS);
    if ((argv[0] ?? '').split('/').pop() !== 'stress') return runCommandLine(ctx, STRESS, 'gnu', argv);
    const arg = (name: string) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
    const workers = parseInt(arg('--vm') ?? arg('-m') ?? '0', 10);
    const bytes = parseBytes(arg('--vm-bytes'));
    ctx.log(`stress: info: [1] dispatching hogs: 0 cpu, 0 io, ${workers} vm, 0 hdd`);
    if (workers > 0 && ctx.memoryLimitBytes !== undefined && bytes * workers > ctx.memoryLimitBytes) {
      ctx.after(600, () => ctx.exit(137, 'OOMKilled'));
    }
    const timeout = arg('--timeout') ?? arg('-t');
    if (timeout) ctx.after(parseInt(timeout, 10) * 1000, () => { ctx.log(`stress: info: [1] successful run completed in ${parseInt(timeout, 10)}s`); ctx.exit(0); });
    return makeServer(ctx, STRESS, 'gnu', { ports: [], onSignal: () => ({ afterMs: 0, code: 0 }) });
  },
};
