import { describe, it, expect } from 'vitest';
import { decodeBody, toApiRequest, warningHeader } from './request';

const raw = (method: string, url: string, body = '', headers: Record<string, string> = {}) =>
  ({ method, url, headers, body: Buffer.from(body) });

describe('toApiRequest', () => {
  it('maps path, first query values and headers', () => {
    const out = toApiRequest(raw('GET', '/api/v1/namespaces/default/pods?limit=500&labelSelector=a%3Db&limit=7', '', { accept: 'application/json' }));
    expect(out).toEqual({ req: { method: 'GET', path: '/api/v1/namespaces/default/pods', query: { limit: '500', labelSelector: 'a=b' }, headers: { accept: 'application/json' } } });
  });

  it('parses JSON bodies of every patch type and keeps undecodable ones as text', () => {
    const ok = toApiRequest(raw('PATCH', '/api/v1/namespaces/default/pods/web', '{"metadata":{"labels":{"a":null}}}', { 'content-type': 'application/merge-patch+json' }));
    expect('req' in ok && ok.req.body).toEqual({ metadata: { labels: { a: null } } });
    expect(decodeBody(Buffer.from('kind: Pod\n'))).toBe('kind: Pod\n');
    expect(decodeBody(Buffer.from('  \n'))).toBeUndefined();
  });

  it('answers undecodable protobuf bodies with a 415 Status', () => {
    const pb = Buffer.concat([Buffer.from([0x6b, 0x38, 0x73, 0x00]), Buffer.from([0x0a, 0x02])]);
    const out = toApiRequest({ method: 'POST', url: '/apis/apps/v1/namespaces/default/deployments', headers: { 'content-type': 'application/vnd.kubernetes.protobuf' }, body: pb });
    expect('error' in out && out.error).toMatchObject({
      code: 415,
      body: { kind: 'Status', status: 'Failure', reason: 'UnsupportedMediaType', code: 415,
        message: expect.stringMatching(/^the body of the request was in an unknown format - accepted media types include: application\/json, application\/yaml, application\/vnd\.kubernetes\.protobuf \(/) },
    });
  });

  it('refuses unknown methods with 405', () => {
    const out = toApiRequest(raw('OPTIONS', '/api'));
    expect('error' in out && out.error.code).toBe(405);
  });

  it('formats warnings as the apiserver does', () => {
    expect(warningHeader('spec.x is "deprecated"')).toBe('299 - "spec.x is \\"deprecated\\""');
  });
});
