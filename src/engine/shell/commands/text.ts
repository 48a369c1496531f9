import type { CommandContext, CommandFn } from '../types';
import { utf8Length } from '../../util';
import { joinLines, parseArgs, readInput, splitLines, usage } from './common';

function numericShorthand(args: string[]): string[] {
  return args.map((a, i) => (/^-\d+$/.test(a) && !['-n', '-c', '--lines', '--bytes'].includes(args[i - 1]) ? '-n' + a.slice(1) : a));
}

function headTail(ctx: CommandContext, tail: boolean): number {
  const cmd = tail ? 'tail' : 'head';
  const p = parseArgs(numericShorthand(ctx.argv.slice(1)), ['n', 'c', 'lines', 'bytes', 's'], { lines: 'n', bytes: 'c', follow: 'f', quiet: 'q', silent: 'q', verbose: 'v' });
  if (p.error) return usage(ctx, cmd, p.error);
  const nRaw = p.values.get('n')?.pop() ?? '10';
  const cRaw = p.values.get('c')?.pop();
  const raw = cRaw ?? nRaw;
  if (!/^[-+]?\d+$/.test(raw)) { ctx.stderr(`${cmd}: invalid number of ${cRaw ? 'bytes' : 'lines'}: ‘${raw}’\n`); return 1; }
  const n = Math.abs(Number(raw));
  const plus = raw.startsWith('+'), minus = raw.startsWith('-');
  const files = p.operands.length ? p.operands : ['-'];
  let status = 0;
  const out: string[] = [];
  files.forEach((file, idx) => {
    const text = file === '-' ? ctx.stdin : readTailInput(ctx, cmd, file);
    if (text === undefined) { status = 1; return; }
    if ((files.length > 1 && !p.flags.has('q')) || p.flags.has('v')) out.push(`${idx > 0 ? '\n' : ''}==> ${file === '-' ? 'standard input' : file} <==\n`);
    if (cRaw !== undefined) {
      out.push(tail ? (plus ? text.slice(Math.max(0, n - 1)) : text.slice(Math.max(0, text.length - n))) : minus ? text.slice(0, Math.max(0, text.length - n)) : text.slice(0, n));
      return;
    }
    const lines = text.split('\n');
    const trailing = text.endsWith('\n');
    if (trailing) lines.pop();
    let sel: string[];
    if (tail) sel = plus ? lines.slice(Math.max(0, n - 1)) : n === 0 ? [] : lines.slice(-n);
    else sel = minus ? lines.slice(0, Math.max(0, lines.length - n)) : lines.slice(0, n);
    const lastIncluded = tail ? true : sel.length === lines.length;
    out.push(sel.join('\n') + (sel.length && (trailing || !lastIncluded) ? '\n' : ''));
  });
  ctx.stdout(out.join(''));
  return status;
}

function readTailInput(ctx: CommandContext, cmd: string, file: string): string | undefined {
  const abs = ctx.fs.resolve(ctx.cwd, file);
  if (cmd === 'tail' && !ctx.fs.exists(abs)) { ctx.stderr(`tail: cannot open '${file}' for reading: No such file or directory\n`); return undefined; }
  if (cmd === 'head' && !ctx.fs.exists(abs)) { ctx.stderr(`head: cannot open '${file}' for reading: No such file or directory\n`); return undefined; }
  if (ctx.fs.isDir(abs)) { ctx.stderr(`${cmd}: error reading '${file}': Is a directory\n`); return undefined; }
  return ctx.fs.readFile(abs);
}

