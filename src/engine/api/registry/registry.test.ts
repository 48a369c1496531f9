import { describe, it, expect } from 'vitest';
import { Registry } from './index';

describe('Registry', () => {
  const reg = new Registry();
  const r = (s: string) => reg.resolve(s).map((d) => `${d.plural}.${d.group}`);

  it('resolves plural, singular, short name and kind case-insensitively', () => {
    for (const name of ['pods', 'pod', 'po', 'Pod', 'PODS']) expect(r(name)).toEqual(['pods.']);
    expect(r('deploy')).toEqual(['deployments.apps']);
    expect(r('Deployment')).toEqual(['deployments.apps']);
    expect(r('cm')).toEqual(['configmaps.']);
    expect(r('ing')).toEqual(['ingresses.networking.k8s.io']);
    expect(r('sc')).toEqual(['storageclasses.storage.k8s.io']);
    expect(r('nope')).toEqual([]);
  });

  it('resolves group-qualified forms', () => {
    expect(r('deployments.apps')).toEqual(['deployments.apps']);
    expect(r('deployments.v1.apps')).toEqual(['deployments.apps']);
    expect(r('Deployment.v1.apps')).toEqual(['deployments.apps']);
    expect(r('deploy.apps')).toEqual(['deployments.apps']);
    expect(r('ingresses.networking.k8s.io')).toEqual(['ingresses.networking.k8s.io']);
    expect(r('deployments.batch')).toEqual([]);
  });

  it('looks resources up by group/plural and kind, with upstream metadata', () => {
    const pods = reg.get('', 'pods')!;
    expect(pods).toMatchObject({ kind: 'Pod', listKind: 'PodList', singular: 'pod', shortNames: ['po'], namespaced: true, categories: ['all'] });
    expect(reg.byKind('apps', 'ReplicaSet')?.shortNames).toEqual(['rs']);
    expect(reg.byApiVersionKind('batch/v1', 'CronJob')?.shortNames).toEqual(['cj']);
    expect(reg.get('', 'namespaces')?.verbs).not.toContain('deletecollection');
    const all = reg.all().filter((d) => d.categories.includes('all')).map((d) => d.plural).sort();
    expect(all).toEqual(['cronjobs', 'daemonsets', 'deployments', 'horizontalpodautoscalers', 'jobs', 'pods', 'replicasets', 'replicationcontrollers', 'services', 'statefulsets']);
  });
});
