import type { Clock } from '../../util/clock';
import type { CommandContext, CommandFn } from '../types';
import type { Vfs } from '../../vfs/types';
import { matchGlob } from '../glob';
import { strftime } from './date';
import { errMsg, parseArgs, readInput, usage } from './common';

function cat(ctx: CommandContext): number {
  const p = parseArgs(ctx.argv.slice(1), []);
  const files = p.operands.length ? p.operands : ['-'];
  let status = 0;
  let n = 0;
  const parts: string[] = [];
  for (const f of files) {
    const text = readInput(ctx, 'cat', f);
    if (text === undefined) { status = 1; continue; }
    if (p.flags.has('n') || p.flags.has('number')) {
      const lines = text.split('\n');
      const trailing = text.endsWith('\n');
      if (trailing) lines.pop();
      parts.push(lines.map((l) => `${String(++n).padStart(6)}\t${l}`).join('\n') + (trailing ? '\n' : ''));
    } else parts.push(text);
  }
  ctx.stdout(parts.join(''));
  return status;
}

function mode(fs: Vfs, path: string): string {
  return fs.isDir(path) ? 'drwxr-xr-x' : /\.sh$/.test(path) ? '-rwxr-xr-x' : '-rw-r--r--';
}

function ls(ctx: CommandContext, clock?: Clock): number {
  const p = parseArgs(ctx.argv.slice(1), [], { all: 'a', 'almost-all': 'A', directory: 'd', 'human-readable': 'h', reverse: 'r' });
  const fs = ctx.fs;
  const long = p.flags.has('l');
  const all = p.flags.has('a'), almost = p.flags.has('A');
  const targets = p.operands.length ? p.operands : ['.'];
  let status = 0;
  const out: string[] = [];
  const fileOps: string[] = [];
  const dirOps: string[] = [];
  for (const t of targets) {
    const abs = fs.resolve(ctx.cwd, t);
    const st = fs.stat(abs);
    if (!st) { ctx.stderr(`ls: cannot access '${t}': No such file or directory\n`); status = 2; continue; }
    if (st.type === 'dir' && !p.flags.has('d')) dirOps.push(t); else fileOps.push(t);
  }
  const now = clock?.now();
  const sortNames = (dir: string, names: string[]) => {
    const withStat = names.map((n) => ({ n, st: fs.stat(fs.resolve(dir, n)) }));
    if (p.flags.has('t')) withStat.sort((a, b) => (b.st?.mtime ?? 0) - (a.st?.mtime ?? 0));
    else if (p.flags.has('S')) withStat.sort((a, b) => (b.st?.size ?? 0) - (a.st?.size ?? 0));
    const r = withStat.map((x) => x.n);
    return p.flags.has('r') ? r.reverse() : r;
  };
  const render = (dir: string, names: string[], showTotal: boolean) => {
    if (!long) {
      if (ctx.isTTY) { if (names.length) out.push(names.join('  ')); } else out.push(...names);
      return;
    }
    const rows = names.map((n) => {
      const path = fs.resolve(dir, n);
      const st = fs.stat(path) ?? { type: 'file' as const, size: 0, mtime: 0 };
      const links = st.type === 'dir' ? 2 + safeReaddir(fs, path).filter((c) => fs.isDir(path + '/' + c)).length : 1;
      const size = p.flags.has('h') ? human(st.size) : String(st.size);
      const recent = now === undefined || Math.abs(now - st.mtime) < 182 * 86400000;
      return { mode: mode(fs, path), links: String(links), size, date: strftime(recent ? '%b %e %H:%M' : '%b %e  %Y', st.mtime), n, blocks: st.type === 'dir' ? 4 : Math.ceil(st.size / 4096) * 4 };
    });
    if (showTotal) out.push(`total ${rows.reduce((a, r) => a + r.blocks, 0)}`);
    const lw = Math.max(0, ...rows.map((r) => r.links.length));
    const sw = Math.max(0, ...rows.map((r) => r.size.length));
    for (const r of rows) out.push(`${r.mode} ${r.links.padStart(lw)} root root ${r.size.padStart(sw)} ${r.date} ${r.n}`);
  };
  fileOps.sort();
  dirOps.sort();
  if (fileOps.length) render(ctx.cwd, sortNames(ctx.cwd, fileOps), false);
  const recursive = p.flags.has('R');
  const queue = [...dirOps];
  let first = true;
  while (queue.length) {
    const d = queue.shift() as string;
    const abs = fs.resolve(ctx.cwd, d);
    let names = fs.readdir(abs).filter((n) => all || almost || !n.startsWith('.'));
    if (all) names = ['.', '..', ...names];
    if (dirOps.length + fileOps.length > 1 || recursive) { if (!first || fileOps.length) out.push(''); out.push(`${d}:`); }
    first = false;
    const sorted = sortNames(abs, names);
    render(abs, sorted, true);
    if (recursive) queue.unshift(...sorted.filter((n) => n !== '.' && n !== '..' && fs.isDir(fs.resolve(abs, n))).map((n) => (d.endsWith('/') ? d + n : `${d}/${n}`)));
  }
  ctx.stdout(out.length ? out.join('\n') + '\n' : '');
  return status;
}

