import type { Vfs } from '../vfs/types';
import { matchGlob } from './glob';

/** TestError is a `test`/`[` usage error (status 2), message without the `bash: [: ` prefix. */
export class TestError extends Error {}

const UNARY = new Set(['-e', '-f', '-d', '-s', '-r', '-w', '-x', '-z', '-n', '-L', '-h', '-a', '-p', '-S', '-b', '-c', '-t', '-v', '-o']);
const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef', '=~']);

function int(s: string): number {
  const t = s.trim();
  if (!/^[-+]?\d+$/.test(t)) throw new TestError(`${s}: integer expression expected`);
  return Number(t);
}

function unary(op: string, arg: string, fs: Vfs, cwd: string, vars?: (n: string) => boolean): boolean {
  const st = () => (arg === '' ? undefined : fs.stat(fs.resolve(cwd, arg)));
  switch (op) {
    case '-e': case '-a': return st() !== undefined || arg === '/dev/null';
    case '-f': return st()?.type === 'file';
    case '-d': return st()?.type === 'dir';
    case '-s': { const s = st(); return !!s && s.size > 0; }
    case '-r': case '-w': return st() !== undefined;
    case '-x': { const s = st(); return !!s && (s.type === 'dir' || /\.(sh)$/.test(arg)); }
    case '-z': return arg === '';
    case '-n': return arg !== '';
    case '-v': return vars ? vars(arg) : false;
    case '-t': return false;
    default: return false;
  }
}

function binary(op: string, a: string, b: string): boolean {
  switch (op) {
    case '=': case '==': return a === b;
    case '!=': return a !== b;
    case '<': return a < b;
    case '>': return a > b;
    case '-eq': return int(a) === int(b);
    case '-ne': return int(a) !== int(b);
    case '-lt': return int(a) < int(b);
    case '-le': return int(a) <= int(b);
    case '-gt': return int(a) > int(b);
    case '-ge': return int(a) >= int(b);
    default: return false;
  }
}

/** evalTest evaluates `test`/`[` arguments (without the closing `]`); throws TestError on misuse. */
export function evalTest(args: string[], fs: Vfs, cwd: string): boolean {
  let i = 0;
  const n = args.length;
  if (n === 0) return false;
  if (n === 1) return args[0] !== '';
  if (n === 2) {
    if (args[0] === '!') return args[1] === '';
    if (UNARY.has(args[0])) return unary(args[0], args[1], fs, cwd);
    throw new TestError(`${args[0]}: unary operator expected`);
  }
  if (n === 3 && BINARY.has(args[1])) return binary(args[1], args[0], args[2]);
  const orExpr = (): boolean => {
    let v = andExpr();
    while (args[i] === '-o') { i++; const r = andExpr(); v = v || r; }
    return v;
  };
  const andExpr = (): boolean => {
    let v = notExpr();
    while (args[i] === '-a') { i++; const r = notExpr(); v = v && r; }
    return v;
  };
  const notExpr = (): boolean => {
    if (args[i] === '!') { i++; return !notExpr(); }
    return primary();
  };
  const primary = (): boolean => {
    const a = args[i];
    if (a === undefined) throw new TestError('argument expected');
    if (a === '(') {
      i++;
      const v = orExpr();
      if (args[i] !== ')') throw new TestError("`)' expected");
      i++;
      return v;
    }
    if (i + 2 < n + 1 && BINARY.has(args[i + 1] ?? '') && args[i + 2] !== undefined) {
      i += 3;
      return binary(args[i - 2], a, args[i - 1]);
    }
    if (UNARY.has(a) && args[i + 1] !== undefined) { i += 2; return unary(a, args[i - 1], fs, cwd); }
    i++;
    return a !== '';
  };
  const v = orExpr();
  if (i < n) throw new TestError('too many arguments');
  return v;
}

/** evalDBracket evaluates a `[[ ... ]]` expression; expand applies single-word or pattern expansion. */
export async function evalDBracket(
  words: Array<{ raw: string; op: boolean }>,
  expand: (raw: string, mode: 'single' | 'pattern') => Promise<string>,
  fs: Vfs,
  cwd: string,
): Promise<boolean> {
  let i = 0;
  const isOp = (v: string) => words[i] && words[i].raw === v;
  const orExpr = async (): Promise<boolean> => {
    let v = await andExpr();
    while (isOp('||')) { i++; const r = await andExpr(); v = v || r; }
    return v;
  };
  const andExpr = async (): Promise<boolean> => {
    let v = await notExpr();
    while (isOp('&&')) { i++; const r = await notExpr(); v = v && r; }
    return v;
  };
  const notExpr = async (): Promise<boolean> => {
    if (isOp('!')) { i++; return !(await notExpr()); }
    return primary();
  };
  const primary = async (): Promise<boolean> => {
    const w = words[i];
    if (!w) throw new TestError('syntax error in conditional expression');
    if (w.op && w.raw === '(') {
      i++;
      const v = await orExpr();
      if (!isOp(')')) throw new TestError("syntax error in conditional expression: unexpected token");
      i++;
      return v;
    }
    const next = words[i + 1];
    if (next && BINARY.has(next.raw) && words[i + 2]) {
      const a = await expand(w.raw, 'single');
      const op = next.raw;
      const rhsRaw = words[i + 2].raw;
      i += 3;
      if (op === '==' || op === '=' || op === '!=') {
        const pat = await expand(rhsRaw, 'pattern');
        const m = matchGlob(pat, a);
        return op === '!=' ? !m : m;
      }
      if (op === '=~') {
        const re = await expand(rhsRaw, 'single');
        try { return new RegExp(re).test(a); } catch { return false; }
      }
      return binary(op, a, await expand(rhsRaw, 'single'));
    }
    if (UNARY.has(w.raw) && next && !next.op) {
      i += 2;
      return unary(w.raw, await expand(next.raw, 'single'), fs, cwd);
    }
    i++;
    return (await expand(w.raw, 'single')) !== '';
  };
  const v = await orExpr();
  if (i < words.length) throw new TestError(`syntax error in conditional expression`);
  return v;
}
