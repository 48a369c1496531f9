import type { CommandContext } from '../types';
import { formatPrintf } from './printf';
import { compileRegex } from './regex';
import type { AwkExpr, AwkProgram, AwkStmt } from './awk-parse';

/** Val is an awk value. */
export type Val = string | number;
/** NextSignal unwinds a rule on `next`. */
export class NextSignal {}
/** AwkExit unwinds the program on `exit`. */
export class AwkExit { constructor(public code: number) {} }
class BreakSignal {}
class ContinueSignal {}
class ReturnSignal { constructor(public v: Val) {} }

const LOOP_CAP = 1_000_000;

/** numStr formats a number as awk does for output (CONVFMT/OFMT %.6g; integers exact). */
function numStr(n: number): string {
  if (Number.isInteger(n)) return String(n);
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : n < 0 ? '-inf' : 'nan';
  return String(Number(n.toPrecision(6)));
}

/** toStr converts a value to its output string. */
export const toStr = (v: Val): string => (typeof v === 'number' ? numStr(v) : v);
/** toNum converts a value to a number as awk does. */
export const toNum = (v: Val): number => {
  if (typeof v === 'number') return v;
  const m = /^\s*[-+]?(\d+\.?\d*([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?)/.exec(v);
  return m ? Number(m[0]) : 0;
};
const looksNumeric = (s: string) => /^\s*[-+]?(\d+\.?\d*([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?)\s*$/.test(s);

/** AwkRuntime executes a parsed program over input records. */
export class AwkRuntime {
  vars = new Map<string, Val>();
  arrays = new Map<string, Map<string, Val>>();
  fields: string[] = [''];
  /** strnum marks field values that compare numerically when they look numeric. */
  out: string[] = [];
  files = new Map<string, string[]>();
  rangeActive: boolean[] = [];
  loops = 0;

  constructor(private prog: AwkProgram, private ctx: CommandContext) {
    this.vars.set('FS', ' ');
    this.vars.set('OFS', ' ');
    this.vars.set('ORS', '\n');
    this.vars.set('NR', 0);
    this.vars.set('NF', 0);
    this.vars.set('FNR', 0);
    this.vars.set('SUBSEP', '\x1c');
    this.vars.set('RSTART', 0);
    this.vars.set('RLENGTH', -1);
    this.vars.set('FILENAME', '');
    const env = new Map<string, Val>();
    for (const [k, v] of Object.entries(ctx.env)) env.set(k, v);
    this.arrays.set('ENVIRON', env);
  }

  getVar(name: string): Val {
    if (name === 'NF') return this.fields.length - 1;
    return this.vars.get(name) ?? '';
  }

  setVar(name: string, v: Val): void {
    if (name === 'NF') {
      const n = Math.max(0, Math.trunc(toNum(v)));
      this.fields.length = n + 1;
      for (let i = 1; i <= n; i++) if (this.fields[i] === undefined) this.fields[i] = '';
      this.rebuild();
      return;
    }
    this.vars.set(name, v);
  }

  setRecord(line: string): void {
    this.fields = [line, ...this.split(line, toStr(this.getVar('FS')))];
  }

  split(s: string, fs: string): string[] {
    if (fs === ' ') { const t = s.trim(); return t === '' ? [] : t.split(/[ \t\n]+/); }
    if (s === '') return [];
    if (fs.length === 1 && fs !== '\\') return s.split(fs === '\t' ? '\t' : fs);
    if (fs === '') return [...s];
    const re = compileRegex(fs, { extended: true });
    return typeof re === 'string' ? s.split(fs) : s.split(new RegExp(re.source, 'g'));
  }

  rebuild(): void {
    this.fields[0] = this.fields.slice(1).join(toStr(this.getVar('OFS')));
  }

  getField(i: number): Val {
    const v = this.fields[i];
    return v === undefined ? '' : v;
  }

  setField(i: number, v: string): void {
    if (i === 0) { this.setRecord(v); return; }
    while (this.fields.length <= i) this.fields.push('');
    this.fields[i] = v;
    this.rebuild();
  }

  arr(name: string): Map<string, Val> {
    let a = this.arrays.get(name);
    if (!a) { a = new Map(); this.arrays.set(name, a); }
    return a;
  }

  key(subs: AwkExpr[]): string {
    return subs.map((s) => toStr(this.eval(s))).join(toStr(this.getVar('SUBSEP')));
  }

  assign(target: AwkExpr, v: Val): Val {
    if (target.k === 'var') this.setVar(target.name, v);
    else if (target.k === 'field') this.setField(Math.trunc(toNum(this.eval(target.e))), toStr(v));
    else if (target.k === 'idx') this.arr(target.name).set(this.key(target.subs), v);
    return v;
  }

  isStrnum(e: AwkExpr): boolean {
    return e.k === 'field' || (e.k === 'idx' && e.name === 'ENVIRON');
  }

  compare(a: AwkExpr, b: AwkExpr, op: string): number {
    const va = this.eval(a), vb = this.eval(b);
    const numA = typeof va === 'number' || (this.isStrnum(a) && looksNumeric(va)) || (a.k === 'var' && this.fromInputVar(va));
    const numB = typeof vb === 'number' || (this.isStrnum(b) && looksNumeric(vb)) || (b.k === 'var' && this.fromInputVar(vb));
    let c: number;
    if (numA && numB) { const x = toNum(va), y = toNum(vb); c = x < y ? -1 : x > y ? 1 : 0; } else { const x = toStr(va), y = toStr(vb); c = x < y ? -1 : x > y ? 1 : 0; }
    switch (op) {
      case '<': return +(c < 0);
      case '<=': return +(c <= 0);
      case '>': return +(c > 0);
      case '>=': return +(c >= 0);
      case '==': return +(c === 0);
      default: return +(c !== 0);
    }
  }

  /** fromInputVar treats -v assignments and split() results that look numeric as strnums. */
  fromInputVar(v: Val): boolean { return typeof v === 'string' && this.strnums.has(v) && looksNumeric(v); }
  strnums = new Set<string>();

  regexOf(e: AwkExpr): RegExp {
    if (e.k === 're') return e.re;
    const r = compileRegex(toStr(this.eval(e)), { extended: true });
    return typeof r === 'string' ? /(?!)/ : r;
  }

  truthy(e: AwkExpr): boolean {
    if (e.k === 're') return e.re.test(toStr(this.fields[0]));
    const v = this.eval(e);
    if (typeof v === 'number') return v !== 0;
    if (this.isStrnum(e) && looksNumeric(v)) return toNum(v) !== 0;
    return v !== '';
  }

  eval(e: AwkExpr): Val {
    switch (e.k) {
      case 'num': return e.v;
      case 'str': return e.v;
      case 're': return +e.re.test(toStr(this.fields[0]));
      case 'group': return this.eval(e.e);
      case 'var': return this.getVar(e.name);
      case 'field': return this.getField(Math.trunc(toNum(this.eval(e.e))));
      case 'idx': { const a = this.arr(e.name); const k = this.key(e.subs); if (!a.has(k)) a.set(k, ''); return a.get(k) as Val; }
      case 'in': return +this.arr(e.name).has(this.key(e.subs));
      case 'assign': {
        if (e.op === '=') return this.assign(e.target, this.eval(e.e));
        const cur = toNum(this.eval(e.target));
        const r = toNum(this.eval(e.e));
        const op = e.op.replace('=', '');
        return this.assign(e.target, this.arith(op === '**' ? '^' : op, cur, r));
      }
      case 'incdec': {
        const cur = toNum(this.eval(e.target));
        const nv = e.op === '++' ? cur + 1 : cur - 1;
        this.assign(e.target, nv);
        return e.prefix ? nv : cur;
      }
      case 'cond': return this.truthy(e.c) ? this.eval(e.a) : this.eval(e.b);
      case 'match': { const s = toStr(this.eval(e.e)); const r = this.regexOf(e.re).test(s); return +(r !== e.neg); }
      case 'un':
        if (e.op === '!') return +!this.truthy(e.e);
        if (e.op === '-') return -toNum(this.eval(e.e));
        return toNum(this.eval(e.e));
      case 'bin':
        switch (e.op) {
          case '&&': return +(this.truthy(e.a) && this.truthy(e.b));
          case '||': return +(this.truthy(e.a) || this.truthy(e.b));
          case 'concat': return toStr(this.eval(e.a)) + toStr(this.eval(e.b));
          case '<': case '<=': case '>': case '>=': case '==': case '!=': return this.compare(e.a, e.b, e.op);
          default: return this.arith(e.op, toNum(this.eval(e.a)), toNum(this.eval(e.b)));
        }
      case 'call': return this.call(e.name, e.args);
      case 'getline': return 0;
    }
  }

  arith(op: string, a: number, b: number): number {
    switch (op) {
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      case '/': if (b === 0) throw new AwkRuntimeError('division by zero'); return a / b;
      case '%': if (b === 0) throw new AwkRuntimeError('division by zero in %'); return a % b;
      case '^': return a ** b;
    }
    return 0;
  }

  call(name: string, args: AwkExpr[]): Val {
    const s = (i: number) => toStr(this.eval(args[i]));
    const n = (i: number) => toNum(this.eval(args[i]));
    switch (name) {
      case 'length': {
        if (!args.length) return [...toStr(this.fields[0])].length;
        const a = args[0];
        if (a.k === 'var' && this.arrays.has(a.name)) return (this.arrays.get(a.name) as Map<string, Val>).size;
        return [...s(0)].length;
      }
      case 'substr': {
        const str = s(0);
        const start = Math.round(n(1));
        const len = args.length > 2 ? Math.round(n(2)) : Infinity;
        const from = Math.max(start, 1);
        const to = start + len;
        return to <= from ? '' : str.slice(from - 1, Math.min(str.length, to - 1));
      }
      case 'index': return s(0).indexOf(s(1)) + 1;
      case 'split': {
        const str = s(0);
        const a = args[1];
        if (a.k !== 'var') return 0;
        const arr = this.arr(a.name);
        arr.clear();
        const fs = args.length > 2 ? (args[2].k === 're' ? args[2].re.source : s(2)) : toStr(this.getVar('FS'));
        const parts = this.split(str, fs);
        parts.forEach((p, i) => { arr.set(String(i + 1), p); this.strnums.add(p); });
        return parts.length;
      }
      case 'sub': case 'gsub': {
        const re = this.regexOf(args[0]);
        const rep = s(1);
        const target: AwkExpr = args[2] ?? { k: 'field', e: { k: 'num', v: 0 } };
        const src = toStr(this.eval(target));
        let count = 0;
        const g = new RegExp(re.source, re.flags.replace('g', '') + (name === 'gsub' ? 'g' : ''));
        const res = src.replace(g, (m) => { count++; return rep.replace(/\\\\&|\\&|&/g, (x) => (x === '&' ? m : x === '\\&' ? '&' : '\\&')); });
        if (count) this.assign(target, res);
        return count;
      }
      case 'match': {
        const m = this.regexOf(args[1]).exec(s(0));
        this.vars.set('RSTART', m ? m.index + 1 : 0);
        this.vars.set('RLENGTH', m ? m[0].length : -1);
        return m ? m.index + 1 : 0;
      }
      case 'sprintf': return args.length ? formatPrintf(s(0), args.slice(1).map((a) => this.fmtArg(a))).out : '';
      case 'tolower': return s(0).toLowerCase();
      case 'toupper': return s(0).toUpperCase();
      case 'int': return Math.trunc(n(0));
      case 'sqrt': return Math.sqrt(n(0));
      case 'exp': return Math.exp(n(0));
      case 'log': return Math.log(n(0));
      case 'sin': return Math.sin(n(0));
      case 'cos': return Math.cos(n(0));
      case 'atan2': return Math.atan2(n(0), n(1));
      case 'rand': return 0.5;
      case 'srand': return 0;
      case 'system': this.ctx.stderr('awk: system() is not available in the sandbox\n'); return 1;
      case 'close': case 'fflush': return 0;
    }
    const fn = this.prog.funcs.get(name);
    if (!fn) throw new AwkRuntimeError(`function ${name} never defined`);
    const saved = new Map<string, Val | undefined>();
    const savedArr = new Map<string, Map<string, Val> | undefined>();
    fn.params.forEach((p, i) => {
      saved.set(p, this.vars.get(p));
      savedArr.set(p, this.arrays.get(p));
      const a = args[i];
      if (a && a.k === 'var' && this.arrays.has(a.name)) this.arrays.set(p, this.arrays.get(a.name) as Map<string, Val>);
      else { this.arrays.delete(p); this.vars.set(p, a ? this.eval(a) : ''); }
    });
    try {
      this.execList(fn.body);
      return '';
    } catch (e) {
      if (e instanceof ReturnSignal) return e.v;
      throw e;
    } finally {
      for (const [p, v] of saved) { if (v === undefined) this.vars.delete(p); else this.vars.set(p, v); }
      for (const [p, v] of savedArr) { if (v === undefined) this.arrays.delete(p); else this.arrays.set(p, v); }
    }
  }

  fmtArg(a: AwkExpr): string {
    const v = this.eval(a);
    return typeof v === 'number' ? (Number.isInteger(v) ? String(v) : String(v)) : v;
  }

  write(text: string, dest?: { append: boolean; e: AwkExpr }): void {
    if (!dest) { this.out.push(text); return; }
    const name = toStr(this.eval(dest.e));
    if (name === '/dev/stderr') { this.ctx.stderr(text); return; }
    if (name === '/dev/stdout' || name === '-') { this.out.push(text); return; }
    let buf = this.files.get(name);
    if (!buf) {
      buf = [];
      this.files.set(name, buf);
      const abs = this.ctx.fs.resolve(this.ctx.cwd, name);
      if (!dest.append) this.ctx.fs.writeFile(abs, '');
    }
    buf.push(text);
  }

  exec(s: AwkStmt): void {
    switch (s.k) {
      case 'print': {
        if (s.printf) {
          if (!s.args.length) throw new AwkRuntimeError('printf: no format');
          this.write(formatPrintf(toStr(this.eval(s.args[0])), s.args.slice(1).map((a) => this.fmtArg(a))).out, s.dest);
        } else {
          const parts = s.args.length ? s.args.map((a) => toStr(this.eval(a))) : [toStr(this.fields[0])];
          this.write(parts.join(toStr(this.getVar('OFS'))) + toStr(this.getVar('ORS')), s.dest);
        }
        return;
      }
      case 'expr': this.eval(s.e); return;
      case 'block': this.execList(s.body); return;
      case 'if': if (this.truthy(s.c)) this.exec(s.a); else if (s.b) this.exec(s.b); return;
      case 'while': {
        if (s.doWhile) { do { if (this.loopBody(s.body)) break; } while (this.truthy(s.c)); return; }
        while (this.truthy(s.c)) if (this.loopBody(s.body)) break;
        return;
      }
      case 'for': {
        if (s.init) this.exec(s.init);
        while (!s.c || this.truthy(s.c)) {
          if (this.loopBody(s.body)) break;
          if (s.step) this.exec(s.step);
        }
        return;
      }
      case 'forin': {
        const keys = [...this.arr(s.arr).keys()];
        for (const k of keys) { this.vars.set(s.v, k); if (this.loopBody(s.body)) break; }
        return;
      }
      case 'next': throw new NextSignal();
      case 'exit': throw new AwkExit(s.e ? Math.trunc(toNum(this.eval(s.e))) : 0);
      case 'break': throw new BreakSignal();
      case 'continue': throw new ContinueSignal();
      case 'return': throw new ReturnSignal(s.e ? this.eval(s.e) : '');
      case 'delete': if (s.subs) this.arr(s.name).delete(this.key(s.subs)); else this.arr(s.name).clear(); return;
    }
  }

  /** loopBody runs one iteration; returns true on break. */
  loopBody(body: AwkStmt): boolean {
    if (++this.loops > LOOP_CAP) throw new AwkRuntimeError('loop limit exceeded');
    try { this.exec(body); } catch (e) {
      if (e instanceof BreakSignal) return true;
      if (e instanceof ContinueSignal) return false;
      throw e;
    }
    return false;
  }

  execList(list: AwkStmt[]): void { for (const s of list) this.exec(s); }

  flushFiles(): void {
    for (const [name, buf] of this.files) this.ctx.fs.writeFile(this.ctx.fs.resolve(this.ctx.cwd, name), buf.join(''), { append: true });
  }
}

/** AwkRuntimeError is a fatal awk run-time error. */
export class AwkRuntimeError extends Error {}