function safeReaddir(fs: Vfs, p: string): string[] { try { return fs.readdir(p); } catch { return []; } }

function human(n: number): string {
  if (n < 1024) return String(n);
  const units = ['K', 'M', 'G', 'T'];
  let v = n, u = -1;
  while (v >= 1024 && u < units.length - 1) { v /= 1024; u++; }
  return (v < 10 ? (Math.ceil(v * 10) / 10).toFixed(1) : String(Math.ceil(v))) + units[u];
}

function mkdir(ctx: CommandContext): number {
  const p = parseArgs(ctx.argv.slice(1), ['m'], { parents: 'p' });
  if (!p.operands.length) return usage(ctx, 'mkdir', 'missing operand');
  let status = 0;
  for (const d of p.operands) {
    try { ctx.fs.mkdir(ctx.fs.resolve(ctx.cwd, d), { recursive: p.flags.has('p') }); } catch (e) {
      ctx.stderr(`mkdir: cannot create directory ‘${d}’: ${errMsg(e)}\n`);
      status = 1;
    }
  }
  return status;
}

function touch(ctx: CommandContext): number {
  const p = parseArgs(ctx.argv.slice(1), ['d', 't', 'r']);
  if (!p.operands.length) return usage(ctx, 'touch', 'missing file operand');
  let status = 0;
  for (const f of p.operands) {
    const abs = ctx.fs.resolve(ctx.cwd, f);
    try {
      if (ctx.fs.isDir(abs)) continue;
      ctx.fs.writeFile(abs, ctx.fs.exists(abs) ? ctx.fs.readFile(abs) : '');
    } catch (e) {
      ctx.stderr(`touch: cannot touch '${f}': ${errMsg(e)}\n`);
      status = 1;
    }
  }
  return status;
}

function rm(ctx: CommandContext): number {
  const p = parseArgs(ctx.argv.slice(1), [], { recursive: 'r', R: 'r', force: 'f' });
  const force = p.flags.has('f');
  if (!p.operands.length) return force ? 0 : usage(ctx, 'rm', 'missing operand');
  let status = 0;
  for (const f of p.operands) {
    const abs = ctx.fs.resolve(ctx.cwd, f);
    const st = ctx.fs.stat(abs);
    if (!st) { if (!force) { ctx.stderr(`rm: cannot remove '${f}': No such file or directory\n`); status = 1; } continue; }
    if (abs === '/') { ctx.stderr("rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n"); status = 1; continue; }
    if (st.type === 'dir' && !p.flags.has('r') && !p.flags.has('d')) { ctx.stderr(`rm: cannot remove '${f}': Is a directory\n`); status = 1; continue; }
    try { ctx.fs.remove(abs, { recursive: true }); } catch (e) { ctx.stderr(`rm: cannot remove '${f}': ${errMsg(e)}\n`); status = 1; }
  }
  return status;
}

function rmdir(ctx: CommandContext): number {
  const p = parseArgs(ctx.argv.slice(1), []);
  if (!p.operands.length) return usage(ctx, 'rmdir', 'missing operand');
  let status = 0;
  for (const d of p.operands) {
    const abs = ctx.fs.resolve(ctx.cwd, d);
    try {
      if (!ctx.fs.exists(abs)) throw new Error('No such file or directory');
      if (!ctx.fs.isDir(abs)) throw new Error('Not a directory');
      ctx.fs.remove(abs);
    } catch (e) { ctx.stderr(`rmdir: failed to remove '${d}': ${errMsg(e)}\n`); status = 1; }
  }
  return status;
}

function copyTree(fs: Vfs, from: string, to: string): void {
  if (fs.isDir(from)) {
    if (!fs.exists(to)) fs.mkdir(to);
    for (const n of fs.readdir(from)) copyTree(fs, from + '/' + n, to + '/' + n);
  } else fs.writeFile(to, fs.readFile(from));
}

