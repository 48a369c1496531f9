import { describe, it, expect } from 'vitest';
import type { ExecRequest } from '../../env';
import { createHarness } from '../../testing/harness';

describe('kubectl exec', () => {
  it('runs the command after -- and propagates the exit code', async () => {
    const calls: ExecRequest[] = [];
    const h = createHarness({
      exec: (req) => {
        calls.push(req);
        if (req.command[0] === 'false') return { exitCode: 1, stdout: '', stderr: '' };
        return { exitCode: 0, stdout: `ran ${req.command.join(' ')} in ${req.container}\n`, stderr: '' };
      },
    });
    h.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'busybox' }] } });
    expect(await h.kubectl('exec web -- ls /')).toEqual({ code: 0, out: 'ran ls / in a\n', err: 'Defaulted container "a" out of: a, b\n' });
    expect((await h.kubectl('exec web -c b -- cat /etc/hostname')).out).toBe('ran cat /etc/hostname in b\n');
    expect(await h.kubectl('exec web -c b -- false')).toEqual({ code: 1, out: '', err: 'command terminated with exit code 1\n' });
    expect((await h.kubectl('exec web ls')).err).toBe("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\nhint: write the command after --: kubectl exec web -- ls\n");
    expect((await h.kubectl('exec nope -- ls')).err).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(calls[1]).toMatchObject({ namespace: 'default', pod: 'web', container: 'b', tty: false });
  });
});

describe('kubectl taint', () => {
  it('adds and removes taints', async () => {
    const h = createHarness();
    h.create({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker' } });
    expect((await h.kubectl('taint nodes worker gpu=true:NoSchedule')).out).toBe('node/worker tainted\n');
    expect((h.client.get('nodes', undefined, 'worker').spec as { taints: unknown[] }).taints).toEqual([{ key: 'gpu', value: 'true', effect: 'NoSchedule' }]);
    expect((await h.kubectl('taint nodes worker gpu=false:NoSchedule')).err).toBe('error: node worker already has gpu taint(s) with same effect(s) and --overwrite is false\n');
    expect((await h.kubectl('taint node worker gpu:NoSchedule-')).out).toBe('node/worker untainted\n');
    expect((await h.kubectl('taint node worker gpu-')).err).toBe('error: taint "gpu" not found\n');
  });
});

describe('kubectl events', () => {
  it('lists events sorted by time with kubectl events columns', async () => {
    const h = createHarness();
    const ev = (name: string, reason: string, ts: string, extra: Record<string, unknown> = {}) => h.create({
      apiVersion: 'v1', kind: 'Event', metadata: { name, namespace: 'default' },
      involvedObject: { kind: 'Pod', name: 'web', namespace: 'default' }, reason, message: `${reason} happened`, type: 'Normal',
      firstTimestamp: ts, lastTimestamp: ts, count: 1, source: { component: 'kubelet' }, ...extra,
    });
    ev('b', 'Pulled', '2025-03-10T08:59:30Z');
    ev('a', 'Scheduled', '2025-03-10T08:59:00Z');
    ev('c', 'BackOff', '2025-03-10T08:59:50Z', { type: 'Warning', count: 3, firstTimestamp: '2025-03-10T08:58:00Z' });
    expect((await h.kubectl('events')).out).toBe([
      'LAST SEEN          TYPE      REASON      OBJECT    MESSAGE',
      '60s                Normal    Scheduled   pod/web   Scheduled happened',
      '30s                Normal    Pulled      pod/web   Pulled happened',
      '10s (x3 over 2m)   Warning   BackOff     pod/web   BackOff happened',
      '',
    ].join('\n'));
    expect((await h.kubectl('events --types=Warning -o name')).out).toBe('event/c\n');
    expect((await h.kubectl('events -n kube-system')).err).toBe('No events found in kube-system namespace.\n');
  });
});

describe('kubectl edit', () => {
  it('opens the host editor and patches the changes', async () => {
    const ref: { h?: ReturnType<typeof createHarness> } = {};
    const h = createHarness({
      host: {
        openEditor: async (path) => {
          const fs = ref.h!.fs;
          fs.writeFile(path, fs.readFile(path).replace('a: "1"', 'a: "2"'));
          return { saved: true };
        },
      },
    });
    ref.h = h;
    h.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' }, data: { a: '1' } });
    expect((await h.kubectl('edit cm c')).out).toBe('configmap/c edited\n');
    expect(h.client.get('configmaps', 'default', 'c').data).toEqual({ a: '2' });
    expect((await h.kubectl('edit cm c')).out).toBe('Edit cancelled, no changes made.\n');
  });
});
