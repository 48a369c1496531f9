import { describe, it, expect } from 'vitest';
import { createHarness } from '../../testing/harness';

function setup() {
  const h = createHarness();
  h.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
  const ready = (status: string) => {
    const p = h.client.get('pods', 'default', 'web');
    h.client.updateStatus('pods', 'default', { ...p, status: { phase: 'Running', conditions: [{ type: 'Ready', status }] } });
  };
  return { h, ready };
}

describe('kubectl wait', () => {
  it('waits in virtual time until the condition holds', async () => {
    const { h, ready } = setup();
    h.clock.after(4_000, () => ready('True'));
    const start = h.clock.now();
    expect(await h.kubectl('wait --for=condition=Ready pod/web')).toEqual({ code: 0, out: 'pod/web condition met\n', err: '' });
    expect(h.clock.now() - start).toBe(4_000);
    expect((await h.kubectl('wait --for=condition=Ready=false pod/web --timeout=1s')).err).toBe('error: timed out waiting for the condition on pods/web\n');
  });

  it('supports jsonpath conditions and selectors', async () => {
    const { h, ready } = setup();
    ready('True');
    expect((await h.kubectl(['wait', '--for=jsonpath={.status.phase}=Running', 'pods', '-l', 'app=web'])).out).toBe('pod/web condition met\n');
    expect((await h.kubectl(['wait', "--for=jsonpath='{.status.phase}'=Pending", 'pod/web', '--timeout=2s'])).code).toBe(1);
  });

  it('times out after --timeout (default 30s) and waits for deletion', async () => {
    const { h } = setup();
    const start = h.clock.now();
    expect((await h.kubectl('wait --for=condition=Ready pod/web')).err).toBe('error: timed out waiting for the condition on pods/web\n');
    expect(h.clock.now() - start).toBe(30_000);
    h.clock.after(2_000, () => { h.client.delete('pods', 'default', 'web', { gracePeriodSeconds: 0 }); });
    expect((await h.kubectl('wait --for=delete pod/web')).out).toBe('pod/web condition met\n');
    expect((await h.kubectl('wait --for=bogus pod/web')).err).toBe('error: unrecognized condition: "bogus"\n');
  });
});