function cpmv(ctx: CommandContext, move: boolean): number {
  const cmd = move ? 'mv' : 'cp';
  const p = parseArgs(ctx.argv.slice(1), ['t'], { recursive: 'r', R: 'r', archive: 'a', force: 'f' });
  const ops = p.operands;
  if (ops.length === 0) return usage(ctx, cmd, 'missing file operand');
  if (ops.length === 1) return usage(ctx, cmd, `missing destination file operand after '${ops[0]}'`);
  const fs = ctx.fs;
  const dest = ops[ops.length - 1];
  const destAbs = fs.resolve(ctx.cwd, dest);
  const destIsDir = fs.isDir(destAbs);
  if (ops.length > 2 && !destIsDir) { ctx.stderr(`${cmd}: target '${dest}': Not a directory\n`); return 1; }
  let status = 0;
  for (const src of ops.slice(0, -1)) {
    const srcAbs = fs.resolve(ctx.cwd, src);
    const st = fs.stat(srcAbs);
    if (!st) { ctx.stderr(`${cmd}: cannot stat '${src}': No such file or directory\n`); status = 1; continue; }
    const target = destIsDir ? fs.resolve(destAbs, srcAbs.split('/').pop() as string) : destAbs;
    if (target === srcAbs) { ctx.stderr(`${cmd}: '${src}' and '${dest}' are the same file\n`); status = 1; continue; }
    try {
      if (move) fs.rename(srcAbs, target);
      else if (st.type === 'dir') {
        if (!p.flags.has('r') && !p.flags.has('a')) { ctx.stderr(`cp: -r not specified; omitting directory '${src}'\n`); status = 1; continue; }
        if ((target + '/').startsWith(srcAbs + '/')) { ctx.stderr(`cp: cannot copy a directory, '${src}', into itself, '${dest}'\n`); status = 1; continue; }
        copyTree(fs, srcAbs, target);
      } else fs.writeFile(target, fs.readFile(srcAbs));
    } catch (e) {
      ctx.stderr(move ? `mv: cannot move '${src}' to '${dest}': ${errMsg(e)}\n` : `cp: cannot create regular file '${dest}': ${errMsg(e)}\n`);
      status = 1;
    }
  }
  return status;
}

function tee(ctx: CommandContext): number {
  const p = parseArgs(ctx.argv.slice(1), [], { append: 'a' });
  const input = ctx.stdin;
  let status = 0;
  for (const f of p.operands) {
    try { ctx.fs.writeFile(ctx.fs.resolve(ctx.cwd, f), input, { append: p.flags.has('a') }); } catch (e) {
      ctx.stderr(`tee: ${f}: ${errMsg(e)}\n`);
      status = 1;
    }
  }
  ctx.stdout(input);
  return status;
}

function find(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  const paths: string[] = [];
  while (args.length && !args[0].startsWith('-')) paths.push(args.shift() as string);
  if (!paths.length) paths.push('.');
  let name: string | undefined, iname: string | undefined, type: string | undefined, maxdepth = Infinity, mindepth = 0;
  for (let i = 0; i < args.length; i++) {
    const a = args[i], v = args[i + 1];
    if (a === '-name') { name = v; i++; } else if (a === '-iname') { iname = v; i++; } else if (a === '-type') { type = v; i++; } else if (a === '-maxdepth') { maxdepth = Number(v); i++; } else if (a === '-mindepth') { mindepth = Number(v); i++; } else if (a === '-print') continue;
    else { ctx.stderr(`find: unknown predicate \`${a}'\n`); return 1; }
  }
  const out: string[] = [];
  let status = 0;
  const walk = (shown: string, abs: string, depth: number) => {
    const isDir = ctx.fs.isDir(abs);
    const base = shown.split('/').filter(Boolean).pop() ?? shown;
    const ok = depth >= mindepth && (!type || (type === 'd') === isDir) && (!name || matchGlob(name, base)) && (!iname || matchGlob(iname.toLowerCase(), base.toLowerCase()));
    if (ok) out.push(shown);
    if (isDir && depth < maxdepth) for (const n of ctx.fs.readdir(abs)) walk(shown.endsWith('/') ? shown + n : shown + '/' + n, abs === '/' ? '/' + n : abs + '/' + n, depth + 1);
  };
  for (const p of paths) {
    const abs = ctx.fs.resolve(ctx.cwd, p);
    if (!ctx.fs.exists(abs)) { ctx.stderr(`find: ‘${p}’: No such file or directory\n`); status = 1; continue; }
    walk(p, abs, 0);
  }
  ctx.stdout(out.length ? out.join('\n') + '\n' : '');
  return status;
}

function realpath(ctx: CommandContext): number {
  const ops = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  for (const o of ops) ctx.stdout(ctx.fs.resolve(ctx.cwd, o) + '\n');
  return ops.length ? 0 : usage(ctx, ctx.argv[0], 'missing operand');
}

/** createFileCommands returns cat, ls, mkdir, touch, rm, rmdir, cp, mv, tee, find and realpath. */
export function createFileCommands(clock?: Clock): Record<string, CommandFn> {
  return { cat, less: cat, more: cat, ls: (c) => ls(c, clock), mkdir, touch, rm, rmdir, cp: (c) => cpmv(c, false), mv: (c) => cpmv(c, true), tee, find, realpath, readlink: realpath };
}
