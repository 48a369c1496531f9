/**
 * Real-kubectl oracle for streams: exec with stdin (WebSocket v5 and SPDY v4 for kubectl ≤1.29)
 * and port-forward (SPDY inside a WebSocket, and the plain SPDY fallback) reaching nginx's handler.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { KUBECTL, startHarness, versionedKubectl } from './kubectl-harness';
import type { Harness } from './kubectl-harness';

if (!KUBECTL) console.warn('kubectl not found on PATH: skipping the real-kubectl stream tests');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const p = (s.address() as AddressInfo).port; s.close(() => resolve(p)); });
  });
}

function httpGet(port: number, path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { 'User-Agent': 'curl/8.5.0' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** portForward runs `kubectl port-forward` until its "Forwarding from" line, then hands back a stopper and the output. */
async function portForward(h: Harness, args: string[], env: Record<string, string> = {}, bin = KUBECTL!) {
  const child = spawn(bin, ['--kubeconfig', h.kubeconfig, '--cache-dir', `${h.dir}/pf-${Math.floor(performance.now())}`, 'port-forward', ...args],
    { env: { ...process.env, KUBECONFIG: '', ...env } });
  let out = '', err = '';
  child.stdout.on('data', (c: Buffer) => { out += c.toString(); });
  child.stderr.on('data', (c: Buffer) => { err += c.toString(); });
  const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
  const end = Date.now() + 20_000;
  while (!out.includes('Forwarding from 127.0.0.1') && Date.now() < end && child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
  return { out: () => out, err: () => err, exited, stop: () => { child.kill('SIGINT'); return exited; } };
}

describe.skipIf(!KUBECTL)('real kubectl streams against the HTTP host', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.kubectl(['run', 'web', '--image=nginx']);
    await h.kubectl(['run', 'box', '--image=busybox', '--', 'sleep', '3600']);
    await h.kubectl(['wait', '--for=condition=Ready', 'pod/web', 'pod/box', '--timeout=60s']);
  }, 120_000);
  afterAll(async () => { await h?.close(); });

  it('exec -i passes stdin to the container (cat, sh reading a script, pipes)', async () => {
    expect(await h.kubectl(['exec', '-i', 'web', '--', 'cat'], { input: 'hello\nworld\n' })).toMatchObject({ code: 0, stdout: 'hello\nworld\n', stderr: '' });
    expect(await h.kubectl(['exec', '-i', 'box', '--', 'sh'], { input: 'echo from-script; hostname | cat\n' })).toMatchObject({ code: 0, stdout: 'from-script\nbox\n' });
    expect(await h.kubectl(['exec', 'box', '--', 'sh', '-c', 'echo out; echo err >&2; exit 4'])).toEqual({ code: 4, stdout: 'out\n', stderr: 'err\ncommand terminated with exit code 4\n' });
  }, 60_000);

  for (const v of ['1.27', '1.29']) {
    const bin = versionedKubectl(v);
    it.skipIf(!bin)(`kubectl ${v} execs over SPDY (v4.channel.k8s.io), with stdin and exit codes`, async () => {
      expect(await h.kubectl(['exec', 'web', '--', 'cat', '/etc/hostname'], { bin })).toMatchObject({ code: 0, stdout: 'web\n', stderr: '' });
      expect(await h.kubectl(['exec', '-i', 'web', '--', 'cat'], { bin, input: 'piped\n' })).toMatchObject({ code: 0, stdout: 'piped\n' });
      expect(await h.kubectl(['exec', 'box', '--', 'sh', '-c', 'echo e >&2; exit 3'], { bin })).toEqual({ code: 3, stdout: '', stderr: 'e\ncommand terminated with exit code 3\n' });
    }, 60_000);
  }

  it('exec falls back to SPDY when WebSockets are switched off', async () => {
    expect(await h.kubectl(['exec', '-i', 'web', '--', 'cat'], { input: 'spdy\n', env: { KUBECTL_REMOTE_COMMAND_WEBSOCKETS: 'false' } })).toMatchObject({ code: 0, stdout: 'spdy\n' });
  }, 60_000);

  const forwards: { name: string; env: Record<string, string>; bin?: string }[] = [
    { name: 'SPDY inside a WebSocket', env: {} },
    { name: 'the plain SPDY upgrade', env: { KUBECTL_PORT_FORWARD_WEBSOCKETS: 'false' } },
    ...(versionedKubectl('1.27') ? [{ name: 'kubectl 1.27 (SPDY)', env: {}, bin: versionedKubectl('1.27') }] : []),
  ];
  for (const f of forwards) {
    it(`port-forward over ${f.name} reaches nginx (two requests, 404 page)`, async () => {
      const port = await freePort();
      const pf = await portForward(h, ['pod/web', `${port}:80`], f.env, f.bin);
      try {
        expect(pf.out()).toContain(`Forwarding from 127.0.0.1:${port} -> 80\n`);
        const r = await httpGet(port, '/');
        expect(r.status).toBe(200);
        expect(r.headers.server).toBe('nginx/1.27.4');
        expect(r.body).toContain('<title>Welcome to nginx!</title>');
        expect(r.body.length).toBe(615);
        const nf = await httpGet(port, '/nope');
        expect(nf.status).toBe(404);
        expect(nf.body).toContain('<center><h1>404 Not Found</h1></center>');
        expect(pf.out()).toContain(`Handling connection for ${port}\n`);
      } finally { await pf.stop(); }
      const logs = await h.kubectl(['logs', 'web', '--tail=2']);
      expect(logs.stdout).toMatch(/^127\.0\.0\.1 - - \[.*\] "GET \/nope HTTP\/1\.1" 404 \d+ "-" "curl\/8\.5\.0" "-"$/m);
    }, 60_000);
  }

  it('port-forward to a port nothing listens on reports containerd\'s error and loses the connection', async () => {
    const port = await freePort();
    const pf = await portForward(h, ['pod/web', `${port}:81`]);
    await httpGet(port, '/').catch(() => undefined);
    const code = await Promise.race([pf.exited, new Promise<number>((r) => setTimeout(() => r(-2), 10_000))]);
    if (code === -2) await pf.stop();
    expect(pf.err()).toMatch(/an error occurred forwarding \d+ -> 81: error forwarding port 81 to pod [0-9a-f]{64}, uid : failed to execute portforward in network namespace \\"\/var\/run\/netns\/cni-[0-9a-f-]{36}\\": failed to connect to localhost:81 inside namespace \\"[0-9a-f]{64}\\", IPv4: dial tcp4 127\.0\.0\.1:81: connect: connection refused IPv6 dial tcp6 \[::1\]:81: connect: connection refused /);
    expect(pf.err()).toContain('error: lost connection to pod');
  }, 60_000);
});
