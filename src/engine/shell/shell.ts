import type { Vfs } from '../vfs/types';
import type { Clock } from '../util/clock';
import type { TimeDriver } from '../util/time-driver';
import { NEVER_INTERRUPTED, type Interrupt } from '../util/interrupt';
import type { CommandFn, ShellHost } from './types';
import { Interp } from './interp';
import { ExitSignal, Stdin, type IO } from './io';
import { parse, ShellSyntaxError } from './parser';
import { createBuiltins, formatJobNotice, reapJobs } from './builtins';
import { createRunBuiltins } from './builtins-run';
import { createBasicCommands } from './commands/basic';
import { createFileCommands } from './commands/files';
import { createTextCommands } from './commands/text';
import { grep } from './commands/grep';
import { sed } from './commands/sed';
import { awk } from './commands/awk';
import { diff } from './commands/diff';
import { complete, type Completer } from './complete';
import type { ShellState } from './state';

/** ShellIO is where one run() writes, plus its Ctrl-C signal and whether stdout is a terminal. */
export interface ShellIO { stdout(s: string): void; stderr(s: string): void; interrupt?: Interrupt; isTTY?: boolean }

/** ShellOptions configures createShell. */
export interface ShellOptions {
  fs: Vfs;
  time: TimeDriver;
  commands?: Record<string, CommandFn>;
  env?: Record<string, string>;
  cwd?: string;
  host?: ShellHost;
  hostname?: string;
  clock?: Clock;
}

/** Shell is a bash-like shell over the VFS: run input, ask whether input is complete, register commands, complete words. */
export interface Shell {
  /** run executes one complete input (may span lines) and resolves to its exit status; it never throws. */
  run(input: string, io: ShellIO): Promise<number>;
  /** needsMore tells whether input is incomplete (open quote, here-doc body, open compound, trailing \, | or &&). */
  needsMore(input: string): boolean;
  /** register adds or replaces an external command. */
  register(name: string, fn: CommandFn): void;
  /** registerCompleter adds Tab completion for a command's arguments. */
  registerCompleter(name: string, fn: Completer): void;
  readonly env: Record<string, string>;
  cwd: string;
  readonly history: string[];
  lastStatus: number;
  /** exited turns true once `exit` (or `set -e`) ended the shell; hosts stop reading input then. */
  readonly exited: boolean;
  /** complete returns Tab candidates for the word at cursor. */
  complete(line: string, cursor: number): { start: number; candidates: string[] };
  jobs(): Array<{ id: number; command: string; state: 'Running' | 'Done' }>;
  toJSON(): unknown;
  load(data: unknown): void;
}

interface Persisted { version: 1; vars: Record<string, string>; exported: string[]; cwd: string; aliases: Record<string, string>; history: string[] }

const HISTORY_LIMIT = 1000;

/** expandHistory applies bash's interactive `!!` (previous line) and `!$` (its last word) outside single quotes; undefined when there is no previous line. */
export function expandHistory(input: string, history: string[]): string | undefined {
  let out = '';
  let inSingle = false, inDouble = false;
  const prev = history[history.length - 1];
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (c === "'" && !inDouble) inSingle = !inSingle;
    if (c === '"' && !inSingle) inDouble = !inDouble;
    if (!inSingle && c === '\\') { out += c + (input[i + 1] ?? ''); i++; continue; }
    if (!inSingle && c === '!' && (input[i + 1] === '!' || input[i + 1] === '$')) {
      if (prev === undefined) return undefined;
      out += input[i + 1] === '!' ? prev : prev.trim().split(/\s+/).pop() ?? '';
      i++;
      continue;
    }
    out += c;
  }
  return out;
}