function wc(ctx: CommandContext): number {
  const p = parseArgs(ctx.argv.slice(1), [], { lines: 'l', words: 'w', bytes: 'c', chars: 'm' });
  let want = ['l', 'w', 'c', 'm', 'L'].filter((k) => p.flags.has(k));
  if (!want.length) want = ['l', 'w', 'c'];
  const order = ['l', 'w', 'm', 'c', 'L'].filter((k) => want.includes(k));
  const files = p.operands.length ? p.operands : ['-'];
  const rows: Array<{ vals: number[]; name: string }> = [];
  let status = 0;
  const totals = order.map(() => 0);
  for (const f of files) {
    const text = readInput(ctx, 'wc', f);
    if (text === undefined) { status = 1; continue; }
    const counts: Record<string, number> = {
      l: (text.match(/\n/g) ?? []).length,
      w: (text.match(/\S+/g) ?? []).length,
      c: utf8Length(text),
      m: [...text].length,
      L: Math.max(0, ...text.split('\n').map((l) => l.length)),
    };
    const vals = order.map((k) => counts[k]);
    vals.forEach((v, i) => { totals[i] += v; });
    rows.push({ vals, name: f === '-' ? '' : f });
  }
  if (files.length > 1) rows.push({ vals: totals, name: 'total' });
  const single = order.length === 1 && files.length === 1;
  // GNU wc sizes columns from the total bytes of the named files, or 7 when reading stdin.
  const totalBytes = files.reduce((a, f) => a + (f === '-' ? 0 : ctx.fs.stat(ctx.fs.resolve(ctx.cwd, f))?.size ?? 0), 0);
  const width = single ? 0 : files.includes('-') ? 7 : Math.max(1, String(totalBytes).length);
  ctx.stdout(rows.map((r) => r.vals.map((v) => String(v).padStart(width)).join(' ') + (r.name ? ' ' + r.name : '')).join('\n') + (rows.length ? '\n' : ''));
  return status;
}

function sortCmd(ctx: CommandContext): number {
  const p = parseArgs(ctx.argv.slice(1), ['k', 't', 'o', 'key', 'field-separator', 'output'], {
    'numeric-sort': 'n', reverse: 'r', unique: 'u', 'ignore-case': 'f', key: 'k', 'field-separator': 't', 'human-numeric-sort': 'h', 'version-sort': 'V', output: 'o',
  });
  if (p.error) return usage(ctx, 'sort', p.error, 2);
  const f = p.flags;
  const sep = p.values.get('t')?.pop();
  const keys = (p.values.get('k') ?? []).map((k) => {
    const m = /^(\d+)(?:\.(\d+))?([a-zA-Z]*)(?:,(\d+)(?:\.(\d+))?([a-zA-Z]*))?$/.exec(k);
    if (!m) return undefined;
    return { start: Number(m[1]), end: m[4] ? Number(m[4]) : undefined, opts: (m[3] ?? '') + (m[6] ?? '') };
  });
  if (keys.some((k) => !k)) { ctx.stderr(`sort: invalid number at field start: invalid count at start of '${p.values.get('k')?.[0]}'\n`); return 2; }
  let text = '';
  for (const file of p.operands.length ? p.operands : ['-']) {
    const t = readInput(ctx, 'sort', file);
    if (t === undefined) return 2;
    text += t && !t.endsWith('\n') ? t + '\n' : t;
  }
  const lines = splitLines(text);
  const fields = (line: string): string[] => (sep !== undefined ? line.split(sep) : line.match(/\s*\S+/g) ?? ['']);
  const keyOf = (line: string, k: { start: number; end?: number }) => {
    const fs = fields(line);
    const end = k.end ?? fs.length;
    const s = fs.slice(k.start - 1, end).join(sep ?? '');
    return s;
  };
  const numVal = (s: string) => { const m = /^\s*([-+]?\d*\.?\d+)/.exec(s); return m ? Number(m[1]) : 0; };
  const humanVal = (s: string) => { const m = /^\s*([-+]?\d*\.?\d+)([KMGTPE]?)/i.exec(s); if (!m) return 0; return Number(m[1]) * 1024 ** ('KMGTPE'.indexOf(m[2].toUpperCase()) + 1); };
  const cmpStr = (a: string, b: string, fold: boolean) => {
    const x = fold ? a.toUpperCase() : a, y = fold ? b.toUpperCase() : b;
    return x < y ? -1 : x > y ? 1 : 0;
  };
  const cmpBy = (a: string, b: string, o: string) => {
    if (o.includes('n') || o.includes('g')) return numVal(a) - numVal(b);
    if (o.includes('h')) return humanVal(a) - humanVal(b);
    if (o.includes('V')) return a.localeCompare(b, undefined, { numeric: true });
    const aa = o.includes('b') ? a.trimStart() : a, bb = o.includes('b') ? b.trimStart() : b;
    return cmpStr(aa, bb, o.includes('f'));
  };
  const global = [...f].join('');
  const compare = (a: string, b: string): number => {
    for (const k of keys as Array<{ start: number; end?: number; opts: string }>) {
      const o = k.opts || global;
      let c = cmpBy(keyOf(a, k).trimStart(), keyOf(b, k).trimStart(), o.includes('n') || o.includes('h') ? o : o + 'b');
      if (o.includes('r') && k.opts) c = -c;
      if (c) return c;
    }
    if (keys.length && f.has('u')) return 0;
    const c = cmpBy(a, b, global);
    if (c || f.has('u')) return c;
    return a < b ? -1 : a > b ? 1 : 0;
  };
  let sorted = [...lines].sort(compare);
  if (f.has('r')) sorted.reverse();
  if (f.has('u')) sorted = sorted.filter((l, i) => i === 0 || compare(sorted[i - 1], l) !== 0);
  const out = joinLines(sorted);
  const o = p.values.get('o')?.pop();
  if (o) ctx.fs.writeFile(ctx.fs.resolve(ctx.cwd, o), out); else ctx.stdout(out);
  return 0;
}

