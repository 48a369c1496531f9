import { describe, it, expect } from 'vitest';
import type { KObject } from '../../../types';
import { createHarness } from '../../testing/harness';

const pod = (name: string, labels: Record<string, string> = { app: name }, ns = 'default'): KObject => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns, labels },
  spec: { containers: [{ name: 'main', image: 'nginx' }] },
});
const svc = (name: string): KObject => ({
  apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' },
  spec: { selector: { app: name }, ports: [{ port: 80 }] },
});

async function setup() {
  const h = createHarness();
  h.create(pod('web'));
  h.create(pod('db-0', { app: 'db', tier: 'data' }));
  h.create(pod('dns', { k8s: 'dns' }, 'kube-system'));
  h.clock.advance(65_000);
  return h;
}

describe('kubectl get (tables)', () => {
  it('prints the server-side table with kubectl layout', async () => {
    const h = await setup();
    const r = await h.kubectl('get pods');
    expect(r).toEqual({
      code: 0, err: '',
      out: 'NAME   READY   STATUS    RESTARTS   AGE\ndb-0   0/1     Pending   0          65s\nweb    0/1     Pending   0          65s\n',
    });
  });

  it('adds NAMESPACE with -A, LABELS with --show-labels and -L columns', async () => {
    const h = await setup();
    const r = await h.kubectl('get po -A --show-labels -L tier');
    expect(r.out).toBe([
      'NAMESPACE     NAME   READY   STATUS    RESTARTS   AGE   TIER   LABELS',
      'default       db-0   0/1     Pending   0          65s   data   app=db,tier=data',
      'default       web    0/1     Pending   0          65s          app=web',
      'kube-system   dns    0/1     Pending   0          65s          k8s=dns',
      '',
    ].join('\n'));
  });

  it('shows priority-1 columns only with -o wide; --no-headers drops the header', async () => {
    const h = await setup();
    expect((await h.kubectl('get pod web -o wide')).out.split('\n')[0]).toBe('NAME   READY   STATUS    RESTARTS   AGE   IP       NODE     NOMINATED NODE   READINESS GATES');
    expect((await h.kubectl('get pods --no-headers')).out).toBe('db-0   0/1   Pending   0     65s\nweb    0/1   Pending   0     65s\n');
  });

  it('prefixes kind/ and separates type groups with a blank line', async () => {
    const h = await setup();
    h.create(svc('web'));
    const r = await h.kubectl('get pods,svc');
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('NAME       READY   STATUS    RESTARTS   AGE');
    expect(lines[1]).toMatch(/^pod\/db-0 {3}0\/1/);
    expect(lines[3]).toBe('');
    expect(lines[4]).toMatch(/^NAME {10}TYPE {8}CLUSTER-IP/);
    expect(lines[5]).toMatch(/^service\/web {3}ClusterIP/);
  });

  it('filters with -l and --field-selector', async () => {
    const h = await setup();
    expect((await h.kubectl('get pods -l tier=data -o name')).out).toBe('pod/db-0\n');
    expect((await h.kubectl('get pods --field-selector metadata.name=web -o name')).out).toBe('pod/web\n');
  });

  it('reports empty lists, unknown types and missing objects as kubectl does', async () => {
    const h = await setup();
    expect(await h.kubectl('get deploy')).toEqual({ code: 0, out: '', err: 'No resources found in default namespace.\n' });
    expect((await h.kubectl('get deploy -A')).err).toBe('No resources found\n');
    expect((await h.kubectl('get pv')).err).toBe('No resources found\n');
    expect(await h.kubectl('get foo')).toEqual({ code: 1, out: '', err: 'error: the server doesn\'t have a resource type "foo"\n' });
    const r = await h.kubectl('get pod web nope');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^NAME {3}READY/);
    expect(r.err).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(await h.kubectl('get pod nope --ignore-not-found')).toEqual({ code: 0, out: '', err: '' });
    expect((await h.kubectl('get pods -n kube-system -o name')).out).toBe('pod/dns\n');
  });

  it('sorts by a field with --sort-by', async () => {
    const h = await setup();
    h.create(pod('a-late'));
    const r = await h.kubectl('get pods --sort-by=.metadata.creationTimestamp -o name');
    expect(r.out).toBe('pod/db-0\npod/web\npod/a-late\n');
    const t = await h.kubectl('get pods --sort-by={.metadata.name}');
    expect(t.out.split('\n').map((l) => l.split(' ')[0])).toEqual(['NAME', 'a-late', 'db-0', 'web', '']);
  });
});

