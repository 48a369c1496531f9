import { describe, it, expect } from 'vitest';
import { createCluster } from '../../../cluster';
import { createTimeDriver, NEVER_INTERRUPTED } from '../../../util';
import { createVfs } from '../../../vfs';
import { createKubectl } from '../../index';

async function setup() {
  const c = createCluster({});
  const fs = createVfs();
  const time = createTimeDriver(c.clock, 'manual');
  const k = createKubectl({ client: c.client, registry: c.api.registry, clock: c.clock });
  const run = async (args: string[]) => {
    let out = '';
    let err = '';
    const code = await k({ argv: ['kubectl', ...args], stdin: '', stdout: (s) => { out += s; }, stderr: (s) => { err += s; }, env: {}, cwd: fs.home, fs, time, interrupt: NEVER_INTERRUPTED, isTTY: false });
    return { out, err, code };
  };
  const rs = c.client.create('replicasets.apps', 'default', {
    apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-1' },
    spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
  });
  c.client.create('pods', 'default', {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: 'web-1-abcde', labels: { app: 'web' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-1', uid: rs.metadata.uid!, controller: true }] },
    spec: { nodeName: 'worker', containers: [{ name: 'c', image: 'nginx' }] },
  });
  c.advance(10_000);
  return { c, run };
}

describe('kubectl drain', () => {
  it('refuses DaemonSet pods without --ignore-daemonsets, then evicts and waits', async () => {
    const { c, run } = await setup();
    const proxy = c.client.list('pods', 'kube-system').find((p) => p.metadata.name?.startsWith('kube-proxy') && (p.spec as { nodeName?: string }).nodeName === 'worker')!;
    const first = await run(['drain', 'worker']);
    expect(first.code).toBe(1);
    expect(first.out).toBe('node/worker cordoned\n');
    expect(first.err).toBe(`error: unable to drain node "worker" due to error: cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/${proxy.metadata.name}, continuing command...\nThere are pending nodes to be drained:\n worker\ncannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/${proxy.metadata.name}\n`);
    const second = await run(['drain', 'worker', '--ignore-daemonsets']);
    expect(second.err).toBe(`Warning: ignoring DaemonSet-managed Pods: kube-system/${proxy.metadata.name}\n`);
    const lines = second.out.split('\n');
    expect(lines[0]).toBe('node/worker already cordoned');
    expect(lines).toContain('evicting pod default/web-1-abcde');
    expect(lines).toContain('pod/web-1-abcde evicted');
    expect(lines.indexOf('evicting pod default/web-1-abcde')).toBeLessThan(lines.indexOf('pod/web-1-abcde evicted'));
    expect(lines.slice(-2)).toEqual(['node/worker drained', '']);
    expect(c.client.tryGet('pods', 'default', 'web-1-abcde')).toBeUndefined();
    expect((await run(['uncordon', 'worker'])).out).toBe('node/worker uncordoned\n');
  });
});
