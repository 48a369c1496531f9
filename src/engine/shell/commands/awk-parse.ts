/** AwkExpr is an awk expression node. */
export type AwkExpr =
  | { k: 'num'; v: number } | { k: 'str'; v: string } | { k: 're'; re: RegExp }
  | { k: 'var'; name: string } | { k: 'field'; e: AwkExpr } | { k: 'idx'; name: string; subs: AwkExpr[] }
  | { k: 'assign'; op: string; target: AwkExpr; e: AwkExpr }
  | { k: 'bin'; op: string; a: AwkExpr; b: AwkExpr } | { k: 'un'; op: string; e: AwkExpr }
  | { k: 'incdec'; op: '++' | '--'; prefix: boolean; target: AwkExpr }
  | { k: 'cond'; c: AwkExpr; a: AwkExpr; b: AwkExpr } | { k: 'match'; neg: boolean; e: AwkExpr; re: AwkExpr }
  | { k: 'call'; name: string; args: AwkExpr[] } | { k: 'in'; subs: AwkExpr[]; name: string } | { k: 'group'; e: AwkExpr }
  | { k: 'getline' };

/** AwkStmt is an awk statement node. */
export type AwkStmt =
  | { k: 'print'; args: AwkExpr[]; printf: boolean; dest?: { append: boolean; e: AwkExpr } }
  | { k: 'expr'; e: AwkExpr } | { k: 'block'; body: AwkStmt[] }
  | { k: 'if'; c: AwkExpr; a: AwkStmt; b?: AwkStmt } | { k: 'while'; c: AwkExpr; body: AwkStmt; doWhile: boolean }
  | { k: 'for'; init?: AwkStmt; c?: AwkExpr; step?: AwkStmt; body: AwkStmt } | { k: 'forin'; v: string; arr: string; body: AwkStmt }
  | { k: 'next' } | { k: 'exit'; e?: AwkExpr } | { k: 'break' } | { k: 'continue' } | { k: 'delete'; name: string; subs?: AwkExpr[] }
  | { k: 'return'; e?: AwkExpr };

/** AwkRule is one pattern-action pair. */
export interface AwkRule { kind: 'BEGIN' | 'END' | 'main'; pattern?: AwkExpr; range?: AwkExpr; body?: AwkStmt[]; inRange?: boolean }

/** AwkProgram is a parsed awk program. */
export interface AwkProgram { rules: AwkRule[]; funcs: Map<string, { params: string[]; body: AwkStmt[] }> }

/** AwkSyntaxError is a parse failure with mawk-like wording. */
export class AwkSyntaxError extends Error {}

type Tok = { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 're'; v: string } | { t: 'id'; v: string } | { t: 'func'; v: string } | { t: 'op'; v: string } | { t: 'nl' } | { t: 'eof' };

const OPS = ['**=', '^=', '+=', '-=', '*=', '/=', '%=', '==', '<=', '>=', '!=', '++', '--', '&&', '||', '>>', '!~', '**', '{', '}', '(', ')', '[', ']', ';', ',', '+', '-', '*', '/', '%', '^', '!', '>', '<', '|', '?', ':', '~', '$', '='];
const BUILTINS = new Set(['length', 'substr', 'index', 'split', 'sub', 'gsub', 'match', 'sprintf', 'tolower', 'toupper', 'int', 'sqrt', 'exp', 'log', 'sin', 'cos', 'atan2', 'rand', 'srand', 'system', 'close', 'fflush']);

