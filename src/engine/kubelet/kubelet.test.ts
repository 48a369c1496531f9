import { describe, it, expect } from 'vitest';
import { setup } from './testdata/harness';

const nginx = { containers: [{ name: 'web', image: 'nginx' }] };

describe('kubelet: nginx pod lifecycle', () => {
  it('goes ContainerCreating → Running 1/1 with the 1.32 events in order', () => {
    const h = setup();
    h.run(nginx);
    h.advance(0.2);
    let p = h.pod();
    expect(p.status?.phase).toBe('Pending');
    expect(p.status?.containerStatuses?.[0].state?.waiting?.reason).toBe('ContainerCreating');
    expect(p.status?.containerStatuses?.[0].image).toBe('nginx');
    expect(p.status?.hostIP).toBe('192.168.1.3');
    expect(p.status?.qosClass).toBe('BestEffort');
    h.advance(15);
    p = h.pod();
    expect(p.status?.phase).toBe('Running');
    const cs = p.status!.containerStatuses![0];
    expect(cs.ready).toBe(true);
    expect(cs.started).toBe(true);
    expect(cs.restartCount).toBe(0);
    expect(cs.image).toBe('docker.io/library/nginx:latest');
    expect(cs.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(cs.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(p.status?.podIP).toBe('10.244.1.2');
    expect(p.status?.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual(['PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True']);
    const ev = h.api.events.map((e) => `${e.reason}: ${e.message}`);
    expect(ev[0]).toBe('Pulling: Pulling image "nginx"');
    expect(ev[1]).toMatch(/^Pulled: Successfully pulled image "nginx" in \d+\.\d+s \(\d+\.\d+s including waiting\)\. Image size: 72188133 bytes\.$/);
    expect(ev.slice(2)).toEqual(['Created: Created container: web', 'Started: Started container web']);
    expect(h.api.events[0].fieldPath).toBe('spec.containers{web}');
    const startedAt = Date.parse(cs.state!.running!.startedAt!);
    const secs = (startedAt - Date.parse(p.metadata!.creationTimestamp!)) / 1000;
    expect(secs).toBeGreaterThan(4);
    expect(secs).toBeLessThan(10);
  });

  it('starts a second pod fast from the cache (IfNotPresent says already present)', () => {
    const h = setup();
    h.run({ containers: [{ name: 'web', image: 'nginx:1.25' }] });
    h.advance(20);
    h.run({ containers: [{ name: 'web', image: 'nginx:1.25' }] }, 'web2');
    h.advance(1.5);
    expect(h.pod('web2').status?.phase).toBe('Running');
    expect(h.pod('web2').status?.podIP).toBe('10.244.1.3');
    expect(h.api.events.filter((e) => e.pod === 'web2').map((e) => e.message)).toEqual(['Container image "nginx:1.25" already present on machine', 'Created container: web', 'Started container web']);
  });

  it('serves nginx logs with tail, timestamps and previous errors', () => {
    const h = setup();
    h.run(nginx);
    expect(h.kubelet.logs('default', 'web', {})).toEqual({ error: expect.objectContaining({ code: 400, message: 'container "web" in pod "web" is waiting to start: ContainerCreating' }) });
    h.advance(20);
    const all = h.kubelet.logs('default', 'web', {});
    if ('error' in all) throw new Error('unexpected');
    expect(all.text.split('\n')[0]).toBe('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
    expect(all.text).toMatch(/\[notice\] 1#1: nginx\/1\.27\.4\n/);
    const tail = h.kubelet.logs('default', 'web', { tailLines: 1, timestamps: true });
    if ('error' in tail) throw new Error('unexpected');
    expect(tail.text).toMatch(/^2025-03-10T09:00:\d\d\.\d+Z \d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[notice\] 1#1: start worker process 30\n$/);
    expect(h.kubelet.logs('default', 'web', { previous: true })).toEqual({ error: expect.objectContaining({ message: 'previous terminated container "web" in pod "web" not found' }) });
    expect(h.kubelet.logs('default', 'web', { limitBytes: 5 })).toEqual({ text: '/dock' });
  });

  it('follows logs until the container stops', () => {
    const h = setup();
    h.run({ restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'i=0; while [ $i -lt 3 ]; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done'] }] }, 'counter');
    h.until(() => h.pod('counter').status?.phase === 'Running');
    const r = h.kubelet.logs('default', 'counter', { follow: true });
    if ('error' in r) throw new Error(r.error.message);
    const chunks: string[] = [];
    let closed = false;
    r.stream?.onData((c) => chunks.push(c));
    r.stream?.onClose(() => { closed = true; });
    h.advance(10);
    const all = r.text + chunks.join('');
    expect(all).toMatch(/^0: Mon Mar 10 09:00:\d\d UTC 2025\n1: Mon Mar 10 09:00:\d\d UTC 2025\n2: Mon Mar 10 09:00:\d\d UTC 2025\n$/);
    expect(all.split('\n').filter(Boolean).map((l) => l.split(':')[0])).toEqual(['0', '1', '2']);
    expect(closed).toBe(true);
    expect(h.pod('counter').status?.phase).toBe('Succeeded');
  });
});
