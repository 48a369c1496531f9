import type { ExecResult, HttpRequest, HttpResponse, NetTools } from './types';
import { busyboxHttpd, parseHttpdArgs } from './httpd';
import { parseScript, type Node, type Word } from './sh-parse';
import { runTextTool, TEXT_TOOLS } from './sh-text';

/** ShEnv is what the tiny container shell runs against: variables, files, clock and output. */
export interface ShEnv {
  vars: Map<string, string>;
  fs: Map<string, string>;
  hostname: string;
  now(): number;
  /** binaries are the external commands that exist in the image. */
  binaries: ReadonlySet<string>;
  /** flavor picks the wording of error messages (busybox ash, Debian dash/GNU coreutils). */
  flavor: 'busybox' | 'gnu';
  out(text: string): void;
  err(text: string): void;
  /** stdin is what the next command reading standard input gets (consumed by the first reader). */
  stdin?: string;
  /** net runs network commands (curl, nslookup, …) against the cluster network, when the pod has one. */
  net?: NetTools;
  /** tty is true when the command's output goes to a terminal (`kubectl exec -t`): curl then shows no progress meter. */
  tty?: boolean;
  /** serve makes the container listen on port with handler (busybox httpd started from a shell). */
  serve?(port: number, handler: (req: HttpRequest) => HttpResponse): void;
  /** pid1 is set when the shell runs as the container's main process (a foreground server then blocks it). */
  pid1?: boolean;
  /** pid1Argv is the container's main process command line (for `ps` in exec). */
  pid1Argv?: string[];
}

class Exit { constructor(readonly code: number) {} }