function uniq(ctx: CommandContext): number {
  const p = parseArgs(ctx.argv.slice(1), ['f', 's'], { count: 'c', repeated: 'd', unique: 'u', 'ignore-case': 'i' });
  const text = readInput(ctx, 'uniq', p.operands[0] ?? '-');
  if (text === undefined) return 1;
  const lines = splitLines(text);
  const key = (l: string) => (p.flags.has('i') ? l.toLowerCase() : l);
  const groups: Array<{ line: string; n: number }> = [];
  for (const l of lines) {
    const g = groups[groups.length - 1];
    if (g && key(g.line) === key(l)) g.n++; else groups.push({ line: l, n: 1 });
  }
  const sel = groups.filter((g) => (p.flags.has('d') ? g.n > 1 : p.flags.has('u') ? g.n === 1 : true));
  const out = joinLines(sel.map((g) => (p.flags.has('c') ? `${String(g.n).padStart(7)} ${g.line}` : g.line)));
  if (p.operands[1]) ctx.fs.writeFile(ctx.fs.resolve(ctx.cwd, p.operands[1]), out); else ctx.stdout(out);
  return 0;
}

/** parseList parses cut's LIST (1,3-5,7-) into a predicate over 1-based positions. */
function parseList(list: string): ((i: number) => boolean) | undefined {
  const ranges: Array<[number, number]> = [];
  for (const part of list.split(',')) {
    const m = /^(\d*)-(\d*)$/.exec(part);
    if (m) ranges.push([m[1] ? Number(m[1]) : 1, m[2] ? Number(m[2]) : Infinity]);
    else if (/^\d+$/.test(part) && Number(part) > 0) ranges.push([Number(part), Number(part)]);
    else return undefined;
  }
  return (i) => ranges.some(([a, b]) => i >= a && i <= b);
}

