import { PROTOCOL_VERSION, type Command, type SandboxEvent, type SavedSandbox, type Scenario } from '../../engine/protocol';
import { emitSandboxEvent, failPending, reduceEvent, request, send, setTransport, settleReply, useSandbox } from '../store';
import { decodeScenario, encodeScenario, idbGet, idbSet, scenarioFrom } from '../persistence';

/** SAVE_KEY is the IndexedDB key of the saved sandbox. */
const SAVE_KEY = 'sandbox';

let worker: Worker | undefined;
let lastSaved: SavedSandbox | undefined;
let restarts = 0;
/** recovering is true from a crash until the restarted worker's snapshot. */
let recovering = false;

function spawn(init: Extract<Command, { type: 'init' }>): void {
  const w = new Worker(new URL('../../hosts/worker.ts', import.meta.url), { type: 'module', name: 'kube-sandbox' });
  worker = w;
  w.onmessage = (e: MessageEvent<SandboxEvent>) => receive(e.data);
  w.onerror = (e: ErrorEvent) => { e.preventDefault(); crashed(w, e.message || 'unknown error'); };
  w.onmessageerror = () => crashed(w, 'a message could not be read');
  w.postMessage(init);
  setTransport({ send: (cmd) => w.postMessage(cmd) });
}

function receive(ev: SandboxEvent): void {
  if (settleReply(ev)) return;
  if (ev.type === 'checkpoint') {
    lastSaved = ev.saved;
    void idbSet(SAVE_KEY, ev.saved).catch(() => undefined);
    return;
  }
  reduceEvent(ev);
  if (ev.type === 'snapshot' && recovering) {
    recovering = false;
    useSandbox.setState({ notice: 'The sandbox engine stopped and was restarted from the last saved state.' });
  }
  emitSandboxEvent(ev);
}

function crashed(w: Worker, message: string): void {
  if (worker !== w) return;
  w.terminate();
  worker = undefined;
  setTransport(undefined);
  failPending('the sandbox worker stopped');
  restarts++;
  recovering = true;
  useSandbox.setState({
    connection: 'crashed',
    notice: `The sandbox engine stopped (${message}). Restarting it from the last saved state…`,
  });
  // Restart from the last checkpoint; the terminal shows the replayed session again.
  spawn({ type: 'init', version: PROTOCOL_VERSION, saved: lastSaved });
}

/**
 * startSandbox launches the worker: from a shared scenario in the URL hash if present (the hash is
 * then cleared so a reload keeps the session), else from the state saved in IndexedDB, else fresh.
 */
export async function startSandbox(): Promise<void> {
  // A shared link opened in this tab later (only the hash changes) starts its scenario too.
  window.addEventListener('hashchange', () => {
    const next = decodeScenario(location.hash);
    if (!next) return;
    history.replaceState(null, '', location.pathname + location.search);
    useSandbox.setState({ notice: '', selection: null });
    send({ type: 'init', version: PROTOCOL_VERSION, scenario: next });
  });
  const scenario = decodeScenario(location.hash);
  if (scenario) {
    history.replaceState(null, '', location.pathname + location.search);
    spawn({ type: 'init', version: PROTOCOL_VERSION, scenario });
    return;
  }
  const saved = await idbGet<SavedSandbox>(SAVE_KEY);
  lastSaved = saved;
  spawn({ type: 'init', version: PROTOCOL_VERSION, saved });
}

/** restartCount is how many times the worker was restarted after a crash. */
export function restartCount(): number { return restarts; }

/** resetSandbox throws the cluster away and starts a fresh one. */
export function resetSandbox(): void {
  useSandbox.setState({ notice: '', selection: null });
  send({ type: 'reset' });
}

/** exportSandbox resolves with the whole sandbox as saved state. */
export async function exportSandbox(): Promise<SavedSandbox> {
  const ev = await request<Extract<SandboxEvent, { type: 'exported' }>>({ type: 'export' });
  return ev.saved;
}

/** importSandbox replaces the sandbox with saved state (replayed in the worker). */
export function importSandbox(saved: SavedSandbox): void {
  useSandbox.setState({ notice: '', selection: null });
  send({ type: 'import', saved });
}

/** shareLink builds a URL whose hash recreates this session's files and commands. */
export async function shareLink(): Promise<string> {
  const scenario: Scenario = scenarioFrom(await exportSandbox());
  return location.origin + location.pathname + encodeScenario(scenario);
}

/** crashWorker makes the worker throw (used by the e2e test of the restart path). */
export function crashWorker(): void {
  send({ type: 'crash' });
}
