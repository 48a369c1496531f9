import type { Clock } from '../../util/clock';
import type { CommandContext, CommandFn } from '../types';
import { evalTest, TestError } from '../test-expr';
import { decodeEscapes, formatPrintf } from './printf';
import { formatDate } from './date';
import { base64Decode, base64Encode } from '../../util';
import { usage } from './common';

/** BasicOptions is what the basic commands need beyond their CommandContext. */
export interface BasicOptions { hostname: () => string; clock?: Clock }

function echo(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  let newline = true, escapes = false;
  while (args.length && /^-[neE]+$/.test(args[0])) {
    for (const c of args[0].slice(1)) { if (c === 'n') newline = false; else if (c === 'e') escapes = true; else escapes = false; }
    args.shift();
  }
  let text = args.join(' ');
  if (escapes) {
    const d = decodeEscapes(text);
    text = d.text;
    if (d.stop) { ctx.stdout(text); return 0; }
  }
  ctx.stdout(newline ? text + '\n' : text);
  return 0;
}

function printf(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  if (args[0] === '--') args.shift();
  if (!args.length) { ctx.stderr('printf: usage: printf [-v var] format [arguments]\n'); return 2; }
  const r = formatPrintf(args[0], args.slice(1));
  ctx.stdout(r.out);
  for (const e of r.errors) ctx.stderr(`bash: printf: ${e}\n`);
  return r.errors.length ? 1 : 0;
}

function test(ctx: CommandContext): number {
  const bracket = ctx.argv[0] === '[';
  let args = ctx.argv.slice(1);
  if (bracket) {
    if (args[args.length - 1] !== ']') { ctx.stderr("bash: [: missing `]'\n"); return 2; }
    args = args.slice(0, -1);
  }
  try {
    return evalTest(args, ctx.fs, ctx.cwd) ? 0 : 1;
  } catch (e) {
    if (e instanceof TestError) { ctx.stderr(`bash: ${ctx.argv[0]}: ${e.message}\n`); return 2; }
    throw e;
  }
}

/** parseDuration parses sleep's NUMBER[smhd]; undefined when invalid. */
export function parseDuration(s: string): number | undefined {
  const m = /^(\d+\.?\d*|\.\d+)([smhd]?)$/.exec(s);
  if (!m) return undefined;
  const mult = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2]] as number;
  return Number(m[1]) * mult * 1000;
}

async function sleep(ctx: CommandContext): Promise<number> {
  const args = ctx.argv.slice(1);
  if (!args.length) return usage(ctx, 'sleep', 'missing operand');
  let ms = 0;
  for (const a of args) {
    const d = parseDuration(a);
    if (d === undefined) return usage(ctx, 'sleep', `invalid time interval ‘${a}’`);
    ms += d;
  }
  const ok = await ctx.time.sleep(ms, ctx.interrupt);
  return ok ? 0 : 130;
}

function seq(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  let sep = '\n', width = false;
  const nums: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-s') sep = args[++i] ?? '\n';
    else if (args[i].startsWith('-s')) sep = args[i].slice(2);
    else if (args[i].startsWith('--separator=')) sep = args[i].slice(12);
    else if (args[i] === '-w') width = true;
    else nums.push(args[i]);
  }
  if (!nums.length) return usage(ctx, 'seq', 'missing operand');
  for (const n of nums) if (!/^-?\d+(\.\d+)?$/.test(n)) return usage(ctx, 'seq', `invalid floating point argument: ‘${n}’`);
  const [first, step, last] = nums.length === 1 ? [1, 1, Number(nums[0])] : nums.length === 2 ? [Number(nums[0]), 1, Number(nums[1])] : nums.map(Number);
  if (step === 0) return usage(ctx, 'seq', `invalid Zero increment value: ‘${nums[1]}’`);
  const out: string[] = [];
  const decimals = Math.max(...nums.map((n) => (n.split('.')[1] ?? '').length));
  for (let v = first; step > 0 ? v <= last + 1e-9 : v >= last - 1e-9; v += step) {
    out.push(v.toFixed(decimals));
    if (out.length > 1_000_000) break;
  }
  const w = width ? Math.max(...out.map((s) => s.length)) : 0;
  ctx.stdout(out.length ? out.map((s) => s.padStart(w, '0')).join(sep) + '\n' : '');
  return 0;
}

function base64(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  let decode = false, wrap = 76;
  let file: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-d' || a === '--decode') decode = true;
    else if (a === '-w') wrap = Number(args[++i]);
    else if (a.startsWith('-w')) wrap = Number(a.slice(2));
    else if (a.startsWith('--wrap=')) wrap = Number(a.slice(7));
    else if (a === '-i' || a === '--ignore-garbage') continue;
    else file = a;
  }
  let input: string;
  if (file && file !== '-') {
    try { input = ctx.fs.readFile(ctx.fs.resolve(ctx.cwd, file)); } catch (e) { ctx.stderr(`base64: ${file}: ${(e as Error).message}\n`); return 1; }
  } else input = ctx.stdin;
  if (decode) {
    const r = base64Decode(input);
    ctx.stdout(r.text);
    if (!r.ok) { ctx.stderr('base64: invalid input\n'); return 1; }
    return 0;
  }
  const enc = base64Encode(input);
  if (!wrap) { ctx.stdout(enc + (enc ? '\n' : '')); return 0; }
  const lines: string[] = [];
  for (let i = 0; i < enc.length; i += wrap) lines.push(enc.slice(i, i + wrap));
  ctx.stdout(lines.length ? lines.join('\n') + '\n' : '');
  return 0;
}