/** STD_DIRS are the top-level directories every image has. */
const STD_DIRS = ['/bin', '/dev', '/etc', '/home', '/proc', '/root', '/sys', '/tmp', '/usr', '/var'];

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** unixDate formats ms as `date` prints by default in a UTC container: `Mon Mar 10 09:00:12 UTC 2025`. */
export function unixDate(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${WEEKDAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/** arith evaluates a $((...)) expression with + - * / % and parentheses over integer variables. */
function arith(expr: string, vars: Map<string, string>): number {
  const src = expr.replace(/\$?([A-Za-z_][A-Za-z0-9_]*)/g, (_m, n: string) => String(parseInt(vars.get(n) ?? '0', 10) || 0));
  let i = 0;
  const ws = () => { while (src[i] === ' ') i++; };
  const atom = (): number => {
    ws();
    if (src[i] === '(') { i++; const v = sum(); ws(); i++; return v; }
    if (src[i] === '-') { i++; return -atom(); }
    const m = /^\d+/.exec(src.slice(i));
    if (!m) return 0;
    i += m[0].length;
    return parseInt(m[0], 10);
  };
  const prod = (): number => {
    let v = atom();
    for (;;) {
      ws();
      const op = src[i];
      if (op !== '*' && op !== '/' && op !== '%') return v;
      i++;
      const r = atom();
      v = op === '*' ? v * r : r === 0 ? 0 : op === '/' ? Math.trunc(v / r) : v % r;
    }
  };
  const sum = (): number => {
    let v = prod();
    for (;;) {
      ws();
      const op = src[i];
      if (op !== '+' && op !== '-') return v;
      i++;
      const r = prod();
      v = op === '+' ? v + r : v - r;
    }
  };
  return sum();
}

/** ShRunner interprets parsed scripts as generators that yield sleep durations in ms. */
export class ShRunner {
  lastStatus = 0;
  constructor(private readonly env: ShEnv, private readonly shellName = 'sh') {}

  /** expand turns a word into its string value ($VAR, ${VAR}, $(cmd), $((expr))). */
  expand(w: Word): string {
    let s = '';
    for (const seg of w) {
      if (seg.q === 'single') { s += seg.text; continue; }
      s += this.expandText(seg.text);
    }
    return s;
  }

  private expandText(text: string): string {
    let out = '';
    let i = 0;
    while (i < text.length) {
      const c = text[i];
      if (c !== '$') { out += c; i++; continue; }
      if (text.startsWith('$((', i)) {
        const end = text.indexOf('))', i);
        out += String(arith(text.slice(i + 3, end < 0 ? text.length : end), this.env.vars));
        i = end < 0 ? text.length : end + 2;
        continue;
      }
      if (text[i + 1] === '(') {
        let depth = 0, j = i + 1;
        for (; j < text.length; j++) { if (text[j] === '(') depth++; else if (text[j] === ')' && --depth === 0) break; }
        out += this.capture(text.slice(i + 2, j)).replace(/\n+$/, '');
        i = j + 1;
        continue;
      }
      if (text[i + 1] === '{') {
        const end = text.indexOf('}', i);
        out += this.var(text.slice(i + 2, end));
        i = end + 1;
        continue;
      }
      const m = /^([A-Za-z_][A-Za-z0-9_]*|\?|\$|#)/.exec(text.slice(i + 1));
      if (!m) { out += '$'; i++; continue; }
      out += this.var(m[1]);
      i += 1 + m[1].length;
    }
    return out;
  }

  private var(name: string): string {
    if (name === '?') return String(this.lastStatus);
    if (name === '$') return '1';
    if (name === '#') return '0';
    return this.env.vars.get(name) ?? '';
  }

  /** capture runs a command substitution synchronously (sleeps inside it are skipped). */
  private capture(script: string): string {
    let buf = '';
    const sub = new ShRunner({ ...this.env, out: (t) => { buf += t; } }, this.shellName);
    try {
      const it = sub.run(parseScript(script));
      for (let r = it.next(); !r.done; r = it.next()) { /* skip sleeps */ }
    } catch (e) {
      if (!(e instanceof Exit)) throw e;
    }
    return buf;
  }

  /** run executes node, yielding ms to sleep; returns the exit status. Throws Exit on `exit`. */
  *run(node: Node): Generator<number, number> {
    switch (node.t) {
      case 'seq': {
        let st = 0;
        for (const item of node.items) st = yield* this.run(item);
        return st;
      }
      case 'andor': {
        let st = yield* this.run(node.first);
        for (const { op, node: n } of node.rest) {
          if ((op === '&&' && st === 0) || (op === '||' && st !== 0)) st = yield* this.run(n);
        }
        return st;
      }
      case 'group': return yield* this.run(node.body);
      case 'if': {
        const c = yield* this.run(node.cond);
        if (c === 0) return yield* this.run(node.then);
        return node.else ? yield* this.run(node.else) : 0;
      }
      case 'for': {
        let st = 0;
        for (const w of node.items) {
          this.env.vars.set(node.name, this.expand(w));
          st = yield* this.run(node.body);
        }
        return st;
      }
      case 'while': {
        let st = 0;
        let spins = 0;
        for (;;) {
          const c = yield* this.run(node.cond);
          if ((c === 0) === node.until) break;
          const before = this.env.now();
          st = yield* this.run(node.body);
          // A loop that never sleeps would hang a real CPU; here it burns virtual time instead.
          if (this.env.now() === before && ++spins % 1000 === 0) yield 1000;
        }
        return st;
      }
      case 'pipe': {
        // Each stage runs to completion and hands its whole stdout to the next (no concurrency);
        // the first stage reads the shell's own stdin.
        let st = 0;
        let input = '';
        for (let k = 0; k < node.cmds.length; k++) {
          const last = k === node.cmds.length - 1;
          let buf = '';
          const saved = { out: this.env.out, stdin: this.env.stdin };
          if (k > 0) this.env.stdin = input;
          if (!last) this.env.out = (t) => { buf += t; };
          try { st = yield* this.run(node.cmds[k]); } finally {
            this.env.out = saved.out;
            if (k > 0) this.env.stdin = saved.stdin;
          }
          input = buf;
        }
        return st;
      }
      case 'cmd': {
        for (const a of node.assigns) this.env.vars.set(a.name, this.expand(a.value));
        if (!node.words.length && !node.redirs.length) { this.lastStatus = 0; return 0; }
        const argv = node.words.map((w) => this.expand(w));
        const saved = { out: this.env.out, err: this.env.err, stdin: this.env.stdin };
        const files: { path: string; append: boolean; buf: { text: string } }[] = [];
        const fds: Record<number, (t: string) => void> = { 1: this.env.out, 2: this.env.err };
        let st = 0;
        for (const r of node.redirs) {
          const target = this.expand(r.target);
          if (r.op === '<') {
            const c = this.env.fs.get(this.abs(target));
            if (c === undefined) { this.env.err(`${this.shellName}: ${this.env.flavor === 'gnu' ? '1: ' : ''}cannot open ${target}: No such file\n`); this.lastStatus = 2; return 2; }
            this.env.stdin = c;
          } else if (r.op === '>&') {
            const to = fds[Number(target)];
            if (!to) { this.env.err(`${this.shellName}: ${this.env.flavor === 'gnu' ? '1: ' : ''}${target}: Bad file descriptor\n`); this.lastStatus = 2; return 2; }
            fds[r.fd] = to;
          } else if (target === '/dev/null') {
            fds[r.fd] = () => {};
          } else {
            const buf = { text: '' };
            files.push({ path: this.abs(target), append: r.op === '>>', buf });
            fds[r.fd] = (t) => { buf.text += t; };
          }
        }
        this.env.out = fds[1] ?? saved.out;
        this.env.err = fds[2] ?? saved.err;
        try {
          st = argv.length ? yield* this.command(argv) : 0;
        } finally {
          this.env.out = saved.out; this.env.err = saved.err; this.env.stdin = saved.stdin;
          for (const f of files) this.env.fs.set(f.path, (f.append ? this.env.fs.get(f.path) ?? '' : '') + f.buf.text);
        }
        this.lastStatus = st;
        return st;
      }
    }
  }

  /** abs resolves a path against the shell's working directory ($PWD, `/` by default). */
  private abs(p: string): string {
    if (p === '-' || p === '/dev/null') return p;
    const parts = (p.startsWith('/') ? p : `${this.env.vars.get('PWD') ?? '/'}/${p}`).split('/');
    const out: string[] = [];
    for (const part of parts) { if (part === '..') out.pop(); else if (part && part !== '.') out.push(part); }
    return '/' + out.join('/');
  }

  /** isDir tells whether path is a directory of the image (a standard one, or the parent of a file). */
  private isDir(path: string): boolean {
    if (path === '/' || STD_DIRS.includes(path)) return true;
    const prefix = path + '/';
    for (const k of this.env.fs.keys()) if (k.startsWith(prefix)) return true;
    return false;
  }

  /** readStdin returns standard input and consumes it (a second reader sees EOF). */
  private readStdin(): string {
    const s = this.env.stdin ?? '';
    this.env.stdin = '';
    return s;
  }

  private notFound(cmd: string): number {
    const sh = this.shellName;
    this.env.err(sh === 'bash' ? `bash: ${cmd}: command not found\n` : this.env.flavor === 'gnu' ? `${sh}: 1: ${cmd}: not found\n` : `${sh}: ${cmd}: not found\n`);
    return 127;
  }

  private noFile(cmd: string, path: string): string {
    return this.env.flavor === 'busybox' && cmd === 'cat' ? `cat: can't open '${path}': No such file or directory\n` : `${cmd}: ${path}: No such file or directory\n`;
  }

  *command(argv: string[]): Generator<number, number> {
    const [cmd, ...args] = argv;
    const env = this.env;
    const has = (name: string) => env.binaries.has(name);
    switch (cmd) {
      case ':': case 'true': return 0;
      case 'false': return 1;
      case 'exit': throw new Exit(args[0] ? parseInt(args[0], 10) & 255 : this.lastStatus);
      case 'export': for (const a of args) { const [k, ...v] = a.split('='); if (v.length) env.vars.set(k, v.join('=')); } return 0;
      case 'cd': {
        const dir = this.abs(args[0] ?? env.vars.get('HOME') ?? '/');
        if (!this.isDir(dir)) {
          const sh = this.shellName;
          env.err(sh === 'bash' ? `bash: cd: ${args[0]}: No such file or directory\n` : env.flavor === 'gnu' ? `${sh}: 1: cd: can't cd to ${args[0]}\n` : `${sh}: cd: can't cd to ${args[0]}: No such file or directory\n`);
          return env.flavor === 'gnu' && sh !== 'bash' ? 2 : 1;
        }
        env.vars.set('PWD', dir);
        return 0;
      }
      case 'echo': {
        const noNl = args[0] === '-n';
        env.out((noNl ? args.slice(1) : args).join(' ') + (noNl ? '' : '\n'));
        return 0;
      }
      case 'printf': {
        const fmt = (args[0] ?? '').replace(/\\n/g, '\n').replace(/\\t/g, '\t');
        let k = 1;
        env.out(fmt.replace(/%[sd]/g, () => args[k++] ?? ''));
        return 0;
      }
      case 'test': case '[': return this.test(cmd === '[' ? args.slice(0, -1) : args);
    }
    if (!has(cmd)) return this.notFound(cmd);
    const viaNet = env.net?.([cmd, ...args], env.stdin ?? '', env.flavor, env.tty);
    if (viaNet) {
      // The tool's output appears when it finishes (a curl timeout prints after the wait); files it saved land in the container.
      env.stdin = '';
      if (viaNet.durationMs) yield viaNet.durationMs;
      for (const [path, content] of Object.entries(viaNet.files ?? {})) env.fs.set(this.abs(path), content);
      if (viaNet.stderr) env.err(viaNet.stderr);
      if (viaNet.stdout) env.out(viaNet.stdout);
      return viaNet.exitCode;
    }
    if (TEXT_TOOLS.has(cmd)) {
      const r = runTextTool(cmd, args, this.readStdin(), (p) => env.fs.get(this.abs(p)), env.flavor);
      if (r.out) env.out(r.out);
      if (r.err) env.err(r.err);
      return r.code;
    }
    switch (cmd) {
      case 'httpd': {
        // Models busybox httpd: without -f it daemonizes (the command returns at once, the server keeps running).
        const o = parseHttpdArgs(args);
        env.serve?.(o.port, busyboxHttpd(env.fs, o.home, env.now));
        if (o.foreground && env.pid1 && env.serve) for (;;) yield 3_600_000;
        return 0;
      }
      case 'sleep': {
        const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(args[0] ?? '');
        if (!m) { env.err(`sleep: invalid number '${args[0] ?? ''}'\n`); return 1; }
        const mult = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2]] ?? 1000;
        yield Math.round(parseFloat(m[1]) * mult);
        return 0;
      }
      case 'cat': {
        let st = 0;
        const files = args.filter((a) => a === '-' || !a.startsWith('-'));
        if (!files.length) files.push('-');
        for (const f of files) {
          if (f === '-') { env.out(this.readStdin()); continue; }
          const c = env.fs.get(this.abs(f));
          if (c === undefined) { env.err(this.noFile('cat', f)); st = 1; } else env.out(c);
        }
        return st;
      }
      case 'touch': for (const f of args.map((a) => this.abs(a))) if (!env.fs.has(f)) env.fs.set(f, ''); return 0;
      case 'mkdir': return 0;
      case 'rm': {
        const force = args.some((a) => a.startsWith('-') && a.includes('f'));
        let st = 0;
        for (const f of args.filter((a) => !a.startsWith('-'))) {
          if (!env.fs.delete(this.abs(f)) && !force) { env.err(`rm: can't remove '${f}': No such file or directory\n`); st = 1; }
        }
        return st;
      }
      case 'ls': {
        const typed = args.find((a) => !a.startsWith('-'));
        const dir = this.abs(typed ?? '.');
        const prefix = dir === '/' ? '/' : dir + '/';
        if (env.fs.has(dir)) { env.out((typed ?? dir) + '\n'); return 0; }
        const names = [...env.fs.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length).split('/')[0]);
        const base = dir === '/' ? ['bin', 'dev', 'etc', 'home', 'proc', 'root', 'sys', 'tmp', 'usr', 'var'] : [];
        const all = [...new Set([...base, ...names])].sort();
        // A path that is neither a file nor holds any (a missing file, e.g. a readiness probe's `ls /var/ready`) fails as ls does.
        if (!all.length && !this.isDir(dir)) {
          const shown = typed ?? dir;
          env.err(env.flavor === 'gnu' ? `ls: cannot access '${shown}': No such file or directory\n` : `ls: ${shown}: No such file or directory\n`);
          return env.flavor === 'gnu' ? 2 : 1;
        }
        if (all.length) env.out(all.join('\n') + '\n');
        return 0;
      }
      case 'date': env.out(unixDate(env.now()) + '\n'); return 0;
      case 'hostname': env.out(env.hostname + '\n'); return 0;
      case 'env': case 'printenv': {
        if (args[0]) { const v = env.vars.get(args[0]); if (v === undefined) return 1; env.out(v + '\n'); return 0; }
        env.out([...env.vars].map(([k, v]) => `${k}=${v}`).join('\n') + '\n');
        return 0;
      }
      case 'which': {
        // Paths as Debian/Alpine install them: the core userland in /bin, the rest in /usr/bin.
        const core = new Set(['sh', 'bash', 'dash', 'ash', 'cat', 'ls', 'echo', 'sleep', 'touch', 'rm', 'mkdir', 'date', 'hostname', 'pwd', 'true', 'false', 'kill', 'ps', 'mv', 'cp', 'grep', 'df', 'mount', 'uname', 'ping', 'netstat', 'ip', 'sed', 'tar', 'gzip', 'gunzip', 'chmod', 'chown', 'ln', 'dd', 'more', 'stat', 'busybox']);
        let st = 0;
        for (const a of args.filter((x) => !x.startsWith('-'))) {
          if (env.binaries.has(a)) env.out(`${core.has(a) ? '/bin' : '/usr/bin'}/${a}\n`); else st = 1;
        }
        return st;
      }
      case 'ps': env.out(psOutput(env, args)); return 0;
      case 'pwd': env.out(`${env.vars.get('PWD') ?? '/'}\n`); return 0;
      case 'whoami': env.out('root\n'); return 0;
      case 'sh': case 'bash': case 'ash': {
        if (args[0] === '-c' && args[1] !== undefined) return yield* new ShRunner(env, cmd).script(args[1]);
        // `sh` with no -c reads its script from standard input (`echo 'ls /' | kubectl exec -i POD -- sh`).
        const script = this.readStdin();
        return script ? yield* new ShRunner(env, cmd).script(script) : 0;
      }
    }
    // The binary exists but this simulation has no behaviour for it: succeed quietly.
    return 0;
  }

  private test(args: string[]): number {
    if (args.length === 2 && args[0] === '-f') return this.env.fs.has(this.abs(args[1])) ? 0 : 1;
    if (args.length === 2 && args[0] === '-e') return this.env.fs.has(this.abs(args[1])) || this.isDir(this.abs(args[1])) ? 0 : 1;
    if (args.length === 2 && args[0] === '-d') return this.isDir(this.abs(args[1])) ? 0 : 1;
    if (args.length === 2 && args[0] === '-z') return args[1] === '' ? 0 : 1;
    if (args.length === 2 && args[0] === '-n') return args[1] !== '' ? 0 : 1;
    if (args.length === 3) {
      const [a, op, b] = args;
      const x = parseInt(a, 10), y = parseInt(b, 10);
      switch (op) {
        case '=': case '==': return a === b ? 0 : 1;
        case '!=': return a !== b ? 0 : 1;
        case '-eq': return x === y ? 0 : 1;
        case '-ne': return x !== y ? 0 : 1;
        case '-lt': return x < y ? 0 : 1;
        case '-le': return x <= y ? 0 : 1;
        case '-gt': return x > y ? 0 : 1;
        case '-ge': return x >= y ? 0 : 1;
      }
    }
    return args.length === 1 && args[0] !== '' ? 0 : 1;
  }

  /** script parses and runs src, turning syntax errors and `exit` into a status. */
  *script(src: string): Generator<number, number> {
    let node: Node;
    try { node = parseScript(src); } catch (e) {
      this.env.err(`${this.shellName}: ${this.env.flavor === 'gnu' ? '1: ' : ''}${(e as Error).message}\n`);
      return 2;
    }
    try { return yield* this.run(node); } catch (e) {
      if (e instanceof Exit) return e.code;
      throw e;
    }
  }
}

