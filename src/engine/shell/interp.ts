import type { Vfs } from '../vfs/types';
import { VfsError } from '../vfs/types';
import type { Clock } from '../util/clock';
import type { TimeDriver } from '../util/time-driver';
import { InterruptController, type Interrupt } from '../util/interrupt';
import type { Node, Redir } from './ast';
import type { CommandContext, CommandFn, ShellHost } from './types';
import { parse, ShellSyntaxError, splitWords } from './parser';
import { braceExpand, expandWord, ExpansionError, type ExpandCtx, type Mode } from './expand';
import { ArithError, evalArith } from './arith';
import { Collector, ExitSignal, LoopSignal, ReturnSignal, Stdin, type IO, type Writer } from './io';
import { cloneState, type ShellState } from './state';
import { applyRedirs } from './redirect';
import { execCompound } from './compound';

/** Builtin is a command that needs the shell itself (cd, export, source...). */
export type Builtin = (args: string[], st: ShellState, io: IO, sh: Interp) => number | Promise<number>;

/** Job is one background job (`cmd &`). */
export interface Job { id: number; pid: number; command: string; state: 'Running' | 'Done'; status: number; promise: Promise<number>; ctl: InterruptController; notified: boolean; killed: boolean }

const PLAIN_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** LOOP_LIMIT caps loop iterations so `while true; do :; done` cannot hang a worker. */
export const LOOP_LIMIT = 100_000;

/** Ctx is the CommandContext handed to commands; stdin is read lazily so `read` loops keep their input. */
class Ctx implements CommandContext {
  private cached: string | undefined;
  readonly stdout: Writer;
  readonly stderr: Writer;
  readonly fs: Vfs;
  readonly time: TimeDriver;
  readonly interrupt: Interrupt;
  readonly isTTY: boolean;
  readonly host: ShellHost | undefined;
  readonly background: boolean;
  constructor(readonly argv: string[], private readonly io: IO, readonly env: Record<string, string>, readonly cwd: string, sh: Interp) {
    this.stdout = io.stdout;
    this.stderr = io.stderr;
    this.fs = sh.fs;
    this.time = sh.time;
    this.interrupt = io.interrupt;
    this.isTTY = io.tty;
    this.host = sh.host;
    this.background = io.background ?? false;
  }
  get stdin(): string {
    if (this.cached === undefined) this.cached = this.io.stdin.readAll();
    return this.cached;
  }
}

/** Interp executes parsed shell programs against a ShellState. */
export class Interp {
  readonly commands = new Map<string, CommandFn>();
  readonly builtins = new Map<string, Builtin>();
  readonly jobs: Job[] = [];
  readonly history: string[] = [];
  private nextPid = 4242;

  constructor(
    readonly fs: Vfs,
    readonly time: TimeDriver,
    readonly root: ShellState,
    readonly hostname: string,
    readonly clock: Clock | undefined,
    readonly host: ShellHost | undefined,
  ) {
    this.startedAt = clock?.now() ?? 0;
  }

  /** runSource parses and runs src in st; syntax errors print bash's text and give 2. */
  async runSource(src: string, st: ShellState, io: IO): Promise<number> {
    let node: Node;
    try {
      node = parse(src, (w) => io.stderr(`bash: ${w}\n`));
    } catch (e) {
      if (e instanceof ShellSyntaxError) {
        io.stderr(`bash: ${e.message}\n`);
        st.lastStatus = 2;
        return 2;
      }
      throw e;
    }
    return this.exec(node, st, io);
  }

  /** exec runs one node and returns its status (also stored in st.lastStatus). */
  async exec(node: Node, st: ShellState, io: IO): Promise<number> {
    const status = await this.execInner(node, st, io);
    st.lastStatus = status;
    return status;
  }

