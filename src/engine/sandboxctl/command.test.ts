import { describe, it, expect } from 'vitest';
import { createSandbox } from '../sandbox';

describe('sandbox command', () => {
  it('prints help and CLI-style errors', async () => {
    const s = createSandbox();
    expect((await s.run('sandbox --help')).stdout).toContain('sandbox node stop NODE');
    expect(await s.run('sandbox node stop nope')).toMatchObject({ stderr: 'sandbox: node "nope" not found\n', code: 1 });
    expect(await s.run('sandbox kill ghost')).toMatchObject({ stderr: 'sandbox: pod "ghost" not found in namespace "default"\n', code: 1 });
    expect((await s.run('sandbox node remove master')).stderr).toBe('sandbox: cannot remove the control-plane node "master"\n');
    expect((await s.run('sandbox image slow')).stderr).toBe('sandbox: usage: sandbox image slow IMAGE [--seconds N]\n');
    s.cluster.stop();
  });

  it('adds a worker with the next IP and pod CIDR and removes it', async () => {
    const s = createSandbox();
    expect((await s.run('sandbox node add')).stdout).toBe('node "worker3" added\n');
    const n = s.cluster.client.get('nodes', undefined, 'worker3') as { spec?: { podCIDR?: string }; status?: { addresses?: Array<{ address: string }> } };
    expect(n.spec?.podCIDR).toBe('10.244.3.0/24');
    expect(n.status?.addresses?.[0].address).toBe('192.168.1.5');
    expect((await s.run('sandbox node remove worker3')).code).toBe(0);
    expect((await s.run('kubectl get node worker3')).stderr).toBe('Error from server (NotFound): nodes "worker3" not found\n');
    s.cluster.stop();
  });

  it('kills a container and the kubelet restarts it', async () => {
    const s = createSandbox();
    await s.run('kubectl run web --image=nginx');
    await s.run('sleep 20');
    expect((await s.run('sandbox kill web --exit-code 2')).stdout).toBe('container "web" in pod "web" killed (exit code 2)\n');
    await s.run('sleep 20');
    const out = (await s.run('kubectl get pod web --no-headers')).stdout;
    expect(out).toMatch(/^web\s+1\/1\s+Running\s+1 \(\d+s ago\)/);
    s.cluster.stop();
  });

  it('makes pulls slow or failing until reset', async () => {
    const s = createSandbox();
    await s.run('sandbox image fail busybox');
    await s.run('kubectl run bb --image=busybox -- sleep 3600');
    await s.run('sleep 5');
    expect((await s.run('kubectl get pod bb --no-headers')).stdout).toMatch(/ErrImagePull|ImagePullBackOff/);
    await s.run('sandbox image reset');
    await s.run('sandbox image slow redis --seconds 40');
    await s.run('kubectl run r --image=redis');
    await s.run('sleep 35');
    expect((await s.run('kubectl get pod r --no-headers')).stdout).toMatch(/ContainerCreating/);
    await s.run('sleep 10');
    expect((await s.run('kubectl get pod r --no-headers')).stdout).toMatch(/Running/);
    s.cluster.stop();
  });
});
