import { describe, it, expect } from 'vitest';
import { setup } from './testdata/harness';

describe('kubelet: graceful termination', () => {
  it('nginx stops quickly on delete and the pod object is removed', () => {
    const h = setup();
    h.run({ containers: [{ name: 'web', image: 'nginx' }] });
    h.until(() => h.pod().status?.phase === 'Running', 20);
    h.api.client.delete('pods', 'default', 'web');
    h.advance(0.05);
    expect(h.api.events.at(-1)).toMatchObject({ reason: 'Killing', message: 'Stopping container web' });
    h.advance(2);
    expect(h.api.client.tryGet('pods', 'default', 'web')).toBeUndefined();
  });

  it('a sleep that ignores SIGTERM is killed at the grace deadline with 137', () => {
    const h = setup();
    h.run({ terminationGracePeriodSeconds: 10, containers: [{ name: 'bb', image: 'busybox', command: ['sleep', '3600'] }] }, 'sleeper');
    h.until(() => h.pod('sleeper').status?.phase === 'Running', 20);
    let last: unknown;
    h.api.client.watch('pods', 'default').onEvent((e) => { if (e.type === 'MODIFIED') last = e.object; });
    h.api.client.delete('pods', 'default', 'sleeper');
    h.advance(9);
    expect(h.pod('sleeper').status?.phase).toBe('Running');
    h.advance(1.5);
    expect(h.api.client.tryGet('pods', 'default', 'sleeper')).toBeUndefined();
    const st = (last as { status: { phase: string; containerStatuses: { state: { terminated: { exitCode: number; reason: string } } }[] } }).status;
    expect(st.phase).toBe('Failed');
    expect(st.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
  });

  it('preStop hooks run before SIGTERM', () => {
    const h = setup();
    h.run({ containers: [{ name: 'bb', image: 'busybox', command: ['sh', '-c', 'sleep 3600'], lifecycle: { preStop: { exec: { command: ['sh', '-c', 'echo bye > /tmp/x'] } } } }] }, 'hook');
    h.until(() => h.pod('hook').status?.phase === 'Running', 20);
    const before = h.kubelet.container('default', 'hook');
    expect(before?.process.exec(['cat', '/tmp/x']).exitCode).toBe(1);
    h.api.client.delete('pods', 'default', 'hook', { gracePeriodSeconds: 5 });
    expect(before?.process.exec(['cat', '/tmp/x']).stdout).toBe('bye\n');
  });
});

describe('kubelet: pod IPs', () => {
  it('allocates round-robin from the podCIDR, releases on delete, and uses the node IP for hostNetwork', () => {
    const h = setup();
    for (const n of ['a', 'b', 'c']) h.run({ containers: [{ name: 'c', image: 'nginx' }] }, n);
    h.run({ hostNetwork: true, containers: [{ name: 'c', image: 'nginx' }] }, 'host');
    h.advance(30);
    // Sandboxes finish in their own order, so addresses go out in that order.
    expect(['a', 'b', 'c'].map((n) => h.pod(n).status?.podIP).sort()).toEqual(['10.244.1.2', '10.244.1.3', '10.244.1.4']);
    expect(h.pod('host').status?.podIP).toBe('192.168.1.3');
    const ipB = h.pod('b').status!.podIP!;
    expect(h.kubelet.podByIP(ipB)).toEqual({ namespace: 'default', name: 'b' });
    h.api.client.delete('pods', 'default', 'b', { gracePeriodSeconds: 0 });
    expect(h.kubelet.podByIP(ipB)).toBeUndefined();
    h.run({ containers: [{ name: 'c', image: 'nginx' }] }, 'd');
    h.advance(5);
    expect(h.pod('d').status?.podIP).toBe('10.244.1.5');
  });
});

describe('kubelet: init containers and fault injection', () => {
  it('runs init containers in order before the app container', () => {
    const h = setup();
    h.run({ initContainers: [{ name: 'init', image: 'busybox', command: ['sh', '-c', 'echo init done; sleep 5'] }], containers: [{ name: 'web', image: 'nginx' }] });
    h.until(() => h.pod().status?.initContainerStatuses?.[0].state?.running !== undefined, 20);
    let st = h.pod().status!;
    expect(st.phase).toBe('Pending');
    expect(st.containerStatuses?.[0].state?.waiting?.reason).toBe('PodInitializing');
    expect(st.conditions?.find((c) => c.type === 'Initialized')).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [init]' });
    h.until(() => h.pod().status?.phase === 'Running', 30);
    st = h.pod().status!;
    expect(st.initContainerStatuses?.[0]).toMatchObject({ ready: true, started: false, state: { terminated: { exitCode: 0, reason: 'Completed' } } });
    expect(h.kubelet.logs('default', 'web', { container: 'init' })).toEqual({ text: 'init done\n' });
  });

  it('killContainer makes a container exit and restart', () => {
    const h = setup();
    h.run({ containers: [{ name: 'web', image: 'nginx' }] });
    h.until(() => h.pod().status?.phase === 'Running', 20);
    expect(h.kubelet.killContainer('default', 'web', 'web', 137, 'OOMKilled')).toBe(true);
    h.until(() => h.pod().status?.containerStatuses?.[0].restartCount === 1, 10);
    h.until(() => h.pod().status?.containerStatuses?.[0].ready === true, 10);
    expect(h.pod().status?.containerStatuses?.[0].lastState?.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
  });
});

describe('kubelet: spec changes', () => {
  it('restarts a container whose image changed and fixes an ImagePullBackOff', () => {
    const h = setup();
    h.run({ containers: [{ name: 'web', image: 'nginxx' }] });
    h.until(() => h.pod().status?.containerStatuses?.[0].state?.waiting?.reason === 'ImagePullBackOff', 10);
    const fix = (image: string) => {
      const p = JSON.parse(JSON.stringify(h.pod()));
      p.spec.containers[0].image = image;
      h.api.client.update('pods', 'default', p);
    };
    fix('nginx:1.26');
    h.until(() => h.pod().status?.phase === 'Running', 20);
    expect(h.pod().status?.containerStatuses?.[0].image).toBe('docker.io/library/nginx:1.26');
    fix('nginx:1.27');
    h.until(() => h.pod().status?.containerStatuses?.[0].image === 'docker.io/library/nginx:1.27' && h.pod().status?.containerStatuses?.[0].ready === true, 30);
    expect(h.pod().status?.containerStatuses?.[0].restartCount).toBe(1);
    expect(h.api.events.some((e) => e.message === 'Container web definition changed, will be restarted')).toBe(true);
  });
});
