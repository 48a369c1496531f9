/**
 * An interactive shell over a tty for `kubectl exec -it POD -- sh`: a minimal line discipline
 * (echo, backspace, Ctrl-C, Ctrl-D) in front of the simulated container, where each entered line
 * runs as `<shell> -c <line>`. Simplified: no state (cd, variables) carries from one line to the next.
 */
import type { ExecResultLike } from './exec';

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);

/** isInteractiveShell reports a bare shell command (`sh`, `/bin/bash`, `sh -i`) that wants a REPL. */
export function isInteractiveShell(command: string[]): boolean {
  const base = (command[0] ?? '').split('/').pop() ?? '';
  return SHELLS.has(base) && (command.length === 1 || (command.length === 2 && command[1] === '-i'));
}

/** ShellSessionIO is how the session talks to the terminal and reports its end. */
export interface ShellSessionIO {
  /** run executes argv in the container. */
  run(argv: string[]): ExecResultLike;
  /** write sends bytes to the terminal (already in tty form: \r\n line ends). */
  write(text: string): void;
  /** exit ends the session with the shell's exit code. */
  exit(code: number): void;
}

/** ShellSession consumes the terminal's keystrokes. */
export interface ShellSession { input(data: Buffer): void }

/** PROMPT is the root prompt of a POSIX sh (dash, busybox ash print `# ` / `/ # `). */
export const PROMPT = '# ';

/** startShellSession prints the first prompt and returns the session reading stdin bytes. */
export function startShellSession(shell: string, io: ShellSessionIO): ShellSession {
  let line = '';
  let last = 0;
  let done = false;
  let escape = false;
  const tty = (s: string) => s.replace(/\r?\n/g, '\r\n');
  const end = (code: number) => { if (!done) { done = true; io.exit(code); } };
  const runLine = () => {
    const text = line.trim();
    line = '';
    const exit = /^exit(?:\s+(\d+))?$/.exec(text);
    if (exit) { end(exit[1] ? Number(exit[1]) & 255 : last); return; }
    if (text) {
      const r = io.run([shell, '-c', text]);
      last = r.exitCode;
      io.write(tty(r.stdout + r.stderr));
    }
    io.write(PROMPT);
  };
  io.write(PROMPT);
  return {
    input(data: Buffer) {
      for (const ch of data.toString('utf8')) {
        if (done) return;
        // Skip terminal escape sequences (arrow keys: ESC [ A): no line editing beyond backspace.
        if (escape) { if (/[A-Za-z~]/.test(ch) && ch !== '[') escape = false; continue; }
        if (ch === '\x1b') { escape = true; continue; }
        if (ch === '\r' || ch === '\n') { io.write('\r\n'); runLine(); }
        else if (ch === '\x7f' || ch === '\b') { if (line) { line = line.slice(0, -1); io.write('\b \b'); } }
        else if (ch === '\x03') { line = ''; io.write('^C\r\n' + PROMPT); }
        else if (ch === '\x04') { if (!line) { io.write('\r\n'); end(last); } }
        else if (ch === '\x15') { io.write('\b \b'.repeat(line.length)); line = ''; }
        else if (ch >= ' ') { line += ch; io.write(ch); }
      }
    },
  };
}