  private async execInner(node: Node, st: ShellState, io: IO): Promise<number> {
    switch (node.type) {
      case 'list': return this.execList(node, st, io);
      case 'andor': {
        st.condDepth++;
        let s: number;
        try { s = await this.exec(node.first, st, io); } finally { st.condDepth--; }
        for (let k = 0; k < node.rest.length; k++) {
          const { op, node: n } = node.rest[k];
          if ((op === '&&') !== (s === 0)) continue;
          const last = k === node.rest.length - 1;
          if (!last) st.condDepth++;
          try { s = await this.exec(n, st, io); } finally { if (!last) st.condDepth--; }
        }
        return s;
      }
      case 'pipeline': return this.execPipeline(node, st, io);
      case 'simple': return this.execSimple(node, st, io);
      case 'func': st.functions.set(node.name, node.body); return 0;
      default: return this.withRedirs(node.redirs, st, io, (io2) => execCompound(this, node, st, io2));
    }
  }

  private async execList(node: Extract<Node, { type: 'list' }>, st: ShellState, io: IO): Promise<number> {
    let status = st.lastStatus;
    for (const item of node.items) {
      if (io.interrupt.interrupted) return 130;
      if (item.bg) { status = this.startJob(item.node, item.text, st, io); continue; }
      status = await this.exec(item.node, st, io);
      if (status !== 0 && st.options.errexit && st.condDepth === 0 && !(item.node.type === 'pipeline' && item.node.negate)) throw new ExitSignal(status);
    }
    return status;
  }

  private startJob(node: Node, text: string, st: ShellState, io: IO): number {
    const ctl = new InterruptController();
    const sub = cloneState(st);
    const id = (this.jobs.length ? Math.max(...this.jobs.map((j) => j.id)) : 0) + 1;
    const pid = this.nextPid++;
    const job: Job = { id, pid, command: text, state: 'Running', status: 0, ctl, notified: false, killed: false, promise: Promise.resolve(0) };
    const jobIo: IO = { ...io, stdin: new Stdin(''), tty: false, interrupt: ctl.signal, background: true };
    job.promise = (async () => {
      try { return await this.exec(node, sub, jobIo); } catch (e) { return e instanceof ExitSignal ? e.status : this.internal(e, io); }
    })().then((s) => { job.state = 'Done'; job.status = job.killed ? 143 : s; return job.status; });
    this.jobs.push(job);
    st.lastBgPid = pid;
    if (io.tty) io.stderr(`[${id}] ${pid}\n`);
    return 0;
  }

  /** internal prints a caught JS error as bash would never: `bash: internal error: ...`. */
  internal(e: unknown, io: IO): number {
    const msg = e instanceof Error ? e.message : String(e);
    io.stderr(`bash: internal error: ${msg}\n`);
    return 1;
  }

  private async execPipeline(node: Extract<Node, { type: 'pipeline' }>, st: ShellState, io: IO): Promise<number> {
    let input: Stdin = io.stdin;
    const statuses: number[] = [];
    for (let k = 0; k < node.cmds.length; k++) {
      const last = k === node.cmds.length - 1;
      const single = node.cmds.length === 1;
      const sub = single ? st : cloneState(st);
      if (io.interrupt.interrupted) return 130;
      if (last) {
        statuses.push(await this.exec(node.cmds[k], sub, { ...io, stdin: input }));
      } else {
        const out = new Collector();
        try {
          statuses.push(await this.exec(node.cmds[k], sub, { ...io, stdin: input, stdout: out.write, tty: false }));
        } catch (e) {
          if (e instanceof ExitSignal) statuses.push(e.status); else throw e;
        }
        input = new Stdin(out.text());
      }
    }
    let status = statuses[statuses.length - 1];
    if (st.options.pipefail) status = [...statuses].reverse().find((s) => s !== 0) ?? 0;
    if (node.negate) status = status === 0 ? 1 : 0;
    return status;
  }

