import { describe, expect, it } from 'vitest';
import { applyPatch, PatchError } from './index';

const pod = () => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name: 'web', labels: { app: 'web', tier: 'fe' }, finalizers: ['a.io/x', 'b.io/y'] },
  spec: {
    containers: [
      { name: 'nginx', image: 'nginx:1.24', ports: [{ containerPort: 80, protocol: 'TCP' }], env: [{ name: 'A', value: '1' }] },
      { name: 'sidecar', image: 'busybox', args: ['sleep', '3600'] },
    ],
    tolerations: [{ key: 'k', operator: 'Exists' }],
  },
});

const SMP = 'application/strategic-merge-patch+json' as const;

describe('merge patch (RFC 7386)', () => {
  it('merges maps, deletes with null and replaces lists', () => {
    const out = applyPatch('application/merge-patch+json', pod(), { metadata: { labels: { tier: null, env: 'prod' } }, spec: { containers: [{ name: 'only', image: 'x' }] } }, 'Pod') as any;
    expect(out.metadata.labels).toEqual({ app: 'web', env: 'prod' });
    expect(out.spec.containers).toEqual([{ name: 'only', image: 'x' }]);
  });
  it('rejects a non-object patch', () => {
    expect(() => applyPatch('application/merge-patch+json', pod(), [1], 'Pod')).toThrow('Invalid JSON Patch');
  });
  it('does not mutate the original', () => {
    const orig = Object.freeze(pod());
    applyPatch('application/merge-patch+json', orig, { metadata: { labels: { x: 'y' } } }, 'Pod');
    expect(orig.metadata.labels).toEqual({ app: 'web', tier: 'fe' });
  });
});

