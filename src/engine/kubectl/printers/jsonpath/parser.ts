// Models k8s.io/client-go/util/jsonpath/parser.go (same scanning rules and error texts).
import { newList, type JsonPathList, type JsonPathNode, type ParamsEntry } from './nodes';

const EOF_RUNE = -1;

/** JsonPathParseError is a template syntax error (message as upstream's). */
export class JsonPathParseError extends Error {}

function isSpace(r: number): boolean { return r === 0x20 || r === 0x09; }
function isEndOfLine(r: number): boolean { return r === 0x0d || r === 0x0a; }
function isTerminator(r: number): boolean {
  if (isSpace(r) || isEndOfLine(r)) return true;
  return r === EOF_RUNE || '.,[]$@{}'.includes(String.fromCodePoint(r));
}
function isDigit(r: number): boolean { return r >= 0 && /\p{Nd}/u.test(String.fromCodePoint(r)); }
function isAlphaNumeric(r: number): boolean {
  return r === 0x5f || (r >= 0 && /[\p{L}\p{Nd}]/u.test(String.fromCodePoint(r)));
}

class Parser {
  root: JsonPathList = newList();
  private input = '';
  private pos = 0;
  private start = 0;
  private width = 0;

  parse(text: string): JsonPathList {
    this.input = text;
    this.root = newList();
    this.pos = 0;
    this.parseText(this.root);
    return this.root;
  }

  private consumeText(): string { const v = this.input.slice(this.start, this.pos); this.start = this.pos; return v; }
  private next(): number {
    if (this.pos >= this.input.length) { this.width = 0; return EOF_RUNE; }
    const r = this.input.codePointAt(this.pos) ?? 0;
    this.width = r > 0xffff ? 2 : 1;
    this.pos += this.width;
    return r;
  }
  private peek(): number { const r = this.next(); this.backup(); return r; }
  private backup(): void { this.pos -= this.width; }
  private rest(): string { return this.input.slice(this.pos); }

