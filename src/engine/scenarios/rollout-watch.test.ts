import { describe, it, expect } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { createSandbox } from '../sandbox';

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: kubia
spec:
  replicas: 3
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  selector:
    matchLabels:
      app: kubia
  template:
    metadata:
      labels:
        app: kubia
    spec:
      containers:
      - name: nodejs
        image: luksa/kubia:v1
`;

describe('rolling update with maxSurge 1, maxUnavailable 0 (DEP-09)', () => {
  it('never has fewer than 3 ready pods nor more than 4 pods at any virtual instant', async () => {
    const sb = createSandbox();
    try {
      expect((await sb.apply(MANIFEST)).output).toBe('deployment.apps/kubia created\n');
      expect((await sb.run('kubectl rollout status deployment kubia')).output).toMatch(/successfully rolled out\n$/);
      const pods = new Map<string, Pod>();
      for (const p of sb.cluster.client.list('pods', 'default')) pods.set(p.metadata.name!, p as Pod);
      const ready = (p: Pod) => !p.metadata?.deletionTimestamp && (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
      let minReady = Infinity;
      let maxPods = 0;
      const images = new Set<string>();
      const watch = sb.cluster.client.watch('pods', 'default');
      watch.onEvent((e) => {
        if (e.type === 'DELETED') pods.delete(e.object.metadata.name!); else pods.set(e.object.metadata.name!, e.object as Pod);
        const live = [...pods.values()].filter((p) => !p.metadata?.deletionTimestamp);
        minReady = Math.min(minReady, live.filter(ready).length);
        maxPods = Math.max(maxPods, live.length);
        for (const p of live) images.add(p.spec!.containers[0].image!);
      });
      await sb.run('kubectl set image deployment kubia nodejs=luksa/kubia:v2');
      const status = await sb.run('kubectl rollout status deployment kubia');
      watch.close();
      expect(status.output).toMatch(/deployment "kubia" successfully rolled out\n$/);
      expect(images).toEqual(new Set(['luksa/kubia:v1', 'luksa/kubia:v2']));
      expect(minReady).toBe(3);
      expect(maxPods).toBe(4);
      const after = [...pods.values()].filter((p) => !p.metadata?.deletionTimestamp);
      expect(after.map((p) => p.spec!.containers[0].image)).toEqual(['luksa/kubia:v2', 'luksa/kubia:v2', 'luksa/kubia:v2']);
    } finally {
      sb.cluster.stop();
    }
  });
});
