import { describe, it, expect } from 'vitest';
import { setup } from './testdata/harness';

const waiting = (h: ReturnType<typeof setup>, name = 'web') => h.pod(name).status?.containerStatuses?.[0].state?.waiting;

describe('kubelet: image pull failures', () => {
  it('nginxx → ErrImagePull → ImagePullBackOff with doubling back-off', () => {
    const h = setup();
    h.run({ containers: [{ name: 'web', image: 'nginxx' }] });
    h.until(() => waiting(h)?.reason === 'ErrImagePull', 10);
    const err = 'failed to pull and unpack image "docker.io/library/nginxx:latest": failed to resolve reference "docker.io/library/nginxx:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed';
    expect(waiting(h)?.message).toBe(err);
    h.until(() => waiting(h)?.reason === 'ImagePullBackOff', 5);
    expect(waiting(h)?.message).toBe(`Back-off pulling image "nginxx": ErrImagePull: ${err}`);
    const msgs = h.api.events.map((e) => `${e.type} ${e.reason} ${e.message}`);
    expect(msgs).toEqual([
      'Normal Pulling Pulling image "nginxx"',
      `Warning Failed Failed to pull image "nginxx": ${err}`,
      'Warning Failed Error: ErrImagePull',
      'Normal BackOff Back-off pulling image "nginxx"',
      'Warning Failed Error: ImagePullBackOff',
    ]);
    expect(h.kubelet.logs('default', 'web', {})).toEqual({ error: expect.objectContaining({ message: 'container "web" in pod "web" is waiting to start: trying and failing to pull image' }) });
    // Retries come 10 s, then 20 s, then 40 s after each failed pull.
    const pulls = () => h.api.events.filter((e) => e.reason === 'Pulling').map((e) => e.t);
    h.advance(120);
    const t = pulls();
    expect(t.length).toBe(4);
    const gaps = t.slice(1).map((x, i) => Math.round((x - t[i]) / 1000));
    expect(gaps[0]).toBeGreaterThanOrEqual(10); expect(gaps[0]).toBeLessThan(13);
    expect(gaps[1]).toBeGreaterThanOrEqual(20); expect(gaps[1]).toBeLessThan(23);
    expect(gaps[2]).toBeGreaterThanOrEqual(40); expect(gaps[2]).toBeLessThan(43);
    expect(h.pod().status?.phase).toBe('Pending');
  });

  it('a missing tag says not found; Never without the image is ErrImageNeverPull', () => {
    const h = setup();
    h.run({ containers: [{ name: 'web', image: 'nginx:1.999' }] });
    h.until(() => waiting(h)?.reason === 'ErrImagePull', 10);
    expect(waiting(h)?.message).toBe('failed to pull and unpack image "docker.io/library/nginx:1.999": failed to resolve reference "docker.io/library/nginx:1.999": docker.io/library/nginx:1.999: not found');
    h.run({ containers: [{ name: 'web', image: 'redis', imagePullPolicy: 'Never' }] }, 'r');
    h.advance(2);
    expect(waiting(h, 'r')).toEqual({ reason: 'ErrImageNeverPull', message: 'Container image "redis" is not present with pull policy of Never' });
  });
});

