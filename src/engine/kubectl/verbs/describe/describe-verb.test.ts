import { describe, it, expect } from 'vitest';
import { createHarness } from '../../testing/harness';

function setup() {
  const h = createHarness();
  for (const name of ['web', 'worker']) {
    h.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
  }
  return h;
}

describe('kubectl describe', () => {
  it('describes by exact name, TYPE/NAME and name prefix', async () => {
    const h = setup();
    const exact = await h.kubectl('describe pod web');
    expect(exact.code).toBe(0);
    expect(exact.out).toMatch(/^Name: +web\nNamespace: +default\n/);
    expect((await h.kubectl('describe pod/web')).out).toBe(exact.out);
    const prefix = await h.kubectl('describe pod w');
    expect(prefix.out.match(/^Name: /gm)?.length).toBe(2);
    expect(prefix.out).toMatch(/\n\n\nName: +worker\n|\n\nName: +worker\n/);
  });

  it('reports missing objects and empty namespaces', async () => {
    const h = setup();
    expect(await h.kubectl('describe pod nope')).toEqual({ code: 1, out: '', err: 'Error from server (NotFound): pods "nope" not found\n' });
    expect((await h.kubectl('describe deploy')).err).toBe('No resources found in default namespace.\n');
    expect((await h.kubectl('describe pods -l app=worker')).out).toMatch(/^Name: +worker\n/);
  });
});
