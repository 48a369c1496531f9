import type { CommandContext } from '../types';
import { compileRegex } from './regex';
import { parseArgs, splitLines } from './common';

/** grep implements GNU grep's common options (-i -v -E -F -c -n -A -B -C -o -q -w -x -l -L -h -H -r -e). */
export function grep(ctx: CommandContext): number {
  const cmd = ctx.argv[0];
  const args = ctx.argv.slice(1).map((a) => (/^-\d+$/.test(a) ? '-C' + a.slice(1) : a));
  const p = parseArgs(args, ['e', 'f', 'A', 'B', 'C', 'm', 'regexp', 'context', 'after-context', 'before-context', 'max-count', 'include', 'exclude', 'color', 'colour'], {
    'ignore-case': 'i', 'invert-match': 'v', 'extended-regexp': 'E', 'fixed-strings': 'F', count: 'c', 'line-number': 'n', 'only-matching': 'o',
    quiet: 'q', silent: 'q', 'word-regexp': 'w', 'line-regexp': 'x', 'files-with-matches': 'l', 'files-without-match': 'L', 'no-filename': 'h',
    'with-filename': 'H', recursive: 'r', R: 'r', regexp: 'e', context: 'C', 'after-context': 'A', 'before-context': 'B', 'max-count': 'm', 'no-messages': 's',
  });
  if (p.error) { ctx.stderr(`${cmd}: ${p.error}\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n`); return 2; }
  const f = p.flags;
  const extended = f.has('E') || cmd === 'egrep';
  let patterns = p.values.get('e') ?? [];
  const ops = [...p.operands];
  if (!patterns.length) {
    if (!ops.length) { ctx.stderr("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n"); return 2; }
    patterns = [ops.shift() as string];
  }
  patterns = patterns.flatMap((x) => x.split('\n'));
  const res: RegExp[] = [];
  for (const pat of patterns) {
    const r = compileRegex(pat, { extended, fixed: f.has('F'), icase: f.has('i') || f.has('y'), word: f.has('w'), line: f.has('x'), global: true });
    if (typeof r === 'string') { ctx.stderr(`grep: ${r}\n`); return 2; }
    res.push(r);
  }
  const num = (k: string) => { const v = p.values.get(k); return v ? Number(v[v.length - 1]) : undefined; };
  const ctxN = num('C') ?? 0;
  const after = num('A') ?? ctxN, before = num('B') ?? ctxN;
  const maxCount = num('m');
  let files = ops;
  if (f.has('r') && !files.length) files = ['.'];
  if (f.has('r')) files = expandRecursive(ctx, files);
  if (!files.length) files = ['-'];
  const showName = f.has('H') || (!f.has('h') && (files.length > 1 || f.has('r')));
  let anyMatch = false, hadError = false;
  const out: string[] = [];
  for (const file of files) {
    let text: string;
    if (file === '-') text = ctx.stdin;
    else {
      const abs = ctx.fs.resolve(ctx.cwd, file);
      const st = ctx.fs.stat(abs);
      if (!st) { if (!f.has('s')) ctx.stderr(`grep: ${file}: No such file or directory\n`); hadError = true; continue; }
      if (st.type === 'dir') { if (!f.has('s')) ctx.stderr(`grep: ${file}: Is a directory\n`); hadError = true; continue; }
      text = ctx.fs.readFile(abs);
    }
    const name = file === '-' ? '(standard input)' : file;
    const lines = splitLines(text);
    let count = 0;
    let lastPrinted = -1;
    let afterLeft = 0;
    const prefix = (i: number, sep: string) => (showName ? name + sep : '') + (f.has('n') ? `${i + 1}${sep}` : '');
    for (let i = 0; i < lines.length; i++) {
      if (maxCount !== undefined && count >= maxCount) {
        if (afterLeft > 0 && !f.has('c') && !f.has('l') && !f.has('q')) { out.push(prefix(i, '-') + lines[i]); lastPrinted = i; afterLeft--; continue; }
        break;
      }
      const line = lines[i];
      const matched = res.some((r) => { r.lastIndex = 0; return r.test(line); });
      if (matched !== f.has('v')) {
        count++;
        anyMatch = true;
        if (f.has('q')) return 0;
        if (f.has('c') || f.has('l') || f.has('L')) continue;
        if (before || after) {
          if (lastPrinted >= 0 && i - before > lastPrinted + 1) out.push('--');
          for (let k = Math.max(lastPrinted + 1, i - before); k < i; k++) out.push(prefix(k, '-') + lines[k]);
        }
        if (f.has('o') && !f.has('v')) {
          for (const r of res) {
            r.lastIndex = 0;
            for (const m of line.matchAll(r)) if (m[0] !== '') out.push(prefix(i, ':') + m[0]);
          }
        } else out.push(prefix(i, ':') + line);
        lastPrinted = i;
        afterLeft = after;
      } else if (afterLeft > 0 && !f.has('c') && !f.has('l') && !f.has('L')) {
        out.push(prefix(i, '-') + line);
        lastPrinted = i;
        afterLeft--;
      }
    }
    if (f.has('c')) out.push((showName ? name + ':' : '') + count);
    if (f.has('l') && count) out.push(name);
    if (f.has('L') && !count) out.push(name);
  }
  ctx.stdout(out.length ? out.join('\n') + '\n' : '');
  if (hadError && !(f.has('q') && anyMatch)) return 2;
  return anyMatch ? 0 : 1;
}

function expandRecursive(ctx: CommandContext, files: string[]): string[] {
  const out: string[] = [];
  const walk = (shown: string, abs: string) => {
    if (ctx.fs.isDir(abs)) for (const n of ctx.fs.readdir(abs)) walk(`${shown.replace(/\/$/, '')}/${n}`, `${abs === '/' ? '' : abs}/${n}`);
    else out.push(shown);
  };
  for (const f of files) {
    const abs = ctx.fs.resolve(ctx.cwd, f);
    if (!ctx.fs.exists(abs)) { out.push(f); continue; }
    walk(f, abs);
  }
  return out;
}