function lex(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  const regexAllowed = () => {
    const p = toks[toks.length - 1];
    if (!p) return true;
    if (p.t === 'num' || p.t === 'str' || p.t === 're' || p.t === 'id' || p.t === 'func') return false;
    if (p.t === 'op' && (p.v === ')' || p.v === ']' || p.v === '$' || p.v === '++' || p.v === '--')) return false;
    return true;
  };
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\r') { i++; continue; }
    if (c === '\\' && src[i + 1] === '\n') { i += 2; continue; }
    if (c === '#') { while (i < src.length && src[i] !== '\n') i++; continue; }
    if (c === '\n') { toks.push({ t: 'nl' }); i++; continue; }
    if (c === '"') {
      let s = '';
      i++;
      while (i < src.length && src[i] !== '"') {
        if (src[i] === '\\' && i + 1 < src.length) {
          const n = src[++i];
          s += ({ n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', '/': '/', a: '\x07', b: '\b' } as Record<string, string>)[n] ?? '\\' + n;
          i++;
        } else s += src[i++];
      }
      if (i >= src.length) throw new AwkSyntaxError('runaway string constant "' + s.slice(0, 10) + ' ...');
      i++;
      toks.push({ t: 'str', v: s });
      continue;
    }
    if (c === '/' && regexAllowed()) {
      let s = '';
      i++;
      while (i < src.length && src[i] !== '/') {
        if (src[i] === '\\' && src[i + 1] === '/') { s += '/'; i += 2; continue; }
        if (src[i] === '\\') { s += src[i] + (src[i + 1] ?? ''); i += 2; continue; }
        if (src[i] === '[') { const e = src.indexOf(']', i + 2); if (e > 0) { s += src.slice(i, e + 1); i = e + 1; continue; } }
        if (src[i] === '\n') throw new AwkSyntaxError('runaway regular expression /' + s.slice(0, 10) + ' ...');
        s += src[i++];
      }
      i++;
      toks.push({ t: 're', v: s });
      continue;
    }
    const num = /^(\d+\.?\d*([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?|0x[0-9a-fA-F]+)/.exec(src.slice(i));
    if (num) { toks.push({ t: 'num', v: Number(num[0]) }); i += num[0].length; continue; }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (id) {
      i += id[0].length;
      toks.push(src[i] === '(' && !['if', 'while', 'for', 'print', 'printf', 'return', 'in', 'getline'].includes(id[0]) ? { t: 'func', v: id[0] } : { t: 'id', v: id[0] });
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new AwkSyntaxError(`syntax error at or near ${c}`);
    toks.push({ t: 'op', v: op });
    i += op.length;
  }
  toks.push({ t: 'eof' });
  return toks;
}

/** parseAwk parses an awk program text. */
export function parseAwk(src: string, compileRe: (s: string) => RegExp): AwkProgram {
  const toks = lex(src);
  let p = 0;
  const peek = () => toks[p];
  const isOp = (v: string) => { const t = toks[p]; return t.t === 'op' && t.v === v; };
  const isId = (v: string) => { const t = toks[p]; return t.t === 'id' && t.v === v; };
  const near = () => { const t = toks[p]; return t.t === 'eof' ? 'end of file' : t.t === 'nl' ? 'end of line' : 'v' in t ? String(t.v) : 'token'; };
  const fail = (): never => { throw new AwkSyntaxError(`syntax error at or near ${near()}`); };
  const expectOp = (v: string) => { if (!isOp(v)) fail(); p++; };
  const skipNl = () => { while (toks[p].t === 'nl' || isOp(';')) p++; };
  const optNl = () => { while (toks[p].t === 'nl') p++; };

  // Expression grammar, lowest to highest precedence.
  const expr = (noIn = false, noGt = false): AwkExpr => ternary(noIn, noGt);
  const ternary = (noIn: boolean, noGt: boolean): AwkExpr => {
    const c = orExpr(noIn, noGt);
    if (isOp('?')) { p++; optNl(); const a = ternary(noIn, noGt); optNl(); expectOp(':'); optNl(); const b = ternary(noIn, noGt); return { k: 'cond', c, a, b }; }
    if (toks[p].t === 'op' && ['=', '+=', '-=', '*=', '/=', '%=', '^=', '**='].includes((toks[p] as { v: string }).v) && (c.k === 'var' || c.k === 'field' || c.k === 'idx')) {
      const op = (toks[p++] as { v: string }).v;
      optNl();
      return { k: 'assign', op, target: c, e: ternary(noIn, noGt) };
    }
    return c;
  };
  const orExpr = (noIn: boolean, noGt: boolean): AwkExpr => {
    let a = andExpr(noIn, noGt);
    while (isOp('||')) { p++; optNl(); a = { k: 'bin', op: '||', a, b: andExpr(noIn, noGt) }; }
    return a;
  };
  const andExpr = (noIn: boolean, noGt: boolean): AwkExpr => {
    let a = inExpr(noIn, noGt);
    while (isOp('&&')) { p++; optNl(); a = { k: 'bin', op: '&&', a, b: inExpr(noIn, noGt) }; }
    return a;
  };
  const inExpr = (noIn: boolean, noGt: boolean): AwkExpr => {
    let a = matchExpr(noIn, noGt);
    while (!noIn && isId('in')) { p++; const n = toks[p++]; if (n.t !== 'id') fail(); a = { k: 'in', subs: [a], name: (n as { v: string }).v }; }
    return a;
  };
  const matchExpr = (noIn: boolean, noGt: boolean): AwkExpr => {
    let a = relExpr(noIn, noGt);
    while (isOp('~') || isOp('!~')) { const neg = isOp('!~'); p++; a = { k: 'match', neg, e: a, re: relExpr(noIn, noGt) }; }
    return a;
  };
  const relExpr = (noIn: boolean, noGt: boolean): AwkExpr => {
    const a = concatExpr(noIn, noGt);
    const t = toks[p];
    if (t.t === 'op' && ['<', '<=', '==', '!=', '>=', '>'].includes(t.v) && !(noGt && t.v === '>')) { p++; return { k: 'bin', op: t.v, a, b: concatExpr(noIn, noGt) }; }
    return a;
  };
  const startsPrimary = () => {
    const t = toks[p];
    if (t.t === 'num' || t.t === 'str' || t.t === 're' || t.t === 'func') return true;
    if (t.t === 'id') return t.v !== 'in' && t.v !== 'getline';
    return t.t === 'op' && ['$', '!', '(', '-', '+', '++', '--'].includes(t.v);
  };
  const concatExpr = (noIn: boolean, noGt: boolean): AwkExpr => {
    let a = addExpr();
    while (startsPrimary() && !isOp('+') && !isOp('-')) a = { k: 'bin', op: 'concat', a, b: addExpr() };
    void noIn; void noGt;
    return a;
  };
  const addExpr = (): AwkExpr => {
    let a = mulExpr();
    while (isOp('+') || isOp('-')) { const op = (toks[p++] as { v: string }).v; a = { k: 'bin', op, a, b: mulExpr() }; }
    return a;
  };
  const mulExpr = (): AwkExpr => {
    let a = unaryExpr();
    while (isOp('*') || isOp('/') || isOp('%')) { const op = (toks[p++] as { v: string }).v; a = { k: 'bin', op, a, b: unaryExpr() }; }
    return a;
  };
  const unaryExpr = (): AwkExpr => {
    if (isOp('!')) { p++; return { k: 'un', op: '!', e: unaryExpr() }; }
    if (isOp('-')) { p++; return { k: 'un', op: '-', e: unaryExpr() }; }
    if (isOp('+')) { p++; return { k: 'un', op: '+', e: unaryExpr() }; }
    return powExpr();
  };
  const powExpr = (): AwkExpr => {
    const a = postfix();
    if (isOp('^') || isOp('**')) { p++; return { k: 'bin', op: '^', a, b: unaryExpr() }; }
    return a;
  };
  const postfix = (): AwkExpr => {
    if (isOp('++') || isOp('--')) { const op = (toks[p++] as { v: string }).v as '++' | '--'; return { k: 'incdec', op, prefix: true, target: postfix() }; }
    const e = primary();
    if ((e.k === 'var' || e.k === 'field' || e.k === 'idx') && (isOp('++') || isOp('--'))) { const op = (toks[p++] as { v: string }).v as '++' | '--'; return { k: 'incdec', op, prefix: false, target: e }; }
    return e;
  };
  const primary = (): AwkExpr => {
    const t = toks[p++];
    switch (t.t) {
      case 'num': return { k: 'num', v: t.v };
      case 'str': return { k: 'str', v: t.v };
      case 're': return { k: 're', re: compileRe(t.v) };
      case 'func': {
        expectOp('(');
        const args: AwkExpr[] = [];
        optNl();
        if (!isOp(')')) { for (;;) { optNl(); args.push(expr()); optNl(); if (isOp(',')) { p++; continue; } break; } }
        expectOp(')');
        return { k: 'call', name: t.v, args };
      }
      case 'id': {
        if (t.v === 'length' && !isOp('(')) return { k: 'call', name: 'length', args: [] };
        if (BUILTINS.has(t.v) && isOp('(')) { p--; toks[p] = { t: 'func', v: t.v }; return primary(); }
        if (isOp('[')) {
          p++;
          const subs = [expr()];
          while (isOp(',')) { p++; subs.push(expr()); }
          expectOp(']');
          return { k: 'idx', name: t.v, subs };
        }
        return { k: 'var', name: t.v };
      }
      case 'op':
        if (t.v === '$') return { k: 'field', e: t.v === '$' && (isOp('++') || isOp('--')) ? primary() : primaryNoPostfix() };
        if (t.v === '(') {
          const e = expr();
          if (isOp(',')) {
            const subs = [e];
            while (isOp(',')) { p++; subs.push(expr()); }
            expectOp(')');
            if (!isId('in')) fail();
            p++;
            const n = toks[p++];
            return { k: 'in', subs, name: (n as { v: string }).v };
          }
          expectOp(')');
          return { k: 'group', e };
        }
        if (t.v === '-') return { k: 'un', op: '-', e: unaryExpr() };
        if (t.v === '!') return { k: 'un', op: '!', e: unaryExpr() };
    }
    p--;
    return fail();
  };
  const primaryNoPostfix = (): AwkExpr => {
    if (isOp('-')) { p++; return { k: 'un', op: '-', e: primary() }; }
    return primary();
  };

  const simpleStmt = (): AwkStmt => {
    if (isId('print') || isId('printf')) {
      const printf = isId('printf');
      p++;
      const args: AwkExpr[] = [];
      const endOfArgs = () => isOp(';') || isOp('}') || isOp('>') || isOp('>>') || isOp('|') || toks[p].t === 'nl' || toks[p].t === 'eof';
      if (isOp('(')) {
        // print (a, b) > "f" — parenthesised list.
        const save = p;
        p++;
        try {
          const list = [expr()];
          while (isOp(',')) { p++; optNl(); list.push(expr()); }
          expectOp(')');
          if (endOfArgs()) args.push(...list); else { p = save; }
        } catch { p = save; }
      }
      if (!args.length && !endOfArgs()) {
        args.push(expr(false, true));
        while (isOp(',')) { p++; optNl(); args.push(expr(false, true)); }
      }
      let dest: { append: boolean; e: AwkExpr } | undefined;
      if (isOp('>') || isOp('>>')) { const append = isOp('>>'); p++; dest = { append, e: concatExpr(false, true) }; }
      return { k: 'print', args, printf, dest };
    }
    if (isId('next')) { p++; return { k: 'next' }; }
    if (isId('exit')) { p++; const e = isOp(';') || isOp('}') || toks[p].t === 'nl' ? undefined : expr(); return { k: 'exit', e }; }
    if (isId('break')) { p++; return { k: 'break' }; }
    if (isId('continue')) { p++; return { k: 'continue' }; }
    if (isId('return')) { p++; const e = isOp(';') || isOp('}') || toks[p].t === 'nl' ? undefined : expr(); return { k: 'return', e }; }
    if (isId('delete')) {
      p++;
      const n = toks[p++];
      if (n.t !== 'id') fail();
      if (isOp('[')) { p++; const subs = [expr()]; while (isOp(',')) { p++; subs.push(expr()); } expectOp(']'); return { k: 'delete', name: (n as { v: string }).v, subs }; }
      return { k: 'delete', name: (n as { v: string }).v };
    }
    return { k: 'expr', e: expr() };
  };
  const stmt = (): AwkStmt => {
    skipNl();
    if (isOp('{')) { p++; return { k: 'block', body: stmtList() }; }
    if (isId('if')) {
      p++; expectOp('('); const c = expr(); expectOp(')');
      const a = stmt();
      const save = p;
      skipNl();
      if (isId('else')) { p++; return { k: 'if', c, a, b: stmt() }; }
      p = save;
      return { k: 'if', c, a };
    }
    if (isId('while')) { p++; expectOp('('); const c = expr(); expectOp(')'); if (isOp(';')) { p++; return { k: 'while', c, body: { k: 'block', body: [] }, doWhile: false }; } return { k: 'while', c, body: stmt(), doWhile: false }; }
    if (isId('do')) { p++; const body = stmt(); skipNl(); if (!isId('while')) fail(); p++; expectOp('('); const c = expr(); expectOp(')'); return { k: 'while', c, body, doWhile: true }; }
    if (isId('for')) {
      p++; expectOp('(');
      if (toks[p].t === 'id' && toks[p + 1].t === 'id' && (toks[p + 1] as { v: string }).v === 'in' && toks[p + 2].t === 'id' && toks[p + 3].t === 'op' && (toks[p + 3] as { v: string }).v === ')') {
        const v = (toks[p] as { v: string }).v, arr = (toks[p + 2] as { v: string }).v;
        p += 4;
        return { k: 'forin', v, arr, body: stmt() };
      }
      const init = isOp(';') ? undefined : simpleStmt();
      expectOp(';'); optNl();
      const c = isOp(';') ? undefined : expr();
      expectOp(';'); optNl();
      const step = isOp(')') ? undefined : simpleStmt();
      expectOp(')');
      if (isOp(';')) { p++; return { k: 'for', init, c, step, body: { k: 'block', body: [] } }; }
      return { k: 'for', init, c, step, body: stmt() };
    }
    if (isOp(';')) { p++; return { k: 'block', body: [] }; }
    const s = simpleStmt();
    if (isOp(';') || toks[p].t === 'nl') p++;
    else if (!isOp('}') && toks[p].t !== 'eof') fail();
    return s;
  };
  const stmtList = (): AwkStmt[] => {
    const out: AwkStmt[] = [];
    for (;;) {
      skipNl();
      if (isOp('}')) { p++; return out; }
      if (toks[p].t === 'eof') throw new AwkSyntaxError('missing } near end of file');
      out.push(stmt());
    }
  };

  const rules: AwkRule[] = [];
  const funcs = new Map<string, { params: string[]; body: AwkStmt[] }>();
  for (;;) {
    skipNl();
    const t = peek();
    if (t.t === 'eof') break;
    if (isId('BEGIN') || isId('END')) {
      p++; optNl();
      if (!isOp('{')) fail();
      p++;
      rules.push({ kind: (t as { v: string }).v as 'BEGIN' | 'END', body: stmtList() });
      continue;
    }
    if (isId('function') || isId('func')) {
      p++;
      const n = toks[p++];
      if (n.t !== 'func' && n.t !== 'id') fail();
      expectOp('(');
      const params: string[] = [];
      while (!isOp(')')) { const x = toks[p++]; if (x.t !== 'id') fail(); params.push((x as { v: string }).v); if (isOp(',')) p++; }
      p++; optNl(); expectOp('{');
      funcs.set((n as { v: string }).v, { params, body: stmtList() });
      continue;
    }
    let pattern: AwkExpr | undefined, range: AwkExpr | undefined;
    if (!isOp('{')) {
      pattern = expr();
      if (isOp(',')) { p++; optNl(); range = expr(); }
    }
    let body: AwkStmt[] | undefined;
    if (isOp('{')) { p++; body = stmtList(); }
    rules.push({ kind: 'main', pattern, range, body });
  }
  return { rules, funcs };
}