describe('kubectl get -o', () => {
  it('prints one object for TYPE NAME and a List otherwise', async () => {
    const h = await setup();
    const one = await h.kubectl('get pod/web -o yaml');
    expect(one.out).toMatch(/^apiVersion: v1\nkind: Pod\nmetadata:\n/);
    const list = await h.kubectl('get pods -o yaml');
    expect(list.out.startsWith('apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n')).toBe(true);
    expect(list.out.endsWith('kind: List\nmetadata:\n  resourceVersion: ""\n')).toBe(true);
    const json = JSON.parse((await h.kubectl('get pod web -o json')).out);
    expect(json.metadata.name).toBe('web');
  });

  it('supports jsonpath, custom-columns and their file forms', async () => {
    const h = await setup();
    expect((await h.kubectl(['get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}'])).out).toBe('db-0 web');
    expect((await h.kubectl(['get', 'pods', '-o', 'custom-columns=NAME:.metadata.name,APP:.metadata.labels.app'])).out)
      .toBe('NAME   APP\ndb-0   db\nweb    web\n');
    h.fs.writeFile(`${h.fs.home}/cols.txt`, 'NAME IMAGE\n.metadata.name .spec.containers[0].image\n');
    expect((await h.kubectl('get pod web -o custom-columns-file=cols.txt')).out).toBe('NAME   IMAGE\nweb    nginx\n');
  });

  it('rejects unknown formats with the allowed list', async () => {
    const h = await setup();
    const r = await h.kubectl('get pods -o foo');
    expect(r.err).toBe('error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n');
  });
});

describe('kubectl get -w', () => {
  it('prints the list, then one row per change, and stops after the idle period headless', async () => {
    const h = await setup();
    const start = h.clock.now();
    h.clock.after(5_000, () => { h.client.patch('pods', 'default', 'web', 'application/merge-patch+json', { metadata: { labels: { x: 'y' } } }); });
    h.clock.after(8_000, () => { h.create(pod('new-pod-with-long-name')); });
    const r = await h.kubectl('get pods -w');
    expect(r.out).toBe([
      'NAME   READY   STATUS    RESTARTS   AGE',
      'db-0   0/1     Pending   0          65s',
      'web    0/1     Pending   0          65s',
      'web    0/1     Pending   0          70s',
      'new-pod-with-long-name   0/1     Pending   0          0s',
      '',
    ].join('\n'));
    expect(h.clock.now() - start).toBe(8_000 + 60_000);
  });

  it('--watch-only with --output-watch-events prints EVENT rows only', async () => {
    const h = await setup();
    h.clock.after(1_000, () => { h.client.delete('pods', 'default', 'db-0', { gracePeriodSeconds: 0 }); });
    const r = await h.kubectl('get pods --watch-only --output-watch-events --request-timeout=10s');
    expect(r.out).toBe('EVENT     NAME   READY   STATUS    RESTARTS   AGE\nDELETED   db-0   0/1     Pending   0          66s\n');
  });
});

describe('kubectl get -w (more)', () => {
  it('watches a single named object and prints -o name per event', async () => {
    const h = await setup();
    h.clock.after(2_000, () => { h.client.patch('pods', 'default', 'db-0', 'application/merge-patch+json', { metadata: { labels: { x: '1' } } }); });
    h.clock.after(3_000, () => { h.client.patch('pods', 'default', 'web', 'application/merge-patch+json', { metadata: { labels: { x: '1' } } }); });
    const r = await h.kubectl('get pod web -w -o name --request-timeout=10s');
    expect(r.out).toBe('pod/web\npod/web\n');
  });
});

describe('kubectl get -w (interactive)', () => {
  it('runs until Ctrl-C in the browser host', async () => {
    const h = createHarness({ mode: 'interactive' });
    h.create(pod('web'));
    const done = h.kubectl('get pods -w');
    for (let i = 0; i < 5; i++) { h.clock.advance(60_000); h.time.poll(); await Promise.resolve(); }
    h.create(pod('late'));
    h.time.poll();
    await Promise.resolve();
    h.interrupt.fire();
    const r = await done;
    expect(r.code).toBe(130);
    expect(r.out).toBe('NAME   READY   STATUS    RESTARTS   AGE\nweb    0/1     Pending   0          0s\nlate   0/1     Pending   0          0s\n');
  });
});
