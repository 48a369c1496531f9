import type { LabelSelector } from 'kubernetes-types/meta/v1';

/** LabelOperator is a selection.Operator of a label requirement. */
export type LabelOperator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt';

/** LabelRequirement is one parsed term of a label selector. */
export interface LabelRequirement { key: string; operator: LabelOperator; values: string[] }

/** LabelSelectorMatcher is a parsed label selector (labels.Selector). */
export interface LabelSelectorMatcher {
  requirements: LabelRequirement[];
  /** matches reports whether a label set satisfies every requirement. */
  matches(labels: Record<string, string> | undefined): boolean;
  /** empty is true when the selector selects everything. */
  empty: boolean;
  /** toString renders the selector as labels.Selector.String() does (sorted by key). */
  toString(): string;
}

/** LabelSelectorError carries the parser's message (the API server wraps it in a 400). */
export class LabelSelectorError extends Error {
  constructor(message: string) { super(message); this.name = 'LabelSelectorError'; }
}

type Tok = 'err' | 'id' | 'eos' | ',' | '(' | ')' | '!' | '=' | '==' | '!=' | 'in' | 'notin' | 'gt' | 'lt';
interface Token { tok: Tok; lit: string }

const SPECIAL = new Set(['=', '!', '(', ')', ',', '>', '<']);
const OPS: Record<string, Tok> = { '=': '=', '==': '==', '!=': '!=', '!': '!', '(': '(', ')': ')', ',': ',', '>': 'gt', '<': 'lt' };
const BINARY_OPS = 'in, notin, =, ==, !=, gt, lt';

// Models apimachinery/pkg/labels/selector.go Lexer: identifiers, operators and keywords.
function lex(input: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') { i++; continue; }
    if (SPECIAL.has(c)) {
      // Longest run of special symbols that is still a known operator (Lexer.scanSpecialSymbol).
      let buf = '';
      let last: Token | undefined;
      let end = i;
      let j = i;
      while (j < input.length && SPECIAL.has(input[j])) {
        buf += input[j];
        j++;
        const tok = OPS[buf];
        if (tok) { last = { tok, lit: buf }; end = j; } else if (last) break;
      }
      if (!last) { out.push({ tok: 'err', lit: `error expected: keyword found '${buf}'` }); i = j; continue; }
      out.push(last);
      i = end;
      continue;
    }
    let j = i;
    while (j < input.length && !SPECIAL.has(input[j]) && !' \t\n\r'.includes(input[j])) j++;
    const lit = input.slice(i, j);
    out.push({ tok: lit === 'in' ? 'in' : lit === 'notin' ? 'notin' : 'id', lit });
    i = j;
  }
  out.push({ tok: 'eos', lit: '' });
  return out;
}

const NAME_RE = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS1123_SUB = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const NAME_MSG = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const VALUE_MSG = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

function keyError(key: string): string | undefined {
  const parts = key.split('/');
  const name = parts.length === 2 ? parts[1] : parts[0];
  if (parts.length > 2) return `key: Invalid value: "${key}": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`;
  if (parts.length === 2 && (!parts[0] || !DNS1123_SUB.test(parts[0]))) return `key: Invalid value: "${key}": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`;
  if (!name) return `key: Invalid value: "${key}": name part must be non-empty`;
  if (name.length > 63) return `key: Invalid value: "${key}": name part must be no more than 63 characters`;
  if (!NAME_RE.test(name)) return `key: Invalid value: "${key}": ${NAME_MSG}`;
  return undefined;
}

function valueError(v: string, i: number): string | undefined {
  if (v === '') return undefined;
  if (v.length > 63) return `values[${i}][${v}]: Invalid value: "${v}": must be no more than 63 characters`;
  if (!NAME_RE.test(v)) return `values[${i}][${v}]: Invalid value: "${v}": ${VALUE_MSG}`;
  return undefined;
}

// Models apimachinery/pkg/labels/selector.go Parser (same error texts).
class Parser {
  private pos = 0;
  constructor(private readonly toks: Token[]) {}
  private peek(): Token { return this.toks[this.pos]; }
  private next(): Token { return this.toks[Math.min(this.pos++, this.toks.length - 1)]; }
  // In "Values" context the keywords in/notin are plain identifiers.
  private peekV(): Token { const t = this.peek(); return t.tok === 'in' || t.tok === 'notin' ? { tok: 'id', lit: t.lit } : t; }
  private nextV(): Token { const t = this.next(); return t.tok === 'in' || t.tok === 'notin' ? { tok: 'id', lit: t.lit } : t; }

