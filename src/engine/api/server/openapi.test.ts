import { describe, it, expect } from 'vitest';
import { newTestServer } from './testutil';

describe('GET /openapi/v3', () => {
  it('serves the index, then the group-version document at its serverRelativeURL', () => {
    const { api } = newTestServer();
    const idx = api.handle({ method: 'GET', path: '/openapi/v3' });
    expect(idx.code).toBe(200);
    const url = (idx.body as { paths: Record<string, { serverRelativeURL: string }> }).paths['api/v1'].serverRelativeURL;
    const [path, query] = url.split('?');
    const doc = api.handle({ method: 'GET', path, query: Object.fromEntries(new URLSearchParams(query)) });
    expect(doc.code).toBe(200);
    const body = doc.body as { components: { schemas: Record<string, { description?: string }> }; paths: Record<string, unknown> };
    expect(body.components.schemas['io.k8s.api.core.v1.Pod'].description).toMatch(/^Pod is a collection/);
    expect(Object.keys(body.paths)).toContain('/api/v1/namespaces/{namespace}/pods/{name}');
    expect(api.handle({ method: 'GET', path: '/openapi/v3/apis/apps/v1?hash=stale' }).code).toBe(200);
  });

  it('answers 404 for an unknown group-version and 405 for writes', () => {
    const { api } = newTestServer();
    const nf = api.handle({ method: 'GET', path: '/openapi/v3/apis/nope.example.com/v1' });
    expect(nf.code).toBe(404);
    expect(nf.body).toMatchObject({ kind: 'Status', reason: 'NotFound' });
    expect(api.handle({ method: 'POST', path: '/openapi/v3', body: {} }).code).toBe(405);
  });
});
