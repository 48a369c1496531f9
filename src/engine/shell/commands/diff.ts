import type { CommandContext } from '../types';
import { parseArgs, readInput, splitLines } from './common';

type Op = { kind: 'same' | 'del' | 'add'; a: number; b: number };

/** lcsOps computes an edit script between two line lists (O(n*m) LCS; inputs here are small files). */
function lcsOps(a: string[], b: string[]): Op[] {
  const n = a.length, m = b.length;
  const dp: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) dp[i][j] = a[i] === b[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  const ops: Op[] = [];
  let i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) { ops.push({ kind: 'same', a: i++, b: j++ }); continue; }
    if (i < n && (j >= m || dp[i + 1][j] >= dp[i][j + 1])) ops.push({ kind: 'del', a: i++, b: j });
    else ops.push({ kind: 'add', a: i, b: j++ });
  }
  return ops;
}

const range = (s: number, e: number) => (e - s <= 1 ? String(s + 1) : `${s + 1},${e}`);

/** diff implements GNU diff's normal and unified (-u) output for two files, plus -q. */
export function diff(ctx: CommandContext): number {
  const p = parseArgs(ctx.argv.slice(1), ['U'], { unified: 'u', brief: 'q' });
  if (p.operands.length !== 2) {
    ctx.stderr(p.operands.length < 2 ? `diff: missing operand after '${p.operands[0] ?? 'diff'}'\ndiff: Try 'diff --help' for more information.\n` : `diff: extra operand '${p.operands[2]}'\ndiff: Try 'diff --help' for more information.\n`);
    return 2;
  }
  const [fa, fb] = p.operands;
  const ta = readInput(ctx, 'diff', fa), tb = readInput(ctx, 'diff', fb);
  if (ta === undefined || tb === undefined) return 2;
  if (ta === tb) return 0;
  if (p.flags.has('q')) { ctx.stdout(`Files ${fa} and ${fb} differ\n`); return 1; }
  const a = splitLines(ta), b = splitLines(tb);
  const ops = lcsOps(a, b);
  const out: string[] = [];
  if (p.flags.has('u') || p.values.has('U')) {
    const ctxN = Number(p.values.get('U')?.pop() ?? 3);
    out.push(`--- ${fa}`, `+++ ${fb}`);
    let k = 0;
    while (k < ops.length) {
      if (ops[k].kind === 'same') { k++; continue; }
      let start = Math.max(0, k - ctxN);
      let end = k;
      // Extend the hunk while changes are within 2*ctx lines of each other.
      for (let q = k; q < ops.length; q++) {
        if (ops[q].kind !== 'same') end = q;
        else if (q - end > 2 * ctxN) break;
      }
      end = Math.min(ops.length - 1, end + ctxN);
      const hunk = ops.slice(start, end + 1);
      const aStart = hunk.find((o) => o.kind !== 'add')?.a ?? hunk[0].a;
      const bStart = hunk.find((o) => o.kind !== 'del')?.b ?? hunk[0].b;
      const aLen = hunk.filter((o) => o.kind !== 'add').length, bLen = hunk.filter((o) => o.kind !== 'del').length;
      const fmt = (s: number, l: number) => (l === 1 ? `${s + 1}` : `${l === 0 ? s : s + 1},${l}`);
      out.push(`@@ -${fmt(aStart, aLen)} +${fmt(bStart, bLen)} @@`);
      for (const o of hunk) out.push(o.kind === 'same' ? ' ' + a[o.a] : o.kind === 'del' ? '-' + a[o.a] : '+' + b[o.b]);
      k = end + 1;
      start = k;
    }
    ctx.stdout(out.join('\n') + '\n');
    return 1;
  }
  let k = 0;
  while (k < ops.length) {
    if (ops[k].kind === 'same') { k++; continue; }
    const dels: Op[] = [], adds: Op[] = [];
    const first = ops[k];
    while (k < ops.length && ops[k].kind !== 'same') { (ops[k].kind === 'del' ? dels : adds).push(ops[k]); k++; }
    if (dels.length && adds.length) {
      out.push(`${range(dels[0].a, dels[dels.length - 1].a + 1)}c${range(adds[0].b, adds[adds.length - 1].b + 1)}`);
      out.push(...dels.map((o) => '< ' + a[o.a]), '---', ...adds.map((o) => '> ' + b[o.b]));
    } else if (dels.length) {
      out.push(`${range(dels[0].a, dels[dels.length - 1].a + 1)}d${first.b}`);
      out.push(...dels.map((o) => '< ' + a[o.a]));
    } else {
      out.push(`${first.a}a${range(adds[0].b, adds[adds.length - 1].b + 1)}`);
      out.push(...adds.map((o) => '> ' + b[o.b]));
    }
  }
  ctx.stdout(out.join('\n') + '\n');
  return 1;
}