  parse(): LabelRequirement[] {
    const reqs: LabelRequirement[] = [];
    for (;;) {
      const t = this.peekV();
      if (t.tok === 'id' || t.tok === '!') {
        let r: LabelRequirement;
        try { r = this.requirement(); } catch (e) { throw new LabelSelectorError(`unable to parse requirement: ${(e as Error).message}`); }
        reqs.push(r);
        const n = this.nextV();
        if (n.tok === 'eos') return reqs;
        if (n.tok === ',') {
          const t2 = this.peekV();
          if (t2.tok !== 'id' && t2.tok !== '!') throw new LabelSelectorError(`found '${t2.lit}', expected: identifier after ','`);
          continue;
        }
        throw new LabelSelectorError(`found '${n.lit}', expected: ',' or 'end of string'`);
      }
      if (t.tok === 'eos') return reqs;
      throw new LabelSelectorError(`found '${t.lit}', expected: !, identifier, or 'end of string'`);
    }
  }

  private requirement(): LabelRequirement {
    let t = this.nextV();
    let notExists = false;
    if (t.tok === '!') { notExists = true; t = this.nextV(); }
    if (t.tok !== 'id') throw new Error(`found '${t.lit}', expected: identifier`);
    const key = t.lit;
    const ke = keyError(key);
    if (ke) throw new Error(ke);
    const la = this.peekV().tok;
    if (la === 'eos' || la === ',') return { key, operator: notExists ? '!' : 'exists', values: [] };
    if (notExists) throw new Error(`found '${this.peek().lit}', expected: ',' or 'end of string'`);
    const opTok = this.next();
    let operator: LabelOperator;
    switch (opTok.tok) {
      case 'in': operator = 'in'; break;
      case 'notin': operator = 'notin'; break;
      case '=': operator = '='; break;
      case '==': operator = '=='; break;
      case '!=': operator = '!='; break;
      case 'gt': operator = 'gt'; break;
      case 'lt': operator = 'lt'; break;
      default: throw new Error(`found '${opTok.lit}', expected: ${BINARY_OPS}`);
    }
    const values = operator === 'in' || operator === 'notin' ? this.values() : this.exactValue();
    if ((operator === 'gt' || operator === 'lt') && !/^-?\d+$/.test(values[0] ?? '')) {
      throw new Error(`values[0]: Invalid value: "${values[0]}": for 'Gt', 'Lt' operators, the value must be an integer`);
    }
    if (operator !== 'gt' && operator !== 'lt') values.forEach((v, i) => { const e = valueError(v, i); if (e) throw new Error(e); });
    return { key, operator, values };
  }

  private values(): string[] {
    const t = this.nextV();
    if (t.tok !== '(') throw new Error(`found '${t.lit}' expected: '('`);
    const la = this.peekV();
    if (la.tok === ')') { this.next(); return ['']; }
    if (la.tok !== 'id' && la.tok !== ',') throw new Error(`found '${la.lit}', expected: ',', ')' or identifier`);
    const s = new Set<string>();
    for (;;) {
      const x = this.nextV();
      if (x.tok === 'id') {
        s.add(x.lit);
        const n = this.peekV();
        if (n.tok === ',') { this.next(); if (this.peekV().tok === ')') { s.add(''); this.next(); break; } continue; }
        if (n.tok === ')') { this.next(); break; }
        throw new Error(`found '${n.lit}', expected: ',' or ')'`);
      } else if (x.tok === ',') {
        s.add('');
        if (this.peekV().tok === ')') { this.next(); break; }
      } else {
        throw new Error(`found '${x.lit}', expected: ',', or identifier`);
      }
    }
    return [...s].sort();
  }

  private exactValue(): string[] {
    const la = this.peekV();
    if (la.tok === 'eos' || la.tok === ',') return [''];
    const t = this.nextV();
    if (t.tok === 'id') return [t.lit];
    throw new Error(`found '${t.lit}', expected: identifier`);
  }
}

