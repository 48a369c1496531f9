// A tiny POSIX-sh subset for what container commands typically run: `;`, `&&`, `||`, newlines,
// while/until/for/if, assignments, pipes, `<`/`>`/`>>`/`N>&M` redirects, quotes, $VAR, $(cmd) and $((arith)).
// Models busybox ash just enough for Pod command lines; not a general shell (src/engine/shell is).

/** Seg is one piece of a word: literal text plus how it was quoted. */
export interface Seg { text: string; q: 'none' | 'single' | 'double' }
/** Word is a shell word made of segments (expanded at run time). */
export type Word = Seg[];

/** Redir is one redirection: `N>file`, `N>>file`, `N>&M` (dup) or `<file` (fd 0). */
export interface Redir { fd: number; op: '>' | '>>' | '<' | '>&'; target: Word }

/** Node is one parsed sh construct. */
export type Node =
  | { t: 'seq'; items: Node[] }
  | { t: 'andor'; first: Node; rest: { op: '&&' | '||'; node: Node }[] }
  | { t: 'cmd'; assigns: { name: string; value: Word }[]; words: Word[]; redirs: Redir[]; background?: boolean }
  | { t: 'pipe'; cmds: Node[] }
  | { t: 'while'; until: boolean; cond: Node; body: Node }
  | { t: 'for'; name: string; items: Word[]; body: Node }
  | { t: 'if'; cond: Node; then: Node; else?: Node }
  | { t: 'group'; body: Node };

type Tok = { k: 'word'; w: Word; raw: string } | { k: 'op'; v: string };

