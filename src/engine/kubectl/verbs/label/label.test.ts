import { describe, it, expect } from 'vitest';
import { createHarness } from '../../testing/harness';

function setup() {
  const h = createHarness();
  h.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
  return h;
}

describe('kubectl label / annotate', () => {
  it('adds, refuses to overwrite without --overwrite, overwrites and removes', async () => {
    const h = setup();
    expect((await h.kubectl('label pod web tier=fe')).out).toBe('pod/web labeled\n');
    expect(await h.kubectl('label pods web app=other')).toEqual({ code: 1, out: '', err: "error: 'app' already has a value (web), and --overwrite is false\n" });
    expect((await h.kubectl('label pod/web app=other --overwrite')).out).toBe('pod/web labeled\n');
    expect((await h.kubectl('label pod web tier-')).out).toBe('pod/web unlabeled\n');
    expect(h.client.get('pods', 'default', 'web').metadata.labels).toEqual({ app: 'other' });
    expect((await h.kubectl('label pod web app=other')).out).toBe('pod/web not labeled\n');
    expect((await h.kubectl('label pod web')).err).toBe('error: at least one label update is required\n');
    expect((await h.kubectl('label')).err).toBe('error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n');
  });

  it('labels everything matched by -l or --all', async () => {
    const h = setup();
    h.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'default' } });
    h.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b', namespace: 'default' } });
    expect((await h.kubectl('label cm --all team=x')).out).toBe('configmap/a labeled\nconfigmap/b labeled\n');
    expect((await h.kubectl('label pods -l app=web env=prod')).out).toBe('pod/web labeled\n');
  });

  it('annotates and removes annotations', async () => {
    const h = setup();
    expect((await h.kubectl(['annotate', 'pod', 'web', 'description=my web server'])).out).toBe('pod/web annotated\n');
    expect(h.client.get('pods', 'default', 'web').metadata.annotations).toEqual({ description: 'my web server' });
    expect((await h.kubectl('annotate pod web description-')).out).toBe('pod/web annotated\n');
    expect(h.client.get('pods', 'default', 'web').metadata.annotations ?? {}).toEqual({});
  });
});
