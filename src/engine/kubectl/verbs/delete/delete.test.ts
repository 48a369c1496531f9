import { describe, it, expect } from 'vitest';
import type { KObject } from '../../../types';
import { createHarness } from '../../testing/harness';

const boundPod = (name: string, labels: Record<string, string> = {}): KObject => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels },
  spec: { nodeName: 'node1', containers: [{ name: 'main', image: 'nginx' }] },
});

describe('kubectl delete', () => {
  it('waits for graceful deletion to finish, advancing virtual time', async () => {
    const h = createHarness();
    h.create(boundPod('web'));
    // Stand-in for the kubelet: once the pod is marked for deletion, finish it 3 s later.
    let scheduled = false;
    const stream = h.client.watch('pods', 'default');
    stream.onEvent((ev) => {
      if (!scheduled && ev.object.metadata.deletionTimestamp) {
        scheduled = true;
        h.clock.after(3_000, () => { h.client.delete('pods', 'default', 'web', { gracePeriodSeconds: 0 }); });
      }
    });
    const start = h.clock.now();
    expect(await h.kubectl('delete pod web')).toEqual({ code: 0, out: 'pod "web" deleted\n', err: '' });
    expect(h.clock.now() - start).toBe(3_000);
    expect(h.client.tryGet('pods', 'default', 'web')).toBeUndefined();
    stream.close();
  });

  it('--wait=false returns at once; --force --grace-period=0 warns and deletes immediately', async () => {
    const h = createHarness();
    h.create(boundPod('a'));
    h.create(boundPod('b'));
    expect((await h.kubectl('delete pod a --wait=false')).out).toBe('pod "a" deleted\n');
    expect(h.client.tryGet('pods', 'default', 'a')?.metadata.deletionTimestamp).toBeDefined();
    const r = await h.kubectl('delete pod b --force --grace-period=0');
    expect(r.err).toBe('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
    expect(h.client.tryGet('pods', 'default', 'b')).toBeUndefined();
  });

  it('deletes by label, by TYPE/NAME and from files; reports NotFound', async () => {
    const h = createHarness();
    h.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'one', namespace: 'default', labels: { app: 'x' } } });
    h.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'two', namespace: 'default', labels: { app: 'x' } } });
    h.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'three', namespace: 'default' } });
    expect((await h.kubectl('delete cm -l app=x')).out).toBe('configmap "one" deleted\nconfigmap "two" deleted\n');
    expect((await h.kubectl('delete cm -l app=x')).out).toBe('No resources found\n');
    expect((await h.kubectl('delete configmap/three')).out).toBe('configmap "three" deleted\n');
    expect(await h.kubectl('delete cm nope')).toEqual({ code: 1, out: '', err: 'Error from server (NotFound): configmaps "nope" not found\n' });
    expect(await h.kubectl('delete cm nope --ignore-not-found')).toEqual({ code: 0, out: '', err: '' });
    h.fs.writeFile(`${h.fs.home}/cm.yaml`, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: f\n');
    await h.kubectl('create -f cm.yaml');
    expect((await h.kubectl('delete -f cm.yaml')).out).toBe('configmap "f" deleted\n');
  });

  it('warns about boolean --cascade values and rejects bad ones', async () => {
    const h = createHarness();
    h.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' } });
    expect((await h.kubectl('delete cm c --cascade=false')).err).toBe('warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\n');
    expect((await h.kubectl('delete cm c --cascade=maybe')).err).toBe('error: invalid cascade value (maybe). Must be "background", "foreground", or "orphan".\n');
    expect((await h.kubectl('delete pods')).err).toBe('error: resource(s) were provided, but no name was specified\n');
  });
});
