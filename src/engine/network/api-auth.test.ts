import { describe, it, expect } from 'vitest';
import { ANONYMOUS, attributesOf, forbiddenMessage } from './api-auth';

describe('API request attributes and RBAC denial text', () => {
  it('derives verbs and resources like the API server RequestInfoFactory', () => {
    expect(attributesOf('GET', '/api/v1/namespaces/default/pods', {})).toEqual({ kind: 'resource', verb: 'list', group: '', resource: 'pods', namespace: 'default' });
    expect(attributesOf('GET', '/api/v1/namespaces/default/pods', { watch: 'true' })).toMatchObject({ verb: 'watch' });
    expect(attributesOf('GET', '/apis/apps/v1/namespaces/x/deployments/web/scale', {})).toEqual({ kind: 'resource', verb: 'get', group: 'apps', resource: 'deployments', namespace: 'x', name: 'web', subresource: 'scale' });
    expect(attributesOf('DELETE', '/api/v1/namespaces/default/pods', {})).toMatchObject({ verb: 'deletecollection' });
    expect(attributesOf('GET', '/api/v1/namespaces/kube-system', {})).toEqual({ kind: 'resource', verb: 'get', group: '', resource: 'namespaces', name: 'kube-system' });
    expect(attributesOf('GET', '/metrics', {})).toEqual({ kind: 'path', verb: 'get', path: '/metrics' });
  });

  it('words denials as kube-apiserver does', () => {
    expect(forbiddenMessage(ANONYMOUS, attributesOf('GET', '/api/v1/nodes', {}))).toBe('nodes is forbidden: User "system:anonymous" cannot list resource "nodes" in API group "" at the cluster scope');
    expect(forbiddenMessage({ user: 'system:serviceaccount:default:default', groups: [] }, attributesOf('GET', '/api/v1/namespaces/default/pods/web/log', {})))
      .toBe('pods "web" is forbidden: User "system:serviceaccount:default:default" cannot get resource "pods/log" in API group "" in the namespace "default"');
    expect(forbiddenMessage(ANONYMOUS, attributesOf('GET', '/', {}))).toBe('forbidden: User "system:anonymous" cannot get path "/"');
  });
});
