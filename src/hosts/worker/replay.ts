import { EOF_LINE, type SavedSandbox, type Scenario } from '../../engine/protocol';
import { Session, type Emit } from './session';

/** TRANSCRIPT_CAP is how much replayed terminal text is shown again after a restore. */
const TRANSCRIPT_CAP = 64_000;

/** settle lets every pending microtask (a command's continuation) run, as the live event loop would between ticks. */
export function settle(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => { ch.port1.close(); resolve(); };
    ch.port2.postMessage(null);
  });
}

/**
 * restoreSession rebuilds a session from a saved log: a fresh sandbox with the same seed, each
 * recorded input re-applied at its virtual time (ticks reproduce exactly when waiting commands
 * woke up), then time moved to the saved instant. Returns the session and the replayed transcript.
 */
export async function restoreSession(saved: SavedSandbox, emit: Emit): Promise<{ session: Session; transcript: string }> {
  let transcript = '';
  const session = new Session(saved.seed, (ev) => {
    if (ev.type === 'output') transcript += ev.data;
    else if (ev.type === 'prompt') transcript += ev.text;
  });
  session.recording = false;
  transcript = session.prompt();
  // Editor sessions opened by a replayed input wait for their recorded close (kubectl edit, vim).
  const editors = new Map<number, { path: string; resolve: (r: { saved: boolean }) => void }>();
  let index = 0;
  session.replayEditor = (path) => {
    for (let j = index + 1; j < saved.log.length; j++) {
      const next = saved.log[j];
      if (next.kind === 'input') break;
      if (next.kind === 'editor' && !editors.has(j)) return new Promise((resolve) => editors.set(j, { path, resolve }));
    }
    // A log from before editor sessions were recorded: the editor closes unsaved, as it used to.
    return Promise.resolve({ saved: false });
  };
  for (const [i, e] of saved.log.entries()) {
    index = i;
    session.advanceTo(e.t);
    await settle();
    switch (e.kind) {
      case 'input':
        // Ctrl-D is not echoed; what the shell printed for it follows in the output.
        if (e.input !== `${EOF_LINE}\n`) transcript += e.input;
        session.line(e.input.replace(/\n$/, ''));
        break;
      case 'interrupt':
        transcript += '^C\n';
        session.interrupt();
        break;
      case 'write':
        session.writeFile(e.path, e.content);
        break;
      case 'apply':
        await session.apply(e.yaml);
        break;
      case 'editor': {
        const pending = editors.get(i);
        editors.delete(i);
        if (!pending) break;
        if (e.content !== undefined) session.sandbox.fs.writeFile(pending.path, e.content);
        pending.resolve({ saved: e.saved });
        break;
      }
      case 'tick':
        // Moving the clock and letting waiters settle (above) was the whole entry.
        continue;
    }
    session.flush();
    await settle();
  }
  for (const p of editors.values()) p.resolve({ saved: false });
  session.replayEditor = undefined;
  session.advanceTo(saved.now);
  await settle();
  session.flush();
  session.log.push(...saved.log);
  session.recording = true;
  session.setEmit(emit);
  if (transcript.length > TRANSCRIPT_CAP) transcript = transcript.slice(transcript.indexOf('\n', transcript.length - TRANSCRIPT_CAP) + 1);
  return { session, transcript };
}

/** startScenario writes a shared scenario's files into a new session and queues its commands in the terminal. */
export function startScenario(session: Session, scenario: Scenario): void {
  for (const [path, content] of Object.entries(scenario.files ?? {})) {
    try { session.writeFile(session.sandbox.fs.resolve(session.sandbox.fs.home, path), content); } catch { /* a bad path in a shared link is skipped */ }
  }
  for (const cmd of scenario.commands ?? []) session.run(cmd);
}
