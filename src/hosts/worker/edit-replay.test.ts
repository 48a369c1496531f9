import { describe, it, expect } from 'vitest';
import type { SandboxEvent, SavedSandbox } from '../../engine/protocol';
import { Session } from './session';
import { restoreSession } from './replay';

/** typed runs one line in session as the terminal does and waits for the next prompt. */
async function typed(session: Session, events: SandboxEvent[], line: string): Promise<void> {
  const before = events.filter((e) => e.type === 'prompt').length;
  session.line(line);
  const end = performance.now() + 5000;
  while (events.filter((e) => e.type === 'prompt').length === before) {
    if (performance.now() > end) throw new Error(`no prompt after ${line}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

function labels(session: Session): Record<string, string> | undefined {
  return session.sandbox.cluster.client.get('pods', 'default', 'web').metadata.labels;
}

describe('kubectl edit survives a reload', () => {
  it('records the editor session with the saved file, and replay repeats the same edit', async () => {
    const events: SandboxEvent[] = [];
    const session = new Session(7, (e) => events.push(e));
    // The browser editor: the learner adds a label, the UI writes the file, then closes the editor saved.
    session.openEditor = async (path) => {
      const text = session.sandbox.fs.readFile(path).replace('    run: web\n', '    run: web\n    tier: frontend\n');
      session.advanceTo(session.now() + 3000);
      session.writeFile(path, text);
      return { saved: true };
    };
    await typed(session, events, 'kubectl run web --image=nginx');
    session.advanceTo(session.now() + 20_000);
    await typed(session, events, 'kubectl edit pod web');
    expect(labels(session)).toEqual({ run: 'web', tier: 'frontend' });
    const text = events.map((e) => (e.type === 'output' ? e.data : '')).join('');
    expect(text).toContain('pod/web edited\n');
    const entry = session.log.find((e) => e.kind === 'editor');
    expect(entry).toMatchObject({ kind: 'editor', saved: true, path: '/tmp/kubectl-edit-web-0.yaml' });
    expect(entry?.kind === 'editor' && entry.content).toContain('tier: frontend');

    const saved: SavedSandbox = { format: 'kube-sandbox', version: 1, seed: 7, log: [...session.log], now: session.now(), speed: 1, paused: false };
    session.sandbox.cluster.stop();
    const { session: restored, transcript } = await restoreSession(saved, () => {});
    expect(labels(restored)).toEqual({ run: 'web', tier: 'frontend' });
    expect(transcript).toContain('pod/web edited\n');
    expect(transcript).not.toContain('Edit cancelled');
    restored.sandbox.cluster.stop();
  });

  it('an old log without editor entries still replays (the editor closes unsaved)', async () => {
    const saved: SavedSandbox = {
      format: 'kube-sandbox', version: 1, seed: 7, speed: 1, paused: false, now: 1741597230000,
      log: [
        { t: 1741597200000, kind: 'input', input: 'kubectl run web --image=nginx\n' },
        { t: 1741597220000, kind: 'input', input: 'kubectl edit pod web\n' },
        { t: 1741597225000, kind: 'input', input: 'echo next\n' },
      ],
    };
    const { session, transcript } = await restoreSession(saved, () => {});
    expect(transcript).toContain('Edit cancelled, no changes made.\n');
    expect(transcript).toContain('next\n');
    session.sandbox.cluster.stop();
  });
});

describe('kubectl exec -it in the browser session', () => {
  it('shows the container prompt while nested and comes back to PS1 after exit', async () => {
    const events: SandboxEvent[] = [];
    const session = new Session(7, (e) => events.push(e));
    await typed(session, events, 'kubectl run bb --image=busybox -- sleep 3600');
    session.advanceTo(session.now() + 20_000);
    await typed(session, events, 'kubectl exec -it bb -- sh');
    expect(session.prompt()).toBe('/ # ');
    expect([...events].reverse().find((e) => e.type === 'prompt')).toMatchObject({ text: '/ # ' });
    await typed(session, events, 'hostname');
    expect(events.map((e) => (e.type === 'output' ? e.data : '')).join('')).toContain('bb\n');
    await typed(session, events, 'exit');
    expect(session.prompt()).toBe('root@master:~# ');
    const saved: SavedSandbox = { format: 'kube-sandbox', version: 1, seed: 7, log: [...session.log], now: session.now(), speed: 1, paused: false };
    session.sandbox.cluster.stop();
    const { session: restored, transcript } = await restoreSession(saved, () => {});
    expect(transcript).toContain('/ # hostname\nbb\n/ # exit\nroot@master:~# ');
    restored.sandbox.cluster.stop();
  });
});