  /** expandCtx builds the expansion context over st. */
  expandCtx(st: ShellState, io: IO): ExpandCtx {
    return {
      getVar: (n) => {
        const v = st.vars.get(n);
        if (v === undefined && st.options.nounset) throw new ExpansionError(`${n}: unbound variable`);
        return v;
      },
      setVar: (n, v) => { st.vars.set(n, v); },
      positional: st.positional,
      special: (n) => {
        switch (n) {
          case '?': return String(st.lastStatus);
          case '$': return '4211';
          case '!': return st.lastBgPid ? String(st.lastBgPid) : '';
          case '-': return 'hB';
          // Deterministic LCG (no Math.random in the engine): repeatable scripts, like a fixed seed.
          case 'RANDOM': this.randomSeed = (this.randomSeed * 1103515245 + 12345) % 2147483648; return String(this.randomSeed % 32768);
          case 'SECONDS': return String(Math.floor(((this.clock?.now() ?? 0) - this.startedAt) / 1000));
          default: return undefined;
        }
      },
      commandSubst: async (src) => {
        const file = /^\s*<\s*(\S+)\s*$/.exec(src);
        if (file) {
          // $(< file) reads the file without running a command.
          const name = await this.expandOne(file[1], st, io);
          try { return this.fs.readFile(this.fs.resolve(st.cwd, name)); } catch (e) {
            io.stderr(`bash: ${name}: ${e instanceof VfsError ? e.message : String(e)}\n`);
            return '';
          }
        }
        const out = new Collector();
        const sub = cloneState(st);
        let s: number;
        try {
          s = await this.runSource(src, sub, { ...io, stdout: out.write, stdin: new Stdin(''), tty: false });
        } catch (e) {
          if (e instanceof ExitSignal) s = e.status; else throw e;
        }
        this.substStatus = s;
        return out.text();
      },
      procSubst: async (src) => {
        const out = new Collector();
        const sub = cloneState(st);
        try { await this.runSource(src, sub, { ...io, stdout: out.write, stdin: new Stdin(''), tty: false }); } catch (e) { if (!(e instanceof ExitSignal)) throw e; }
        // Models /dev/fd/63: a temporary file removed when the command finishes.
        const path = `/dev/fd/${63 - this.procFiles.length}`;
        this.fs.mkdir('/dev/fd', { recursive: true });
        this.fs.writeFile(path, out.text());
        this.procFiles.push(path);
        return path;
      },
      fs: this.fs,
      cwd: st.cwd,
      home: this.fs.home,
    };
  }

  private procFiles: string[] = [];

  private substStatus: number | undefined;
  private randomSeed = 42;
  private readonly startedAt: number = 0;

  /** expandWords expands raw words into fields (brace, tilde, parameters, substitutions, splitting, globs). */
  async expandWords(words: string[], st: ShellState, io: IO): Promise<string[]> {
    // Fast path: plain words need no expansion (most words in loops and scripts).
    if (words.every((w) => PLAIN_WORD.test(w))) return words.slice();
    const ctx = this.expandCtx(st, io);
    const out: string[] = [];
    for (const w of words) {
      if (PLAIN_WORD.test(w)) { out.push(w); continue; }
      for (const b of braceExpand(w)) out.push(...(await expandWord(b, ctx, 'fields')));
    }
    return out;
  }

  /** expandOne expands a word without splitting or globbing. */
  async expandOne(word: string, st: ShellState, io: IO, mode: Mode = 'single'): Promise<string> {
    return (await expandWord(word, this.expandCtx(st, io), mode))[0] ?? '';
  }

