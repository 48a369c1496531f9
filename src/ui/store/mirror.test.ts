import { describe, it, expect } from 'vitest';
import type { KObject } from '../../engine/protocol';
import { applyDiff, applyFileChanges, mirrorFrom, treeFrom } from './mirror';

const pod = (name: string, phase = 'Pending'): KObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, status: { phase } });
const node: KObject = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker' } };

describe('object mirror', () => {
  it('keys objects by kind and namespace/name, and applies diffs', () => {
    const m0 = mirrorFrom([pod('a'), node]);
    expect(Object.keys(m0.Pod)).toEqual(['default/a']);
    expect(Object.keys(m0.Node)).toEqual(['worker']);
    const m1 = applyDiff(m0, { added: [pod('b')], updated: [pod('a', 'Running')], removed: [] });
    expect(m1.Pod['default/a'].status).toEqual({ phase: 'Running' });
    expect(m1.Node).toBe(m0.Node);
    const m2 = applyDiff(m1, { added: [], updated: [], removed: [{ kind: 'Pod', namespace: 'default', name: 'a' }] });
    expect(Object.keys(m2.Pod)).toEqual(['default/b']);
    expect(Object.keys(m1.Pod)).toEqual(['default/a', 'default/b']);
  });

  it('follows file writes, removals and renames', () => {
    let t = treeFrom([{ path: '/root', type: 'dir' }, { path: '/root/d', type: 'dir' }, { path: '/root/d/x', type: 'file' }]);
    t = applyFileChanges(t, [{ type: 'write', path: '/root/a.yaml' }, { type: 'rename', path: '/root/d', to: '/root/e' }]);
    expect(t).toEqual({ '/root': 'dir', '/root/a.yaml': 'file', '/root/e': 'dir', '/root/e/x': 'file' });
    t = applyFileChanges(t, [{ type: 'remove', path: '/root/e' }]);
    expect(Object.keys(t).sort()).toEqual(['/root', '/root/a.yaml']);
  });
});