  private parseText(cur: JsonPathList): void {
    for (;;) {
      if (this.rest().startsWith('{')) {
        if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consumeText() });
        this.parseLeftDelim(cur);
        return;
      }
      if (this.next() === EOF_RUNE) break;
    }
    if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consumeText() });
  }

  private parseLeftDelim(cur: JsonPathList): void {
    this.pos += 1;
    this.consumeText();
    const n = newList();
    cur.nodes.push(n);
    this.parseInsideAction(n);
  }

  private parseInsideAction(cur: JsonPathList): void {
    for (;;) {
      const rest = this.rest();
      if (rest.startsWith('}')) { this.pos += 1; this.consumeText(); this.parseText(this.root); return; }
      if (rest.startsWith('[?(')) { this.parseFilter(cur); continue; }
      if (rest.startsWith('..')) { this.parseRecursive(cur); continue; }
      const r = this.next();
      if (r === EOF_RUNE || isEndOfLine(r)) throw new JsonPathParseError('unclosed action');
      if (r === 0x20 || r === 0x40 || r === 0x24) { this.consumeText(); continue; }
      if (r === 0x5b) { this.parseArray(cur); continue; }
      if (r === 0x22 || r === 0x27) { this.parseQuote(cur, r); continue; }
      if (r === 0x2e) { this.parseField(cur); continue; }
      if (r === 0x2b || r === 0x2d || isDigit(r)) { this.backup(); this.parseNumber(cur); continue; }
      if (isAlphaNumeric(r)) { this.backup(); this.parseIdentifier(cur); continue; }
      throw new JsonPathParseError(`unrecognized character in action: ${goRuneU(r)}`);
    }
  }

  private parseIdentifier(cur: JsonPathList): void {
    for (;;) { const r = this.next(); if (isTerminator(r)) { this.backup(); break; } }
    const value = this.consumeText();
    if (value === 'true' || value === 'false') cur.nodes.push({ type: 'bool', value: value === 'true' });
    else cur.nodes.push({ type: 'identifier', name: value });
  }

  private parseRecursive(cur: JsonPathList): void {
    const last = cur.nodes[cur.nodes.length - 1];
    if (last && last.type === 'recursive') throw new JsonPathParseError('invalid multiple recursive descent');
    this.pos += 2;
    this.consumeText();
    cur.nodes.push({ type: 'recursive' });
    if (isAlphaNumeric(this.peek())) this.parseField(cur);
  }

  private parseNumber(cur: JsonPathList): void {
    const r = this.peek();
    if (r === 0x2b || r === 0x2d) this.next();
    for (;;) { const c = this.next(); if (c !== 0x2e && !isDigit(c)) { this.backup(); break; } }
    const value = this.consumeText();
    if (/^[+-]?\d+$/.test(value)) { cur.nodes.push({ type: 'int', value: Number(value) }); return; }
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) { cur.nodes.push({ type: 'float', value: Number(value) }); return; }
    throw new JsonPathParseError(`cannot parse number ${value}`);
  }

  private parseArray(cur: JsonPathList): void {
    for (;;) {
      const r = this.next();
      if (r === EOF_RUNE || r === 0x0a) throw new JsonPathParseError('unterminated array');
      if (r === 0x5d) break;
    }
    let text = this.consumeText();
    text = text.slice(1, -1);
    if (text === '*') text = ':';
    const strs = text.split(',');
    if (strs.length > 1) {
      const union: JsonPathList[] = strs.map((s) => parseAction(`[${s.replace(/^ +| +$/g, '')}]`));
      cur.nodes.push({ type: 'union', nodes: union });
      return;
    }
    const dict = /^'([^']*)'$/.exec(text);
    if (dict) {
      for (const n of parseAction(`.${dict[1]}`).nodes) cur.nodes.push(n);
      return;
    }
    const m = /^(-?[\d]*)(:-?[\d]*)?(:-?[\d]*)?$/.exec(text);
    if (!m) throw new JsonPathParseError(`invalid array index ${text}`);
    const value = [m[1] ?? '', m[2] ?? '', m[3] ?? ''];
    const params: ParamsEntry[] = [];
    for (let i = 0; i < 3; i++) {
      if (value[i] !== '') {
        if (i > 0) value[i] = value[i].slice(1);
        if (i > 0 && value[i] === '') params.push({ value: 0, known: false, derived: false });
        else {
          if (!/^[+-]?\d+$/.test(value[i])) throw new JsonPathParseError(`array index ${value[i]} is not a number`);
          params.push({ value: Number(value[i]), known: true, derived: false });
        }
      } else if (i === 1) params.push({ value: params[0].value + 1, known: true, derived: true });
      else params.push({ value: 0, known: false, derived: false });
    }
    cur.nodes.push({ type: 'array', params: params as [ParamsEntry, ParamsEntry, ParamsEntry] });
  }

  private parseFilter(cur: JsonPathList): void {
    this.pos += 3;
    this.consumeText();
    let begin = false;
    let end = false;
    let pair = 0;
    for (;;) {
      const r = this.next();
      if (r === EOF_RUNE || r === 0x0a) throw new JsonPathParseError('unterminated filter');
      if (r === 0x22 || r === 0x27) {
        if (!begin) { begin = true; pair = r; continue; }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === 0x29 && begin === end) break;
    }
    if (this.next() !== 0x5d) throw new JsonPathParseError('unclosed array expect ]');
    let text = this.consumeText();
    text = text.slice(0, -2);
    const m = /^([^!<>=]+)([!<>=]+)(.+?)$/s.exec(text);
    if (!m) {
      cur.nodes.push({ type: 'filter', left: parseAction(text), right: newList(), operator: 'exists' });
      return;
    }
    cur.nodes.push({ type: 'filter', left: parseAction(m[1]), right: parseAction(m[3]), operator: m[2] });
  }

  private parseQuote(cur: JsonPathList, end: number): void {
    for (;;) {
      const r = this.next();
      if (r === EOF_RUNE || r === 0x0a) throw new JsonPathParseError('unterminated quoted string');
      if (r === end && this.input[this.pos - 2] !== '\\') break;
    }
    const value = this.consumeText();
    cur.nodes.push({ type: 'text', text: unquoteExtend(value) });
  }

  private parseField(cur: JsonPathList): void {
    this.consumeText();
    for (;;) {
      const r = this.next();
      if (r === 0x5c) { this.next(); continue; }
      if (isTerminator(r)) { this.backup(); break; }
    }
    const value = this.consumeText();
    if (value === '*') cur.nodes.push({ type: 'wildcard' });
    else cur.nodes.push({ type: 'field', value: value.replace(/\\/g, '') });
  }
}

function goRuneU(r: number): string {
  const hex = r.toString(16).toUpperCase().padStart(4, '0');
  return `U+${hex} '${String.fromCodePoint(r)}'`;
}

const ESC: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"' };

/** unquoteExtend is strconv.Unquote that also accepts single-quoted strings. */
function unquoteExtend(s: string): string {
  const bad = (): never => { throw new JsonPathParseError(`unquote string ${s} error invalid syntax`); };
  if (s.length < 2) bad();
  const q = s[0];
  if (q !== s[s.length - 1] || (q !== '"' && q !== "'")) bad();
  const body = s.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === q) bad();
    if (c !== '\\') { out += c; continue; }
    const e = body[++i];
    if (e === undefined) bad();
    if (ESC[e] !== undefined) { out += ESC[e]; continue; }
    const hexLen = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    if (hexLen) {
      const h = body.slice(i + 1, i + 1 + hexLen);
      if (!/^[0-9a-fA-F]+$/.test(h) || h.length !== hexLen) bad();
      out += String.fromCodePoint(parseInt(h, 16));
      i += hexLen;
      continue;
    }
    if (/[0-7]/.test(e)) {
      const o = body.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(o)) bad();
      out += String.fromCharCode(parseInt(o, 8));
      i += 2;
      continue;
    }
    bad();
  }
  return out;
}

function parseAction(text: string): JsonPathList {
  const root = new Parser().parse(`{${text}}`);
  return root.nodes[0] as JsonPathList;
}

/** parseJsonPath parses a kubectl JSONPath template into its node list; throws JsonPathParseError. */
export function parseJsonPath(template: string): JsonPathList {
  return new Parser().parse(template);
}

export type { JsonPathNode };