describe('JSON patch (RFC 6902)', () => {
  it('applies add/replace/remove/move/copy/test', () => {
    const out = applyPatch('application/json-patch+json', pod(), [
      { op: 'test', path: '/metadata/name', value: 'web' },
      { op: 'replace', path: '/spec/containers/0/image', value: 'nginx:1.25' },
      { op: 'add', path: '/spec/containers/1/args/-', value: 'extra' },
      { op: 'remove', path: '/metadata/labels/tier' },
      { op: 'add', path: '/metadata/labels/a~1b', value: 'slash' },
      { op: 'copy', from: '/metadata/labels/app', path: '/metadata/labels/copy' },
      { op: 'move', from: '/metadata/labels/copy', path: '/metadata/labels/moved' },
    ], 'Pod') as any;
    expect(out.spec.containers[0].image).toBe('nginx:1.25');
    expect(out.spec.containers[1].args).toEqual(['sleep', '3600', 'extra']);
    expect(out.metadata.labels).toEqual({ app: 'web', 'a/b': 'slash', moved: 'web' });
  });
  it('fails a test op or a missing path with the apiserver 422 text', () => {
    try {
      applyPatch('application/json-patch+json', pod(), [{ op: 'test', path: '/metadata/name', value: 'other' }], 'Pod');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PatchError);
      expect((e as PatchError).code).toBe(422);
      expect((e as PatchError).message).toBe('the server rejected our request due to an error in our request');
      expect((e as PatchError).detail).toBe('testing value /metadata/name failed: test failed');
    }
    expect(() => applyPatch('application/json-patch+json', pod(), [{ op: 'remove', path: '/spec/nothing' }], 'Pod')).toThrow(PatchError);
  });
  it('rejects a body that is not a list with the decoder text (400)', () => {
    expect(() => applyPatch('application/json-patch+json', pod(), { op: 'add' }, 'Pod')).toThrow('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  });
});

describe('strategic merge patch', () => {
  it('merges containers by name and puts new items first, as kubectl patch does', () => {
    const out = applyPatch(SMP, pod(), { spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }, { name: 'log', image: 'fluentd' }] } }, 'Pod') as any;
    expect(out.spec.containers.map((c: any) => c.name)).toEqual(['nginx', 'log', 'sidecar']);
    expect(out.spec.containers[0]).toEqual({ name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80, protocol: 'TCP' }], env: [{ name: 'A', value: '1' }] });
    const added = applyPatch(SMP, pod(), { spec: { containers: [{ name: 'new', image: 'x' }] } }, 'Pod') as any;
    expect(added.spec.containers.map((c: any) => c.name)).toEqual(['new', 'nginx', 'sidecar']);
  });
  it('merges nested lists by their keys (env by name, ports by containerPort)', () => {
    const out = applyPatch(SMP, pod(), { spec: { containers: [{ name: 'nginx', env: [{ name: 'B', value: '2' }], ports: [{ containerPort: 80, name: 'http' }] }] } }, 'Pod') as any;
    expect(out.spec.containers[0].env).toEqual([{ name: 'B', value: '2' }, { name: 'A', value: '1' }]);
    expect(out.spec.containers[0].ports).toEqual([{ containerPort: 80, protocol: 'TCP', name: 'http' }]);
  });
  it('replaces lists without a merge key (tolerations) and deletes keys with null', () => {
    const out = applyPatch(SMP, pod(), { metadata: { labels: { tier: null } }, spec: { tolerations: [{ key: 'z', operator: 'Exists' }] } }, 'Pod') as any;
    expect(out.spec.tolerations).toEqual([{ key: 'z', operator: 'Exists' }]);
    expect(out.metadata.labels).toEqual({ app: 'web' });
  });
  it('honours $patch: delete and $patch: replace', () => {
    const del = applyPatch(SMP, pod(), { spec: { containers: [{ name: 'sidecar', $patch: 'delete' }] } }, 'Pod') as any;
    expect(del.spec.containers.map((c: any) => c.name)).toEqual(['nginx']);
    const rep = applyPatch(SMP, pod(), { metadata: { labels: { $patch: 'replace', only: 'me' } } }, 'Pod') as any;
    expect(rep.metadata.labels).toEqual({ only: 'me' });
    const repList = applyPatch(SMP, pod(), { spec: { containers: [{ name: 'solo', image: 'x' }, { $patch: 'replace' }] } }, 'Pod') as any;
    expect(repList.spec.containers).toEqual([{ name: 'solo', image: 'x' }]);
  });
  it('applies $setElementOrder to reorder a merged list', () => {
    const out = applyPatch(SMP, pod(), { spec: { '$setElementOrder/containers': [{ name: 'sidecar' }, { name: 'nginx' }], containers: [{ name: 'nginx', image: 'nginx:2' }] } }, 'Pod') as any;
    expect(out.spec.containers.map((c: any) => `${c.name}=${c.image}`)).toEqual(['sidecar=busybox', 'nginx=nginx:2']);
    expect(Object.keys(out.spec).some((k) => k.startsWith('$'))).toBe(false);
  });
  it('applies $retainKeys (clearing fields not listed) and rejects patch keys outside it', () => {
    const dep = { kind: 'Deployment', spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } } } };
    const out = applyPatch(SMP, dep, { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } }, 'Deployment') as any;
    expect(out.spec.strategy).toEqual({ type: 'Recreate' });
    expect(() => applyPatch(SMP, dep, { spec: { strategy: { $retainKeys: ['type'], rollingUpdate: {} } } }, 'Deployment')).toThrow('invalid patch format of retainKeys');
  });
  it('merges and deletes primitive finalizers ($deleteFromPrimitiveList)', () => {
    const merged = applyPatch(SMP, pod(), { metadata: { finalizers: ['c.io/z'] } }, 'Pod') as any;
    expect(merged.metadata.finalizers).toEqual(['c.io/z', 'a.io/x', 'b.io/y']);
    const del = applyPatch(SMP, pod(), { metadata: { '$deleteFromPrimitiveList/finalizers': ['a.io/x'] } }, 'Pod') as any;
    expect(del.metadata.finalizers).toEqual(['b.io/y']);
  });
  it('uses pod-template keys inside workloads', () => {
    const dep = { kind: 'Deployment', spec: { template: { spec: { containers: [{ name: 'a', image: 'a:1' }, { name: 'b', image: 'b:1' }] } } } };
    const out = applyPatch(SMP, dep, { spec: { template: { spec: { containers: [{ name: 'b', image: 'b:2' }] } } } }, 'Deployment') as any;
    expect(out.spec.template.spec.containers).toEqual([{ name: 'a', image: 'a:1' }, { name: 'b', image: 'b:2' }]);
  });
  it('reports a missing merge key as the apiserver does', () => {
    expect(() => applyPatch(SMP, pod(), { spec: { containers: [{ image: 'x' }] } }, 'Pod')).toThrow('does not contain declared merge key: name');
  });
});
