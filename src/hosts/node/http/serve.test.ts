import { describe, it, expect } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseServeArgs, ServeUsageError } from './serve';
import { kubeconfigYaml } from './kubeconfig';

const ROOT = resolve(__dirname, '../../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'src/hosts/node/cli.ts');

describe('parseServeArgs', () => {
  it('has the documented defaults and reads every option', () => {
    expect(parseServeArgs([])).toEqual({ port: 6443, speed: 1, verbose: false });
    expect(parseServeArgs(['--port', '0', '--kubeconfig=k.yaml', '--speed', '2.5', '--seed=7', '-v']))
      .toEqual({ port: 0, kubeconfig: 'k.yaml', speed: 2.5, seed: 7, verbose: true });
    expect(parseServeArgs(['--help'])).toBeUndefined();
  });

  it('rejects bad values and unknown options', () => {
    expect(() => parseServeArgs(['--port', '70000'])).toThrow(new ServeUsageError('--port needs a port number (0-65535), got "70000"'));
    expect(() => parseServeArgs(['--speed', '0'])).toThrow('--speed needs a number > 0, got "0"');
    expect(() => parseServeArgs(['--host', '0.0.0.0'])).toThrow('unknown option: --host');
    expect(() => parseServeArgs(['--kubeconfig'])).toThrow('option --kubeconfig needs a value');
  });
});

describe('kubeconfigYaml', () => {
  it('points context "sandbox" at the plain-http server with an empty user', () => {
    expect(kubeconfigYaml('http://127.0.0.1:6443')).toBe(`apiVersion: v1
kind: Config
clusters:
- cluster:
    server: http://127.0.0.1:6443
  name: sandbox
contexts:
- context:
    cluster: sandbox
    user: sandbox
  name: sandbox
current-context: sandbox
preferences: {}
users:
- name: sandbox
  user: {}
`);
  });
});

describe('sandbox serve (subprocess)', () => {
  it('prints where it listens, writes the kubeconfig, serves, and exits 0 on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-serve-'));
    const kc = join(dir, 'sandbox.kubeconfig');
    const child = spawn(TSX, [CLI, 'serve', '--port', '0', '--kubeconfig', kc], { cwd: ROOT });
    try {
      let out = '';
      child.stdout.on('data', (c: Buffer) => { out += c.toString(); });
      await new Promise<void>((ok, fail) => {
        const t = setTimeout(() => fail(new Error(`no banner; got ${out}`)), 20_000);
        child.stdout.on('data', () => { if (out.includes('\n')) { clearTimeout(t); ok(); } });
        child.on('exit', (code) => { clearTimeout(t); fail(new Error(`exited ${code}`)); });
      });
      const m = /^Kube Sandbox \(Kubernetes v1\.32\.\d+\) API listening on (http:\/\/127\.0\.0\.1:(\d+)); try: export KUBECONFIG=(\S+); kubectl get nodes\n$/.exec(out);
      expect(m, out).not.toBeNull();
      expect(m![3]).toBe(kc);
      expect(readFileSync(kc, 'utf8')).toBe(kubeconfigYaml(m![1]));
      expect(statSync(kc).mode & 0o777).toBe(0o600);
      const v = await fetch(`${m![1]}/version`);
      expect(await v.json()).toMatchObject({ gitVersion: expect.stringMatching(/^v1\.32\./) });

      const exited = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 40_000);
});