function cut(ctx: CommandContext): number {
  const p = parseArgs(ctx.argv.slice(1), ['d', 'f', 'c', 'b', 'delimiter', 'fields', 'characters', 'bytes', 'output-delimiter'], { delimiter: 'd', fields: 'f', characters: 'c', bytes: 'c', b: 'c', 'only-delimited': 's' });
  if (p.error) return usage(ctx, 'cut', p.error);
  const fList = p.values.get('f')?.pop(), cList = p.values.get('c')?.pop();
  if (!fList && !cList) return usage(ctx, 'cut', 'you must specify a list of bytes, characters, or fields');
  const list = fList ?? cList ?? '';
  const pred = parseList(list);
  if (!pred) { ctx.stderr(`cut: invalid field value ‘${list}’\nTry 'cut --help' for more information.\n`); return 1; }
  const delim = p.values.get('d')?.pop() ?? '\t';
  if (fList && delim.length !== 1) return usage(ctx, 'cut', 'the delimiter must be a single character');
  const outDelim = p.values.get('output-delimiter')?.pop() ?? delim;
  let status = 0;
  const out: string[] = [];
  for (const file of p.operands.length ? p.operands : ['-']) {
    const text = readInput(ctx, 'cut', file);
    if (text === undefined) { status = 1; continue; }
    for (const line of splitLines(text)) {
      if (cList) { out.push([...line].filter((_c, i) => pred(i + 1)).join('')); continue; }
      if (!line.includes(delim)) { if (!p.flags.has('s')) out.push(line); continue; }
      out.push(line.split(delim).filter((_x, i) => pred(i + 1)).join(outDelim));
    }
  }
  ctx.stdout(joinLines(out));
  return status;
}

/** expandTrSet expands tr's SET notation (ranges, escapes, [:classes:]) into characters. */
function expandTrSet(set: string): string[] {
  const classes: Record<string, string> = {
    lower: 'abcdefghijklmnopqrstuvwxyz', upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', digit: '0123456789', space: ' \t\n\r\f\v', blank: ' \t',
    alpha: 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', alnum: 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
    punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
  };
  const chars: string[] = [];
  let i = 0;
  const unesc = (): string => {
    if (set[i] === '\\' && i + 1 < set.length) {
      const n = set[i + 1];
      i += 2;
      const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', f: '\f', v: '\v', a: '\x07', b: '\b' };
      if (/[0-7]/.test(n)) { const m = /^[0-7]{1,3}/.exec(set.slice(i - 1)) as RegExpExecArray; i += m[0].length - 1; return String.fromCharCode(parseInt(m[0], 8)); }
      return map[n] ?? n;
    }
    return set[i++];
  };
  while (i < set.length) {
    const cm = /^\[:(\w+):\]/.exec(set.slice(i));
    if (cm) { chars.push(...(classes[cm[1]] ?? '')); i += cm[0].length; continue; }
    const c = unesc();
    if (set[i] === '-' && i + 1 < set.length) {
      i++;
      const e = unesc();
      for (let k = c.charCodeAt(0); k <= e.charCodeAt(0); k++) chars.push(String.fromCharCode(k));
      continue;
    }
    chars.push(c);
  }
  return chars;
}

function tr(ctx: CommandContext): number {
  const p = parseArgs(ctx.argv.slice(1), [], { delete: 'd', 'squeeze-repeats': 's', complement: 'c', C: 'c' });
  const [s1, s2] = p.operands;
  if (s1 === undefined) return usage(ctx, 'tr', 'missing operand');
  const del = p.flags.has('d'), squeeze = p.flags.has('s');
  if (!del && !squeeze && s2 === undefined) return usage(ctx, 'tr', `missing operand after ‘${s1}’\nTwo strings must be given when translating.`);
  const set1 = new Set(expandTrSet(s1));
  const a1 = expandTrSet(s1);
  const a2 = s2 !== undefined ? expandTrSet(s2) : [];
  const comp = p.flags.has('c');
  const in1 = (c: string) => set1.has(c) !== comp;
  const map = new Map<string, string>();
  if (!del && s2 !== undefined && !comp) a1.forEach((c, i) => map.set(c, a2[Math.min(i, a2.length - 1)] ?? c));
  const squeezeSet = new Set(del ? a2 : s2 !== undefined ? a2 : a1);
  let out = '';
  let prev = '';
  for (const c of ctx.stdin) {
    if (del && in1(c)) continue;
    let o = c;
    if (!del && s2 !== undefined) o = comp ? (in1(c) ? a2[a2.length - 1] ?? c : c) : map.get(c) ?? c;
    if (squeeze && o === prev && (squeezeSet.has(o) || (s2 === undefined && in1(c)))) continue;
    out += o;
    prev = o;
  }
  ctx.stdout(out);
  return 0;
}

