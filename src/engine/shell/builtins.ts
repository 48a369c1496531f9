import { VfsError } from '../vfs/types';
import { ExitSignal, LoopSignal, ReturnSignal, Stdin, type IO } from './io';
import type { Builtin, Interp } from './interp';
import type { ShellState } from './state';
import { cloneState } from './state';
import { shellQuote } from './quote';

/** KEYWORDS are bash reserved words (for `type`). */
export const KEYWORDS = ['if', 'then', 'elif', 'else', 'fi', 'for', 'while', 'until', 'do', 'done', 'case', 'esac', 'in', 'function', '{', '}', '!', '[[', ']]', 'time'];

/** BASH_BUILTINS are names `type` reports as shell builtins (some are implemented as commands here). */
export const BASH_BUILTINS = new Set(['cd', 'pwd', 'export', 'unset', 'alias', 'unalias', 'source', '.', 'exit', 'return', 'break', 'continue', 'history', 'jobs', 'kill', 'fg', 'bg', 'wait', 'set', 'shift', 'read', 'local', 'declare', 'typeset', 'readonly', 'eval', 'type', 'command', 'true', 'false', ':', 'test', '[', 'echo', 'printf', 'help', 'let', 'exec', 'hash', 'builtin', 'umask', 'shopt', 'trap']);

/** NOT_IN_PATH are builtins with no /usr/bin twin (`which` prints nothing for them). */
const NOT_IN_PATH = new Set(['cd', 'export', 'unset', 'alias', 'unalias', 'source', '.', 'exit', 'return', 'break', 'continue', 'history', 'jobs', 'fg', 'bg', 'wait', 'set', 'shift', 'read', 'local', 'declare', 'typeset', 'readonly', 'eval', 'type', 'help', 'let', 'exec', 'hash', 'builtin', 'umask', 'shopt', 'trap', ':']);

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function setVar(st: ShellState, name: string, value: string) { st.vars.set(name, value); }

function assignArg(st: ShellState, arg: string, io: IO, cmd: string): { name: string; ok: boolean } {
  const eq = arg.indexOf('=');
  const name = eq < 0 ? arg : arg.slice(0, eq).replace(/\+$/, '');
  if (!NAME.test(name)) { io.stderr(`bash: ${cmd}: \`${arg}': not a valid identifier\n`); return { name, ok: false }; }
  if (eq >= 0) setVar(st, name, arg[eq - 1] === '+' ? (st.vars.get(name) ?? '') + arg.slice(eq + 1) : arg.slice(eq + 1));
  return { name, ok: true };
}

const jobLine = (j: { id: number; state: string; status: number; command: string }, mark: string, amp: boolean) => {
  const state = j.state === 'Running' ? 'Running' : j.status === 143 ? 'Terminated' : j.status === 0 ? 'Done' : `Exit ${j.status}`;
  return `[${j.id}]${mark}  ${state.padEnd(24)}${j.command}${amp && j.state === 'Running' ? ' &' : ''}\n`;
};

/** formatJobNotice is the `[1]+  Done  cmd` line bash prints before the next prompt. */
export function formatJobNotice(j: { id: number; state: string; status: number; command: string }, mark: string): string {
  return jobLine(j, mark, false);
}

function findJob(sh: Interp, spec: string | undefined) {
  const live = sh.jobs;
  if (spec === undefined || spec === '%' || spec === '%+' || spec === '%%') return live[live.length - 1];
  if (spec === '%-') return live[live.length - 2];
  const m = /^%?(\d+)$/.exec(spec);
  if (m) return live.find((j) => j.id === Number(m[1]));
  if (spec.startsWith('%')) return live.find((j) => j.command.startsWith(spec.slice(1)));
  return undefined;
}

