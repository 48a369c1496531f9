import { describe, it, expect } from 'vitest';
import type { KObject } from '../../../types';
import { createHarness } from '../../testing/harness';

const template = (image: string) => ({ metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image }] } });

function setup() {
  const h = createHarness();
  const dep = h.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: template('nginx:1.26') } });
  const rs = (rev: number, image: string, cause?: string): KObject => h.create({
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: {
      name: `web-${rev}`, namespace: 'default',
      annotations: { 'deployment.kubernetes.io/revision': String(rev), ...(cause ? { 'kubernetes.io/change-cause': cause } : {}) },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: dep.metadata.uid!, controller: true }],
    },
    spec: { replicas: 0, selector: { matchLabels: { app: 'web', 'pod-template-hash': `h${rev}` } }, template: { ...template(image), metadata: { labels: { app: 'web', 'pod-template-hash': `h${rev}` } } } },
  });
  rs(1, 'nginx:1.25');
  rs(2, 'nginx:1.26', 'kubectl set image deployment/web nginx=nginx:1.26');
  const status = (s: Record<string, number>) => {
    const d = h.client.get('deployments.apps', 'default', 'web');
    h.client.updateStatus('deployments.apps', 'default', { ...d, status: { observedGeneration: d.metadata.generation, ...s } });
  };
  return { h, status };
}

describe('kubectl rollout', () => {
  it('status prints each new message until the rollout completes', async () => {
    const { h, status } = setup();
    status({ replicas: 2, updatedReplicas: 1, availableReplicas: 1 });
    h.clock.after(2_000, () => status({ replicas: 2, updatedReplicas: 2, availableReplicas: 1 }));
    h.clock.after(4_000, () => status({ replicas: 2, updatedReplicas: 2, availableReplicas: 2 }));
    expect((await h.kubectl('rollout status deployment/web')).out).toBe([
      'Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...',
      'Waiting for deployment "web" rollout to finish: 1 of 2 updated replicas are available...',
      'deployment "web" successfully rolled out',
      '',
    ].join('\n'));
  });

  it('history lists revisions with their change-cause', async () => {
    const { h } = setup();
    expect((await h.kubectl('rollout history deploy/web')).out).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         kubectl set image deployment/web nginx=nginx:1.26\n\n');
  });

  it('undo restores the previous template; restart stamps restartedAt', async () => {
    const { h } = setup();
    expect((await h.kubectl('rollout undo deployment web')).out).toBe('deployment.apps/web rolled back\n');
    const spec = h.client.get('deployments.apps', 'default', 'web').spec as { template: { metadata: { labels: Record<string, string>; annotations?: Record<string, string> }; spec: { containers: { image: string }[] } } };
    expect(spec.template.spec.containers[0].image).toBe('nginx:1.25');
    expect(spec.template.metadata.labels).toEqual({ app: 'web' });
    expect((await h.kubectl('rollout restart deployment/web')).out).toBe('deployment.apps/web restarted\n');
    const after = h.client.get('deployments.apps', 'default', 'web').spec as typeof spec;
    expect(after.template.metadata.annotations?.['kubectl.kubernetes.io/restartedAt']).toBe('2025-03-10T09:00:00Z');
    expect((await h.kubectl('rollout pause deployment/web')).out).toBe('deployment.apps/web paused\n');
    expect(await h.kubectl('rollout pause deployment/web')).toEqual({ code: 1, out: '', err: 'error: deployments.apps "web" is already paused\n' });
    expect((await h.kubectl('rollout resume deployment/web')).out).toBe('deployment.apps/web resumed\n');
    expect((await h.kubectl('rollout resume deployment/web')).err).toBe('error: deployments.apps "web" is not paused\n');
  });
});