function nl(ctx: CommandContext): number {
  const p = parseArgs(ctx.argv.slice(1), ['b', 'w', 's']);
  const text = readInput(ctx, 'nl', p.operands[0] ?? '-');
  if (text === undefined) return 1;
  const all = p.values.get('b')?.pop() === 'a';
  let n = 0;
  ctx.stdout(joinLines(splitLines(text).map((l) => (l === '' && !all ? '' : `${String(++n).padStart(6)}\t${l}`))));
  return 0;
}

function column(ctx: CommandContext): number {
  const p = parseArgs(ctx.argv.slice(1), ['s', 'o']);
  const text = readInput(ctx, 'column', p.operands[0] ?? '-');
  if (text === undefined) return 1;
  const lines = splitLines(text);
  if (!p.flags.has('t')) { ctx.stdout(joinLines(lines)); return 0; }
  const sep = p.values.get('s')?.pop();
  const rows = lines.filter((l) => l.trim()).map((l) => (sep ? l.split(new RegExp(`[${sep.replace(/[\]\\^-]/g, '\\$&')}]+`)) : l.trim().split(/\s+/)));
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => { widths[i] = Math.max(widths[i] ?? 0, c.length); });
  const osep = p.values.get('o')?.pop() ?? '  ';
  ctx.stdout(joinLines(rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join(osep))));
  return 0;
}

function paste(ctx: CommandContext): number {
  const p = parseArgs(ctx.argv.slice(1), ['d', 'delimiters'], { serial: 's', delimiters: 'd' });
  const delims = [...(p.values.get('d')?.pop() ?? '\t').replace(/\\t/g, '\t').replace(/\\n/g, '\n')];
  const inputs: string[][] = [];
  const ops = p.operands.length ? p.operands : ['-'];
  const dashes = ops.filter((o) => o === '-').length;
  const stdinLines = dashes ? splitLines(ctx.stdin) : [];
  let dashNo = 0;
  for (const f of ops) {
    if (f === '-') {
      // Several '-' operands take stdin lines in turn.
      const k = dashNo++;
      inputs.push(dashes > 1 && !p.flags.has('s') ? stdinLines.filter((_l, i) => i % dashes === k) : stdinLines);
      continue;
    }
    const t = readInput(ctx, 'paste', f);
    if (t === undefined) return 1;
    inputs.push(splitLines(t));
  }
  const join = (xs: string[]) => xs.reduce((a, x, i) => (i === 0 ? x : a + delims[(i - 1) % delims.length] + x), '');
  if (p.flags.has('s')) { ctx.stdout(joinLines(inputs.map(join))); return 0; }
  const n = Math.max(0, ...inputs.map((l) => l.length));
  const rows: string[] = [];
  for (let i = 0; i < n; i++) rows.push(join(inputs.map((l) => l[i] ?? '')));
  ctx.stdout(joinLines(rows));
  return 0;
}

/** createTextCommands returns head, tail, wc, sort, uniq, cut, tr, nl, rev, tac and column. */
export function createTextCommands(): Record<string, CommandFn> {
  return {
    head: (c) => headTail(c, false),
    tail: (c) => headTail(c, true),
    wc, sort: sortCmd, uniq, cut, tr, nl, column, paste,
    rev: (c) => { const t = readInput(c, 'rev', c.argv[1] ?? '-'); if (t === undefined) return 1; c.stdout(joinLines(splitLines(t).map((l) => [...l].reverse().join('')))); return 0; },
    tac: (c) => { const t = readInput(c, 'tac', c.argv[1] ?? '-'); if (t === undefined) return 1; c.stdout(joinLines(splitLines(t).reverse())); return 0; },
  };
}
