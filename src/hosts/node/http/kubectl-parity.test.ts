/**
 * The issue's rule: for output kubectl renders itself (describe, -o yaml/json/jsonpath/name/custom-columns),
 * the sandbox's own kubectl must print what the real kubectl prints against the same cluster. The
 * sandbox kubectl runs in-process over the cluster the HTTP host serves (createSandbox({ cluster })).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createSandbox } from '../../../engine';
import type { Sandbox } from '../../../engine';
import { KUBECTL, startHarness } from './kubectl-harness';
import type { Harness } from './kubectl-harness';

if (!KUBECTL) console.warn('kubectl not found on PATH: skipping the sandbox-vs-real kubectl parity tests');

// Ages are computed at print time and the two runs are a moment apart: ages become <age>, and on
// those lines (whose column widths follow the age's length) runs of spaces count as one gap.
const AGE = /\b\d+(?:d(?:\d+h)?|h(?:\d+m)?|m(?:\d+s)?|s)\b/g;
const normalize = (s: string) => s.split('\n').map((l) => {
  const r = l.replace(AGE, '<age>');
  return r === l ? l : r.replace(/ {2,}/g, '  ');
}).join('\n');

describe.skipIf(!KUBECTL)('sandbox kubectl prints what the real kubectl prints', () => {
  let h: Harness;
  let sb: Sandbox;
  beforeAll(async () => {
    h = await startHarness(1);
    sb = createSandbox({ cluster: h.srv.cluster, timeMode: 'host' });
    await h.kubectl(['run', 'web', '--image=nginx', '--labels=app=web,tier=front', '--port=80', '--env=MODE=demo']);
    // One key: describe ranges over a Go map, so real kubectl prints several keys in random order.
    await h.kubectl(['create', '-f', '-'], { input: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "1"\n' });
    await h.kubectl(['wait', '--for=condition=Ready', 'pod/web', '--timeout=60s']);
    await h.kubectl(['expose', 'pod', 'web', '--port=80', '--type=NodePort']);
    await h.kubectl(['create', 'ingress', 'web', '--rule=web.example.com/*=web:80']);
    await h.kubectl(['apply', '-f', '-'], { input: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: ds1\nspec:\n  selector:\n    matchLabels: {app: ds1}\n  template:\n    metadata:\n      labels: {app: ds1}\n    spec:\n      containers:\n      - {name: c, image: busybox, command: [sleep, "3600"]}\n' });
    await h.kubectl(['rollout', 'status', 'daemonset/ds1', '--timeout=60s']);
  }, 90_000);
  afterAll(async () => { await h?.close(); });

  const commands = [
    'describe pod web',
    'get pod web -o yaml',
    'get pod web -o json',
    'get pods -o name',
    'get pod web -o jsonpath={.spec.containers[0].image}:{.status.phase}:{.metadata.labels}',
    'get pod web -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[*].image,NODE:.spec.nodeName',
    'get configmap cfg -o yaml',
    'describe configmap cfg',
    'get namespace default -o yaml',
    'describe service web',
    'get service web -o yaml',
    'describe endpoints web',
    'get endpoints web -o yaml',
    'describe endpointslices -l kubernetes.io/service-name=web',
    'describe ingress web',
    'get ingress web -o yaml',
    'describe daemonset ds1',
    'rollout history daemonset/ds1',
    'rollout history daemonset/ds1 --revision=1',
    'describe deployment coredns -n kube-system',
    'describe storageclass',
  ];
  for (const cmd of commands) {
    it(`kubectl ${cmd}`, async () => {
      const real = await h.kubectl(cmd.split(' '));
      const mine = await sb.run(`kubectl ${cmd.split(' ').map((a) => `'${a}'`).join(' ')}`);
      expect(real.code).toBe(0);
      expect({ code: mine.code, stderr: mine.stderr, stdout: normalize(mine.stdout).split('\n') }).toEqual({ code: 0, stderr: real.stderr, stdout: normalize(real.stdout).split('\n') });
    }, 30_000);
  }
});
