import { describe, it, expect } from 'vitest';
import { createHarness } from '../../testing/harness';

describe('kubectl run', () => {
  it('prints the pod exactly as kubectl --dry-run=client -o yaml does', async () => {
    const h = createHarness();
    expect((await h.kubectl('run nginx --image=nginx --dry-run=client -o yaml')).out).toBe(`apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    run: nginx
  name: nginx
spec:
  containers:
  - image: nginx
    name: nginx
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
`);
  });

  it('--expose creates a ClusterIP Service selecting the pod, printed before the pod as upstream does', async () => {
    const h = createHarness();
    expect((await h.kubectl('run cluster-ip --image nginx --expose --port 80')).out).toBe('service/cluster-ip created\npod/cluster-ip created\n');
    const svc = h.client.get('services', 'default', 'cluster-ip');
    expect(svc.spec).toMatchObject({ ports: [{ protocol: 'TCP', port: 80, targetPort: 80 }], selector: { run: 'cluster-ip' } });
    const yaml = (await h.kubectl('run web --image nginx --expose --port 80 --labels=app=web --dry-run=client -o yaml')).out;
    expect(yaml).toContain('  labels:\n    app: web\n  name: web\nspec:\n  ports:');
    expect(yaml).toContain('  loadBalancer: {}\n---\n---\napiVersion: v1\nkind: Pod\n');
  });

  it('maps --port, --env, --labels, --restart and args after --', async () => {
    const h = createHarness();
    const r = await h.kubectl('run bb --image=busybox --port=8080 --env=A=1 --labels=app=bb,tier=x --restart=Never --dry-run=client -o json -- sleep 3600');
    const pod = JSON.parse(r.out);
    expect(pod.metadata.labels).toEqual({ app: 'bb', tier: 'x' });
    expect(pod.spec.restartPolicy).toBe('Never');
    expect(pod.spec.containers[0]).toEqual({ args: ['sleep', '3600'], env: [{ name: 'A', value: '1' }], image: 'busybox', name: 'bb', ports: [{ containerPort: 8080 }], resources: {} });
    const c = JSON.parse((await h.kubectl('run bb --image=busybox --command --dry-run=client -o json -- sleep 1')).out);
    expect(c.spec.containers[0].command).toEqual(['sleep', '1']);
  });

  it('creates the pod and reports AlreadyExists', async () => {
    const h = createHarness();
    expect(await h.kubectl('run web --image=nginx')).toEqual({ code: 0, out: 'pod/web created\n', err: '' });
    expect(h.client.get('pods', 'default', 'web').metadata.labels).toEqual({ run: 'web' });
    expect((await h.kubectl('run web --image=nginx')).err).toBe('Error from server (AlreadyExists): pods "web" already exists\n');
  });

  it('explains the removed --generator flag and a missing --image', async () => {
    const h = createHarness();
    const r = await h.kubectl('run web --image=nginx --generator=run-pod/v1');
    expect(r.code).toBe(1);
    expect(r.err.split('\n').slice(0, 2)).toEqual(['error: unknown flag: --generator', "See 'kubectl run --help' for usage."]);
    expect(r.err.split('\n')[2]).toMatch(/^hint: --generator was removed in kubectl 1\.18/);
    expect((await h.kubectl('run web')).err).toBe('error: required flag(s) "image" not set\n');
  });
});
