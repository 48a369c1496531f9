import type { Vfs } from '../vfs/types';
import { ArithError, evalArith, type ArithVars } from './arith';
import { expandGlob, globToRegExpSource, hasGlobChars, unescapeGlob } from './glob';
import { skipConstruct } from './parser';

/** ExpandCtx is what word expansion needs from the running shell. */
export interface ExpandCtx {
  getVar(name: string): string | undefined;
  setVar(name: string, value: string): void;
  positional: string[];
  special(name: string): string | undefined;
  commandSubst(src: string): Promise<string>;
  /** procSubst runs src for `<(src)` and returns the path of a file holding its output. */
  procSubst?(src: string): Promise<string>;
  fs: Vfs;
  cwd: string;
  home: string;
}

/** ExpansionError aborts the current command with a bash message (e.g. `x: parameter null or not set`). */
export class ExpansionError extends Error {}

interface Piece { text: string; quoted: boolean; split: boolean; brk?: boolean }

/** Mode selects the POSIX steps applied: full fields, a single word, a case/[[ pattern, or here-doc text. */
export type Mode = 'fields' | 'single' | 'pattern' | 'heredoc';

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*/;

function arithVars(ctx: ExpandCtx): ArithVars {
  return { get: (n) => ctx.getVar(n), set: (n, v) => ctx.setVar(n, v) };
}

async function paramValue(name: string, ctx: ExpandCtx): Promise<string | undefined> {
  if (/^\d+$/.test(name)) return name === '0' ? 'bash' : ctx.positional[Number(name) - 1];
  if (name === '@' || name === '*') return ctx.positional.join(' ');
  if (name === '#') return String(ctx.positional.length);
  const sp = ctx.special(name);
  if (sp !== undefined) return sp;
  return ctx.getVar(name);
}

function patternToRe(pat: string, anchorStart: boolean, anchorEnd: boolean, greedy: boolean): RegExp {
  let src = globToRegExpSource(pat);
  if (!greedy) src = src.replace(/\[\\s\\S\]\*/g, '[\\s\\S]*?');
  return new RegExp((anchorStart ? '^' : '') + src + (anchorEnd ? '$' : ''));
}