/** createShell builds a Shell with the coreutils-like commands preinstalled. */
export function createShell(opts: ShellOptions): Shell {
  const fs = opts.fs;
  const hostname = opts.hostname ?? 'controlplane';
  const cwd = opts.cwd ?? fs.home;
  const st: ShellState = {
    vars: new Map(),
    exported: new Set(),
    cwd,
    aliases: new Map(),
    functions: new Map(),
    positional: [],
    options: { errexit: false, pipefail: false, nounset: false, xtrace: false },
    lastStatus: 0,
    lastBgPid: 0,
    condDepth: 0,
    localFrames: [],
    subshell: false,
  };
  const defaults: Record<string, string> = {
    HOME: fs.home, PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', PWD: cwd, USER: 'root', LOGNAME: 'root',
    SHELL: '/bin/bash', HOSTNAME: hostname, TERM: 'xterm-256color', LANG: 'C.UTF-8', SHLVL: '1',
  };
  for (const [k, v] of Object.entries({ ...defaults, ...(opts.env ?? {}) })) { st.vars.set(k, v); st.exported.add(k); }
  const interp = new Interp(fs, opts.time, st, hostname, opts.clock, opts.host);
  const install = (cmds: Record<string, CommandFn>) => { for (const [k, v] of Object.entries(cmds)) interp.commands.set(k, v); };
  install(createBasicCommands({ hostname: () => hostname, clock: opts.clock }));
  install(createFileCommands(opts.clock));
  install(createTextCommands());
  install({ diff, printenv: (c) => { const names = c.argv.slice(1); if (!names.length) { c.stdout(Object.entries(c.env).map(([k, v]) => `${k}=${v}\n`).join('')); return 0; } let ok = true; for (const n of names) { if (n in c.env) c.stdout(c.env[n] + '\n'); else ok = false; } return ok ? 0 : 1; }, grep, egrep: grep, fgrep: (c) => grep({ ...c, argv: [c.argv[0], '-F', ...c.argv.slice(1)] }), sed, awk, mawk: awk, gawk: awk });
  for (const [k, v] of Object.entries({ ...createBuiltins(), ...createRunBuiltins() })) interp.builtins.set(k, v);
  install(opts.commands ?? {});
  const completers = new Map<string, Completer>();
  let exited = false;

  const envView = new Proxy({} as Record<string, string>, {
    get: (_t, k) => (typeof k === 'string' ? st.vars.get(k) : undefined),
    has: (_t, k) => typeof k === 'string' && st.vars.has(k),
    ownKeys: () => [...st.vars.keys()],
    getOwnPropertyDescriptor: (_t, k) => (typeof k === 'string' && st.vars.has(k) ? { enumerable: true, configurable: true, writable: true, value: st.vars.get(k) } : undefined),
    set: (_t, k, v) => { if (typeof k === 'string') { st.vars.set(k, String(v)); st.exported.add(k); } return true; },
    deleteProperty: (_t, k) => { if (typeof k === 'string') { st.vars.delete(k); st.exported.delete(k); } return true; },
  });

  const shell: Shell = {
    async run(input, io) {
      const iox: IO = {
        stdout: (s) => { if (s) io.stdout(s); },
        stderr: (s) => { if (s) io.stderr(s); },
        stdin: new Stdin(''),
        tty: io.isTTY ?? false,
        interrupt: io.interrupt ?? NEVER_INTERRUPTED,
      };
      try {
        if (iox.tty && interp.jobs.length) {
          // Let jobs whose last step already resolved settle (a few microtask turns) before reporting.
          for (let k = 0; k < 32; k++) await Promise.resolve();
          interp.jobs.forEach((j, k) => {
            if (j.state === 'Done' && !j.notified) {
              iox.stderr(formatJobNotice(j, k === interp.jobs.length - 1 ? '+' : k === interp.jobs.length - 2 ? '-' : ' '));
              j.notified = true;
            }
          });
          reapJobs(interp);
        }
        if (iox.tty && /!!|!\$/.test(input)) {
          const expanded = expandHistory(input, interp.history);
          if (expanded === undefined) { iox.stderr(`bash: ${/!!/.test(input) ? '!!' : '!$'}: event not found\n`); st.lastStatus = 1; return 1; }
          if (expanded !== input) { iox.stdout(expanded.replace(/\n+$/, '') + '\n'); input = expanded; }
        }
        const line = input.replace(/\n+$/, '');
        if (line.trim() && !line.startsWith(' ')) {
          if (interp.history[interp.history.length - 1] !== line) interp.history.push(line);
          if (interp.history.length > HISTORY_LIMIT) interp.history.splice(0, interp.history.length - HISTORY_LIMIT);
        }
        let status: number;
        try {
          status = await interp.runTop(input, st, iox);
        } catch (e) {
          if (e instanceof ExitSignal) { status = e.status; exited = true; }
          else status = interp.internal(e, iox);
        }
        st.lastStatus = status;
        return status;
      } catch (e) {
        try { iox.stderr(`bash: internal error: ${e instanceof Error ? e.message : String(e)}\n`); } catch { /* the host's writer failed */ }
        st.lastStatus = 1;
        return 1;
      }
    },
    needsMore(input) {
      try {
        parse(input);
        return false;
      } catch (e) {
        return e instanceof ShellSyntaxError && e.incomplete;
      }
    },
    register(name, fn) { interp.commands.set(name, fn); },
    registerCompleter(name, fn) { completers.set(name, fn); },
    get env() { return envView; },
    get cwd() { return st.cwd; },
    set cwd(v: string) { st.cwd = fs.resolve(st.cwd, v); st.vars.set('PWD', st.cwd); },
    get history() { return interp.history; },
    get exited() { return exited; },
    get lastStatus() { return st.lastStatus; },
    set lastStatus(v: number) { st.lastStatus = v; },
    complete(line, cursor) {
      return complete(line, cursor, {
        fs,
        cwd: st.cwd,
        commandNames: () => [...interp.commands.keys(), ...interp.builtins.keys(), ...st.aliases.keys(), ...st.functions.keys()].filter((n) => n !== '[' && n !== ':'),
        varNames: () => [...st.vars.keys()],
        completers,
        aliases: st.aliases,
      });
    },
    jobs() { return interp.jobs.map((j) => ({ id: j.id, command: j.command, state: j.state })); },
    toJSON(): Persisted {
      return {
        version: 1,
        vars: Object.fromEntries(st.vars),
        exported: [...st.exported],
        cwd: st.cwd,
        aliases: Object.fromEntries(st.aliases),
        history: [...interp.history],
      };
    },
    load(data) {
      const d = data as Partial<Persisted> | undefined;
      if (!d || typeof d !== 'object') return;
      if (d.vars) { st.vars = new Map(Object.entries(d.vars)); }
      if (d.exported) st.exported = new Set(d.exported);
      if (typeof d.cwd === 'string') st.cwd = fs.isDir(d.cwd) ? d.cwd : fs.home;
      if (d.aliases) st.aliases = new Map(Object.entries(d.aliases));
      if (d.history) { interp.history.length = 0; interp.history.push(...d.history); }
    },
  };
  return shell;
}