describe('kubelet: restarts', () => {
  it('busybox without a command completes and goes into CrashLoopBackOff with growing back-off', () => {
    const h = setup();
    h.run({ containers: [{ name: 'bb', image: 'busybox' }] }, 'bb');
    h.until(() => (h.pod('bb').status?.containerStatuses?.[0].restartCount ?? 0) >= 1, 20);
    h.until(() => waiting(h, 'bb')?.reason === 'CrashLoopBackOff', 5);
    const cs = h.pod('bb').status!.containerStatuses![0];
    const uid = h.pod('bb').metadata!.uid;
    expect(cs.restartCount).toBe(1);
    expect(cs.state?.waiting?.message).toBe(`back-off 10s restarting failed container=bb pod=bb_default(${uid})`);
    expect(cs.lastState?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(h.pod('bb').status?.phase).toBe('Running');
    expect(h.api.events.some((e) => e.message === `Back-off restarting failed container bb in pod bb_default(${uid})`)).toBe(true);
    h.until(() => waiting(h, 'bb')?.message?.startsWith('back-off 20s') === true, 30);
    expect(h.pod('bb').status!.containerStatuses![0].restartCount).toBe(2);
    h.until(() => waiting(h, 'bb')?.message?.startsWith('back-off 40s') === true, 40);
    h.advance(600);
    expect(waiting(h, 'bb')?.message).toMatch(/^back-off 5m0s restarting/);
    expect(h.kubelet.logs('default', 'bb', { previous: true })).toEqual({ text: '' });
  });

  it('luksa/batch-job with OnFailure runs 120 s and Succeeds', () => {
    const h = setup();
    h.run({ restartPolicy: 'OnFailure', containers: [{ name: 'main', image: 'luksa/batch-job' }] }, 'job');
    h.until(() => h.pod('job').status?.phase === 'Running', 30);
    h.advance(100);
    expect(h.pod('job').status?.phase).toBe('Running');
    h.until(() => h.pod('job').status?.phase === 'Succeeded', 30);
    const st = h.pod('job').status!;
    expect(st.containerStatuses![0].state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(st.conditions?.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'PodCompleted' });
    const logs = h.kubelet.logs('default', 'job', {});
    if ('error' in logs) throw new Error('unexpected');
    expect(logs.text).toMatch(/^Mon Mar 10 09:00:\d\d UTC 2025 Batch job starting\nMon Mar 10 09:02:\d\d UTC 2025 Finished succesfully\n$/);
  });

  it('kubia-unhealthy fails its liveness probe and is restarted (exit 137)', () => {
    const h = setup();
    h.run({ containers: [{ name: 'kubia', image: 'luksa/kubia-unhealthy', livenessProbe: { httpGet: { path: '/', port: 8080 } } }] }, 'kubia-liveness');
    h.until(() => (h.pod('kubia-liveness').status?.containerStatuses?.[0].restartCount ?? 0) >= 1, 200);
    const cs = h.pod('kubia-liveness').status!.containerStatuses![0];
    expect(cs.lastState?.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    const ev = h.api.events.map((e) => `${e.reason}: ${e.message}`);
    expect(ev).toContain('Unhealthy: Liveness probe failed: HTTP probe failed with statuscode: 500');
    expect(ev).toContain('Killing: Container kubia failed liveness probe, will be restarted');
    const prev = h.kubelet.logs('default', 'kubia-liveness', { previous: true });
    if ('error' in prev) throw new Error('unexpected');
    expect(prev.text.split('\n').slice(0, 2)).toEqual(['Kubia server starting...', 'Received request from ::ffff:10.244.1.1']);
  });

  it('readiness follows an exec probe on a file', () => {
    const h = setup();
    h.run({ containers: [{ name: 'c', image: 'busybox', args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
      readinessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, periodSeconds: 5 } }] }, 'ready');
    h.until(() => h.pod('ready').status?.containerStatuses?.[0].ready === true, 20);
    h.until(() => h.pod('ready').status?.containerStatuses?.[0].ready === false, 60);
    expect(h.pod('ready').status?.conditions?.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [c]' });
    expect(h.api.events.some((e) => e.message === "Readiness probe failed: cat: can't open '/tmp/healthy': No such file or directory")).toBe(true);
    expect(h.pod('ready').status?.phase).toBe('Running');
  });
});

describe('kubelet: container config', () => {
  it('waits in CreateContainerConfigError until the ConfigMap exists, then passes env to the program', () => {
    const h = setup();
    h.run({ containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'echo color=$COLOR pass=$PASS; sleep 3600'],
      env: [{ name: 'COLOR', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'color' } } }, { name: 'PASS', valueFrom: { secretKeyRef: { name: 's', key: 'p' } } }] }] }, 'envpod');
    h.until(() => waiting(h, 'envpod')?.reason === 'CreateContainerConfigError', 20);
    expect(waiting(h, 'envpod')?.message).toBe('configmap "cfg" not found');
    expect(h.api.events.at(-1)).toMatchObject({ type: 'Warning', reason: 'Failed', message: 'Error: configmap "cfg" not found' });
    h.api.client.create('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { colour: 'x' } });
    h.until(() => waiting(h, 'envpod')?.message === "couldn't find key color in ConfigMap default/cfg", 30);
    h.api.client.update('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: { color: 'blue' } });
    h.api.client.create('secrets', 'default', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { p: 'czNjcjN0' } });
    h.until(() => h.pod('envpod').status?.phase === 'Running', 30);
    expect(h.kubelet.logs('default', 'envpod', {})).toEqual({ text: 'color=blue pass=s3cr3t\n' });
  });
});

