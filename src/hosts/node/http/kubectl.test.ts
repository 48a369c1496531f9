/**
 * Real-kubectl oracle: the installed kubectl binaries drive the sandbox over HTTP.
 * Skips (with a message) when no kubectl is on PATH.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFile, spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startSandboxServer } from './serve';
import type { SandboxServer } from './serve';
import { writeKubeconfig } from './kubeconfig';

function findKubectl(): string | undefined {
  try {
    const p = execFileSync('sh', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).trim();
    return p ? realpathSync(p) : undefined;
  } catch { return undefined; }
}

const KUBECTL = findKubectl();
const HAS_SCRIPT = (() => { try { execFileSync('sh', ['-c', 'command -v script']); return true; } catch { return false; } })();
if (!KUBECTL) console.warn('kubectl not found on PATH: skipping the real-kubectl oracle tests');
const VERSIONS = ['1.27', '1.28', '1.29', '1.30', '1.31', '1.32', '1.33'];
const versioned = KUBECTL ? VERSIONS.map((v) => ({ v, bin: join(dirname(KUBECTL), `kubectl.${v}`) })).filter((x) => existsSync(x.bin)) : [];

interface Run { code: number; stdout: string; stderr: string }

describe.skipIf(!KUBECTL)('real kubectl against the HTTP host', () => {
  let srv: SandboxServer;
  let dir: string;
  let kubeconfig: string;
  let cacheN = 0;
  const requests: string[] = [];

  /** kubectl runs a binary asynchronously (the server lives in this process) with a fresh cache dir. */
  const kubectl = (args: string[], bin = KUBECTL!, input?: string): Promise<Run> => new Promise((resolve) => {
    const cache = join(dir, `cache-${cacheN++}`);
    const child = execFile(bin, ['--kubeconfig', kubeconfig, '--cache-dir', cache, ...args], { timeout: 90_000, env: { ...process.env, KUBECONFIG: '' } },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }));
    if (input !== undefined) child.stdin!.end(input);
  });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sandbox-kubectl-'));
    kubeconfig = join(dir, 'kubeconfig');
    srv = await startSandboxServer({ port: 0, speed: 10, log: (l) => requests.push(l) });
    writeKubeconfig(kubeconfig, srv.host.url);
  });
  afterAll(async () => {
    await srv?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('get nodes / get nodes -o wide', async () => {
    const r = await kubectl(['get', 'nodes']);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME {6}STATUS {3}ROLES {11}AGE +VERSION$/);
    expect(lines.slice(1).map((l) => l.split(/\s+/).slice(0, 3).join(' '))).toEqual(['master Ready control-plane', 'worker Ready <none>', 'worker2 Ready <none>']);
    const wide = await kubectl(['get', 'nodes', '-o', 'wide']);
    expect(wide.stdout.split('\n')[0]).toMatch(/INTERNAL-IP +EXTERNAL-IP +OS-IMAGE +KERNEL-VERSION +CONTAINER-RUNTIME$/);
    expect(wide.stdout).toMatch(/^master .* 192\.168\.1\.2 +<none> /m);
  });

  it('get pods -A lists kube-system pods with the NAMESPACE column', async () => {
    const r = await kubectl(['get', 'pods', '-A']);
    expect(r.stdout.split('\n')[0]).toMatch(/^NAMESPACE +NAME +READY +STATUS +RESTARTS +AGE$/);
    expect(r.stdout).toMatch(/^kube-system +etcd-master +1\/1 +Running +0 /m);
    expect(r.stdout).toMatch(/^kube-system +coredns-[a-z0-9]+-[a-z0-9]{5} +1\/1 +Running/m);
  });

  it('get pod nope prints the server NotFound error', async () => {
    const r = await kubectl(['get', 'pod', 'nope']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
  });

  it('run, wait Ready, describe, logs, exec, label, annotate, get -o yaml, delete', async () => {
    expect(await kubectl(['run', 'web', '--image=nginx'])).toMatchObject({ code: 0, stdout: 'pod/web created\n' });
    expect(await kubectl(['wait', '--for=condition=Ready', 'pod/web', '--timeout=60s'])).toMatchObject({ code: 0, stdout: 'pod/web condition met\n' });

    const d = await kubectl(['describe', 'pod', 'web']);
    expect(d.code).toBe(0);
    expect(d.stdout).toMatch(/^Name: {13}web$/m);
    expect(d.stdout).toMatch(/^Namespace: {8}default$/m);
    expect(d.stdout).toMatch(/^Status: {11}Running$/m);
    expect(d.stdout).toMatch(/^ {4}Image: {10}nginx$/m);
    expect(d.stdout).toMatch(/Normal +Scheduled .* default-scheduler +Successfully assigned default\/web to worker/);
    expect(d.stdout).toMatch(/Normal +Started .* kubelet +Started container web/);

    const logs = await kubectl(['logs', 'web']);
    expect(logs.code).toBe(0);
    expect(logs.stdout).toContain('/docker-entrypoint.sh: Configuration complete; ready for start up\n');

    expect((await kubectl(['label', 'pod', 'web', 'tier=front'])).stdout).toBe('pod/web labeled\n');
    expect((await kubectl(['annotate', 'pod', 'web', 'note=hello'])).stdout).toBe('pod/web annotated\n');
    const y = await kubectl(['get', 'pod', 'web', '-o', 'yaml']);
    expect(y.stdout).toMatch(/^apiVersion: v1\nkind: Pod\nmetadata:\n {2}annotations:\n {4}note: hello\n/);
    expect(y.stdout).toMatch(/^ {2}labels:\n {4}run: web\n {4}tier: front\n/m);
    expect(y.stdout).toMatch(/^ {2}phase: Running$/m);
    const shown = await kubectl(['get', 'pod', 'web', '--show-labels']);
    expect(shown.stdout).toMatch(/^web +1\/1 +Running +0 +\S+ +run=web,tier=front$/m);
    expect((await kubectl(['label', 'pod', 'web', 'tier-'])).stdout).toBe('pod/web unlabeled\n');

    // exec over WebSocket v5.channel.k8s.io (kubectl 1.30+).
    expect(await kubectl(['exec', 'web', '--', 'cat', '/etc/hostname'])).toMatchObject({ code: 0, stdout: 'web\n', stderr: '' });
    expect(await kubectl(['exec', 'web', '--', 'sh', '-c', 'exit 3'])).toMatchObject({ code: 3, stderr: 'command terminated with exit code 3\n' });
    expect(await kubectl(['exec', 'web', '-c', 'nope', '--', 'ls'])).toMatchObject({ code: 1, stderr: 'error: unable to upgrade connection: container not found ("nope")\n' });
    const missing = await kubectl(['exec', 'web', '--', 'nosuch']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "nosuch": executable file not found in \$PATH: unknown\n$/);

    const del = await kubectl(['delete', 'pod', 'web']);
    expect(del).toMatchObject({ code: 0, stdout: 'pod "web" deleted\n' });
    expect((await kubectl(['get', 'pod', 'web'])).stderr).toBe('Error from server (NotFound): pods "web" not found\n');
  }, 120_000);

  it('apply --validate=false creates, leaves unchanged, then configures', async () => {
    const file = join(dir, 'cm.yaml');
    writeFileSync(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "1"\n');
    expect((await kubectl(['apply', '--validate=false', '-f', file])).stdout).toBe('configmap/cfg created\n');
    expect((await kubectl(['apply', '--validate=false', '-f', file])).stdout).toBe('configmap/cfg unchanged\n');
    writeFileSync(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "2"\n');
    expect((await kubectl(['apply', '--validate=false', '-f', file])).stdout).toBe('configmap/cfg configured\n');
    expect((await kubectl(['get', 'cm', 'cfg', '-o', 'jsonpath={.data.a}'])).stdout).toBe('2');
  }, 60_000);

  it('get pods -w streams rows as pods change', async () => {
    const cache = join(dir, `cache-${cacheN++}`);
    const child = spawn(KUBECTL!, ['--kubeconfig', kubeconfig, '--cache-dir', cache, 'get', 'pods', '-w'], { env: { ...process.env, KUBECONFIG: '' } });
    let out = '', err = '';
    child.stdout.on('data', (c: Buffer) => { out += c.toString(); });
    child.stderr.on('data', (c: Buffer) => { err += c.toString(); });
    try {
      const until = async (pred: () => boolean, ms: number) => {
        const end = Date.now() + ms;
        while (!pred() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
      };
      // With no pods yet kubectl prints nothing; wait for its watch request to reach the server.
      await until(() => requests.some((l) => /^GET \/api\/v1\/namespaces\/default\/pods\?resourceVersion=\d+&watch=true 200/.test(l)) || child.exitCode !== null, 10_000);
      expect(err).toBe('');
      expect(out).toBe('');
      expect((await kubectl(['run', 'watched', '--image=nginx'])).code).toBe(0);
      await until(() => /^watched +1\/1 +Running/m.test(out), 30_000);
      expect(out).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE$/m);
      expect(out).toMatch(/^watched +0\/1 +Pending +0 +\S+$/m);
      expect(out).toMatch(/^watched +1\/1 +Running +0 +\S+$/m);
    } finally {
      child.kill('SIGTERM');
    }
    await kubectl(['delete', 'pod', 'watched', '--wait=false']);
  }, 60_000);

  it.skipIf(!HAS_SCRIPT)('exec -it runs an interactive shell on a tty (via script(1))', async () => {
    await kubectl(['run', 'shell', '--image=nginx']);
    expect((await kubectl(['wait', '--for=condition=Ready', 'pod/shell', '--timeout=60s'])).code).toBe(0);
    const cmd = [KUBECTL!, '--kubeconfig', kubeconfig, '--cache-dir', join(dir, `cache-${cacheN++}`), 'exec', '-it', 'shell', '--', 'sh'].join(' ');
    const child = spawn('script', ['-qec', cmd, '/dev/null'], { env: { ...process.env, KUBECONFIG: '' } });
    let out = '';
    child.stdout.on('data', (c: Buffer) => { out += c.toString(); });
    const wait = async (pred: () => boolean) => {
      const end = Date.now() + 15_000;
      while (!pred() && Date.now() < end) await new Promise((r) => setTimeout(r, 30));
    };
    const exited = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
    try {
      await wait(() => out.includes('# '));
      child.stdin.write('cat /etc/hostname\r');
      await wait(() => out.includes('shell\r\n# '));
      child.stdin.write('exit 3\r');
      expect(await exited).toBe(3);
      expect(out).toBe('# cat /etc/hostname\r\nshell\r\n# exit 3\r\ncommand terminated with exit code 3\r\n');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    await kubectl(['delete', 'pod', 'shell', '--wait=false']);
  }, 60_000);

  it('logs -f follows a running container', async () => {
    await kubectl(['run', 'ticker', '--image=busybox', '--', 'sh', '-c', 'i=0; while true; do echo tick $i; i=$((i+1)); sleep 1; done']);
    expect((await kubectl(['wait', '--for=condition=Ready', 'pod/ticker', '--timeout=60s'])).code).toBe(0);
    const child = spawn(KUBECTL!, ['--kubeconfig', kubeconfig, '--cache-dir', join(dir, `cache-${cacheN++}`), 'logs', '-f', 'ticker'], { env: { ...process.env, KUBECONFIG: '' } });
    let out = '';
    child.stdout.on('data', (c: Buffer) => { out += c.toString(); });
    try {
      const end = Date.now() + 20_000;
      // At 10x speed a new line arrives every ~100 ms of wall time while kubectl keeps the stream open.
      while (!/tick 0\n(tick \d+\n)*tick \d+\n/.test(out) || (out.match(/tick/g) ?? []).length < 6) {
        if (Date.now() > end || child.exitCode !== null) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(child.exitCode).toBeNull();
      expect(out).toMatch(/^tick 0\ntick 1\ntick 2\ntick 3\ntick 4\ntick 5\n/);
    } finally {
      child.kill('SIGTERM');
    }
    await kubectl(['delete', 'pod', 'ticker', '--wait=false']);
  }, 60_000);

  it('create deployment|configmap|namespace (protobuf bodies in 1.32+) are decoded', async () => {
    expect(await kubectl(['create', 'deployment', 'pb', '--image=nginx', '--replicas=2', '--port=80'])).toMatchObject({ code: 0, stdout: 'deployment.apps/pb created\n' });
    expect((await kubectl(['get', 'deploy', 'pb', '-o', 'jsonpath={.spec.replicas} {.spec.template.spec.containers[0].ports[0].containerPort} {.spec.selector.matchLabels.app}'])).stdout).toBe('2 80 pb');
    expect(await kubectl(['create', 'configmap', 'pbcm', '--from-literal=a=1'])).toMatchObject({ code: 0, stdout: 'configmap/pbcm created\n' });
    expect(await kubectl(['create', 'namespace', 'pbns'])).toMatchObject({ code: 0, stdout: 'namespace/pbns created\n' });
  });

  describe.skipIf(versioned.length === 0)('discovery works for every installed kubectl version', () => {
    for (const { v, bin } of versioned) {
      it(`kubectl ${v}: get nodes and api-resources`, async () => {
        const nodes = await kubectl(['get', 'nodes'], bin);
        expect(nodes.stderr).toBe('');
        expect(nodes.stdout).toMatch(/^master +Ready +control-plane /m);
        const res = await kubectl(['api-resources'], bin);
        expect(res.code).toBe(0);
        expect(res.stdout).toMatch(/^pods +po +v1 +true +Pod$/m);
        expect(res.stdout).toMatch(/^deployments +deploy +apps\/v1 +true +Deployment$/m);
      }, 30_000);
    }
  });
});
