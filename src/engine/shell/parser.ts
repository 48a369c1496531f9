import { META, OPS, ShellSyntaxError, skipConstruct, skipDollar } from './lex';
import type { Assign, Node, Redir } from './ast';

type Tok = { kind: 'word'; raw: string; start: number } | { kind: 'op'; op: string; start: number } | { kind: 'nl'; start: number } | { kind: 'eof'; start: number };

const RESERVED_END = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', 'esac', '}', 'in']);

interface PendingDoc { redir: Redir; delim: string; strip: boolean; line: number }

/** Parser turns shell source into a Node tree (bash grammar, reduced). */
class Parser {
  private pos = 0;
  private peeked: Tok | undefined;
  private pending: PendingDoc[] = [];
  private line = 1;

  constructor(private readonly src: string, private readonly onWarning?: (msg: string) => void) {}

  parseProgram(): Node {
    const list = this.parseList(new Set());
    const t = this.peek();
    if (t.kind !== 'eof') this.unexpected(t);
    return list;
  }

  // ---- scanner ----
  private peek(): Tok {
    if (!this.peeked) this.peeked = this.scan();
    return this.peeked;
  }

  private next(): Tok {
    const t = this.peek();
    this.peeked = undefined;
    return t;
  }

  private scan(): Tok {
    const s = this.src;
    for (;;) {
      while (this.pos < s.length && (s[this.pos] === ' ' || s[this.pos] === '\t')) this.pos++;
      if (s.startsWith('\\\n', this.pos)) { this.pos += 2; continue; }
      if (s[this.pos] === '#') { while (this.pos < s.length && s[this.pos] !== '\n') this.pos++; }
      break;
    }
    const start = this.pos;
    if (this.pos >= s.length) {
      if (this.pending.length) this.readHeredocs();
      return { kind: 'eof', start };
    }
    if (s[this.pos] === '\n') {
      this.pos++;
      this.line++;
      if (this.pending.length) this.readHeredocs();
      return { kind: 'nl', start };
    }
    if ((s.startsWith('<(', this.pos) || s.startsWith('>(', this.pos)) && s[this.pos + 2] !== '(') {
      // Process substitution <(cmd): one word.
      let j = skipDollar(s, this.pos);
      while (j < s.length && !META.has(s[j])) j = skipConstruct(s, j);
      this.pos = j;
      return { kind: 'word', raw: s.slice(start, j), start };
    }
    for (const op of OPS) {
      if (s.startsWith(op, this.pos)) {
        this.pos += op.length;
        return { kind: 'op', op, start };
      }
    }
    let j = this.pos;
    while (j < s.length && !META.has(s[j])) {
      const c = s[j];
      if (c === '\\' && s[j + 1] === '\n') { j += 2; continue; }
      if (c === '\\' && j + 1 >= s.length) throw new ShellSyntaxError('syntax error: unexpected end of file', true);
      if (c === '\\' || c === "'" || c === '"' || c === '`' || c === '$') j = skipConstruct(s, j);
      else j++;
    }
    this.pos = j;
    return { kind: 'word', raw: s.slice(start, j), start };
  }

  private readHeredocs(): void {
    const s = this.src;
    for (const d of this.pending) {
      const lines: string[] = [];
      let found = false;
      while (this.pos < s.length) {
        let nl = s.indexOf('\n', this.pos);
        if (nl < 0) nl = s.length;
        let line = s.slice(this.pos, nl);
        this.pos = Math.min(nl + 1, s.length);
        this.line++;
        if (d.strip) line = line.replace(/^\t+/, '');
        if (line === d.delim) { found = true; break; }
        lines.push(line);
      }
      if (!found) {
        const msg = `warning: here-document at line ${d.line} delimited by end-of-file (wanted \`${d.delim}')`;
        if (!this.onWarning) throw new ShellSyntaxError(msg, true);
        this.onWarning(msg);
      }
      d.redir.heredoc = { body: lines.length ? lines.join('\n') + '\n' : '', quoted: d.redir.heredoc?.quoted ?? false };
    }
    this.pending = [];
  }

  private unexpected(t: Tok): never {
    if (t.kind === 'eof') throw new ShellSyntaxError('syntax error: unexpected end of file', true);
    const text = t.kind === 'nl' ? 'newline' : t.kind === 'op' ? t.op : t.raw;
    throw new ShellSyntaxError(`syntax error near unexpected token \`${text}'`, false);
  }

  private isWord(t: Tok, w: string): boolean { return t.kind === 'word' && t.raw === w; }

  private skipNewlines(): void { while (this.peek().kind === 'nl') this.next(); }