describe('kubelet: volumes', () => {
  it('stays ContainerCreating with FailedMount until the ConfigMap exists, then mounts its files', () => {
    const h = setup();
    h.run({ volumes: [{ name: 'conf', configMap: { name: 'web-conf' } }], containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'], volumeMounts: [{ name: 'conf', mountPath: '/etc/conf' }] }] }, 'vol');
    h.advance(5);
    expect(waiting(h, 'vol')?.reason).toBe('ContainerCreating');
    expect(h.api.events.find((e) => e.reason === 'FailedMount')?.message).toBe('MountVolume.SetUp failed for volume "conf" : configmap "web-conf" not found');
    h.api.client.create('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web-conf' }, data: { 'app.properties': 'x=1\n' } });
    h.until(() => h.pod('vol').status?.phase === 'Running', 30);
    expect(h.kubelet.container('default', 'vol')?.process.exec(['cat', '/etc/conf/app.properties']).stdout).toBe('x=1\n');
  });
});

describe('kubelet: OOM, startup probes and sidecars', () => {
  it('polinux/stress over its memory limit is OOMKilled and restarted', () => {
    const h = setup();
    h.run({ containers: [{ name: 'memory-demo-2-ctr', image: 'polinux/stress', resources: { requests: { memory: '50Mi' }, limits: { memory: '100Mi' } },
      command: ['stress'], args: ['--vm', '1', '--vm-bytes', '250M', '--vm-hang', '1'] }] }, 'memory-demo-2');
    h.until(() => (h.pod('memory-demo-2').status?.containerStatuses?.[0].restartCount ?? 0) >= 1, 60);
    const st = h.pod('memory-demo-2').status!;
    expect(st.qosClass).toBe('Burstable');
    expect(st.containerStatuses![0].lastState?.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
  });

  it('a startup probe gates liveness and readiness', () => {
    const h = setup();
    h.run({ containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'sleep 20; touch /tmp/started; sleep 3600'],
      startupProbe: { exec: { command: ['cat', '/tmp/started'] }, periodSeconds: 5, failureThreshold: 10 } }] }, 'slow');
    h.until(() => h.pod('slow').status?.phase === 'Running', 20);
    expect(h.pod('slow').status?.containerStatuses?.[0]).toMatchObject({ started: false, ready: false });
    h.until(() => h.pod('slow').status?.containerStatuses?.[0].started === true, 40);
    expect(h.pod('slow').status?.containerStatuses?.[0].ready).toBe(true);
    expect(h.api.events.filter((e) => e.reason === 'Unhealthy')[0]?.message).toBe("Startup probe failed: cat: can't open '/tmp/started': No such file or directory");
  });

  it('a sidecar init container (restartPolicy Always) keeps running beside the app', () => {
    const h = setup();
    h.run({ initContainers: [{ name: 'log', image: 'busybox', restartPolicy: 'Always', command: ['sh', '-c', 'while true; do echo tick; sleep 5; done'] }],
      containers: [{ name: 'web', image: 'nginx' }] }, 'side');
    h.until(() => h.pod('side').status?.phase === 'Running' && h.pod('side').status?.containerStatuses?.[0].ready === true, 40);
    expect(h.pod('side').status?.initContainerStatuses?.[0]).toMatchObject({ ready: true, started: true, state: { running: expect.anything() } });
    expect(h.pod('side').status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
  });
});
