import { describe, it, expect } from 'vitest';
import { createHarness } from '../../testing/harness';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
    tier: fe
spec:
  containers:
  - name: web
    image: nginx:1.25
`;

function setup() {
  const h = createHarness();
  const write = (name: string, text: string) => h.fs.writeFile(`${h.fs.home}/${name}`, text);
  return { h, write };
}

describe('kubectl apply', () => {
  it('creates with last-applied, then configures, then reports unchanged', async () => {
    const { h, write } = setup();
    write('pod.yaml', POD);
    expect(await h.kubectl('apply -f pod.yaml')).toEqual({ code: 0, out: 'pod/web created\n', err: '' });
    const live = h.client.get('pods', 'default', 'web');
    const last = live.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration'];
    // As kubectl writes it: an empty annotations map and the defaulted namespace are part of it.
    expect(last).toBe('{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"labels":{"app":"web","tier":"fe"},"name":"web","namespace":"default"},"spec":{"containers":[{"image":"nginx:1.25","name":"web"}]}}\n');
    expect(await h.kubectl('apply -f pod.yaml')).toEqual({ code: 0, out: 'pod/web unchanged\n', err: '' });
    write('pod.yaml', POD.replace('nginx:1.25', 'nginx:1.26').replace('    tier: fe\n', ''));
    expect(await h.kubectl('apply -f pod.yaml')).toEqual({ code: 0, out: 'pod/web configured\n', err: '' });
    const after = h.client.get('pods', 'default', 'web') as unknown as { metadata: { labels?: Record<string, string> }; spec: { containers: { image: string }[] } };
    expect(after.spec.containers[0].image).toBe('nginx:1.26');
    expect(after.metadata.labels).toEqual({ app: 'web' });
  });

  it('keeps fields set by others (not in last-applied) and warns when the annotation is missing', async () => {
    const { h, write } = setup();
    write('pod.yaml', POD);
    await h.kubectl('create -f pod.yaml');
    await h.kubectl('label pod web extra=1');
    const r = await h.kubectl('apply -f pod.yaml');
    expect(r.out).toBe('pod/web configured\n');
    expect(r.err).toBe('Warning: resource pods/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n');
    expect(h.client.get('pods', 'default', 'web').metadata.labels).toEqual({ app: 'web', tier: 'fe', extra: '1' });
  });

  it('tries every object, then reports several failures together, one line each (one alone in full)', async () => {
    const { h, write } = setup();
    h.fs.mkdir(`${h.fs.home}/many`);
    write('many/a.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  restartPolicy: onFailure\n  containers:\n  - name: c\n    image: nginx\n');
    write('many/b.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n');
    write('many/c.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: c\nspec:\n  template:\n    metadata:\n      labels: {app: c}\n    spec:\n      containers:\n      - {name: c, image: nginx}\n');
    const r = await h.kubectl('apply -f many');
    expect(r).toEqual({
      code: 1,
      out: 'configmap/b created\n',
      err: 'Error from server (Invalid): error when creating "many/a.yaml": Pod "a" is invalid: spec.restartPolicy: Unsupported value: "onFailure": supported values: "Always", "OnFailure", "Never"\n'
        + 'Error from server (Invalid): error when creating "many/c.yaml": Deployment.apps "c" is invalid: spec.selector: Required value\n',
    });
    expect((await h.kubectl('apply -f many/c.yaml')).err).toBe('The Deployment "c" is invalid: spec.selector: Required value\n');
  });

  it('applies multi-document files, Lists and directories', async () => {
    const { h, write } = setup();
    write('all.yaml', `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  namespace: shop\ndata:\n  a: "1"\n`);
    expect((await h.kubectl('apply -f all.yaml')).out).toBe('namespace/shop created\nconfigmap/cfg created\n');
    h.fs.mkdir(`${h.fs.home}/dir`);
    write('dir/a.yaml', `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: one\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: two\n`);
    write('dir/notes.txt', 'ignored');
    expect((await h.kubectl('apply -f dir')).out).toBe('configmap/one created\nconfigmap/two created\n');
    expect((await h.kubectl('apply -f -', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: three\n')).out).toBe('configmap/three created\n');
  });

  it('reports YAML errors with go-yaml wording', async () => {
    const { h, write } = setup();
    write('bad.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels: app: web\n');
    expect(await h.kubectl('apply -f bad.yaml')).toEqual({ code: 1, out: '', err: 'error: error parsing bad.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context\n' });
    write('tab.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: web\n');
    expect((await h.kubectl('create -f tab.yaml')).err).toBe('error: error parsing tab.yaml: error converting YAML to JSON: yaml: line 4: found character that cannot start any token\n');
    expect((await h.kubectl('apply -f nope.yaml')).err).toBe('error: the path "nope.yaml" does not exist\n');
  });

  it('explains removed API versions and unknown kinds', async () => {
    const { h, write } = setup();
    write('old.yaml', 'apiVersion: apps/v1beta1\nkind: Deployment\nmetadata:\n  name: old\n');
    expect((await h.kubectl('apply -f old.yaml')).err).toBe([
      'error: resource mapping not found for name: "old" namespace: "" from "old.yaml": no matches for kind "Deployment" in version "apps/v1beta1"',
      'ensure CRDs are installed first',
      'hint: apps/v1beta1 was removed in Kubernetes 1.16; use apiVersion: apps/v1 (and add spec.selector).',
      '',
    ].join('\n'));
    write('foo.yaml', 'apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n');
    expect((await h.kubectl('apply -f foo.yaml')).err).toBe('error: resource mapping not found for name: "x" namespace: "" from "foo.yaml": no matches for kind "Foo" in version "v1"\nensure CRDs are installed first\n');
    expect((await h.kubectl('apply -f https://example.com/x.yaml')).err).toMatch(/^error: unable to read URL "https:\/\/example.com\/x.yaml"[^\n]*\nhint: /);
  });
});

describe('kubectl create', () => {
  it('creates from files and reports AlreadyExists with the source', async () => {
    const { h, write } = setup();
    write('pod.yaml', POD);
    expect((await h.kubectl('create -f pod.yaml')).out).toBe('pod/web created\n');
    expect(await h.kubectl('create -f pod.yaml')).toEqual({ code: 1, out: '', err: 'Error from server (AlreadyExists): error when creating "pod.yaml": pods "web" already exists\n' });
  });

  it('creates namespaces, deployments and configmaps', async () => {
    const { h } = setup();
    expect((await h.kubectl('create namespace dev')).out).toBe('namespace/dev created\n');
    expect((await h.kubectl('create ns dev2 --dry-run=client -o yaml')).out).toBe('apiVersion: v1\nkind: Namespace\nmetadata:\n  creationTimestamp: null\n  name: dev2\nspec: {}\nstatus: {}\n');
    expect((await h.kubectl('create deployment web --image=nginx --replicas=3')).out).toBe('deployment.apps/web created\n');
    expect((h.client.get('deployments.apps', 'default', 'web').spec as { replicas: number }).replicas).toBe(3);
    expect((await h.kubectl('create configmap cfg --from-literal=a=1 --from-literal=b=2')).out).toBe('configmap/cfg created\n');
    expect(h.client.get('configmaps', 'default', 'cfg').data).toEqual({ a: '1', b: '2' });
    expect((await h.kubectl('create secret generic s --from-literal=password=hunter2')).out).toBe('secret/s created\n');
    expect(h.client.get('secrets', 'default', 's').data).toEqual({ password: 'aHVudGVyMg==' });
  });
});

describe('kubectl apply (lists with merge keys)', () => {
  it('removes a container dropped from the manifest and keeps the order', async () => {
    const { h, write } = setup();
    const dep = (containers: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
${containers}`;
    write('dep.yaml', dep('      - name: a\n        image: nginx\n      - name: b\n        image: busybox\n'));
    expect((await h.kubectl('apply -f dep.yaml')).out).toBe('deployment.apps/web created\n');
    write('dep.yaml', dep('      - name: b\n        image: busybox:1.36\n'));
    expect((await h.kubectl('apply -f dep.yaml')).out).toBe('deployment.apps/web configured\n');
    const spec = h.client.get('deployments.apps', 'default', 'web').spec as { template: { spec: { containers: { name: string; image: string }[] } } };
    expect(spec.template.spec.containers.map((c) => `${c.name}=${c.image}`)).toEqual(['b=busybox:1.36']);
    expect((await h.kubectl('apply -f dep.yaml')).out).toBe('deployment.apps/web unchanged\n');
  });
});

describe('kubectl create generators (server side)', () => {
  it('creates services, jobs and cronjobs', async () => {
    const { h } = setup();
    expect((await h.kubectl('create service nodeport web --tcp=80:8080')).out).toBe('service/web created\n');
    const svc = h.client.get('services', 'default', 'web').spec as { type: string; ports: { port: number; targetPort: number; nodePort?: number }[] };
    expect(svc.type).toBe('NodePort');
    expect(svc.ports[0]).toMatchObject({ port: 80, targetPort: 8080 });
    expect((await h.kubectl('create job hello --image=busybox -- echo hi')).out).toBe('job.batch/hello created\n');
    expect((await h.kubectl(['create', 'cronjob', 'tick', '--image=busybox', '--schedule=*/5 * * * *'])).out).toBe('cronjob.batch/tick created\n');
    expect((await h.kubectl('create job x')).err).toBe('error: either --image or --from must be specified\n');
  });
});
