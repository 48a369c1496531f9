import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHarness } from '../../testing/harness';

const golden = (f: string) => readFileSync(join(__dirname, 'testdata', f), 'utf8');

describe('kubectl create ingress', () => {
  it('builds rules, TLS, class, default backend and annotations as kubectl 1.32 does (golden from real kubectl)', async () => {
    const h = createHarness();
    const r = await h.kubectl(['create', 'ingress', 'kubia', '--class=nginx', '--rule=kubia.example.com/*=kubia:80,tls=kubia-tls', '--rule=foo.example.com/foo=foo:http', '--rule=/bar*=bar:8080', '--default-backend=def:80', '--annotation', 'a=b', '--dry-run=client', '-o', 'yaml']);
    expect(r.err).toBe('');
    expect(r.out).toBe(golden('create-ingress.yaml'));
    const tls = await h.kubectl(['create', 'ingress', 'x', '--rule=a.com/=svc:80,tls', '--rule=b.com/=svc:80,tls', '--dry-run=client', '-o', 'json']);
    expect(tls.out).toBe(golden('create-ingress-tls.json'));
  });

  it('creates the Ingress and rejects malformed input with kubectl\'s messages', async () => {
    const h = createHarness();
    expect((await h.kubectl(['create', 'ingress', 'kubia', '--rule=kubia.example.com/*=kubia:80'])).out).toBe('ingress.networking.k8s.io/kubia created\n');
    expect((await h.kubectl('create ingress x')).err).toBe('error: not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)\n');
    expect((await h.kubectl(['create', 'ingress', 'x', '--rule=bad'])).err).toBe('error: rule bad is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]\n');
    expect((await h.kubectl(['create', 'ingress', 'x', '--default-backend=svc'])).err).toBe('error: default-backend should be in format servicename:serviceport\n');
    expect((await h.kubectl(['create', 'ingress', 'x', '--default-backend=svc:80', '--annotation=foo'])).err).toBe('error: annotation foo is invalid and should be in format key=[value]\n');
  });
});
