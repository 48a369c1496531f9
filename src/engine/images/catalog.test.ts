import { describe, it, expect } from 'vitest';
import { createImageCatalog } from './catalog';

const cat = createImageCatalog();

describe('image catalog', () => {
  it('normalizes Docker Hub names and pins a stable digest', () => {
    const r = cat.resolve('nginx');
    expect(r.ok && r.ref).toBe('docker.io/library/nginx:latest');
    expect(r.ok && r.sizeBytes).toBe(72188133);
    const again = cat.resolve('docker.io/library/nginx:latest');
    expect(r.ok && again.ok && r.digest === again.digest).toBe(true);
    expect(r.ok && r.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(cat.resolve('nginx:1.27-alpine').ok).toBe(true);
    expect(cat.resolve('luksa/kubia:v2').ok).toBe(true);
    expect(cat.resolve('registry.k8s.io/pause:3.10').ok).toBe(true);
  });

  it('answers like a real registry for misspelt names, missing tags and unknown hosts', () => {
    expect(cat.resolve('nginxx')).toEqual({ ok: false, reason: 'NotFound', message: 'failed to pull and unpack image "docker.io/library/nginxx:latest": failed to resolve reference "docker.io/library/nginxx:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed' });
    expect(cat.resolve('nginx:1.999')).toMatchObject({ ok: false, reason: 'ManifestUnknown', message: expect.stringMatching(/docker\.io\/library\/nginx:1\.999: not found$/) });
    expect(cat.resolve('luksa/kubia:v9')).toMatchObject({ ok: false, reason: 'ManifestUnknown' });
    expect(cat.resolve('registry.k8s.io/pause')).toMatchObject({ ok: false, reason: 'ManifestUnknown' });
    expect(cat.resolve('myregistry.example.com/app:1.0')).toMatchObject({ ok: false, reason: 'NoSuchHost', message: expect.stringContaining('dial tcp: lookup myregistry.example.com on 192.168.1.1:53: no such host') });
    expect(cat.resolve('NGINX')).toMatchObject({ ok: false, reason: 'InvalidName', message: expect.stringContaining('repository name (library/NGINX) must be lowercase') });
  });

  it('lets any <user>/<repo> exist with latest and version tags, and official images with variants', () => {
    expect(cat.resolve('someone/webapp').ok).toBe(true);
    expect(cat.resolve('someone/webapp:v1.2').ok).toBe(true);
    expect(cat.resolve('someone/webapp:feature-x').ok).toBe(false);
    expect(cat.resolve('python:3.12-slim').ok).toBe(true);
    expect(cat.resolve('pythn').ok).toBe(false);
    expect(cat.resolve('foo/bar').ok).toBe(false);
  });
});