async function braceParam(body: string, ctx: ExpandCtx): Promise<{ text: string; atSplit?: boolean }> {
  if (body.startsWith('#') && body.length > 1) {
    const v = await paramValue(body.slice(1), ctx);
    return { text: String([...(v ?? '')].length) };
  }
  const m = /^([A-Za-z_][A-Za-z0-9_]*|\d+|[@*#?$!-])/.exec(body);
  if (!m) throw new ExpansionError(`\${${body}}: bad substitution`);
  const name = m[1];
  const rest = body.slice(name.length);
  const val = await paramValue(name, ctx);
  if (rest === '') return { text: val ?? '', atSplit: name === '@' };
  const word = async (w: string) => (await expandWord(w, ctx, 'single'))[0] ?? '';
  const op2 = /^(:?[-=+?])/.exec(rest);
  if (op2) {
    const op = op2[1];
    const arg = rest.slice(op.length);
    const unset = op.startsWith(':') ? !val : val === undefined;
    switch (op.replace(':', '')) {
      case '-': return { text: unset ? await word(arg) : val ?? '' };
      case '=': if (unset) { const w = await word(arg); ctx.setVar(name, w); return { text: w }; } return { text: val ?? '' };
      case '+': return { text: unset ? '' : await word(arg) };
      case '?': if (unset) throw new ExpansionError(`${name}: ${arg ? await word(arg) : 'parameter null or not set'}`); return { text: val ?? '' };
    }
  }
  const v = val ?? '';
  if (rest.startsWith('##') || rest.startsWith('#')) {
    const greedy = rest.startsWith('##');
    const pat = await expandPattern(rest.slice(greedy ? 2 : 1), ctx);
    const re = patternToRe(pat, true, false, greedy);
    return { text: v.replace(re, '') };
  }
  if (rest.startsWith('%%') || rest.startsWith('%')) {
    const greedy = rest.startsWith('%%');
    const pat = await expandPattern(rest.slice(greedy ? 2 : 1), ctx);
    // Shortest/longest suffix: try each start position.
    const re = new RegExp('^' + globToRegExpSource(pat) + '$');
    if (greedy) { for (let i = 0; i <= v.length; i++) if (re.test(v.slice(i))) return { text: v.slice(0, i) }; } else { for (let i = v.length; i >= 0; i--) if (re.test(v.slice(i))) return { text: v.slice(0, i) }; }
    return { text: v };
  }
  if (rest.startsWith('/')) {
    const all = rest.startsWith('//');
    let r = rest.slice(all ? 2 : 1);
    let anchor = '';
    if (r.startsWith('#') || r.startsWith('%')) { anchor = r[0]; r = r.slice(1); }
    const slash = findUnescaped(r, '/');
    const pat = await expandPattern(slash < 0 ? r : r.slice(0, slash), ctx);
    const rep = slash < 0 ? '' : await word(r.slice(slash + 1));
    if (pat === '') return { text: v };
    const re = new RegExp((anchor === '#' ? '^' : '') + globToRegExpSource(pat) + (anchor === '%' ? '$' : ''), all ? 'g' : '');
    return { text: v.replace(re, () => rep) };
  }
  if (rest.startsWith(':')) {
    const [o, l] = rest.slice(1).split(':');
    let off = evalArith(o || '0', arithVars(ctx));
    if (off < 0) off = Math.max(0, v.length + off);
    if (l === undefined) return { text: v.slice(off) };
    let len = evalArith(l, arithVars(ctx));
    if (len < 0) len = v.length - off + len;
    return { text: v.substr(off, Math.max(0, len)) };
  }
  if (rest === '^^') return { text: v.toUpperCase() };
  if (rest === ',,') return { text: v.toLowerCase() };
  if (rest === '^') return { text: v.charAt(0).toUpperCase() + v.slice(1) };
  if (rest === ',') return { text: v.charAt(0).toLowerCase() + v.slice(1) };
  throw new ExpansionError(`\${${body}}: bad substitution`);
}

function findUnescaped(s: string, ch: string): number {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') { i++; continue; }
    if (s[i] === ch) return i;
  }
  return -1;
}

async function expandPattern(raw: string, ctx: ExpandCtx): Promise<string> {
  return (await expandWord(raw, ctx, 'pattern'))[0] ?? '';
}

/** dollar expands the $-construct at s[i]; returns pieces' text and the next index. */
async function dollar(s: string, i: number, ctx: ExpandCtx): Promise<{ text: string; next: number; at?: boolean }> {
  const n = s[i + 1];
  if (n === '(' && s[i + 2] === '(') {
    const end = skipConstruct(s, i);
    const inner = s.slice(i + 3, end - 2);
    const expanded = (await expandWord(inner, ctx, 'heredoc'))[0] ?? '';
    try {
      return { text: String(evalArith(expanded, arithVars(ctx))), next: end };
    } catch (e) {
      if (e instanceof ArithError) throw new ArithError(`${expanded.replace(/^\s+/, "")}: ${e.message}`);
      throw e;
    }
  }
  if (n === '(') {
    const end = skipConstruct(s, i);
    const out = await ctx.commandSubst(s.slice(i + 2, end - 1));
    return { text: out.replace(/\n+$/, ''), next: end };
  }
  if (n === '{') {
    const end = skipConstruct(s, i);
    const r = await braceParam(s.slice(i + 2, end - 1), ctx);
    return { text: r.text, next: end, at: r.atSplit };
  }
  if (n !== undefined && /[@*#?$!0-9-]/.test(n)) {
    return { text: (await paramValue(n, ctx)) ?? '', next: i + 2, at: n === '@' };
  }
  const m = NAME_RE.exec(s.slice(i + 1));
  if (m) return { text: (await paramValue(m[0], ctx)) ?? '', next: i + 1 + m[0].length };
  return { text: '$', next: i + 1 };
}

async function backtick(s: string, i: number, ctx: ExpandCtx): Promise<{ text: string; next: number }> {
  const end = skipConstruct(s, i);
  const inner = s.slice(i + 1, end - 1).replace(/\\([$`\\])/g, '$1');
  const out = await ctx.commandSubst(inner);
  return { text: out.replace(/\n+$/, ''), next: end };
}

async function pieces(raw: string, ctx: ExpandCtx, mode: Mode): Promise<Piece[]> {
  const out: Piece[] = [];
  const lit = (text: string, quoted: boolean) => out.push({ text, quoted, split: false });
  let i = 0;
  // `export KUBECONFIG=~/.kube/config`: bash expands a tilde right after NAME= too.
  const assign = mode !== 'heredoc' ? /^[A-Za-z_][A-Za-z0-9_]*=(?=~)/.exec(raw) : null;
  if (assign) { lit(assign[0], false); i = assign[0].length; }
  if (mode !== 'heredoc' && raw[i] === '~') {
    const m = /^~([A-Za-z0-9_-]*)(?=\/|$|:)/.exec(raw.slice(i));
    if (m) {
      if (m[1] === '') { lit(ctx.getVar('HOME') ?? ctx.home, true); i += 1; } else if (m[1] === 'root') { lit('/root', true); i += m[0].length; }
    }
  }
  while (i < raw.length) {
    const c = raw[i];
    if ((c === '<' || c === '>') && raw[i + 1] === '(' && mode !== 'heredoc' && ctx.procSubst) {
      let depth = 0, j = i + 1;
      for (; j < raw.length; j++) { if (raw[j] === '(') depth++; else if (raw[j] === ')') { depth--; if (depth === 0) break; } }
      lit(await ctx.procSubst(raw.slice(i + 2, j)), true);
      i = j + 1;
      continue;
    }
    if (c === '\\') {
      if (mode === 'heredoc') {
        const n = raw[i + 1];
        if (n === '$' || n === '`' || n === '\\') { lit(n, true); i += 2; continue; }
        if (n === '\n') { i += 2; continue; }
        lit('\\', true); i++; continue;
      }
      if (raw[i + 1] === '\n') { i += 2; continue; }
      if (i + 1 < raw.length) lit(raw[i + 1], true);
      i += 2;
      continue;
    }
    if (c === "'" && mode !== 'heredoc') {
      const end = raw.indexOf("'", i + 1);
      lit(raw.slice(i + 1, end < 0 ? raw.length : end), true);
      out[out.length - 1].brk = false;
      i = end < 0 ? raw.length : end + 1;
      continue;
    }
    if (c === '$' && raw[i + 1] === "'" && mode !== 'heredoc') {
      const end = skipConstruct(raw, i + 1);
      lit(ansiC(raw.slice(i + 2, end - 1)), true);
      i = end;
      continue;
    }
    if (c === '"' && mode !== 'heredoc') {
      const end = skipConstruct(raw, i);
      const inner = raw.slice(i + 1, end - 1);
      let j = 0;
      let any = false;
      while (j < inner.length) {
        const d = inner[j];
        if (d === '\\' && j + 1 < inner.length && '$`"\\\n'.includes(inner[j + 1])) { if (inner[j + 1] !== '\n') lit(inner[j + 1], true); j += 2; any = true; continue; }
        if (d === '$') {
          const r = await dollar(inner, j, ctx);
          if (r.at && ctx.positional.length > 1) {
            ctx.positional.forEach((p, k) => { if (k > 0) out.push({ text: '', quoted: true, split: false, brk: true }); lit(p, true); });
          } else if (!(r.at && ctx.positional.length === 0)) lit(r.text, true);
          j = r.next; any = true;
          continue;
        }
        if (d === '`') { const r = await backtick(inner, j, ctx); lit(r.text, true); j = r.next; any = true; continue; }
        let k = j + 1;
        while (k < inner.length && !'\\$`'.includes(inner[k])) k++;
        lit(inner.slice(j, k), true);
        j = k; any = true;
      }
      if (!any) lit('', true);
      i = end;
      continue;
    }
    if (c === '$') {
      const r = await dollar(raw, i, ctx);
      if (r.text === '$' && r.next === i + 1) lit('$', mode === 'heredoc');
      else out.push({ text: r.text, quoted: mode === 'heredoc', split: mode === 'fields' });
      i = r.next;
      continue;
    }
    if (c === '`') {
      const r = await backtick(raw, i, ctx);
      out.push({ text: r.text, quoted: mode === 'heredoc', split: mode === 'fields' });
      i = r.next;
      continue;
    }
    let k = i + 1;
    const stops = mode === 'heredoc' ? '\\$`' : '\\$`\'"';
    while (k < raw.length && !stops.includes(raw[k])) k++;
    lit(raw.slice(i, k), mode === 'heredoc');
    i = k;
  }
  return out;
}

/** ansiC decodes the body of a $'...' string. */
export function ansiC(s: string): string {
  return s.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/g, (_m, e: string) => {
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return ({ n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"' } as Record<string, string>)[e] ?? '\\' + e;
  });
}

const escGlob = (s: string) => s.replace(/[*?[\]\\]/g, '\\$&');

/** expandWord performs tilde, parameter, command and arithmetic expansion, splitting, globbing and quote removal. */
export async function expandWord(raw: string, ctx: ExpandCtx, mode: Mode): Promise<string[]> {
  const ps = await pieces(raw, ctx, mode);
  if (mode === 'heredoc' || mode === 'single') return [ps.map((p) => p.text).join('')];
  if (mode === 'pattern') return [ps.map((p) => (p.quoted ? escGlob(p.text) : p.text)).join('')];
  type Field = { text: string; pat: string; started: boolean };
  const fields: Field[] = [];
  let cur: Field = { text: '', pat: '', started: false };
  const finish = () => { if (cur.started) fields.push(cur); cur = { text: '', pat: '', started: false }; };
  for (const p of ps) {
    if (p.brk) { finish(); cur.started = true; continue; }
    if (p.split) {
      const parts = p.text.split(/[ \t\n]+/);
      parts.forEach((part, k) => {
        if (k > 0) finish();
        if (part !== '') { cur.text += part; cur.pat += part; cur.started = true; }
      });
      continue;
    }
    cur.text += p.text;
    cur.pat += p.quoted ? escGlob(p.text) : p.text;
    if (p.quoted || p.text !== '') cur.started = true;
  }
  finish();
  const out: string[] = [];
  for (const f of fields) {
    if (hasGlobChars(f.pat)) {
      const matches = expandGlob(f.pat, ctx.fs, ctx.cwd);
      if (matches.length) { out.push(...matches); continue; }
      out.push(unescapeGlob(f.pat));
      continue;
    }
    out.push(f.text);
  }
  return out;
}

/** braceExpand applies bash brace expansion ({a,b}, {1..5}) to a raw word. */
export function braceExpand(raw: string): string[] {
  let i = 0;
  while (i < raw.length) {
    const c = raw[i];
    if (c === '\\' || c === "'" || c === '"' || c === '`') { i = skipConstruct(raw, i); continue; }
    if (c === '$') { i = raw[i + 1] === '{' || raw[i + 1] === '(' ? skipConstruct(raw, i) : i + 1; continue; }
    if (c === '{') {
      let depth = 0;
      const commas: number[] = [];
      let j = i;
      for (; j < raw.length; j++) {
        const d = raw[j];
        if (d === '\\' || d === "'" || d === '"' || d === '`') { j = skipConstruct(raw, j) - 1; continue; }
        if (d === '$' && (raw[j + 1] === '{' || raw[j + 1] === '(')) { j = skipConstruct(raw, j) - 1; continue; }
        if (d === '{') depth++;
        else if (d === '}') { depth--; if (depth === 0) break; } else if (d === ',' && depth === 1) commas.push(j);
      }
      if (j >= raw.length) return [raw];
      const pre = raw.slice(0, i), post = raw.slice(j + 1), body = raw.slice(i + 1, j);
      let alts: string[] | undefined;
      if (commas.length) {
        alts = [];
        let s = i + 1;
        for (const cpos of [...commas, j]) { alts.push(raw.slice(s, cpos)); s = cpos + 1; }
      } else {
        const m = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/.exec(body) ?? /^([a-zA-Z])\.\.([a-zA-Z])(?:\.\.(-?\d+))?$/.exec(body);
        if (m) {
          const num = /\d/.test(m[1]);
          const a = num ? Number(m[1]) : m[1].charCodeAt(0), b = num ? Number(m[2]) : m[2].charCodeAt(0);
          const step = Math.abs(Number(m[3] ?? 1)) || 1;
          const width = num && (/^-?0\d/.test(m[1]) || /^-?0\d/.test(m[2])) ? Math.max(m[1].length, m[2].length) : 0;
          alts = [];
          for (let v = a; a <= b ? v <= b : v >= b; v += a <= b ? step : -step) {
            alts.push(num ? String(v).padStart(width, '0') : String.fromCharCode(v));
            if (alts.length > 100000) break;
          }
        }
      }
      if (!alts) {
        const rest = braceExpand(raw.slice(i + 1));
        return rest.map((r) => raw.slice(0, i + 1) + r);
      }
      const out: string[] = [];
      for (const a of alts) for (const e of braceExpand(pre + a + post)) out.push(e);
      return out;
    }
    i++;
  }
  return [raw];
}

/** patternToRe is re-exported for other shell parts. */
export { patternToRe };
