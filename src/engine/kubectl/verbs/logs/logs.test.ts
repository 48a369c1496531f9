import { describe, it, expect } from 'vitest';
import type { PodLogOptions } from '../../../api/types';
import { createHarness } from '../../testing/harness';

function setup() {
  const h = createHarness();
  h.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ name: 'web', image: 'nginx' }, { name: 'side', image: 'busybox' }] } });
  h.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'new', namespace: 'default' }, spec: { containers: [{ name: 'web', image: 'nginx' }] } });
  const calls: PodLogOptions[] = [];
  h.api.setPodLogProvider((_ns, pod, opts) => {
    calls.push(opts);
    if (pod === 'new') {
      return { error: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'BadRequest', code: 400, message: 'container "web" in pod "new" is waiting to start: ContainerCreating' } };
    }
    return { text: `log of ${opts.container}\n` };
  });
  return { h, calls };
}

describe('kubectl logs', () => {
  it('defaults to the first container and says so when there are several', async () => {
    const { h, calls } = setup();
    expect(await h.kubectl('logs web')).toEqual({ code: 0, out: 'log of web\n', err: 'Defaulted container "web" out of: web, side\n' });
    expect((await h.kubectl('logs pod/web -c side --tail=5 --timestamps')).out).toBe('log of side\n');
    expect(calls[1]).toMatchObject({ container: 'side', tailLines: 5, timestamps: true });
  });

  it('prints the kubelet error as the API server returns it', async () => {
    const { h } = setup();
    expect(await h.kubectl('logs new')).toEqual({ code: 1, out: '', err: 'Error from server (BadRequest): container "web" in pod "new" is waiting to start: ContainerCreating\n' });
    expect((await h.kubectl('logs nope')).err).toBe('error: error from server (NotFound): pods "nope" not found in namespace "default"\n');
  });
});

describe('kubectl logs -f', () => {
  it('streams until the container stops (headless)', async () => {
    const h = createHarness();
    h.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ name: 'web', image: 'nginx' }] } });
    h.api.setPodLogProvider(() => {
      let data: ((s: string) => void) | undefined;
      let close: (() => void) | undefined;
      h.clock.after(1_000, () => data?.('line 2\n'));
      h.clock.after(2_000, () => { data?.('line 3\n'); close?.(); });
      return { text: 'line 1\n', stream: { onData: (fn) => { data = fn; }, onClose: (fn) => { close = fn; }, close: () => {} } };
    });
    const start = h.clock.now();
    expect((await h.kubectl('logs -f web')).out).toBe('line 1\nline 2\nline 3\n');
    expect(h.clock.now() - start).toBe(2_000);
  });
});
