import { describe, it, expect } from 'vitest';
import { createKubectlCompleter, kubectlCompletions } from './completion';
import { createHarness } from './testing/harness';

describe('kubectlCompletions', () => {
  it('completes commands, types, names and flags', () => {
    const h = createHarness();
    h.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    const deps = { client: h.client, registry: h.api.registry };
    expect(kubectlCompletions(['ge'], deps)).toEqual(['get']);
    expect(kubectlCompletions(['get', 'dep'], deps)).toEqual(['deploy', 'deployments']);
    expect(kubectlCompletions(['get', 'pods', 'w'], deps)).toEqual(['web']);
    expect(kubectlCompletions(['logs', ''], deps)).toEqual(['web']);
    expect(kubectlCompletions(['describe', 'pod/'], deps)).toEqual(['pod/web']);
    expect(kubectlCompletions(['get', '--all-n'], deps)).toEqual(['--all-namespaces']);
    expect(kubectlCompletions(['config', 'use-'], deps)).toEqual(['use-context']);
  });

  it('adapts to the shell completer signature and honours -n', () => {
    const h = createHarness();
    h.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'sys-cm', namespace: 'kube-system' } });
    const c = createKubectlCompleter({ client: h.client, registry: h.api.registry });
    expect(c(['kubectl', '-n', 'kube-system', 'get', 'cm'], 's')).toEqual(['sys-cm']);
    expect(c(['kubectl', 'get', 'cm'], 's')).toEqual([]);
  });
});
