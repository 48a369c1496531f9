import { describe, it, expect } from 'vitest';
import { VirtualClock } from '../util';
import { createImageCatalog } from './catalog';
import type { ImageSpec, Process, ProgramContext } from './types';

function launch(ref: string, over: Partial<ProgramContext> = {}) {
  const r = createImageCatalog().resolve(ref);
  if (!r.ok) throw new Error(r.message);
  const clock = new VirtualClock();
  const logs: string[] = [];
  let exit: number | undefined;
  const ctx: ProgramContext = {
    hostname: 'kubia-abcde', podIP: '10.244.1.5', nodeName: 'worker', containerName: 'c', command: [], args: [], env: {}, ports: [], fs: new Map(),
    now: () => clock.now(), log: (l) => logs.push(l),
    after: (ms, fn) => { const id = clock.after(ms, () => { if (exit === undefined) fn(); }); return () => clock.cancel(id); },
    exit: (c) => { if (exit === undefined) exit = c; }, exited: () => exit !== undefined, ...over,
  };
  const proc: Process = (r.image as ImageSpec).start(ctx);
  return { proc, logs, clock, exitCode: () => exit };
}

const get = (p: Process, port: number, path = '/') => p.http!({ method: 'GET', path, headers: { 'user-agent': 'curl/8.5.0' }, remoteAddr: '10.244.1.1', port });

describe('simulated programs', () => {
  it('kubia answers with its hostname and logs requests; v3 fails from the 5th request', () => {
    const k = launch('luksa/kubia');
    expect(k.logs).toEqual(['Kubia server starting...']);
    expect(k.proc.listens(8080)).toBe(true);
    expect(get(k.proc, 8080)).toMatchObject({ status: 200, body: "You've hit kubia-abcde\n" });
    expect(k.logs[1]).toBe('Received request from ::ffff:10.244.1.1');
    const v3 = launch('luksa/kubia:v3');
    const codes = [1, 2, 3, 4, 5].map(() => get(v3.proc, 8080).status);
    expect(codes).toEqual([200, 200, 200, 200, 500]);
    expect(get(v3.proc, 8080).body).toBe('Some internal error has occurred! This is pod kubia-abcde\n');
  });

  it('nginx serves the welcome page, 404s, and writes combined-format access logs', () => {
    const n = launch('nginx:1.25');
    expect(n.logs).toContain('/docker-entrypoint.sh: Configuration complete; ready for start up');
    expect(n.logs.some((l) => l.endsWith('[notice] 1#1: nginx/1.25.5'))).toBe(true);
    expect(get(n.proc, 80).body).toContain('<title>Welcome to nginx!</title>');
    expect(get(n.proc, 80, '/nope').status).toBe(404);
    expect(n.logs.at(-1)).toBe('10.244.1.1 - - [10/Mar/2025:09:00:00 +0000] "GET /nope HTTP/1.1" 404 153 "-" "curl/8.5.0" "-"');
    expect(n.proc.exec(['ping', 'x'])).toMatchObject({ exitCode: 126, stderr: expect.stringContaining('exec: "ping": executable file not found in $PATH') });
    n.proc.signal('SIGTERM');
    n.clock.advance(1000);
    expect(n.exitCode()).toBe(0);
  });

  it('busybox runs shell command lines with loops, exit codes and files', () => {
    const b = launch('busybox', { command: ['sh', '-c', 'for i in a b; do echo $i; done; echo hi > /tmp/f; cat /tmp/f; exit 3'] });
    expect(b.logs).toEqual(['a', 'b', 'hi']);
    expect(b.exitCode()).toBe(3);
    const s = launch('busybox', { args: ['sleep', '5'] });
    s.clock.advance(4999);
    expect(s.exitCode()).toBeUndefined();
    s.clock.advance(1);
    expect(s.exitCode()).toBe(0);
    expect(launch('busybox').exitCode()).toBe(0);
    const bad = launch('busybox', { command: ['sh', '-c', 'nosuchcmd'] });
    expect(bad.logs).toEqual(['sh: nosuchcmd: not found']);
    expect(bad.exitCode()).toBe(127);
    expect(launch('busybox', { command: ['nosuch'] }).proc.startError).toContain('exec: "nosuch": executable file not found in $PATH');
  });

  it('postgres without a password exits 1 with the entrypoint error', () => {
    const p = launch('postgres:17');
    p.clock.advance(1);
    expect(p.exitCode()).toBe(1);
    expect(p.logs[0]).toBe('Error: Database is uninitialized and superuser password is not specified.');
  });
});
