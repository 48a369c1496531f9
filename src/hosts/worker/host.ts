import { PROTOCOL_VERSION, SPEEDS, type Command, type FileEntry, type SandboxEvent, type SavedSandbox, type Scenario, type TimeState } from '../../engine/protocol';
import { ObjectFeed } from './object-feed';
import { restoreSession, startScenario } from './replay';
import { Session } from './session';
import { PanelHost } from './panels';
import { TrafficFeed, type TrafficOptions } from './traffic-feed';

/** TICK_MS is how often (real time) the host advances the virtual clock. */
const TICK_MS = 50;
/** FLUSH_MS is how often object diffs, output and time are sent to the UI. */
const FLUSH_MS = 80;
/** MAX_TICK_MS caps the real time one tick may account for. */
const MAX_TICK_MS = 1000;
/** CHECKPOINT_MS is how often a checkpoint is sent while only time moves. */
const CHECKPOINT_MS = 2000;
/** DEFAULT_SEED is the seed of a new sandbox. */
export const DEFAULT_SEED = 42;

/**
 * WorkerHost runs one session inside the worker: it answers commands, moves the virtual clock by
 * real elapsed time × speed, and streams diffs, output, time and checkpoints to the UI.
 */
export class WorkerHost {
  private session: Session | undefined;
  private feed: ObjectFeed | undefined;
  private time: Omit<TimeState, 'now'> = { speed: 1, paused: false };
  private lastReal = 0;
  private lastCheckpoint = 0;
  private logLength = 0;
  private savedNow = 0;
  private savedTimeKey = '';
  private unwatchFiles: (() => void) | undefined;
  private fileChanges: Array<{ type: 'write' | 'remove' | 'mkdir' | 'rename'; path: string; to?: string }> = [];
  private ready: Promise<void> = Promise.resolve();
  /** panels answers the inspector's and editor's commands (W2). */
  private panels: PanelHost;
  private timers: Array<ReturnType<typeof setInterval>>;
  /** traffic forwards request traces and generator stats (N7); its options outlive a reset. */
  private traffic: TrafficFeed | undefined;
  private trafficOptions: TrafficOptions = { traces: true, probes: false };

  constructor(private post: (ev: SandboxEvent) => void, private now: () => number) {
    this.panels = new PanelHost(post);
    this.timers = [setInterval(() => this.tick(), TICK_MS), setInterval(() => this.flush(), FLUSH_MS)];
  }

  /** dispose stops the host's timers and the cluster (tests; a worker simply terminates). */
  dispose(): void {
    this.timers.forEach(clearInterval);
    this.feed?.stop();
    this.traffic?.stop();
    this.session?.sandbox.cluster.stop();
  }

  /** debugSandbox exposes the running sandbox to tests. */
  debugSandbox(): Session['sandbox'] | undefined { return this.session?.sandbox; }

  /** handle processes one command from the UI (in arrival order, after any restore in progress). */
  handle(cmd: Command): void {
    this.ready = this.ready.then(() => this.dispatch(cmd)).catch((e: unknown) => {
      this.post({ type: 'error', message: `worker: ${e instanceof Error ? e.message : String(e)}` });
    });
  }

  private async dispatch(cmd: Command): Promise<void> {
    if (cmd.type === 'init') return this.init(cmd.saved, cmd.scenario, cmd.seed);
    if (cmd.type === 'crash') { setTimeout(() => { throw new Error('simulated worker crash'); }); return; }
    const s = this.session;
    if (!s) return;
    switch (cmd.type) {
      case 'line': s.line(cmd.line); break;
      case 'run': s.run(cmd.input); break;
      case 'interrupt': s.interrupt(); break;
      case 'complete': {
        const r = s.sandbox.complete(cmd.line, cmd.cursor);
        this.post({ type: 'completion', id: cmd.id, start: r.start, candidates: r.candidates });
        break;
      }
      case 'resize': break; // The shell has no use for the size yet (no full-screen programs).
      case 'pause': this.time.paused = true; this.postTime(); break;
      case 'resume': this.time.paused = false; this.lastReal = this.now(); this.postTime(); break;
      case 'step': s.advanceTo(s.now() + Math.max(0, cmd.ms)); this.postTime(); break;
      case 'speed': this.time.speed = SPEEDS.includes(cmd.speed) ? cmd.speed : 1; this.postTime(); break;
      case 'reset': return this.init(undefined, undefined, s.seed);
      case 'export': this.post({ type: 'exported', id: cmd.id, saved: this.saved() }); break;
      case 'import': return this.init(cmd.saved);
      case 'readFile': {
        try { this.post({ type: 'file', id: cmd.id, path: cmd.path, content: s.sandbox.fs.readFile(cmd.path) }); }
        catch (e) { this.post({ type: 'file', id: cmd.id, path: cmd.path, error: errText(e) }); }
        break;
      }
      case 'writeFile': {
        try { s.writeFile(cmd.path, cmd.content); this.post({ type: 'written', id: cmd.id, path: cmd.path }); }
        catch (e) { this.post({ type: 'written', id: cmd.id, path: cmd.path, error: errText(e) }); }
        break;
      }
      case 'trafficOptions':
        this.trafficOptions = { traces: !!cmd.traces, probes: !!cmd.probes };
        this.traffic?.setOptions(this.trafficOptions);
        break;
      case 'apply': {
        const r = await s.apply(cmd.yaml);
        this.post({ type: 'applied', id: cmd.id, ...r });
        break;
      }
      default:
        this.panels.handle(cmd, s.sandbox);
        break;
    }
  }