/** tokenize splits a script into words and operators. */
function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t') { i++; continue; }
    if (c === '#' ) { while (i < src.length && src[i] !== '\n') i++; continue; }
    if (c === '\n' || c === ';') { toks.push({ k: 'op', v: ';' }); i++; continue; }
    // An IO number: digits written right before a redirection operator (`2>`, `2>&1`, `1>>`).
    const io = /^(\d*)(>>|>&|>|<)/.exec(src.slice(i));
    if (io && (io[1] === '' || i === 0 || ' \t\n;&|()'.includes(src[i - 1]))) {
      const op = io[2] === '<' ? '<' : io[2];
      toks.push({ k: 'op', v: `${io[1] || (op === '<' ? '0' : '1')}${op}` }); i += io[0].length; continue;
    }
    if (src.startsWith('&&', i) || src.startsWith('||', i)) { toks.push({ k: 'op', v: src.slice(i, i + 2) }); i += 2; continue; }
    if (c === '&' || c === '|' || c === '(' || c === ')') {
      toks.push({ k: 'op', v: c }); i++; continue;
    }
    const w: Word = [];
    let raw = '';
    let cur = '';
    const flush = (q: Seg['q']) => { if (cur || q !== 'none') w.push({ text: cur, q }); cur = ''; };
    while (i < src.length && !' \t\n;&|<>()'.includes(src[i])) {
      const ch = src[i];
      if (ch === "'") {
        flush('none');
        const end = src.indexOf("'", i + 1);
        const stop = end < 0 ? src.length : end;
        cur = src.slice(i + 1, stop); raw += src.slice(i, stop + 1); flush('single'); i = stop + 1; continue;
      }
      if (ch === '"') {
        flush('none');
        let j = i + 1;
        while (j < src.length && src[j] !== '"') { if (src[j] === '\\') j++; else if (src[j] === '$' && src[j + 1] === '(') j = matchParen(src, j + 1); j++; }
        cur = src.slice(i + 1, j).replace(/\\(["\\$`])/g, '$1'); raw += src.slice(i, j + 1); flush('double'); i = j + 1; continue;
      }
      if (ch === '\\' && i + 1 < src.length) { cur += src[i + 1]; raw += src.slice(i, i + 2); i += 2; continue; }
      if (ch === '$' && src[i + 1] === '(') {
        const end = matchParen(src, i + 1);
        cur += src.slice(i, end + 1); raw += src.slice(i, end + 1); i = end + 1; continue;
      }
      cur += ch; raw += ch; i++;
    }
    flush('none');
    if (raw === '{' || raw === '}') toks.push({ k: 'op', v: raw });
    else toks.push({ k: 'word', w, raw });
  }
  return toks;
}

/** matchParen returns the index of the `)` closing the `(` at open (nesting aware). */
function matchParen(src: string, open: number): number {
  let depth = 0;
  for (let j = open; j < src.length; j++) {
    if (src[j] === '(') depth++;
    else if (src[j] === ')') { depth--; if (depth === 0) return j; }
  }
  return src.length - 1;
}

const KEYWORDS = new Set(['do', 'done', 'then', 'else', 'elif', 'fi', 'in']);

/** parseScript parses a script; throws Error('syntax error: ...') as ash would report. */
export function parseScript(src: string): Node {
  const toks = tokenize(src);
  let p = 0;
  const peekWord = (): string | undefined => { const t = toks[p]; return t && t.k === 'word' ? t.raw : undefined; };
  const isOp = (v: string) => toks[p]?.k === 'op' && (toks[p] as { v: string }).v === v;
  const skipSemis = () => { while (isOp(';')) p++; };
  const expectWord = (kw: string) => {
    skipSemis();
    if (peekWord() !== kw) throw new Error(`syntax error: unexpected ${peekWord() ?? 'end of file'} (expecting "${kw}")`);
    p++;
  };

  const seq = (stops: string[]): Node => {
    const items: Node[] = [];
    for (;;) {
      skipSemis();
      if (p >= toks.length) break;
      const w = peekWord();
      if (w !== undefined && stops.includes(w)) break;
      if (isOp('}') && stops.includes('}')) break;
      const t = toks[p];
      if (t.k === 'op' && t.v !== '{' && t.v !== '(') break;
      items.push(andor());
      if (isOp('&')) { p++; }
    }
    return { t: 'seq', items };
  };

  const andor = (): Node => {
    const first = pipeline();
    const rest: { op: '&&' | '||'; node: Node }[] = [];
    while (isOp('&&') || isOp('||')) {
      const op = (toks[p] as { v: string }).v;
      p++;
      skipSemis();
      rest.push({ op: op === '||' ? '||' : '&&', node: pipeline() });
    }
    return rest.length ? { t: 'andor', first, rest } : first;
  };

  const pipeline = (): Node => {
    const cmds = [command()];
    while (isOp('|')) {
      p++;
      skipSemis();
      cmds.push(command());
    }
    return cmds.length > 1 ? { t: 'pipe', cmds } : cmds[0];
  };

  const command = (): Node => {
    const w = peekWord();
    if (w === 'while' || w === 'until') {
      p++;
      const cond = seq(['do']); expectWord('do');
      const body = seq(['done']); expectWord('done');
      return { t: 'while', until: w === 'until', cond, body };
    }
    if (w === 'for') {
      p++;
      const name = peekWord() ?? ''; p++;
      const items: Word[] = [];
      skipSemis();
      if (peekWord() === 'in') {
        p++;
        while (toks[p]?.k === 'word') { items.push((toks[p] as { w: Word }).w); p++; }
      }
      expectWord('do');
      const body = seq(['done']); expectWord('done');
      return { t: 'for', name, items, body };
    }
    if (w === 'if') {
      p++;
      const cond = seq(['then']); expectWord('then');
      const then = seq(['else', 'elif', 'fi']);
      skipSemis();
      let els: Node | undefined;
      if (peekWord() === 'elif') { toks[p] = { k: 'word', w: [{ text: 'if', q: 'none' }], raw: 'if' }; els = command(); return { t: 'if', cond, then, else: els }; }
      if (peekWord() === 'else') { p++; els = seq(['fi']); }
      expectWord('fi');
      return { t: 'if', cond, then, else: els };
    }
    if (isOp('{') || isOp('(')) {
      const close = isOp('{') ? '}' : ')';
      p++;
      const body = seq(['}']);
      skipSemis();
      if (!isOp(close)) throw new Error(`syntax error: unexpected end of file (expecting "${close}")`);
      p++;
      return { t: 'group', body };
    }
    const assigns: { name: string; value: Word }[] = [];
    const words: Word[] = [];
    const redirs: Redir[] = [];
    while (p < toks.length) {
      const t = toks[p];
      if (t.k === 'op') {
        const r = /^(\d+)(>>|>&|>|<)$/.exec(t.v);
        if (r) {
          p++;
          const target = toks[p];
          if (!target || target.k !== 'word') throw new Error(`syntax error: unexpected ${target ? `"${target.v}"` : 'newline'}`);
          redirs.push({ fd: Number(r[1]), op: r[2] as Redir['op'], target: target.w }); p++;
          continue;
        }
        break;
      }
      if (words.length === 0 && KEYWORDS.has(t.raw)) throw new Error(`syntax error: unexpected "${t.raw}"`);
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(t.raw);
      if (words.length === 0 && m && t.w[0]?.q === 'none') {
        const value: Word = clone(t.w);
        value[0] = { ...value[0], text: value[0].text.slice(m[1].length + 1) };
        assigns.push({ name: m[1], value });
      } else {
        words.push(t.w);
      }
      p++;
    }
    return { t: 'cmd', assigns, words, redirs };
  };

  const root = seq([]);
  if (p < toks.length) {
    const t = toks[p];
    throw new Error(`syntax error: unexpected "${t.k === 'word' ? t.raw : t.v}"`);
  }
  return root;
}

function clone(w: Word): Word { return w.map((s) => ({ ...s })); }