  private async execSimple(node: Extract<Node, { type: 'simple' }>, st: ShellState, io: IO): Promise<number> {
    let words = node.words;
    const seen = new Set<string>();
    while (words.length && st.aliases.has(words[0]) && !seen.has(words[0])) {
      seen.add(words[0]);
      const value = st.aliases.get(words[0]) as string;
      const aw = splitWords(value);
      if (!aw) {
        // The alias holds operators: re-parse it with the remaining words appended.
        return this.withRedirs(node.redirs, st, io, (io2) => this.runSource(value + ' ' + words.slice(1).join(' '), st, io2));
      }
      words = [...aw, ...words.slice(1)];
    }
    try {
      this.substStatus = undefined;
      const argv = await this.expandWords(words, st, io);
      const assigns: Array<[string, string]> = [];
      for (const a of node.assigns) {
        let v = await this.expandOne(a.value.startsWith('~') ? a.value : a.value, st, io);
        if (a.append) v = (st.vars.get(a.name) ?? '') + v;
        assigns.push([a.name, v]);
      }
      if (st.options.xtrace) io.stderr(`+ ${[...assigns.map(([k, v]) => `${k}=${v}`), ...argv].join(' ')}\n`);
      if (!argv.length) {
        for (const [k, v] of assigns) st.vars.set(k, v);
        const substStatus = this.substStatus ?? 0;
        return this.withRedirs(node.redirs, st, io, async () => substStatus);
      }
      return await this.withRedirs(node.redirs, st, io, (io2) => this.invoke(argv, assigns, st, io2));
    } catch (e) {
      if (e instanceof ExpansionError || e instanceof ArithError) {
        io.stderr(`bash: ${e.message}\n`);
        return 1;
      }
      throw e;
    } finally {
      if (this.procFiles.length) this.cleanupProc();
    }
  }

  private cleanupProc(): void {
    for (const p of this.procFiles.splice(0)) { try { this.fs.remove(p); } catch { /* already gone */ } }
    try { if (this.fs.readdir('/dev/fd').length === 0) { this.fs.remove('/dev/fd'); if (this.fs.readdir('/dev').length === 0) this.fs.remove('/dev'); } } catch { /* not there */ }
  }