/** createBuiltins returns the builtins that need the shell's state. */
export function createBuiltins(): Record<string, Builtin> {
  const b: Record<string, Builtin> = {
    cd(args, st, io, sh) {
      const a = args[0] === '--' ? args.slice(1) : args;
      if (a.length > 1) { io.stderr('bash: cd: too many arguments\n'); return 1; }
      let target = a[0];
      if (target === undefined || target === '') target = st.vars.get('HOME') ?? sh.fs.home;
      let print = false;
      if (target === '-') {
        const old = st.vars.get('OLDPWD');
        if (!old) { io.stderr('bash: cd: OLDPWD not set\n'); return 1; }
        target = old; print = true;
      }
      const abs = sh.fs.resolve(st.cwd, target);
      const stat = sh.fs.stat(abs);
      if (!stat) { io.stderr(`bash: cd: ${a[0]}: No such file or directory\n`); return 1; }
      if (stat.type !== 'dir') { io.stderr(`bash: cd: ${a[0]}: Not a directory\n`); return 1; }
      st.vars.set('OLDPWD', st.cwd);
      st.cwd = abs;
      st.vars.set('PWD', abs);
      if (print) io.stdout(abs + '\n');
      return 0;
    },
    export(args, st, io) {
      let unexport = false;
      const rest = args.filter((a) => { if (a === '-n') { unexport = true; return false; } return a !== '-p' && a !== '--'; });
      if (!rest.length) {
        for (const k of [...st.exported].sort()) { const v = st.vars.get(k); io.stdout(v === undefined ? `declare -x ${k}\n` : `declare -x ${k}="${v.replace(/(["\\$`])/g, '\\$1')}"\n`); }
        return 0;
      }
      let status = 0;
      for (const a of rest) {
        const r = assignArg(st, a, io, 'export');
        if (!r.ok) { status = 1; continue; }
        if (unexport) st.exported.delete(r.name); else st.exported.add(r.name);
      }
      return status;
    },
    unset(args, st) {
      for (const a of args) {
        if (a === '-v' || a === '-f') continue;
        if (args.includes('-f')) st.functions.delete(a);
        else { st.vars.delete(a); st.exported.delete(a); if (!args.includes('-v')) { /* bash unsets the variable first, then a function */ } }
      }
      return 0;
    },
    alias(args, st, io) {
      const a = args.filter((x) => x !== '-p');
      if (!a.length) {
        for (const k of [...st.aliases.keys()].sort()) io.stdout(`alias ${k}=${shellQuote(st.aliases.get(k) as string, true)}\n`);
        return 0;
      }
      let status = 0;
      for (const x of a) {
        const eq = x.indexOf('=');
        if (eq < 0) {
          const v = st.aliases.get(x);
          if (v === undefined) { io.stderr(`bash: alias: ${x}: not found\n`); status = 1; } else io.stdout(`alias ${x}=${shellQuote(v, true)}\n`);
        } else st.aliases.set(x.slice(0, eq), x.slice(eq + 1));
      }
      return status;
    },
    unalias(args, st, io) {
      if (!args.length) { io.stderr('unalias: usage: unalias [-a] name [name ...]\n'); return 2; }
      if (args.includes('-a')) { st.aliases.clear(); return 0; }
      let status = 0;
      for (const x of args) if (!st.aliases.delete(x)) { io.stderr(`bash: unalias: ${x}: not found\n`); status = 1; }
      return status;
    },
    async source(args, st, io, sh) {
      if (!args.length) { io.stderr('bash: source: filename argument required\nsource: usage: source filename [arguments]\n'); return 2; }
      const path = sh.fs.resolve(st.cwd, args[0]);
      let text: string;
      try { text = sh.fs.readFile(path); } catch (e) {
        io.stderr(`bash: ${args[0]}: ${e instanceof VfsError ? e.message : String(e)}\n`);
        return 1;
      }
      // `source <(kubectl completion bash)`: the host completes natively, so the generated script is not run.
      if (text.includes('__start_kubectl')) return 0;
      const saved = st.positional;
      if (args.length > 1) st.positional = args.slice(1);
      try { return await sh.runSource(text, st, io); } catch (e) {
        if (e instanceof ReturnSignal) return e.status;
        throw e;
      } finally { if (args.length > 1) st.positional = saved; }
    },
    exit(args, st, io) {
      if (args.length && !/^-?\d+$/.test(args[0])) { io.stderr(`bash: exit: ${args[0]}: numeric argument required\n`); throw new ExitSignal(2); }
      if (args.length > 1) { io.stderr('bash: exit: too many arguments\n'); return 1; }
      throw new ExitSignal(args.length ? ((Number(args[0]) % 256) + 256) % 256 : st.lastStatus);
    },
    return(args, st) { throw new ReturnSignal(args.length ? ((Number(args[0]) % 256) + 256) % 256 : st.lastStatus); },
    break(args) { throw new LoopSignal('break', Number(args[0] ?? 1) || 1); },
    continue(args) { throw new LoopSignal('continue', Number(args[0] ?? 1) || 1); },
    history(args, _st, io, sh) {
      if (args[0] === '-c') { sh.history.length = 0; return 0; }
      const n = args[0] && /^\d+$/.test(args[0]) ? Number(args[0]) : sh.history.length;
      const start = Math.max(0, sh.history.length - n);
      for (let i = start; i < sh.history.length; i++) io.stdout(`${String(i + 1).padStart(5)}  ${sh.history[i]}\n`);
      return 0;
    },
    jobs(args, _st, io, sh) {
      const showPid = args.includes('-l') || args.includes('-p');
      sh.jobs.forEach((j, k) => {
        const mark = k === sh.jobs.length - 1 ? '+' : k === sh.jobs.length - 2 ? '-' : ' ';
        if (args.includes('-p')) io.stdout(`${j.pid}\n`);
        else io.stdout(showPid ? jobLine(j, mark, true).replace(/^(\[\d+\].)/, `$1 ${j.pid}`) : jobLine(j, mark, true));
        if (j.state === 'Done') j.notified = true;
      });
      reapJobs(sh);
      return 0;
    },
    kill(args, _st, io, sh) {
      const targets = args.filter((a) => !/^-(\d+|[A-Z]+|s)$/.test(a) && a !== 'KILL' && a !== 'TERM');
      if (args[0] === '-l') { io.stdout(' 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 9) SIGKILL\t15) SIGTERM\n'); return 0; }
      if (!targets.length) { io.stderr('kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n'); return 2; }
      let status = 0;
      for (const t of targets) {
        const job = t.startsWith('%') ? findJob(sh, t) : sh.jobs.find((j) => String(j.pid) === t);
        if (!job) {
          io.stderr(t.startsWith('%') ? `bash: kill: ${t}: no such job\n` : /^\d+$/.test(t) ? `bash: kill: (${t}) - No such process\n` : `bash: kill: ${t}: arguments must be process or job IDs\n`);
          status = 1;
          continue;
        }
        job.killed = true;
        job.ctl.fire();
      }
      return status;
    },
    async fg(args, _st, io, sh) {
      const job = findJob(sh, args[0]);
      if (!job) { io.stderr(`bash: fg: ${args[0] ?? 'current'}: no such job\n`); return 1; }
      io.stdout(job.command + '\n');
      const off = io.interrupt.onInterrupt(() => { job.killed = true; job.ctl.fire(); });
      try {
        const s = await job.promise;
        job.notified = true;
        reapJobs(sh);
        return s;
      } finally { off(); }
    },
    bg(args, _st, io, sh) {
      const job = findJob(sh, args[0]);
      if (!job) { io.stderr(`bash: bg: ${args[0] ?? 'current'}: no such job\n`); return 1; }
      io.stderr(`bash: bg: job ${job.id} already in background\n`);
      return 0;
    },
    async wait(args, _st, _io, sh) {
      const jobs = args.length ? args.map((a) => findJob(sh, a.startsWith('%') ? a : undefined) ?? sh.jobs.find((j) => String(j.pid) === a)).filter((j) => !!j) : [...sh.jobs];
      let s = 0;
      for (const j of jobs) { s = await j.promise; j.notified = true; }
      reapJobs(sh);
      return s;
    },
    set(args, st, io) {
      if (!args.length) {
        for (const k of [...st.vars.keys()].sort()) io.stdout(`${k}=${shellQuote(st.vars.get(k) as string)}\n`);
        return 0;
      }
      for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (a === '--') { st.positional = args.slice(i + 1); return 0; }
        if (a === '-o' || a === '+o') {
          const on = a === '-o';
          const opt = args[++i];
          if (opt === 'pipefail') st.options.pipefail = on;
          else if (opt === 'errexit') st.options.errexit = on;
          else if (opt === 'nounset') st.options.nounset = on;
          else if (opt === 'xtrace') st.options.xtrace = on;
          else if (opt === undefined) { io.stdout(`errexit        \t${st.options.errexit ? 'on' : 'off'}\npipefail       \t${st.options.pipefail ? 'on' : 'off'}\n`); }
          continue;
        }
        if (/^[-+][a-zA-Z]+$/.test(a)) {
          const on = a[0] === '-';
          for (const c of a.slice(1)) {
            if (c === 'e') st.options.errexit = on;
            else if (c === 'u') st.options.nounset = on;
            else if (c === 'x') st.options.xtrace = on;
          }
          continue;
        }
        st.positional = args.slice(i);
        return 0;
      }
      return 0;
    },
    shift(args, st, io) {
      const n = args.length ? Number(args[0]) : 1;
      if (!Number.isInteger(n) || n < 0) { io.stderr(`bash: shift: ${args[0]}: numeric argument required\n`); return 1; }
      if (n > st.positional.length) return 1;
      st.positional.splice(0, n);
      return 0;
    },
    read(args, st, io) {
      let raw = false;
      const names: string[] = [];
      for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (a === '-r') raw = true;
        else if (a === '-p') { if (io.tty) io.stderr(args[i + 1] ?? ''); i++; } else if (a === '-s' || a === '-e') continue;
        else if (a === '-t' || a === '-n' || a === '-d' || a === '-u') i++;
        else names.push(a);
      }
      const got = io.stdin.readLine();
      if (!got) { for (const n of names.length ? names : ['REPLY']) st.vars.set(n, ''); return 1; }
      let line = got.line;
      if (!raw) line = line.replace(/\\(.)/g, '$1');
      if (!names.length) { st.vars.set('REPLY', line); return got.complete ? 0 : 1; }
      const ifs = st.vars.get('IFS');
      const trimmed = ifs === undefined || /^[ \t\n]*$/.test(ifs) ? line.replace(/^[ \t]+|[ \t]+$/g, '') : line;
      const sep = ifs === undefined ? /[ \t\n]+/ : new RegExp(`[${ifs.replace(/[\]\\^-]/g, '\\$&')}]${/^[ \t\n]+$/.test(ifs) ? '+' : ''}`);
      let rest = trimmed;
      names.forEach((n, k) => {
        if (k === names.length - 1) { st.vars.set(n, rest); return; }
        const m = sep.exec(rest);
        if (!m) { st.vars.set(n, rest); rest = ''; return; }
        st.vars.set(n, rest.slice(0, m.index));
        rest = rest.slice(m.index + m[0].length);
      });
      return got.complete ? 0 : 1;
    },
    local(args, st, io) {
      const frame = st.localFrames[st.localFrames.length - 1];
      if (!frame) { io.stderr('bash: local: can only be used in a function\n'); return 1; }
      for (const a of args) {
        if (a.startsWith('-')) continue;
        const name = a.split('=')[0];
        if (!frame.has(name)) frame.set(name, st.vars.get(name));
        if (a.includes('=')) assignArg(st, a, io, 'local'); else if (!st.vars.has(name)) st.vars.set(name, '');
      }
      return 0;
    },
    declare(args, st, io) {
      const exp = args.includes('-x');
      for (const a of args) {
        if (a.startsWith('-')) continue;
        const frame = st.localFrames[st.localFrames.length - 1];
        const name = a.split('=')[0];
        if (frame && !frame.has(name)) frame.set(name, st.vars.get(name));
        const r = assignArg(st, a, io, 'declare');
        if (r.ok && exp) st.exported.add(r.name);
      }
      return 0;
    },
    readonly(args, st, io) { for (const a of args) if (!a.startsWith('-')) assignArg(st, a, io, 'readonly'); return 0; },
    async eval(args, st, io, sh) { return args.length ? sh.runSource(args.join(' '), st, io) : 0; },
    let(args, st, io, sh) {
      let last = 0;
      for (const a of args) last = sh.arithExpr(a, st);
      void io;
      return last !== 0 ? 0 : 1;
    },
    type(args, st, io, sh) {
      let status = 0;
      if (args.includes('-t')) {
        for (const n of args.filter((a) => !a.startsWith('-'))) {
          const kind = st.aliases.has(n) ? 'alias' : KEYWORDS.includes(n) ? 'keyword' : st.functions.has(n) ? 'function' : BASH_BUILTINS.has(n) ? 'builtin' : sh.commands.has(n) || sh.builtins.has(n) ? 'file' : '';
          if (kind) io.stdout(kind + '\n'); else status = 1;
        }
        return status;
      }
      for (const n of args.filter((a) => !a.startsWith('-'))) {
        if (st.aliases.has(n)) io.stdout(`${n} is aliased to \`${st.aliases.get(n)}'\n`);
        else if (KEYWORDS.includes(n)) io.stdout(`${n} is a shell keyword\n`);
        else if (st.functions.has(n)) io.stdout(`${n} is a function\n`);
        else if (BASH_BUILTINS.has(n)) io.stdout(`${n} is a shell builtin\n`);
        else if (sh.commands.has(n) || sh.builtins.has(n)) io.stdout(`${n} is /usr/bin/${n}\n`);
        else { io.stderr(`bash: type: ${n}: not found\n`); status = 1; }
      }
      return status;
    },
    which(args, _st, io, sh) {
      let status = 0;
      const names = args.filter((a) => !a.startsWith('-'));
      if (!names.length) return 1;
      for (const n of names) {
        if ((sh.commands.has(n) || sh.builtins.has(n)) && !NOT_IN_PATH.has(n)) io.stdout(`/usr/bin/${n}\n`);
        else if (n.startsWith('/') && sh.fs.exists(n)) io.stdout(`${n}\n`);
        else status = 1;
      }
      return status;
    },
    async command(args, st, io, sh) {
      if (args[0] === '-v' || args[0] === '-V') {
        let status = 0;
        for (const n of args.slice(1)) {
          if (st.aliases.has(n)) io.stdout(`alias ${n}=${shellQuote(st.aliases.get(n) as string, true)}\n`);
          else if (st.functions.has(n) || BASH_BUILTINS.has(n) || KEYWORDS.includes(n)) io.stdout(`${n}\n`);
          else if (sh.commands.has(n) || sh.builtins.has(n)) io.stdout(`/usr/bin/${n}\n`);
          else status = 1;
        }
        return status;
      }
      if (!args.length) return 0;
      const saved = st.functions;
      st.functions = new Map();
      try { return await sh.invoke(args, [], st, io); } finally { st.functions = saved; }
    },
    builtin(args, st, io, sh) { return args.length ? sh.invoke(args, [], st, io) : 0; },
    exec(args, st, io, sh) { return args.length ? sh.invoke(args, [], st, io).then((s) => { throw new ExitSignal(s); }) : 0; },
    async bash(args, st, io, sh) {
      const opts = cloneState(st);
      let i = 0;
      while (i < args.length && args[i].startsWith('-') && args[i] !== '-c') {
        if (args[i] === '-e') opts.options.errexit = true;
        i++;
      }
      if (args[i] === '-c') {
        if (args[i + 1] === undefined) { io.stderr('bash: -c: option requires an argument\n'); return 2; }
        return sh.runScript(args[i + 1], args.slice(i + 3), opts, io);
      }
      if (args[i] !== undefined) {
        const path = sh.fs.resolve(st.cwd, args[i]);
        if (!sh.fs.exists(path)) { io.stderr(`bash: ${args[i]}: No such file or directory\n`); return 127; }
        if (sh.fs.isDir(path)) { io.stderr(`bash: ${args[i]}: Is a directory\n`); return 126; }
        return sh.runScript(sh.fs.readFile(path), args.slice(i + 1), opts, io);
      }
      return sh.runScript(io.stdin.readAll(), [], opts, { ...io, stdin: new Stdin('') });
    },
    hash() { return 0; },
    complete() { return 0; },
    compgen() { return 0; },
    true() { return 0; },
    false() { return 1; },
    ':'() { return 0; },
    shopt() { return 0; },
    trap() { return 0; },
    umask(args, _st, io) { if (!args.length) io.stdout('0022\n'); return 0; },
  };
  b['.'] = b.source;
  b.sh = b.bash;
  b.typeset = b.declare;
  return b;
}

/** reapJobs drops finished jobs that were already reported. */
export function reapJobs(sh: Interp): void {
  for (let i = sh.jobs.length - 1; i >= 0; i--) if (sh.jobs[i].state === 'Done' && sh.jobs[i].notified) sh.jobs.splice(i, 1);
}
