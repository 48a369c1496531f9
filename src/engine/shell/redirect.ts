import { VfsError } from '../vfs/types';
import type { Redir } from './ast';
import { Collector, Stdin, type IO, type Writer } from './io';
import type { Interp } from './interp';
import type { ShellState } from './state';

/** applyRedirs applies redirections around fn, flushing buffered file output afterwards. */
export async function applyRedirs(sh: Interp, redirs: Redir[], st: ShellState, io: IO, fn: (io: IO) => Promise<number>): Promise<number> {
  const fds: Array<Writer | undefined> = [undefined, io.stdout, io.stderr];
  let stdin = io.stdin;
  const files = new Map<string, Collector>();
  const fileWriter = (path: string, append: boolean): Writer | string => {
    if (path === '/dev/null') return () => {};
    if (path === '/dev/stdout') return fds[1] ?? (() => {});
    if (path === '/dev/stderr') return fds[2] ?? (() => {});
    const abs = sh.fs.resolve(st.cwd, path);
    let c = files.get(abs);
    if (!c) {
      try {
        if (sh.fs.isDir(abs)) return 'Is a directory';
        if (!append || !sh.fs.exists(abs)) sh.fs.writeFile(abs, '');
      } catch (e) {
        return e instanceof VfsError ? e.message : String(e);
      }
      c = new Collector();
      files.set(abs, c);
    }
    return c.write;
  };
  for (const r of redirs) {
    const target = r.heredoc ? '' : await redirTarget(sh, r.target, st, io);
    if (target === undefined) return 1;
    switch (r.op) {
      case '<': {
        if (target === '/dev/null') { stdin = new Stdin(''); break; }
        const abs = sh.fs.resolve(st.cwd, target);
        try { stdin = new Stdin(sh.fs.readFile(abs)); } catch (e) {
          io.stderr(`bash: ${target}: ${e instanceof VfsError ? e.message : String(e)}\n`);
          return 1;
        }
        break;
      }
      case '<<': case '<<-': {
        const h = r.heredoc ?? { body: '', quoted: true };
        stdin = new Stdin(h.quoted ? h.body : await sh.expandOne(h.body, st, io, 'heredoc'));
        break;
      }
      case '<<<': stdin = new Stdin(target + '\n'); break;
      case '<>': break;
      case '>&': case '<&': {
        if (/^\d+$/.test(target)) {
          const src = fds[Number(target)];
          if (Number(target) > 2 || (src === undefined && target !== '0')) { io.stderr(`bash: ${target}: Bad file descriptor\n`); return 1; }
          if (r.fd <= 2) fds[r.fd] = src;
          break;
        }
        if (target === '-') { fds[r.fd] = () => {}; break; }
        if (r.op === '<&') { io.stderr(`bash: ${target}: ambiguous redirect\n`); return 1; }
        const w = fileWriter(target, false);
        if (typeof w === 'string') { io.stderr(`bash: ${target}: ${w}\n`); return 1; }
        fds[1] = w; fds[2] = w;
        break;
      }
      case '&>': case '&>>': {
        const w = fileWriter(target, r.op === '&>>');
        if (typeof w === 'string') { io.stderr(`bash: ${target}: ${w}\n`); return 1; }
        fds[1] = w; fds[2] = w;
        break;
      }
      default: {
        const w = fileWriter(target, r.op === '>>');
        if (typeof w === 'string') { io.stderr(`bash: ${target}: ${w}\n`); return 1; }
        if (r.fd <= 2) fds[r.fd] = w;
      }
    }
  }
  const io2: IO = { stdout: fds[1] ?? (() => {}), stderr: fds[2] ?? (() => {}), stdin, tty: io.tty && fds[1] === io.stdout, interrupt: io.interrupt };
  try {
    return await fn(io2);
  } finally {
    for (const [path, c] of files) if (c.length) sh.fs.writeFile(path, c.text(), { append: true });
  }
}

/** redirTarget expands a redirection word; more than one field is an ambiguous redirect. */
async function redirTarget(sh: Interp, raw: string, st: ShellState, io: IO): Promise<string | undefined> {
  const fields = await sh.expandWords([raw], st, io);
  if (fields.length !== 1) { io.stderr(`bash: ${raw}: ambiguous redirect\n`); return undefined; }
  return fields[0];
}
