import { describe, it, expect, afterEach } from 'vitest';
import { EOF_LINE, type SandboxEvent, type SavedSandbox } from '../../engine/protocol';
import { WorkerHost } from './host';
import { settle } from './replay';

/** A host driven by a fake real-time clock; intervals are real but ticks only move time when fake time moves. */
function harness() {
  const events: SandboxEvent[] = [];
  let real = 0;
  const host = new WorkerHost((ev) => events.push(ev), () => real);
  const text = () => events.map((e) => (e.type === 'output' ? e.data : e.type === 'prompt' ? e.text : '')).join('');
  const waitFor = async (pred: () => boolean, ms = 5000) => {
    const end = performance.now() + ms;
    while (!pred()) {
      if (performance.now() > end) throw new Error(`timed out; terminal:\n${text()}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const last = <T extends SandboxEvent['type']>(type: T) => [...events].reverse().find((e) => e.type === type) as Extract<SandboxEvent, { type: T }> | undefined;
  return { host, events, text, waitFor, last, advanceReal: (ms: number) => { real += ms; } };
}

const hosts: WorkerHost[] = [];
afterEach(() => { for (const h of hosts.splice(0)) h.dispose(); });

async function started() {
  const h = harness();
  hosts.push(h.host);
  h.host.handle({ type: 'init', version: 1 });
  await h.waitFor(() => h.events.some((e) => e.type === 'prompt'));
  return h;
}

/** exportAndRestore saves h's session and starts a second host from it. */
async function exportAndRestore(h: ReturnType<typeof harness>) {
  h.host.handle({ type: 'export', id: 2 });
  await h.waitFor(() => h.events.some((e) => e.type === 'exported'));
  const saved = (h.last('exported') as { saved: SavedSandbox }).saved;
  const r = harness();
  hosts.push(r.host);
  r.host.handle({ type: 'init', version: 1, saved });
  return { saved, r };
}

describe('WorkerHost', () => {
  it('sends a snapshot with the cluster, then the prompt', async () => {
    const h = await started();
    const snap = h.events.find((e) => e.type === 'snapshot');
    expect(snap?.type === 'snapshot' && snap.objects.filter((o) => o.kind === 'Node').map((o) => o.metadata.name)).toEqual(['master', 'worker', 'worker2']);
    expect(h.last('prompt')?.text).toBe('root@master:~# ');
  });

  it('runs lines, asks for continuations, and streams object diffs', async () => {
    const h = await started();
    h.host.handle({ type: 'line', line: 'echo "a' });
    await h.waitFor(() => h.last('prompt')?.continuation === true);
    expect(h.last('prompt')?.text).toBe('> ');
    h.host.handle({ type: 'line', line: 'b"' });
    await h.waitFor(() => /a\nb\n/.test(h.text()));
    h.host.handle({ type: 'line', line: 'kubectl run web --image=nginx' });
    await h.waitFor(() => h.events.some((e) => e.type === 'diff' && e.added.some((o) => o.kind === 'Pod' && o.metadata.name === 'web')));
    expect(h.text()).toContain('pod/web created\n');
  });

  it('wakes sleep as real time passes times the speed, and Ctrl-C interrupts it', async () => {
    const h = await started();
    h.host.handle({ type: 'speed', speed: 4 });
    h.host.handle({ type: 'line', line: 'sleep 8; echo woke' });
    await h.waitFor(() => h.events.some((e) => e.type === 'busy'));
    h.advanceReal(1000);
    await new Promise((r) => setTimeout(r, 120));
    expect(h.text()).not.toContain('woke');
    h.advanceReal(1000);
    await h.waitFor(() => h.text().includes('woke\n'));
    h.host.handle({ type: 'line', line: 'sleep 100' });
    await h.waitFor(() => h.last('busy') !== undefined && h.events[h.events.length - 1].type !== 'prompt');
    h.host.handle({ type: 'interrupt' });
    await h.waitFor(() => h.last('prompt')?.code === 130);
  });

  it('kubectl wait finishes as time moves, and Ctrl-C stops kubectl get -w', async () => {
    const h = await started();
    h.host.handle({ type: 'line', line: 'kubectl run web --image=nginx' });
    h.host.handle({ type: 'speed', speed: 16 });
    await h.waitFor(() => h.text().includes('pod/web created'));
    h.host.handle({ type: 'line', line: 'kubectl wait --for=condition=Ready pod/web --timeout=60s' });
    for (let i = 0; i < 6 && !h.text().includes('condition met'); i++) { h.advanceReal(1000); await new Promise((r) => setTimeout(r, 70)); }
    await h.waitFor(() => h.text().includes('pod/web condition met\n'));
    h.host.handle({ type: 'line', line: 'kubectl get pods -w' });
    await h.waitFor(() => /web\s+1\/1\s+Running/.test(h.text()));
    const prompts = h.events.filter((e) => e.type === 'prompt').length;
    h.advanceReal(1000);
    await new Promise((r) => setTimeout(r, 120));
    expect(h.events.filter((e) => e.type === 'prompt').length).toBe(prompts);
    h.host.handle({ type: 'interrupt' });
    await h.waitFor(() => h.events.filter((e) => e.type === 'prompt').length > prompts);
  });

  it('caps a flood of output and says so', async () => {
    const h = await started();
    h.host.handle({ type: 'line', line: 'seq 100000' });
    await h.waitFor(() => h.text().includes('output capped'));
    const out = h.text();
    expect(out).toContain('\n5000\n');
    expect(out).not.toContain('\n5001\n');
    expect(out).toContain('hint: output capped at 5,000 lines or 1 MB; 95,000 more not shown (try | tail or | grep)\n');
  });

  it('restores a saved session exactly: objects, files, history and a command still waiting', async () => {
    const h = await started();
    h.host.handle({ type: 'line', line: 'kubectl run web --image=nginx' });
    await h.waitFor(() => h.text().includes('pod/web created'));
    h.host.handle({ type: 'writeFile', id: 1, path: '/root/pod.yaml', content: 'hello\n' });
    h.host.handle({ type: 'line', line: 'sleep 30; kubectl delete pod web --wait=false' });
    for (let i = 0; i < 10; i++) { h.advanceReal(1000); await new Promise((r) => setTimeout(r, 60)); }
    const { saved, r } = await exportAndRestore(h);
    await r.waitFor(() => r.events.some((e) => e.type === 'snapshot'));
    const snap = r.last('snapshot')!;
    expect(snap.history).toEqual(['kubectl run web --image=nginx', 'sleep 30; kubectl delete pod web --wait=false']);
    expect(snap.time.now).toBe(saved.now);
    const pod = snap.objects.find((o) => o.kind === 'Pod' && o.metadata.name === 'web');
    const orig = h.host.debugSandbox()!.cluster.client.tryGet('pods', 'default', 'web');
    expect(pod).toEqual(orig);
    expect(r.last('restored')?.transcript).toContain('root@master:~# kubectl run web --image=nginx\npod/web created\n');
    // The sleep is still running after the restore and finishes at the same virtual instant.
    expect(r.events.some((e) => e.type === 'busy')).toBe(true);
    r.host.handle({ type: 'readFile', id: 3, path: '/root/pod.yaml' });
    await r.waitFor(() => r.events.some((e) => e.type === 'file'));
    expect(r.last('file')?.content).toBe('hello\n');
    for (let i = 0; i < 25; i++) { r.advanceReal(1000); await settle(); await new Promise((res) => setTimeout(res, 55)); }
    await r.waitFor(() => r.text().includes('pod "web" deleted'));
  });

  it('Ctrl-D ends a container shell, is ignored by the workstation shell, and is replayed on restore', async () => {
    const h = await started();
    const prompts = () => h.events.filter((e) => e.type === 'prompt').length;
    const typed = async (line: string) => { const n = prompts(); h.host.handle({ type: 'line', line }); await h.waitFor(() => prompts() > n); };
    h.host.handle({ type: 'speed', speed: 16 });
    await typed('kubectl run bb --image=busybox -- sleep 3600');
    h.host.handle({ type: 'line', line: 'sleep 30' });
    for (let i = 0; i < 20 && prompts() < 3; i++) { h.advanceReal(1000); await settle(); await new Promise((res) => setTimeout(res, 30)); }
    await typed('kubectl exec -it bb -- sh');
    expect(h.last('prompt')).toMatchObject({ text: '/ # ', nested: true });
    await typed('false');
    h.host.handle({ type: 'line', line: EOF_LINE });
    await h.waitFor(() => h.text().endsWith('/ # command terminated with exit code 1\nroot@master:~# '));
    expect(h.last('prompt')?.nested).toBeUndefined();
    // At the workstation prompt Ctrl-D only moves to a fresh prompt (the tab cannot log out).
    h.host.handle({ type: 'line', line: EOF_LINE });
    await h.waitFor(() => h.text().endsWith('exit code 1\nroot@master:~# \nroot@master:~# '));
    expect(h.text()).not.toContain('command not found');

    const { r } = await exportAndRestore(h);
    await r.waitFor(() => r.events.some((e) => e.type === 'restored'));
    expect(r.last('restored')?.transcript).toContain('/ # false\n/ # command terminated with exit code 1\n');
    await r.waitFor(() => r.last('prompt')?.text === 'root@master:~# ');
    expect(r.last('prompt')?.nested).toBeUndefined();
  });
});