  private expectWord(w: string): void {
    this.skipNewlines();
    const t = this.next();
    if (!this.isWord(t, w)) this.unexpected(t);
  }

  // ---- grammar ----
  /** parseList reads and-or lists separated by ; & or newlines until a terminator word or token. */
  private parseList(stops: Set<string>): Node {
    const items: Array<{ node: Node; bg: boolean; text: string }> = [];
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (t.kind === 'eof') break;
      if (t.kind === 'op' && (t.op === ')' || t.op === ';;' || t.op === ';&' || t.op === ';;&')) break;
      if (t.kind === 'word' && stops.has(t.raw)) break;
      const start = t.start;
      const node = this.parseAndOr();
      const end = this.pos;
      const sep = this.peek();
      let bg = false;
      if (sep.kind === 'op' && (sep.op === ';' || sep.op === '&')) {
        this.next();
        bg = sep.op === '&';
      } else if (sep.kind !== 'nl' && sep.kind !== 'eof' && !(sep.kind === 'op' && (sep.op === ')' || sep.op.startsWith(';;') || sep.op === ';&')) && !(sep.kind === 'word' && stops.has(sep.raw))) {
        this.unexpected(sep);
      }
      items.push({ node, bg, text: this.src.slice(start, Math.min(end, sep.start)).trim() });
    }
    return { type: 'list', items };
  }

  private parseAndOr(): Node {
    const first = this.parsePipeline();
    const rest: Array<{ op: '&&' | '||'; node: Node }> = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'op' && (t.op === '&&' || t.op === '||')) {
        this.next();
        this.skipNewlines();
        if (this.peek().kind === 'eof') throw new ShellSyntaxError('syntax error: unexpected end of file', true);
        rest.push({ op: t.op, node: this.parsePipeline() });
      } else break;
    }
    return rest.length ? { type: 'andor', first, rest } : first;
  }

  private parsePipeline(): Node {
    let negate = false;
    if (this.isWord(this.peek(), '!')) { this.next(); negate = true; }
    const cmds = [this.parseCommand()];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'op' && (t.op === '|' || t.op === '|&')) {
        this.next();
        this.skipNewlines();
        if (this.peek().kind === 'eof') throw new ShellSyntaxError('syntax error: unexpected end of file', true);
        const c = this.parseCommand();
        if (t.op === '|&' && cmds[cmds.length - 1].type === 'simple') (cmds[cmds.length - 1] as { redirs: Redir[] }).redirs.push({ fd: 2, op: '>&', target: '1' });
        cmds.push(c);
      } else break;
    }
    return cmds.length === 1 && !negate ? cmds[0] : { type: 'pipeline', cmds, negate };
  }

  private parseCommand(): Node {
    const t = this.peek();
    if (t.kind === 'op' && t.op === '(') {
      this.next();
      if (this.src[this.pos] === '(') return this.parseArithCmd();
      const body = this.parseList(new Set());
      const c = this.next();
      if (!(c.kind === 'op' && c.op === ')')) this.unexpected(c);
      return { type: 'subshell', body, redirs: this.parseRedirs() };
    }
    if (t.kind === 'word') {
      switch (t.raw) {
        case '{': {
          this.next();
          const body = this.parseList(new Set(['}']));
          this.expectWord('}');
          return { type: 'group', body, redirs: this.parseRedirs() };
        }
        case 'if': return this.parseIf();
        case 'for': return this.parseFor();
        case 'while': case 'until': return this.parseWhile(t.raw === 'until');
        case 'case': return this.parseCase();
        case '[[': return this.parseDBracket();
        case 'function': {
          this.next();
          const n = this.next();
          if (n.kind !== 'word') this.unexpected(n);
          const p = this.peek();
          if (p.kind === 'op' && p.op === '(') { this.next(); const c = this.next(); if (!(c.kind === 'op' && c.op === ')')) this.unexpected(c); }
          this.skipNewlines();
          return { type: 'func', name: n.raw, body: this.parseCommand() };
        }
      }
      if (RESERVED_END.has(t.raw) || t.raw === '!') this.unexpected(t);
    }
    return this.parseSimple();
  }

  private parseArithCmd(): Node {
    // We are just after the first '(' and at the second one.
    const s = this.src;
    let depth = 1;
    let j = this.pos + 1;
    const start = j;
    while (j < s.length) {
      if (s[j] === '(') depth++;
      else if (s[j] === ')') { if (depth === 1 && s[j + 1] === ')') break; depth--; }
      j++;
    }
    if (j >= s.length) throw new ShellSyntaxError('syntax error: unexpected end of file', true);
    this.pos = j + 2;
    this.peeked = undefined;
    return { type: 'arith', expr: s.slice(start, j), redirs: this.parseRedirs() };
  }

  private parseIf(): Node {
    this.next();
    const clauses: Array<{ cond: Node; body: Node }> = [];
    let elseBody: Node | undefined;
    for (;;) {
      const cond = this.parseList(new Set(['then']));
      this.expectWord('then');
      const body = this.parseList(new Set(['elif', 'else', 'fi']));
      clauses.push({ cond, body });
      this.skipNewlines();
      const t = this.next();
      if (this.isWord(t, 'elif')) continue;
      if (this.isWord(t, 'else')) { elseBody = this.parseList(new Set(['fi'])); this.expectWord('fi'); break; }
      if (this.isWord(t, 'fi')) break;
      this.unexpected(t);
    }
    return { type: 'if', clauses, elseBody, redirs: this.parseRedirs() };
  }

  private parseDoGroup(): Node {
    this.skipNewlines();
    const t = this.next();
    if (this.isWord(t, '{')) { const body = this.parseList(new Set(['}'])); this.expectWord('}'); return body; }
    if (!this.isWord(t, 'do')) this.unexpected(t);
    const body = this.parseList(new Set(['done']));
    this.expectWord('done');
    return body;
  }

  private parseFor(): Node {
    this.next();
    if (this.src.slice(this.pos).trimStart().startsWith('((')) {
      const s = this.src;
      const open = s.indexOf('((', this.pos);
      const close = s.indexOf('))', open);
      if (close < 0) throw new ShellSyntaxError('syntax error: unexpected end of file', true);
      const [init = '', cond = '', step = ''] = s.slice(open + 2, close).split(';');
      this.pos = close + 2;
      this.peeked = undefined;
      const p = this.peek();
      if (p.kind === 'op' && p.op === ';') this.next();
      const body = this.parseDoGroup();
      return { type: 'cfor', init, cond, step, body, redirs: this.parseRedirs() };
    }
    const n = this.next();
    if (n.kind !== 'word' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(n.raw)) {
      if (n.kind === 'eof') this.unexpected(n);
      throw new ShellSyntaxError(`\`${n.kind === 'word' ? n.raw : n.kind === 'op' ? n.op : 'newline'}': not a valid identifier`, false);
    }
    let words: string[] | undefined;
    this.skipNewlinesIfIn();
    if (this.isWord(this.peek(), 'in')) {
      this.next();
      words = [];
      for (;;) {
        const t = this.peek();
        if (t.kind !== 'word') break;
        this.next();
        words.push(t.raw);
      }
    }
    const sep = this.peek();
    if (sep.kind === 'op' && sep.op === ';') this.next();
    else if (sep.kind !== 'nl' && !(sep.kind === 'word' && sep.raw === 'do')) this.unexpected(sep);
    const body = this.parseDoGroup();
    return { type: 'for', name: n.raw, words, body, redirs: this.parseRedirs() };
  }

  private skipNewlinesIfIn(): void {
    // `for x\nin a b` is legal; only skip newlines when `in` follows them.
    const save = this.pos, savePeek = this.peeked, saveLine = this.line;
    this.skipNewlines();
    if (!this.isWord(this.peek(), 'in')) { this.pos = save; this.peeked = savePeek; this.line = saveLine; }
  }

  private parseWhile(until: boolean): Node {
    this.next();
    const cond = this.parseList(new Set(['do']));
    const body = this.parseDoGroup();
    return { type: 'while', until, cond, body, redirs: this.parseRedirs() };
  }

  private parseCase(): Node {
    this.next();
    const w = this.next();
    if (w.kind !== 'word') this.unexpected(w);
    this.expectWord('in');
    const items: Array<{ patterns: string[]; body: Node }> = [];
    for (;;) {
      this.skipNewlines();
      let t = this.next();
      if (this.isWord(t, 'esac')) break;
      if (t.kind === 'op' && t.op === '(') t = this.next();
      const patterns: string[] = [];
      for (;;) {
        if (t.kind !== 'word') this.unexpected(t);
        patterns.push(t.raw);
        const sep = this.next();
        if (sep.kind === 'op' && sep.op === ')') break;
        if (sep.kind === 'op' && sep.op === '|') { t = this.next(); continue; }
        this.unexpected(sep);
      }
      const body = this.parseList(new Set(['esac']));
      items.push({ patterns, body });
      this.skipNewlines();
      const e = this.peek();
      if (e.kind === 'op' && (e.op === ';;' || e.op === ';&' || e.op === ';;&')) { this.next(); continue; }
      if (this.isWord(e, 'esac')) { this.next(); break; }
      this.unexpected(e);
    }
    return { type: 'case', word: w.raw, items, redirs: this.parseRedirs() };
  }

  private parseDBracket(): Node {
    this.next();
    const words: Array<{ raw: string; op: boolean }> = [];
    for (;;) {
      const t = this.next();
      if (t.kind === 'eof') this.unexpected(t);
      if (t.kind === 'nl') continue;
      if (t.kind === 'word' && t.raw === ']]') break;
      if (t.kind === 'word') words.push({ raw: t.raw, op: false });
      else if (t.kind === 'op') words.push({ raw: t.op, op: true });
    }
    return { type: 'dbracket', words, redirs: this.parseRedirs() };
  }

  private tryRedir(): Redir | undefined {
    let t = this.peek();
    let fd = -1;
    if (t.kind === 'word' && /^\d+$/.test(t.raw) && (this.src[this.pos] === '<' || this.src[this.pos] === '>')) {
      fd = Number(t.raw);
      this.next();
      t = this.peek();
    }
    if (t.kind !== 'op' || !['>', '>>', '<', '>&', '<&', '&>', '&>>', '<<', '<<-', '<<<', '>|', '<>'].includes(t.op)) {
      if (fd >= 0) throw new ShellSyntaxError('syntax error near unexpected token', false);
      return undefined;
    }
    this.next();
    const target = this.next();
    if (target.kind !== 'word') this.unexpected(target);
    const op = t.op as Redir['op'];
    const redir: Redir = { fd: fd >= 0 ? fd : op.startsWith('<') && op !== '<&' ? 0 : op === '<&' ? 0 : 1, op, target: target.raw };
    if (op === '<<' || op === '<<-') {
      const quoted = /['"\\]/.test(target.raw);
      const delim = target.raw.replace(/\\(.)/g, '$1').replace(/['"]/g, '');
      redir.heredoc = { body: '', quoted };
      this.pending.push({ redir, delim, strip: op === '<<-', line: this.line });
    }
    return redir;
  }

  private parseRedirs(): Redir[] {
    const out: Redir[] = [];
    for (let r = this.tryRedir(); r; r = this.tryRedir()) out.push(r);
    return out;
  }

  private parseSimple(): Node {
    const assigns: Assign[] = [];
    const words: string[] = [];
    const redirs: Redir[] = [];
    const line = this.line;
    for (;;) {
      const r = this.tryRedir();
      if (r) { redirs.push(r); continue; }
      const t = this.peek();
      if (t.kind !== 'word') {
        if (t.kind === 'op' && t.op === '(' && words.length === 1 && assigns.length === 0) {
          // name() compound-command
          this.next();
          const c = this.next();
          if (!(c.kind === 'op' && c.op === ')')) this.unexpected(c);
          this.skipNewlines();
          return { type: 'func', name: words[0], body: this.parseCommand() };
        }
        break;
      }
      this.next();
      const m = words.length === 0 ? /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/.exec(t.raw) : null;
      if (m) {
        let value = t.raw.slice(m[0].length);
        if (value === '' && this.src[this.pos] === '(') {
          // Arrays are stored as their space-joined text (no real array support).
          const close = this.src.indexOf(')', this.pos);
          if (close < 0) throw new ShellSyntaxError('syntax error: unexpected end of file', true);
          value = '"' + this.src.slice(this.pos + 1, close).trim().replace(/\s+/g, ' ') + '"';
          this.pos = close + 1;
          this.peeked = undefined;
        }
        assigns.push({ name: m[1], value, append: m[2] === '+' });
      } else words.push(t.raw);
    }
    if (!words.length && !assigns.length && !redirs.length) this.unexpected(this.peek());
    return { type: 'simple', assigns, words, redirs, line };
  }
}

export { ShellSyntaxError, skipConstruct } from './lex';

/** parse turns shell source into a Node tree or throws ShellSyntaxError; onWarning makes unterminated here-docs a warning. */
export function parse(src: string, onWarning?: (msg: string) => void): Node {
  return new Parser(src, onWarning).parseProgram();
}

/** splitWords splits text into raw shell words (used for alias values); undefined when it holds operators. */
export function splitWords(src: string): string[] | undefined {
  try {
    const n = parse(src);
    if (n.type !== 'list' || n.items.length !== 1) return undefined;
    const c = n.items[0].node;
    if (c.type !== 'simple' || c.redirs.length || c.assigns.length || n.items[0].bg) return undefined;
    return c.words;
  } catch {
    return undefined;
  }
}
