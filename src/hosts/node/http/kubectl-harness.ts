/**
 * Test harness for the real-kubectl oracle tests: finds the installed kubectl binaries, starts a
 * sandbox server on a free port with a kubeconfig, and runs kubectl with a fresh --cache-dir each time.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startSandboxServer } from './serve';
import type { SandboxServer } from './serve';
import { writeKubeconfig } from './kubeconfig';

/** findKubectl returns the real path of the kubectl on PATH, or undefined. */
export function findKubectl(): string | undefined {
  try {
    const p = execFileSync('sh', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).trim();
    return p ? realpathSync(p) : undefined;
  } catch { return undefined; }
}

/** KUBECTL is the installed kubectl binary (undefined when absent: tests skip). */
export const KUBECTL = findKubectl();

/** versionedKubectl returns the path of `kubectl.<v>` beside the real kubectl, when installed. */
export function versionedKubectl(v: string): string | undefined {
  if (!KUBECTL) return undefined;
  const p = join(dirname(KUBECTL), `kubectl.${v}`);
  return existsSync(p) ? p : undefined;
}

/** Run is one kubectl invocation's outcome. */
export interface Run { code: number; stdout: string; stderr: string }

/** Harness is a running sandbox server plus a kubectl runner bound to it. */
export interface Harness {
  srv: SandboxServer;
  dir: string;
  kubeconfig: string;
  /** kubectl runs a binary with the harness kubeconfig and a fresh cache dir (env adds variables). */
  kubectl(args: string[], o?: { bin?: string; input?: string; env?: Record<string, string>; timeoutMs?: number }): Promise<Run>;
  close(): Promise<void>;
}

/** startHarness starts a sandbox server (speed 10 by default) and writes its kubeconfig to a temp dir. */
export async function startHarness(speed = 10): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-kubectl-'));
  const kubeconfig = join(dir, 'kubeconfig');
  const srv = await startSandboxServer({ port: 0, speed });
  writeKubeconfig(kubeconfig, srv.host.url);
  let n = 0;
  return {
    srv, dir, kubeconfig,
    kubectl: (args, o = {}) => new Promise((resolve) => {
      const cache = join(dir, `cache-${n++}`);
      const child = execFile(o.bin ?? KUBECTL!, ['--kubeconfig', kubeconfig, '--cache-dir', cache, ...args],
        { timeout: o.timeoutMs ?? 90_000, env: { ...process.env, KUBECONFIG: '', ...o.env } },
        (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }));
      child.stdin!.end(o.input ?? '');
    }),
    close: async () => { await srv.close(); rmSync(dir, { recursive: true, force: true }); },
  };
}
