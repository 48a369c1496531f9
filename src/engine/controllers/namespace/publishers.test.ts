import { describe, it, expect } from 'vitest';
import { VirtualClock } from '../../util';
import { createFakeClient } from '../runtime';
import { createNamespacePublishers } from './index';

describe('namespace publishers', () => {
  it('fills a new namespace at once and recreates deleted objects', () => {
    const clock = new VirtualClock();
    const client = createFakeClient(clock);
    createNamespacePublishers({ client, clock, caCert: 'PEM' }).start();
    client.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'demo' }, status: { phase: 'Active' } });
    expect(client.tryGet('serviceaccounts', 'demo', 'default')).toBeDefined();
    expect(client.get('configmaps', 'demo', 'kube-root-ca.crt').data).toEqual({ 'ca.crt': 'PEM' });
    client.delete('serviceaccounts', 'demo', 'default');
    expect(client.tryGet('serviceaccounts', 'demo', 'default')).toBeDefined();
  });
});