  /** invoke runs argv as a function, builtin, registered command or script file. */
  async invoke(argv: string[], assigns: Array<[string, string]>, st: ShellState, io: IO): Promise<number> {
    const name = argv[0];
    const fn = st.functions.get(name);
    if (fn) return this.callFunction(fn, argv.slice(1), st, io);
    const b = this.builtins.get(name);
    if (b) {
      if (!assigns.length) return b(argv.slice(1), st, io, this);
      const saved = assigns.map(([k]) => [k, st.vars.get(k), st.exported.has(k)] as const);
      for (const [k, v] of assigns) { st.vars.set(k, v); st.exported.add(k); }
      try { return await b(argv.slice(1), st, io, this); } finally {
        for (const [k, v, ex] of saved) { if (v === undefined) st.vars.delete(k); else st.vars.set(k, v); if (!ex) st.exported.delete(k); }
      }
    }
    const cmd = this.commands.get(name) ?? (name.includes('/') ? undefined : this.commands.get(name.replace(/^\/(usr\/)?s?bin\//, '')));
    const env: Record<string, string> = {};
    for (const k of st.exported) { const v = st.vars.get(k); if (v !== undefined) env[k] = v; }
    for (const [k, v] of assigns) env[k] = v;
    if (cmd) return this.runCommand(cmd, argv, env, st, io);
    const byPath = /^\/(usr\/)?s?bin\/([^/]+)$/.exec(name);
    if (byPath && this.commands.has(byPath[2])) return this.runCommand(this.commands.get(byPath[2]) as CommandFn, argv, env, st, io);
    if (name.includes('/')) {
      const path = this.fs.resolve(st.cwd, name);
      if (!this.fs.exists(path)) { io.stderr(`bash: ${name}: No such file or directory\n`); return 127; }
      if (this.fs.isDir(path)) { io.stderr(`bash: ${name}: Is a directory\n`); return 126; }
      return this.runScript(this.fs.readFile(path), argv.slice(1), st, io);
    }
    io.stderr(`${name}: command not found\n`.replace(/^/, 'bash: '));
    return 127;
  }

  /** runScript runs text as a script in a subshell with positional parameters args. */
  async runScript(text: string, args: string[], st: ShellState, io: IO): Promise<number> {
    const sub = cloneState(st);
    sub.positional = args;
    try { return await this.runSource(text.replace(/^#!.*\n/, ''), sub, io); } catch (e) {
      if (e instanceof ExitSignal) return e.status;
      if (e instanceof ReturnSignal) return e.status;
      throw e;
    }
  }

  private async runCommand(cmd: CommandFn, argv: string[], env: Record<string, string>, st: ShellState, io: IO): Promise<number> {
    const ctx = new Ctx(argv, io, env, st.cwd, this);
    try {
      const r = await cmd(ctx);
      return typeof r === 'number' ? r : 0;
    } catch (e) {
      if (e instanceof VfsError) { io.stderr(`${argv[0]}: ${e.path}: ${e.message}\n`); return 1; }
      return this.internal(e, io);
    }
  }

  /** callFunction runs a shell function with its own positional parameters and `local` frame. */
  async callFunction(body: Node, args: string[], st: ShellState, io: IO): Promise<number> {
    const savedPos = st.positional;
    st.positional = args;
    const frame = new Map<string, string | undefined>();
    st.localFrames.push(frame);
    try {
      return await this.exec(body, st, io);
    } catch (e) {
      if (e instanceof ReturnSignal) return e.status;
      throw e;
    } finally {
      st.positional = savedPos;
      st.localFrames.pop();
      for (const [k, v] of frame) { if (v === undefined) st.vars.delete(k); else st.vars.set(k, v); }
    }
  }

  /** arith expands and evaluates an arithmetic expression in st. */
  async arith(expr: string, st: ShellState, io: IO): Promise<number> {
    const text = await this.expandOne(expr, st, io, 'heredoc');
    return evalArith(text, { get: (n) => st.vars.get(n), set: (n, v) => { st.vars.set(n, v); } });
  }

  /** loopLimit reports the loop cap and returns 1. */
  loopLimit(io: IO): number {
    io.stderr(`bash: loop stopped after ${LOOP_LIMIT} iterations (the sandbox caps loops so nothing hangs)\n`);
    return 1;
  }

  /** loopBody runs one loop iteration, turning break/continue into a result. */
  async loopBody(body: Node, st: ShellState, io: IO): Promise<{ status: number; brk: boolean }> {
    try {
      return { status: await this.exec(body, st, io), brk: false };
    } catch (e) {
      if (e instanceof LoopSignal) {
        if (e.levels > 1) { e.levels--; throw e; }
        return { status: 0, brk: e.kind === 'break' };
      }
      throw e;
    }
  }

  /** withRedirs applies redirections around fn, flushing file output afterwards. */
  withRedirs(redirs: Redir[], st: ShellState, io: IO, fn: (io: IO) => Promise<number>): Promise<number> {
    return redirs.length ? applyRedirs(this, redirs, st, io, fn) : fn(io);
  }

  /** runInState runs a whole input with exit handling (used by Shell.run, eval, source). */
  async runTop(src: string, st: ShellState, io: IO): Promise<number> {
    try {
      return await this.runSource(src, st, io);
    } catch (e) {
      if (e instanceof ExitSignal) throw e;
      if (e instanceof ReturnSignal) { io.stderr('bash: return: can only `return\' from a function or sourced script\n'); return 2; }
      if (e instanceof LoopSignal) return 0;
      return this.internal(e, io);
    }
  }

  /** arithExpr evaluates an arithmetic expression synchronously (for `let`). */
  arithExpr(expr: string, st: ShellState): number {
    return evalArith(expr, { get: (n) => st.vars.get(n), set: (n, v) => { st.vars.set(n, v); } });
  }

  /** interruptOf exposes the io's interrupt for builtins. */
  static interruptOf(io: IO): Interrupt { return io.interrupt; }
}