  private async init(saved?: SavedSandbox, scenario?: Scenario, seed?: number): Promise<void> {
    this.panels.reset();
    this.feed?.stop();
    this.traffic?.stop();
    this.unwatchFiles?.();
    this.session?.sandbox.cluster.stop();
    this.session = undefined;
    let session: Session;
    let transcript = '';
    if (saved && saved.format === 'kube-sandbox' && Array.isArray(saved.log)) {
      this.post({ type: 'restoring', entries: saved.log.length });
      ({ session, transcript } = await restoreSession(saved, this.post));
      this.time = { speed: SPEEDS.includes(saved.speed) ? saved.speed : 1, paused: !!saved.paused };
    } else {
      session = new Session(seed ?? DEFAULT_SEED, this.post);
      this.time = { speed: 1, paused: false };
    }
    this.session = session;
    session.openEditor = (path) => this.panels.openEditor(path);
    this.feed = new ObjectFeed(session.sandbox);
    this.traffic = new TrafficFeed(session.sandbox, this.trafficOptions);
    this.unwatchFiles = session.sandbox.fs.onChange((c) => this.fileChanges.push(c));
    this.lastReal = this.now();
    this.logLength = session.log.length;
    this.post({
      type: 'snapshot', version: PROTOCOL_VERSION, objects: this.feed.snapshot, files: listFiles(session),
      time: this.timeState(), history: [...session.sandbox.shell.history], prompt: session.prompt(), seed: session.seed,
    });
    if (saved) {
      const prompt = session.prompt();
      if (!session.busy && transcript.endsWith(prompt)) transcript = transcript.slice(0, -prompt.length);
      this.post({ type: 'restored', transcript });
    }
    if (!session.busy) session.emitPrompt();
    else this.post({ type: 'busy' });
    if (scenario) startScenario(session, scenario);
    this.checkpoint();
  }

  private tick(): void {
    const real = this.now();
    // A suspended tab or laptop resumes where it stopped instead of jumping far ahead.
    const dt = Math.min(real - this.lastReal, MAX_TICK_MS);
    this.lastReal = real;
    const s = this.session;
    if (!s || this.time.paused || dt <= 0) return;
    s.advanceTo(s.now() + dt * this.time.speed);
  }

  private flush(): void {
    const s = this.session;
    if (!s) return;
    s.flush();
    const diff = this.feed?.take();
    if (diff) this.post({ type: 'diff', ...diff });
    const traffic = this.traffic?.take(this.now());
    if (traffic) this.post(traffic);
    if (this.fileChanges.length) this.post({ type: 'files', changes: this.fileChanges.splice(0) });
    this.postTime();
    const real = this.now();
    // Save at once after a real input; while only time moves (ticks included), every CHECKPOINT_MS.
    const newInput = s.log.slice(this.logLength).some((e) => e.kind !== 'tick');
    const moved = s.log.length !== this.logLength || s.now() !== this.savedNow;
    if (newInput || this.timeKey() !== this.savedTimeKey || (moved && real - this.lastCheckpoint > CHECKPOINT_MS)) this.checkpoint();
  }

  private checkpoint(): void {
    if (!this.session) return;
    this.logLength = this.session.log.length;
    this.savedNow = this.session.now();
    this.savedTimeKey = this.timeKey();
    this.lastCheckpoint = this.now();
    this.post({ type: 'checkpoint', saved: this.saved() });
  }

  private saved(): SavedSandbox {
    const s = this.session!;
    return { format: 'kube-sandbox', version: 1, seed: s.seed, log: [...s.log], now: s.now(), ...this.time };
  }

  private timeKey(): string { return `${this.time.speed}/${this.time.paused}`; }

  private timeState(): TimeState { return { now: this.session?.now() ?? 0, ...this.time }; }

  private postTime(): void { if (this.session) this.post({ type: 'time', time: this.timeState() }); }
}

function listFiles(session: Session): FileEntry[] {
  const fs = session.sandbox.fs;
  const out: FileEntry[] = [];
  const walk = (dir: string) => {
    for (const name of fs.readdir(dir)) {
      const path = dir === '/' ? `/${name}` : `${dir}/${name}`;
      const type = fs.isDir(path) ? 'dir' : 'file';
      out.push({ path, type });
      if (type === 'dir' && !path.startsWith('/proc') && !path.startsWith('/sys')) walk(path);
    }
  };
  walk('/');
  return out;
}

function errText(e: unknown): string { return e instanceof Error ? e.message : String(e); }