/** createBasicCommands returns echo, printf, test, sleep, date and the other small commands. */
export function createBasicCommands(opts: BasicOptions): Record<string, CommandFn> {
  const cmds: Record<string, CommandFn> = {
    echo, printf, test, '[': test, sleep, seq, base64,
    man: (ctx) => {
      const page = ctx.argv[1];
      if (!page) { ctx.stderr('What manual page do you want?\nFor example, try \'man man\'.\n'); return 1; }
      ctx.stderr(`No manual entry for ${page}\n(the sandbox has no manual pages: try '${page} --help'${page === 'kubectl' ? " or 'kubectl explain pod.spec'" : ''})\n`);
      return 16;
    },
    true: () => 0,
    false: () => 1,
    ':': () => 0,
    pwd: (ctx) => { ctx.stdout(ctx.cwd + '\n'); return 0; },
    hostname: (ctx) => { ctx.stdout(opts.hostname() + '\n'); return 0; },
    whoami: (ctx) => { ctx.stdout('root\n'); return 0; },
    id: (ctx) => { ctx.stdout('uid=0(root) gid=0(root) groups=0(root)\n'); return 0; },
    tty: (ctx) => { ctx.stdout(ctx.isTTY ? '/dev/pts/0\n' : 'not a tty\n'); return ctx.isTTY ? 0 : 1; },
    uname: (ctx) => {
      const a = ctx.argv.slice(1).join('');
      const host = opts.hostname();
      if (a.includes('a')) ctx.stdout(`Linux ${host} 6.1.0-28-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22) x86_64 GNU/Linux\n`);
      else {
        const parts: string[] = [];
        if (!a || a.includes('s')) parts.push('Linux');
        if (a.includes('n')) parts.push(host);
        if (a.includes('r')) parts.push('6.1.0-28-amd64');
        if (a.includes('m')) parts.push('x86_64');
        if (a.includes('o')) parts.push('GNU/Linux');
        ctx.stdout(parts.join(' ') + '\n');
      }
      return 0;
    },
    date: (ctx) => {
      const now = opts.clock ? opts.clock.now() : 0;
      const r = formatDate(ctx.argv.slice(1), now);
      if (r.error) { ctx.stderr(r.error); return 1; }
      ctx.stdout(r.out);
      return 0;
    },
    clear: (ctx) => {
      if (ctx.host?.clearScreen) ctx.host.clearScreen(); else ctx.stdout('\x1b[H\x1b[2J\x1b[3J');
      return 0;
    },
    yes: (ctx) => {
      // Models coreutils yes; capped because pipes are buffered here rather than streamed.
      const word = ctx.argv.length > 1 ? ctx.argv.slice(1).join(' ') : 'y';
      ctx.stdout((word + '\n').repeat(10_000));
      return 0;
    },
    basename: (ctx) => {
      const [p, suffix] = ctx.argv.slice(1);
      if (p === undefined) return usage(ctx, 'basename', 'missing operand');
      let b = p.replace(/\/+$/, '').split('/').pop() || (p.startsWith('/') ? '/' : '');
      if (suffix && b.endsWith(suffix) && b !== suffix) b = b.slice(0, -suffix.length);
      ctx.stdout(b + '\n');
      return 0;
    },
    dirname: (ctx) => {
      const p = ctx.argv[1];
      if (p === undefined) return usage(ctx, 'dirname', 'missing operand');
      const t = p.replace(/\/+$/, '');
      const i = t.lastIndexOf('/');
      ctx.stdout((i < 0 ? '.' : i === 0 ? '/' : t.slice(0, i)) + '\n');
      return 0;
    },
    async vi(ctx) {
      const file = ctx.argv.slice(1).find((a) => !a.startsWith('-') && !a.startsWith('+'));
      if (!file) { ctx.stderr(`${ctx.argv[0]}: give a file name, e.g. ${ctx.argv[0]} pod.yaml\n`); return 1; }
      const path = ctx.fs.resolve(ctx.cwd, file);
      if (ctx.host?.openEditor) {
        await ctx.host.openEditor(path);
        return 0;
      }
      ctx.stderr(`${ctx.argv[0]}: the editor opens in the browser workspace; here, write the file with: cat <<'EOF' > ${file}\n`);
      return 1;
    },
  };
  cmds.vim = cmds.vi;
  cmds.nano = cmds.vi;
  return cmds;
}
