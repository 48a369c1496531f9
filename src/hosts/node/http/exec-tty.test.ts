import { describe, it, expect } from 'vitest';
import { isInteractiveShell, startShellSession } from './exec-tty';

describe('isInteractiveShell', () => {
  it('recognises bare shells only', () => {
    expect(isInteractiveShell(['sh'])).toBe(true);
    expect(isInteractiveShell(['/bin/bash'])).toBe(true);
    expect(isInteractiveShell(['sh', '-i'])).toBe(true);
    expect(isInteractiveShell(['sh', '-c', 'ls'])).toBe(false);
    expect(isInteractiveShell(['ls'])).toBe(false);
  });
});

describe('startShellSession', () => {
  it('echoes keystrokes, runs each line as sh -c, handles backspace, Ctrl-C, arrows and exit N', () => {
    let screen = '';
    const ran: string[][] = [];
    let exited: number | undefined;
    const s = startShellSession('sh', {
      run: (argv) => { ran.push(argv); return argv[2] === 'false' ? { exitCode: 1, stdout: '', stderr: '' } : { exitCode: 0, stdout: 'a\nb\n', stderr: '' }; },
      write: (t) => { screen += t; },
      exit: (code) => { exited = code; },
    });
    s.input(Buffer.from('lx\x7fs /\x1b[A\r'));
    s.input(Buffer.from('oops\x03false\r'));
    expect(ran).toEqual([['sh', '-c', 'ls /'], ['sh', '-c', 'false']]);
    expect(screen).toBe('# lx\b \bs /\r\na\r\nb\r\n# oops^C\r\n# false\r\n# ');
    s.input(Buffer.from('exit 4\r'));
    expect(exited).toBe(4);
  });

  it('ends on Ctrl-D at an empty line with the last exit code', () => {
    let exited: number | undefined;
    const s = startShellSession('sh', { run: () => ({ exitCode: 2, stdout: '', stderr: 'x\n' }), write: () => {}, exit: (c) => { exited = c; } });
    s.input(Buffer.from('bad\r\x04'));
    expect(exited).toBe(2);
  });
});