function reqMatches(r: LabelRequirement, labels: Record<string, string> | undefined): boolean {
  const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key);
  const v = has ? labels![r.key] : undefined;
  switch (r.operator) {
    case '=': case '==': case 'in': return has && r.values.includes(v!);
    case '!=': case 'notin': return !has || !r.values.includes(v!);
    case 'exists': return has;
    case '!': return !has;
    case 'gt': case 'lt': {
      if (!has || !/^-?\d+$/.test(v!)) return false;
      const n = Number(v), m = Number(r.values[0]);
      return r.operator === 'gt' ? n > m : n < m;
    }
  }
}

function reqString(r: LabelRequirement): string {
  switch (r.operator) {
    case 'exists': return r.key;
    case '!': return `!${r.key}`;
    case 'in': case 'notin': return `${r.key} ${r.operator} (${r.values.join(',')})`;
    case 'gt': return `${r.key}>${r.values[0]}`;
    case 'lt': return `${r.key}<${r.values[0]}`;
    default: return `${r.key}${r.operator}${r.values[0] ?? ''}`;
  }
}

/** matcherFromRequirements builds a LabelSelectorMatcher from requirements (sorted by key like upstream). */
export function matcherFromRequirements(reqs: LabelRequirement[]): LabelSelectorMatcher {
  const sorted = [...reqs].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    requirements: sorted,
    empty: sorted.length === 0,
    matches: (labels) => sorted.every((r) => reqMatches(r, labels)),
    toString: () => sorted.map(reqString).join(','),
  };
}

/** parseLabelSelector parses the string form (a=b,c!=d,e in (x,y),!f); throws LabelSelectorError with upstream wording. */
export function parseLabelSelector(selector: string | undefined): LabelSelectorMatcher {
  if (!selector || !selector.trim()) return matcherFromRequirements([]);
  return matcherFromRequirements(new Parser(lex(selector)).parse());
}

/** EVERYTHING is the selector that matches every label set. */
export const EVERYTHING: LabelSelectorMatcher = matcherFromRequirements([]);

/** NOTHING is the selector that matches no label set (a nil metav1.LabelSelector). */
export const NOTHING: LabelSelectorMatcher = {
  requirements: [], empty: false, matches: () => false, toString: () => '',
};

/**
 * labelSelectorMatcher converts a metav1.LabelSelector (matchLabels + matchExpressions) into a matcher,
 * as metav1.LabelSelectorAsSelector does: undefined selects nothing, {} selects everything.
 * Throws LabelSelectorError for an unknown operator.
 */
export function labelSelectorMatcher(ls: LabelSelector | undefined | null): LabelSelectorMatcher {
  if (!ls) return NOTHING;
  const reqs: LabelRequirement[] = [];
  for (const [k, v] of Object.entries(ls.matchLabels ?? {})) reqs.push({ key: k, operator: '=', values: [v] });
  for (const e of ls.matchExpressions ?? []) {
    const values = [...new Set(e.values ?? [])].sort();
    switch (e.operator) {
      case 'In': reqs.push({ key: e.key, operator: 'in', values }); break;
      case 'NotIn': reqs.push({ key: e.key, operator: 'notin', values }); break;
      case 'Exists': reqs.push({ key: e.key, operator: 'exists', values: [] }); break;
      case 'DoesNotExist': reqs.push({ key: e.key, operator: '!', values: [] }); break;
      default: throw new LabelSelectorError(`"${e.operator}" is not a valid label selector operator`);
    }
  }
  return matcherFromRequirements(reqs);
}

/** formatLabelSelector renders a metav1.LabelSelector as metav1.FormatLabelSelector does ('<none>' when empty). */
export function formatLabelSelector(ls: LabelSelector | undefined | null): string {
  if (!ls) return '<none>';
  let s: string;
  try { s = labelSelectorMatcher(ls).toString(); } catch { return '<error>'; }
  return s === '' ? '<none>' : s;
}

/** labelsSelectorString renders a plain label map as a selector string (labels.SelectorFromSet(...).String()). */
export function labelsSelectorString(set: Record<string, string> | undefined): string {
  return matcherFromRequirements(Object.entries(set ?? {}).map(([key, v]) => ({ key, operator: '=' as const, values: [v] }))).toString();
}
