/** ArithVars is what arithmetic needs from the shell: read and write variables. */
export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

/** ArithError is a bash arithmetic error; message is bash's text after the expression. */
export class ArithError extends Error {}

type Tok = ({ t: 'num'; v: number } | { t: 'id'; v: string } | { t: 'op'; v: string }) & { at?: number };

const OPS = ['<<=', '>>=', '**', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=',
  '+', '-', '*', '/', '%', '<', '>', '=', '!', '~', '&', '|', '^', '(', ')', '?', ':', ','];

function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) { i++; continue; }
    const num = /^(0x[0-9a-fA-F]+|\d+#[0-9a-zA-Z]+|\d+)/.exec(src.slice(i));
    if (num) {
      const s = num[1];
      let v: number;
      if (s.startsWith('0x')) v = parseInt(s, 16);
      else if (s.includes('#')) { const [b, d] = s.split('#'); v = parseInt(d, Number(b)); }
      else if (s.length > 1 && s.startsWith('0')) v = parseInt(s, 8);
      else v = Number(s);
      out.push({ t: 'num', v, at: i });
      i += s.length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (id) { out.push({ t: 'id', v: id[0], at: i }); i += id[0].length; continue; }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new ArithError(`syntax error: invalid arithmetic operator (error token is "${src.slice(i)}")`);
    out.push({ t: 'op', v: op, at: i });
    i += op.length;
  }
  return out;
}

const BINARY: Record<string, number> = {
  ',': 1, '||': 4, '&&': 5, '|': 6, '^': 7, '&': 8, '==': 9, '!=': 9, '<': 10, '>': 10, '<=': 10, '>=': 10,
  '<<': 11, '>>': 11, '+': 12, '-': 12, '*': 13, '/': 13, '%': 13, '**': 14,
};

/** evalArith evaluates a bash arithmetic expression with 64-bit-ish integer semantics (JS numbers, truncated). */
export function evalArith(src: string, vars: ArithVars): number {
  const toks = lex(src);
  let i = 0;
  const peek = () => toks[i];
  const isOp = (v: string) => toks[i]?.t === 'op' && toks[i].v === v;
  const varValue = (name: string, depth = 0): number => {
    const raw = (vars.get(name) ?? '').trim();
    if (raw === '') return 0;
    if (/^-?\d+$/.test(raw)) return Number(raw);
    if (depth > 10) throw new ArithError('expression recursion level exceeded');
    return evalArith(raw, vars);
  };
  const trunc = (n: number) => (n < 0 ? Math.ceil(n) : Math.floor(n));

  const tokText = (k: number) => src.slice(toks[Math.max(0, Math.min(k, toks.length - 1))]?.at ?? src.length);
  const primary = (): { v: number; name?: string } => {
    const t = toks[i++];
    if (!t) throw new ArithError(`syntax error: operand expected (error token is "${tokText(i - 2)}")`);
    if (t.t === 'num') return { v: t.v };
    if (t.t === 'id') {
      if (isOp('++') || isOp('--')) {
        const op = toks[i++].v;
        const old = varValue(t.v);
        vars.set(t.v, String(op === '++' ? old + 1 : old - 1));
        return { v: old };
      }
      return { v: varValue(t.v), name: t.v };
    }
    if (t.v === '(') {
      const v = expr(0);
      if (!isOp(')')) throw new ArithError('syntax error: missing `)\'');
      i++;
      return { v };
    }
    if (t.v === '++' || t.v === '--') {
      const n = toks[i++];
      if (!n || n.t !== 'id') throw new ArithError('syntax error: operand expected');
      const v = varValue(n.v) + (t.v === '++' ? 1 : -1);
      vars.set(n.v, String(v));
      return { v };
    }
    if (t.v === '-') return { v: -unary() };
    if (t.v === '+') return { v: unary() };
    if (t.v === '!') return { v: unary() ? 0 : 1 };
    if (t.v === '~') return { v: ~unary() };
    throw new ArithError(`syntax error: operand expected (error token is "${tokText(i - 1)}")`);
  };
  const unary = (): number => primary().v;

  const assignment = (): number => {
    const start = i;
    const t = peek();
    if (t?.t === 'id' && toks[i + 1]?.t === 'op' && /^([-+*/%&|^]|<<|>>)?=$/.test(String(toks[i + 1].v)) && toks[i + 1].v !== '==') {
      const op = String(toks[i + 1].v);
      i += 2;
      const rhs = assignment();
      const cur = varValue(t.v);
      const v = op === '=' ? rhs : apply(op.slice(0, -1), cur, rhs);
      vars.set(t.v, String(v));
      return v;
    }
    i = start;
    return ternary();
  };

  const ternary = (): number => {
    const c = binary(2);
    if (isOp('?')) {
      i++;
      const a = assignment();
      if (!isOp(':')) throw new ArithError("syntax error: `:' expected for conditional expression");
      i++;
      const b = assignment();
      return c ? a : b;
    }
    return c;
  };

  const apply = (op: string, a: number, b: number): number => {
    switch (op) {
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      case '/': if (b === 0) throw new ArithError('division by 0 (error token is "' + b + '")'); return trunc(a / b);
      case '%': if (b === 0) throw new ArithError('division by 0 (error token is "' + b + '")'); return a % b;
      case '**': return a ** b;
      case '<<': return a << b;
      case '>>': return a >> b;
      case '<': return +(a < b);
      case '>': return +(a > b);
      case '<=': return +(a <= b);
      case '>=': return +(a >= b);
      case '==': return +(a === b);
      case '!=': return +(a !== b);
      case '&': return a & b;
      case '|': return a | b;
      case '^': return a ^ b;
      case '&&': return +(!!a && !!b);
      case '||': return +(!!a || !!b);
      case ',': return b;
    }
    throw new ArithError('syntax error');
  };

  const binary = (minPrec: number): number => {
    let left = unary();
    for (;;) {
      const t = peek();
      if (!t || t.t !== 'op') break;
      const prec = BINARY[t.v];
      if (prec === undefined || prec < minPrec) break;
      i++;
      const right = t.v === '**' ? binary(prec) : binary(prec + 1);
      left = apply(t.v, left, right);
    }
    return left;
  };

  const expr = (_min: number): number => {
    let v = assignment();
    while (isOp(',')) { i++; v = assignment(); }
    return v;
  };

  if (!toks.length) return 0;
  const v = expr(0);
  if (i < toks.length) {
    throw new ArithError(`syntax error in expression (error token is "${tokText(i)}")`);
  }
  return v;
}
