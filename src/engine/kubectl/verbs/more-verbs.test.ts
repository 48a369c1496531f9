import { describe, it, expect } from 'vitest';
import { createHarness } from '../testing/harness';

function setup() {
  const h = createHarness();
  h.create({
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
    spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80 }] }] } } },
  });
  return h;
}
const spec = (h: ReturnType<typeof createHarness>) => h.client.get('deployments.apps', 'default', 'web').spec as { replicas: number; template: { spec: { containers: { image: string }[] } } };

describe('kubectl scale / set image / patch', () => {
  it('scales through the scale subresource', async () => {
    const h = setup();
    expect(await h.kubectl('scale deployment web --replicas=3')).toEqual({ code: 0, out: 'deployment.apps/web scaled\n', err: '' });
    expect(spec(h).replicas).toBe(3);
    expect((await h.kubectl('scale deploy/web --replicas=1 --current-replicas=2')).err).toBe('error: Expected replicas to be 2, was 3\n');
    expect((await h.kubectl('scale deploy/web')).err).toBe('error: required flag(s) "replicas" not set\n');
  });

  it('updates container images', async () => {
    const h = setup();
    expect((await h.kubectl('set image deployment/web nginx=nginx:1.27')).out).toBe('deployment.apps/web image updated\n');
    expect(spec(h).template.spec.containers[0].image).toBe('nginx:1.27');
    expect((await h.kubectl('set image deployment/web app=x')).err).toBe('error: unable to find container named "app"\n');
  });

  it('patches with strategic, merge and json patches', async () => {
    const h = setup();
    expect((await h.kubectl(['patch', 'deployment', 'web', '-p', '{"spec":{"replicas":2}}'])).out).toBe('deployment.apps/web patched\n');
    expect(spec(h).replicas).toBe(2);
    expect((await h.kubectl(['patch', 'deployment', 'web', '--type=merge', '-p', '{"spec":{"replicas":2}}'])).out).toBe('deployment.apps/web patched (no change)\n');
    expect((await h.kubectl(['patch', 'deploy', 'web', '--type=json', '-p', '[{"op":"replace","path":"/spec/replicas","value":4}]'])).out).toBe('deployment.apps/web patched\n');
    expect(spec(h).replicas).toBe(4);
  });
});

describe('kubectl expose / replace / cordon', () => {
  it('exposes a deployment with its selector and container port', async () => {
    const h = setup();
    expect((await h.kubectl('expose deployment web --port=80 --target-port=8080 --type=NodePort')).out).toBe('service/web exposed\n');
    const svc = h.client.get('services', 'default', 'web').spec as { selector: Record<string, string>; type: string; ports: { port: number; targetPort: number; protocol: string }[] };
    expect(svc.selector).toEqual({ app: 'web' });
    expect(svc.type).toBe('NodePort');
    expect(svc.ports[0]).toMatchObject({ port: 80, targetPort: 8080, protocol: 'TCP' });
    expect((await h.kubectl('expose deployment web --name=web2 --dry-run=client -o yaml')).out).toBe(`apiVersion: v1
kind: Service
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web2
spec:
  ports:
  - port: 80
    protocol: TCP
    targetPort: 80
  selector:
    app: web
status:
  loadBalancer: {}
`);
  });

  it('replaces from a file', async () => {
    const h = setup();
    h.fs.writeFile(`${h.fs.home}/cm.yaml`, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: "1"\n');
    await h.kubectl('create -f cm.yaml');
    h.fs.writeFile(`${h.fs.home}/cm.yaml`, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: "2"\n');
    expect((await h.kubectl('replace -f cm.yaml')).out).toBe('configmap/c replaced\n');
    expect(h.client.get('configmaps', 'default', 'c').data).toEqual({ a: '2' });
    expect((await h.kubectl('replace -f cm.yaml --force')).out).toBe('configmap "c" deleted\nconfigmap/c replaced\n');
  });

  it('cordons and uncordons nodes', async () => {
    const h = setup();
    h.create({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker' } });
    expect((await h.kubectl('cordon worker')).out).toBe('node/worker cordoned\n');
    expect((await h.kubectl('cordon worker')).out).toBe('node/worker already cordoned\n');
    expect((await h.kubectl('uncordon worker')).out).toBe('node/worker uncordoned\n');
  });
});

describe('kubectl --validate', () => {
  it('rejects unknown fields by default (fieldValidation=Strict), drops them with --validate=false and warns with --validate=warn', async () => {
    const h = createHarness();
    h.fs.writeFile(`${h.fs.home}/pod.yaml`, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: strict\nspec:\n  foo: bar\n  containers:\n  - name: a\n    image: nginx\n');
    const strict = 'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.foo"\n';
    expect((await h.kubectl('create -f pod.yaml')).err).toBe(`Error from server (BadRequest): error when creating "pod.yaml": ${strict}`);
    expect((await h.kubectl('apply -f pod.yaml')).err).toBe(`Error from server (BadRequest): error when creating "pod.yaml": ${strict}`);
    expect((await h.kubectl('create -f pod.yaml --validate=x')).err).toBe('error: invalid - validate option "x"; must be one of: strict (or true), warn, ignore (or false)\n');
    expect((await h.kubectl('create -f pod.yaml --validate=false')).out).toBe('pod/strict created\n');
    expect(h.client.get('pods', 'default', 'strict').spec).not.toHaveProperty('foo');
    h.client.delete('pods', 'default', 'strict', { gracePeriodSeconds: 0 });
    expect(await h.kubectl('create -f pod.yaml --validate=warn')).toEqual({ code: 0, out: 'pod/strict created\n', err: 'Warning: unknown field "spec.foo"\n' });
  });
});

describe('kubectl expose --selector', () => {
  it('uses --selector as the new Service selector, not to find the exposed object', async () => {
    const h = setup();
    expect((await h.kubectl('expose deployment web --port=80 --selector=tier=front --name=front')).out).toBe('service/front exposed\n');
    expect(h.client.get('services', 'default', 'front').spec).toMatchObject({ selector: { tier: 'front' } });
    expect((await h.kubectl('expose deployment web --port=80 --selector=app')).err).toBe('error: unexpected label spec: app\n');
  });
});

describe('kubectl get --raw and kubectl top', () => {
  it('prints the server\'s answer to a raw GET as kube-apiserver writes it', async () => {
    const h = createHarness();
    expect(await h.kubectl('get --raw /healthz')).toEqual({ code: 0, out: 'ok', err: '' });
    expect((await h.kubectl('get --raw /version')).out).toMatch(/^\{\n {2}"major": "1",\n/);
    expect((await h.kubectl('get --raw /api/v1/namespaces/default')).out).toMatch(/^\{"apiVersion":"v1","kind":"Namespace".*\}\n$/);
    expect(await h.kubectl('get --raw /api/v1/namespaces/default/pods/nope')).toEqual({ code: 1, out: '', err: 'Error from server (NotFound): pods "nope" not found\n' });
    expect((await h.kubectl('get --raw /nope')).err).toBe('Error from server (NotFound): the server could not find the requested resource\n');
    expect((await h.kubectl('get pods --raw /healthz')).err).toBe('error: arguments may not be passed when --raw is specified\n');
    expect((await h.kubectl('get --raw /healthz -o yaml')).err).toBe('error: --raw and --output are mutually exclusive\n');
  });

  it('says the Metrics API is not available, as on a cluster without metrics-server', async () => {
    const h = createHarness();
    for (const cmd of ['top node', 'top nodes', 'top pod -A', 'top po web']) {
      const r = await h.kubectl(cmd);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/^error: Metrics API not available\nhint: /);
    }
  });
});
