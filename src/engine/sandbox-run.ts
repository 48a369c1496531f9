// The learner's terminal as the sandbox sees it: which program reads the next input (the workstation
// shell, or an interactive program such as a container shell opened by `kubectl exec -it`), and where
// output goes when it is written after its own input finished (background jobs like
// `kubectl port-forward ... &` print `Handling connection for 8888` while a later `curl` runs).
import type { Shell } from './shell';
import { InterruptController, NEVER_INTERRUPTED, type Interrupt } from './util';
import type { InputHandler } from './sandbox-shell';

/** RunResult is what one input printed: stdout, stderr, both interleaved as a terminal shows them, and its exit status. */
export interface RunResult { stdout: string; stderr: string; output: string; code: number }

/** RunIO lets a host receive output as it is produced (the terminal) instead of at the end. */
export interface RunIO { stdout?(s: string): void; stderr?(s: string): void; interrupt?: Interrupt; isTTY?: boolean }

class Sink {
  stdout = '';
  stderr = '';
  output = '';
  constructor(private readonly io: RunIO) {}
  write(kind: 'out' | 'err', s: string): void {
    if (!s) return;
    if (kind === 'out') { this.stdout += s; this.io.stdout?.(s); } else { this.stderr += s; this.io.stderr?.(s); }
    this.output += s;
  }
  result(code: number): RunResult { return { stdout: this.stdout, stderr: this.stderr, output: this.output, code }; }
}

interface Nested { handler: InputHandler; resolve: (code: number) => void }

/**
 * Terminal routes each input to the program that reads the terminal: the top interactive program
 * when one is open, else the workstation shell. run() resolves once the input is consumed: the shell
 * command finished, or an interactive program is waiting for its next line.
 */
export class Terminal {
  private readonly stack: Nested[] = [];
  private outer: { ctl: InterruptController; done: boolean; code: number } | undefined;
  private wakeUp: (() => void) | undefined;
  private active: Sink | undefined;
  private last: RunIO | undefined;
  private pending: Array<['out' | 'err', string]> = [];
  private lastCode = 0;

  constructor(private readonly shell: Shell) {}

  /** prompt is the interactive program's prompt while one reads the terminal, else undefined (the host shows PS1). */
  prompt(): string | undefined {
    const top = this.stack[this.stack.length - 1];
    return top ? top.handler.prompt() : undefined;
  }

  /** nested tells whether an interactive program reads the terminal. */
  get nested(): boolean { return this.stack.length > 0; }

  /** open hands the terminal to handler until it ends; resolves with its exit code. */
  open(handler: InputHandler): Promise<number> {
    return new Promise((resolve) => {
      this.stack.push({ handler, resolve });
      this.wake();
    });
  }

  /** write is the shell's stdout/stderr: the running input's output, or late output of a background job. */
  write(kind: 'out' | 'err', s: string): void {
    if (!s) return;
    if (this.active) { this.active.write(kind, s); return; }
    const fn = kind === 'out' ? this.last?.stdout : this.last?.stderr;
    if (fn) fn(s); else this.pending.push([kind, s]);
  }

  /** run executes one input (a shell line, or a line for the open interactive program). */
  async run(input: string, io: RunIO = {}): Promise<RunResult> {
    const sink = new Sink(io);
    this.active = sink;
    this.last = io.stdout || io.stderr ? io : undefined;
    for (const [kind, s] of this.pending.splice(0)) sink.write(kind, s);
    const interrupt = io.interrupt ?? NEVER_INTERRUPTED;
    const offs: Array<() => void> = [];
    try {
      const top = this.stack[this.stack.length - 1];
      if (top) {
        let ended: boolean;
        try {
          ended = await top.handler.line(input, { stdout: (s) => sink.write('out', s), stderr: (s) => sink.write('err', s), interrupt });
        } catch (e) {
          // A bug in the interactive program must not leave the terminal stuck inside it.
          sink.write('err', `internal error: ${e instanceof Error ? e.message : String(e)}\n`);
          ended = true;
        }
        if (!ended) return sink.result(top.handler.exitCode);
        this.stack.pop();
        // The program ended: the command that opened it (kubectl exec) finishes, then the rest of its input line.
        offs.push(interrupt.onInterrupt(() => this.outer?.ctl.fire()));
        top.resolve(top.handler.exitCode);
      } else {
        const ctl = new InterruptController();
        offs.push(interrupt.onInterrupt(() => ctl.fire()));
        const outer = { ctl, done: false, code: 0 };
        this.outer = outer;
        void this.shell.run(input, {
          stdout: (s) => this.write('out', s),
          stderr: (s) => this.write('err', s),
          interrupt: ctl.signal,
          isTTY: io.isTTY,
        }).then((code) => {
          outer.done = true;
          outer.code = code;
          this.lastCode = code;
          if (this.outer === outer) this.outer = undefined;
          this.wake();
        });
      }
      const code = await this.idle();
      // A background job started by this input prints its first lines a few microtasks later.
      if (!this.nested && this.shell.jobs().some((j) => j.state === 'Running')) for (let k = 0; k < 64; k++) await Promise.resolve();
      return sink.result(code);
    } finally {
      for (const off of offs) off();
      if (this.active === sink) this.active = undefined;
    }
  }

  private wake(): void {
    const w = this.wakeUp;
    this.wakeUp = undefined;
    w?.();
  }

  /** idle resolves when the workstation shell is done with its input, or an interactive program waits for a line. */
  private async idle(): Promise<number> {
    for (;;) {
      if (this.stack.length) return 0;
      if (!this.outer) return this.lastCode;
      await new Promise<void>((resolve) => { this.wakeUp = resolve; });
    }
  }
}
