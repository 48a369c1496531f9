// Compares offline-capable commands with the real kubectl binary; skipped when kubectl is not on PATH.
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHarness } from './testing/harness';

function realKubectl(args: string[]): string | undefined {
  try {
    return execFileSync('kubectl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, KUBECONFIG: '/dev/null' } });
  } catch {
    return undefined;
  }
}

const available = realKubectl(['version', '--client']) !== undefined;

describe.skipIf(!available)('output identical to real kubectl v1.32 (offline commands)', () => {
  const cases: string[][] = [
    ['create', 'deployment', 'web', '--image=nginx', '--dry-run=client', '-o', 'yaml'],
    ['create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=3', '--port=80', '--dry-run=client', '-o', 'yaml'],
    ['create', 'deployment', 'multi', '--image=nginx', '--image=luksa/kubia:v1', '--port=80', '--dry-run=client', '-o', 'json'],
    ['create', 'namespace', 'dev', '--dry-run=client', '-o', 'json'],
    ['create', 'deployment', 'web', '--image=nginx', '-n', 'kube-public', '--save-config', '--dry-run=client', '-o', 'json'],
    ['create', 'namespace', 'dev', '--save-config', '--dry-run=client', '-o', 'yaml'],
    ['create', 'configmap', 'cfg', '--from-literal=a=1', '--dry-run=client', '-o', 'json'],
    ['create', 'namespace', 'dev', '--dry-run=client', '-o', 'yaml'],
    ['create', 'configmap', 'cfg', '--from-literal=a=1', '--from-literal=b=two', '--dry-run=client', '-o', 'yaml'],
    ['create', 'secret', 'generic', 's', '--from-literal=password=hunter2', '--dry-run=client', '-o', 'yaml'],
    ['create', 'secret', 'docker-registry', 'reg', '--docker-username=u', '--docker-password=p', '--docker-email=e@x.io', '--dry-run=client', '-o', 'yaml'],
    ['create', 'secret', 'docker-registry', 'reg', '--docker-username=u', '--docker-password=p&<q>', '--docker-server=r.io', '--dry-run=client', '-o', 'json'],
    ['create', 'deployment', 'web', '--image=nginx', '--dry-run=client', '-o', 'name'],
    ['create', 'job', 'j', '--image=busybox', '--dry-run=client', '-o', 'json', '--', 'echo', 'hi'],
    ['create', 'cronjob', 'c', '--image=busybox', '--schedule=*/1 * * * *', '--dry-run=client', '-o', 'yaml', '--', 'date'],
    ['create', 'service', 'nodeport', 's', '--tcp=80:8080', '--dry-run=client', '-o', 'json'],
    ['create', 'service', 'clusterip', 's2', '--tcp=80', '--tcp=443:8443', '--dry-run=client', '-o', 'yaml'],
    ['create', 'service', 'clusterip', 's3', '--clusterip=None', '--dry-run=client', '-o', 'yaml'],
    ['create', 'svc', 'nodeport', 's4', '--tcp=80', '--node-port=30080', '--dry-run=client', '-o', 'json'],
    ['run', 'x', '--image=nginx', '--dry-run=client', '-o', 'yaml', '--help'],
    ['get', '--help'], ['apply', '--help'], ['run', '--help'], ['config', 'set-context', '--help'],
  ];
  for (const args of cases) {
    it(`kubectl ${args.join(' ')}`, async () => {
      const want = realKubectl(args);
      if (want === undefined) return;
      const h = createHarness();
      const got = await h.kubectl(args);
      expect(got.out).toBe(want);
    });
  }
});
