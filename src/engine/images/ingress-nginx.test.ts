import { describe, it, expect } from 'vitest';
import { VirtualClock } from '../util';
import { createImageCatalog } from './catalog';
import { INGRESS_ACCESS_HEADER } from './ingress-nginx';
import type { ImageSpec, Process, ProgramContext } from './types';

function launch(ref: string, args: string[]) {
  const r = createImageCatalog().resolve(ref);
  if (!r.ok) throw new Error(r.message);
  const clock = new VirtualClock();
  const logs: string[] = [];
  let exit: number | undefined;
  const ctx: ProgramContext = {
    hostname: 'ingress-nginx-controller-8499f4c49c-f7phd', podIP: '10.244.2.5', nodeName: 'worker2', containerName: 'controller', command: [], args,
    env: { POD_NAMESPACE: 'ingress-nginx' }, ports: [80, 443, 8443], fs: new Map(),
    now: () => clock.now(), log: (l) => logs.push(l),
    after: (ms, fn) => { const id = clock.after(ms, () => { if (exit === undefined) fn(); }); return () => clock.cancel(id); },
    exit: (c) => { if (exit === undefined) exit = c; }, exited: () => exit !== undefined,
  };
  const proc: Process = (r.image as ImageSpec).start(ctx);
  return { proc, logs, clock, exitCode: () => exit };
}

describe('ingress-nginx images', () => {
  it('resolve by tag and digest; unknown tags and latest do not exist', () => {
    const cat = createImageCatalog();
    expect(cat.resolve('registry.k8s.io/ingress-nginx/controller:v1.12.0@sha256:e6b8de175acda6ca913891f0f727bca4527e797d52688cbe9fec9040d6f6b6fa')).toMatchObject({ ok: true, digest: 'sha256:e6b8de175acda6ca913891f0f727bca4527e797d52688cbe9fec9040d6f6b6fa' });
    expect(cat.resolve('registry.k8s.io/ingress-nginx/controller:v9.9.9')).toMatchObject({ ok: false, reason: 'ManifestUnknown' });
    expect(cat.resolve('registry.k8s.io/ingress-nginx/controller')).toMatchObject({ ok: false, reason: 'ManifestUnknown' });
    expect(cat.resolve('registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.5.0')).toMatchObject({ ok: true });
  });

  it('the controller logs its banner, answers /healthz on 10254 and logs proxied requests in the upstreaminfo format', () => {
    const c = launch('registry.k8s.io/ingress-nginx/controller:v1.12.0', ['/nginx-ingress-controller', '--publish-service=$(POD_NAMESPACE)/ingress-nginx-controller']);
    expect(c.logs.slice(0, 6)).toEqual([
      '-------------------------------------------------------------------------------',
      'NGINX Ingress controller',
      '  Release:       v1.12.0',
      expect.stringMatching(/^ {2}Build: {9}[0-9a-f]{40}$/),
      '  Repository:    https://github.com/kubernetes/ingress-nginx',
      '  nginx version: nginx/1.25.5',
    ]);
    expect(c.proc.listens(80) && c.proc.listens(443) && c.proc.listens(10254)).toBe(true);
    expect(c.proc.http!({ method: 'GET', path: '/healthz', headers: {}, remoteAddr: '10.244.2.1', port: 10254 })).toMatchObject({ status: 200, body: 'ok' });
    const before = c.logs.length;
    c.proc.http!({ method: 'GET', path: '/', remoteAddr: '192.168.1.2', port: 80, headers: {
      host: 'kubia.example.com', 'user-agent': 'curl/8.5.0', accept: '*/*',
      [INGRESS_ACCESS_HEADER]: JSON.stringify({ status: 200, bytes: 34, upstream: 'default-kubia-80', addr: '10.244.1.3:8080', upstreamStatus: 200, upstreamBytes: 34, durationMs: 2 }),
    } });
    expect(c.logs[before]).toMatch(/^192\.168\.1\.2 - - \[10\/Mar\/2025:09:00:00 \+0000\] "GET \/ HTTP\/1\.1" 200 34 "-" "curl\/8\.5\.0" \d+ 0\.002 \[default-kubia-80\] \[\] 10\.244\.1\.3:8080 34 0\.002 200 [0-9a-f]{32}$/);
    const direct = c.proc.http!({ method: 'GET', path: '/', remoteAddr: '10.244.1.9', port: 80, headers: { 'user-agent': 'curl/8.5.0' } });
    expect(direct.status).toBe(404);
    expect(direct.body).toContain('<hr><center>nginx</center>');
    expect(c.logs[before + 1]).toContain('[upstream-default-backend] [] 127.0.0.1:8181 146 0.000 404 ');
  });

  it('kube-webhook-certgen runs to completion', () => {
    const j = launch('registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.5.0', ['create', '--namespace=$(POD_NAMESPACE)']);
    j.clock.advance(1_000);
    expect(j.exitCode()).toBe(0);
    expect(j.logs[0]).toMatch(/^\{"level":"info","msg":"creating new secret","source":"cmd\/create\.go:28","time":"[^"]+"\}$/);
  });
});
