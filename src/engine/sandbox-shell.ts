// The interactive side of `kubectl exec -it POD -- sh`: a container shell reading the terminal's lines.
// Each line runs through the container process's exec (`sh -c LINE`, like typing it at the real
// prompt); the session keeps its own working directory and exported variables between lines.
import type { ExecResult } from './images';
import type { TimeDriver, Interrupt } from './util';

/** EOF_LINE is the line a terminal sends for Ctrl-D on an empty line: end of input for the program reading it. */
export const EOF_LINE = '\x04';

/** LineIO is where one line of an interactive program writes, and its Ctrl-C. */
export interface LineIO { stdout(s: string): void; stderr(s: string): void; interrupt: Interrupt }

/** InputHandler is an interactive program that owns the terminal's input (a container shell). */
export interface InputHandler {
  /** prompt is what the terminal shows before the next line ('' when there is no TTY). */
  prompt(): string;
  /** line runs one input (EOF_LINE: end of input); resolves true when the program has ended (its exit code is then exitCode). */
  line(input: string, io: LineIO): Promise<boolean>;
  /** exitCode is the status the program ended with (the last command's status until then). */
  readonly exitCode: number;
}

/** ContainerExec runs argv in the session's container; undefined once the container is gone. */
export type ContainerExec = (argv: string[]) => ExecResult | undefined;

/** ContainerShellOptions describe the container and the shell asked for. */
export interface ContainerShellOptions {
  exec: ContainerExec;
  time: TimeDriver;
  /** command is what followed `--` (`sh`, `/bin/bash`, `bash -l`). */
  command: string[];
  tty: boolean;
  /** podName is the fallback hostname. */
  podName: string;
}

/** quote single-quotes a value for sh. */
function quote(v: string): string {
  return `'${v.replace(/'/g, `'\\''`)}'`;
}

/** normalize resolves path against cwd and removes `.`/`..`. */
function normalize(cwd: string, path: string): string {
  const parts = (path.startsWith('/') ? path : `${cwd}/${path}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (!p || p === '.') continue;
    if (p === '..') out.pop(); else out.push(p);
  }
  return '/' + out.join('/');
}

/**
 * openContainerShell checks the shell exists in the container and returns its session, or the
 * exec failure (`executable file not found`) as a finished result.
 */
export function openContainerShell(o: ContainerShellOptions): InputHandler | ExecResult {
  const bin = (o.command[0] ?? 'sh').split('/').pop() ?? 'sh';
  const probe = o.exec([o.command[0], '-c', ':']);
  if (!probe) return { exitCode: 137, stdout: '', stderr: '' };
  if (probe.exitCode === 126 || probe.exitCode === 127) return probe;
  const busybox = o.exec(['ash', '-c', ':'])?.exitCode === 0;
  const host = o.exec(['hostname'])?.stdout.trim() || o.podName;
  const home = '/root';
  let cwd = '/';
  let exitCode = 0;
  const vars = new Map<string, string>();
  const shown = () => (cwd === home ? '~' : cwd.startsWith(home + '/') ? '~' + cwd.slice(home.length) : cwd);

  const prompt = (): string => {
    if (!o.tty) return '';
    // Default PS1 of each shell for root: bash `\u@\h:\w\$ `, busybox ash `\w \$ `, dash `# `, zsh `%m# `.
    if (bin === 'bash') return `root@${host}:${shown()}# `;
    if (bin === 'zsh') return `${host}# `;
    if (busybox) return `${shown()} # `;
    return '# ';
  };
  // What an interactive shell prints as it ends: bash says `exit` (after readline's newline on Ctrl-D);
  // dash ends the prompt's line on Ctrl-D; busybox ash prints nothing. Without a TTY none of them is interactive.
  const onExit = (): string => (o.tty && bin === 'bash' ? 'exit\n' : '');
  const onEof = (): string => (!o.tty || (busybox && bin !== 'bash') ? '' : bin === 'bash' ? '\nexit\n' : '\n');

  const run = async (script: string, io: LineIO): Promise<number | 'gone'> => {
    const prefix = [...vars].map(([k, v]) => `export ${k}=${quote(v)}; `).join('') + (cwd !== '/' ? `cd ${quote(cwd)}; ` : '');
    const r = o.exec([o.command[0], '-c', prefix + script]);
    if (!r) return 'gone';
    if (r.durationMs && r.durationMs > 0) {
      const finished = await o.time.sleep(r.durationMs, io.interrupt);
      if (!finished) return 130;
    }
    io.stdout(r.stdout);
    io.stderr(r.stderr);
    return r.exitCode;
  };

  return {
    prompt,
    get exitCode() { return exitCode; },
    async line(input, io) {
      const text = input.replace(/\n+$/, '');
      // End of input: the shell exits with the last command's status.
      if (text === EOF_LINE) { io.stdout(onEof()); return true; }
      const trimmed = text.trim();
      if (!trimmed || trimmed.startsWith('#')) return false;
      const exit = /^exit(?:\s+(-?\d+))?\s*;?$/.exec(trimmed);
      if (exit) {
        if (exit[1] !== undefined) exitCode = ((parseInt(exit[1], 10) % 256) + 256) % 256;
        io.stdout(onExit());
        return true;
      }
      const cd = /^cd(?:\s+(\S+))?\s*$/.exec(trimmed);
      if (cd) {
        const target = !cd[1] || cd[1] === '~' ? home : cd[1] === '-' ? cwd : normalize(cwd, cd[1].replace(/^~(?=\/)/, home));
        const r = await run(`cd ${quote(target)}`, io);
        if (r === 'gone') { exitCode = 137; return true; }
        exitCode = r;
        if (r === 0) cwd = target;
        return false;
      }
      const assign = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(\S*)$/.exec(trimmed);
      const r = await run(text, io);
      if (r === 'gone') { exitCode = 137; return true; }
      exitCode = r;
      // `cmd; exit N` (or `... && exit`) ends the shell too, with the status the script exited with.
      if (/(?:^|;|&&|\|\|)\s*exit(?:\s+-?\d+)?\s*;?\s*$/.test(trimmed) && !/^\s*(if|while|for|case)\b/.test(trimmed)) { io.stdout(onExit()); return true; }
      if (assign && r === 0) vars.set(assign[1], assign[2].replace(/^(['"])(.*)\1$/, '$2'));
      return false;
    },
  };
}
