import { createSandbox, type Sandbox } from '../../engine/sandbox';
import { InterruptController } from '../../engine/util';
import { EOF_LINE, type LogEntry, type SandboxEvent } from '../../engine/protocol';
import { OutputBuffer } from './output';

/** PS2 is bash's continuation prompt. */
export const PS2 = '> ';

/** Emit sends one event towards the UI. */
export type Emit = (ev: SandboxEvent) => void;

/**
 * Session is one sandbox plus the terminal's line discipline: it joins continuation lines, runs
 * complete inputs one at a time, forwards Ctrl-C, and records every input with its virtual time
 * in `log` so the same session can be replayed after a reload.
 */
export class Session {
  readonly sandbox: Sandbox;
  readonly log: LogEntry[] = [];
  /** recording is false while a saved log is being replayed. */
  recording = true;
  /** out buffers terminal output until the host flushes it. */
  readonly out = new OutputBuffer();
  private pendingLines = '';
  private controller: InterruptController | undefined;
  private queue: string[] = [];

  /** openEditor opens a file in the browser editor for `vim FILE` / `kubectl edit` (W2); unset, the editor closes at once. */
  openEditor: ((path: string) => Promise<{ saved: boolean }>) | undefined;

  /**
   * replayEditor answers editor sessions while a saved log is replayed (set by restoreSession): it
   * resolves when the replay reaches the recorded close, with the saved file written back.
   */
  replayEditor: ((path: string) => Promise<{ saved: boolean }>) | undefined;

  constructor(readonly seed: number, private emit: Emit) {
    this.sandbox = createSandbox({
      timeMode: 'host', seed,
      host: { openEditor: (path) => this.editor(path) },
    });
  }

  /** editor runs one editor session; when recording, its close (and the saved file) is logged so a replay repeats the edit. */
  private async editor(path: string): Promise<{ saved: boolean }> {
    if (!this.recording) return this.replayEditor ? this.replayEditor(path) : { saved: false };
    if (!this.openEditor) return { saved: false };
    const r = await this.openEditor(path);
    const fs = this.sandbox.fs;
    const content = fs.exists(path) && !fs.isDir(path) ? fs.readFile(path) : undefined;
    this.record({ t: this.now(), kind: 'editor', path, saved: r.saved, ...(content !== undefined ? { content } : {}) });
    return r;
  }

  /** setEmit redirects events (a restored session starts talking to the UI once replay is done). */
  setEmit(emit: Emit): void { this.emit = emit; }

  /** busy is true while an input runs. */
  get busy(): boolean { return this.controller !== undefined; }

  /** now is the virtual time. */
  now(): number { return this.sandbox.cluster.clock.now(); }

  /** prompt is bash's PS1 for the current directory (`root@master:~# `), or the container shell's inside `kubectl exec -it`. */
  prompt(): string {
    const nested = this.sandbox.prompt();
    if (nested !== undefined) return nested;
    const home = this.sandbox.fs.home, cwd = this.sandbox.shell.cwd;
    const shown = cwd === home ? '~' : cwd.startsWith(home + '/') ? '~' + cwd.slice(home.length) : cwd;
    return `root@master:${shown}# `;
  }

  /** line takes one typed line; it runs the input once complete, else asks for a continuation. */
  line(line: string): void {
    if (this.busy) return;
    if (line === EOF_LINE && this.sandbox.prompt() === undefined) {
      // Ctrl-D reached the workstation shell (its program ended meanwhile): it cannot log out; a fresh prompt.
      this.pendingLines = '';
      this.out.push('stdout', '\n');
      this.emitPrompt();
      const next = this.queue.shift();
      if (next !== undefined) this.run(next);
      return;
    }
    this.pendingLines += line + '\n';
    const input = this.pendingLines;
    if (!input.trim()) { this.pendingLines = ''; this.emitPrompt(); return; }
    if (this.sandbox.prompt() === undefined && this.sandbox.shell.needsMore(input)) { this.emit({ type: 'prompt', text: PS2, continuation: true }); return; }
    this.pendingLines = '';
    this.start(input);
  }

  /** run executes a complete input as if typed: echoed after the prompt, queued behind a running command. */
  run(input: string): void {
    if (this.busy || this.pendingLines) { this.queue.push(input); return; }
    // A shared session's Ctrl-D is not echoed: it goes where a typed one goes.
    if (input.replace(/\n*$/, '') === EOF_LINE) { this.line(EOF_LINE); return; }
    this.out.push('stdout', input.replace(/\n*$/, '\n'));
    this.start(input.replace(/\n*$/, '\n'));
  }

  /** interrupt is Ctrl-C: it fires the running command's interrupt or drops a pending continuation. */
  interrupt(): void {
    if (this.controller) {
      this.record({ t: this.now(), kind: 'interrupt' });
      this.controller.fire();
      // Let the interrupted command settle; it prints its prompt when its promise resolves.
      return;
    }
    // Nothing runs: drop a pending continuation; the terminal shows PS1 itself.
    this.pendingLines = '';
  }

  /** advanceTo moves virtual time to t and wakes commands waiting on it; ticks are logged while something runs. */
  advanceTo(t: number): void {
    const { clock } = this.sandbox.cluster;
    if (t <= clock.now()) return;
    clock.advanceTo(t);
    if (this.busy || this.sandbox.shell.jobs().some((j) => j.state === 'Running')) this.record({ t, kind: 'tick' });
    this.sandbox.time.poll();
  }

  /** writeFile saves a file for the editor (recorded). */
  writeFile(path: string, content: string): void {
    this.sandbox.fs.writeFile(path, content);
    this.record({ t: this.now(), kind: 'write', path, content });
  }

  /** apply runs `kubectl apply` on yaml (recorded) and resolves with its output. */
  apply(yaml: string): Promise<{ output: string; code: number }> {
    this.record({ t: this.now(), kind: 'apply', yaml });
    return this.sandbox.apply(yaml).then((r) => ({ output: r.output, code: r.code }));
  }

  /** record appends an entry to the log unless replaying. */
  record(entry: LogEntry): void {
    if (this.recording) this.log.push(entry);
  }

  /** emitPrompt flushes output and shows PS1. */
  emitPrompt(code?: number): void {
    this.flush();
    const nested = this.sandbox.prompt() !== undefined;
    this.emit({ type: 'prompt', text: this.prompt(), continuation: false, code, ...(nested ? { nested } : {}) });
  }

  /** flush sends buffered terminal output. */
  flush(): void {
    for (const c of this.out.take()) this.emit({ type: 'output', stream: c.stream, data: c.data });
  }

  private start(input: string): void {
    this.record({ t: this.now(), kind: 'input', input });
    const controller = new InterruptController();
    this.controller = controller;
    this.emit({ type: 'busy' });
    // sandbox.run resolves when the input is consumed: the command finished, or a container shell
    // opened by `kubectl exec -it` waits for its next line (the prompt becomes the container's).
    void this.sandbox.run(input, {
      stdout: (s) => this.out.push('stdout', s),
      stderr: (s) => this.out.push('stderr', s),
      interrupt: controller.signal,
      isTTY: true,
    }).then(({ code }) => {
      this.controller = undefined;
      const notice = this.out.finish();
      if (notice) this.out.push('stdout', notice);
      this.emitPrompt(code);
      const next = this.queue.shift();
      if (next !== undefined) this.run(next);
    });
  }
}