/** OCI_NOT_FOUND is containerd's error for exec of a binary missing from the image. */
export function ociNotFound(bin: string): string {
  return `OCI runtime exec failed: exec failed: unable to start container process: exec: "${bin}": executable file not found in $PATH: unknown`;
}

/**
 * psOutput lists PID 1 and ps itself: busybox's `PID USER TIME COMMAND` table, or procps (`ps`, `ps aux`, `ps -ef`).
 * The simulation has no other processes (no nginx workers, no shells left behind by exec).
 */
function psOutput(env: ShEnv, args: string[]): string {
  const pid1 = (env.pid1Argv?.length ? env.pid1Argv : ['sh']).join(' ');
  const self = ['ps', ...args].join(' ');
  if (env.flavor === 'busybox') return `PID   USER     TIME  COMMAND\n    1 root      0:00 ${pid1}\n   42 root      0:00 ${self}\n`;
  const a = args.join(' ');
  const start = (() => { const d = new Date(env.now()); return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`; })();
  if (/^-(ef|fe)$/.test(a)) {
    return `UID          PID    PPID  C STIME TTY          TIME CMD\nroot           1       0  0 ${start} ?        00:00:00 ${pid1}\nroot          42       0  0 ${start} ?        00:00:00 ${self}\n`;
  }
  if (/^-?aux$/.test(a)) {
    return `USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\nroot           1  0.0  0.1  11404  7412 ?        Ss   ${start}   0:00 ${pid1}\nroot          42  0.0  0.0   8092  4032 ?        Rs   ${start}   0:00 ${self}\n`;
  }
  const comm = (argv: string) => (argv.split(' ')[0] ?? '').split('/').pop() ?? '';
  return `    PID TTY          TIME CMD\n      1 ?        00:00:00 ${comm(pid1)}\n     42 ?        00:00:00 ps\n`;
}

/** execSync runs argv to completion inside a container (kubectl exec, exec probes), skipping sleeps but timing them; stdin is the command's standard input. */
export function execSync(argv: string[], env: Omit<ShEnv, 'out' | 'err'>, stdin = '', tty = false): ExecResult {
  let stdout = '', stderr = '';
  // With a TTY the process has one output stream (the pty): stderr lands in it, in the order written.
  const full: ShEnv = { ...env, stdin, tty, out: (t) => { stdout += t; }, err: tty ? (t) => { stdout += t; } : (t) => { stderr += t; } };
  // containerd's message ends the line before kubectl's `command terminated with exit code 126`.
  if (!argv.length) return { exitCode: 126, stdout, stderr: `${ociNotFound('')}\n` };
  const bin = argv[0].split('/').pop() ?? argv[0];
  const builtin = ['echo', 'true', 'false', 'test', '[', 'printf'].includes(bin);
  if (!builtin && !env.binaries.has(bin)) return { exitCode: 126, stdout, stderr: `${ociNotFound(argv[0])}\n` };
  const runner = new ShRunner(full, bin);
  let durationMs = 0;
  let exitCode = 0;
  try {
    const it = runner.command([bin, ...argv.slice(1)]);
    for (let r = it.next(); ; r = it.next()) {
      if (r.done) { exitCode = r.value; break; }
      durationMs += r.value;
    }
  } catch (e) {
    if (e instanceof Exit) exitCode = e.code; else throw e;
  }
  return { exitCode, stdout, stderr, durationMs };
}

/** runAsPid1 drives a command line as a container's main process: sleeps become clock timers, output becomes log lines. */
export function runAsPid1(argv: string[], env: ShEnv, after: (ms: number, fn: () => void) => void, done: (code: number) => void): void {
  const bin = argv[0]?.split('/').pop() ?? '';
  const runner = new ShRunner(env, bin || 'sh');
  const it: Generator<number, number> = (function* () {
    try { return yield* runner.command([bin, ...argv.slice(1)]); } catch (e) {
      if (e instanceof Exit) return e.code;
      throw e;
    }
  })();
  const step = () => {
    const r = it.next();
    if (r.done) done(r.value); else after(r.value, step);
  };
  step();
}
