// Models sigs.k8s.io/yaml Marshal as kubectl's -o yaml uses it: the object goes to JSON, is read back by
// gopkg.in/yaml.v2 and re-emitted by its emitter (emitterc.go): block style, 2-space indent,
// indentless sequences under mapping keys, width 80 folding of plain/quoted scalars, literal blocks.
import { analyzeScalar, goFloatG, isPrintable, isYamlBreak, resolvesToNonString, sortYamlKeys } from './yaml-scalar';

const BEST_WIDTH = 80;
// Strings that go-yaml always emits plain (no indicators, spaces, breaks or non-ASCII); still subject to implicit typing.
const SAFE_PLAIN = /^[A-Za-z0-9_/][A-Za-z0-9_./=+:@-]*$/;
const BEST_INDENT = 2;

type Style = 'plain' | 'single' | 'double' | 'literal';

class Emitter {
  parts: string[] = [];
  column = 0;
  indent = -1;
  private indents: number[] = [];
  whitespace = true;
  indention = true;

  put(s: string): void { this.parts.push(s); this.column += 1; }
  putBreak(): void { this.parts.push('\n'); this.column = 0; }
  write(cp: number): void { this.parts.push(String.fromCodePoint(cp)); this.column += 1; }
  /** writeBreak is write_break: '\n' is a line break, other breaks (NEL, LS, PS) are copied and reset the column. */
  writeBreak(cp: number): void {
    if (cp === 0x0a) this.putBreak();
    else { this.parts.push(String.fromCodePoint(cp)); this.column = 0; }
  }

  increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  popIndent(): void { this.indent = this.indents.pop() ?? -1; }

  writeIndent(): void {
    const indent = this.indent < 0 ? 0 : this.indent;
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    if (this.column < indent) { this.parts.push(' '.repeat(indent - this.column)); this.column = indent; }
    this.whitespace = true;
    this.indention = true;
  }

  writeIndicator(ind: string, needWs: boolean, isWs: boolean, isIndention: boolean): void {
    if (needWs && !this.whitespace) this.put(' ');
    for (const ch of ind) this.put(ch);
    this.whitespace = isWs;
    this.indention = this.indention && isIndention;
  }

  // --- nodes -------------------------------------------------------------------------------------

  node(v: unknown, ctx: { mapping: boolean; simpleKey: boolean }): void {
    if (Array.isArray(v)) this.sequence(v, ctx.mapping);
    else if (v !== null && typeof v === 'object') this.mapping(v as Record<string, unknown>);
    else this.scalar(v, ctx.simpleKey);
  }

  sequence(items: unknown[], mappingContext: boolean): void {
    if (items.length === 0) {
      this.writeIndicator('[', true, true, false);
      this.writeIndicator(']', false, false, false);
      return;
    }
    this.increaseIndent(false, mappingContext && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.node(item, { mapping: false, simpleKey: false });
    }
    this.popIndent();
  }

  mapping(obj: Record<string, unknown>): void {
    const keys = sortYamlKeys(Object.keys(obj).filter((k) => obj[k] !== undefined));
    if (keys.length === 0) {
      this.writeIndicator('{', true, true, false);
      this.writeIndicator('}', false, false, false);
      return;
    }
    this.increaseIndent(false, false);
    for (const k of keys) {
      this.writeIndent();
      if (isSimpleKey(k)) {
        this.scalar(k, true);
        this.writeIndicator(':', false, false, false);
      } else {
        // yaml_emitter_check_simple_key failed (multi-line or > 128 bytes): `? key` / `: value`.
        this.writeIndicator('?', true, false, true);
        this.scalar(k, false);
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.node(obj[k], { mapping: true, simpleKey: false });
    }
    this.popIndent();
  }

  scalar(v: unknown, simpleKey: boolean): void {
    // Fast path: short identifiers, names, images and numbers-as-text need no analysis beyond implicit typing.
    if (typeof v === 'string' && v.length <= 80 && SAFE_PLAIN.test(v) && !v.endsWith(':') && !resolvesToNonString(v)) {
      if (!this.whitespace) this.put(' ');
      this.parts.push(v);
      this.column += v.length;
      this.whitespace = false;
      this.indention = false;
      return;
    }
    let text: string;
    let style: Style = 'plain';
    if (v === null || v === undefined) text = 'null';
    else if (typeof v === 'boolean') text = String(v);
    else if (typeof v === 'number') text = Number.isInteger(v) ? String(v) : yamlFloat(v);
    else if (typeof v === 'bigint') text = v.toString();
    else {
      text = String(v);
      if (text.includes('\n')) style = 'literal';
      else if (resolvesToNonString(text)) style = 'double';
    }
    const cps = Array.from(text, (c) => c.codePointAt(0) ?? 0);
    const a = analyzeScalar(cps);
    if (simpleKey && a.multiline) style = 'double';
    if (style === 'plain') {
      if (!a.blockPlainAllowed) style = 'single';
      if (cps.length === 0 && simpleKey) style = 'single';
    }
    if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
    if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double';
    this.increaseIndent(true, false);
    const allowBreaks = !simpleKey;
    if (style === 'plain') this.plain(cps, allowBreaks);
    else if (style === 'single') this.singleQuoted(cps, allowBreaks);
    else if (style === 'double') this.doubleQuoted(cps, allowBreaks);
    else this.literal(cps);
    this.popIndent();
  }

  plain(cps: number[], allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    let spaces = false;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i];
      if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && cps[i + 1] !== 0x20) this.writeIndent();
        else this.write(c);
        spaces = true;
      } else {
        this.write(c);
        this.indention = false;
        spaces = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  singleQuoted(cps: number[], allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i];
      if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < cps.length - 1 && cps[i + 1] !== 0x20) this.writeIndent();
        else this.write(c);
        spaces = true;
      } else if (isYamlBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (c === 0x27) this.put("'");
        this.write(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  doubleQuoted(cps: number[], allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    let spaces = false;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i];
      if (!isPrintable(c) || c === 0xfeff || isYamlBreak(c) || c === 0x22 || c === 0x5c) {
        this.put('\\');
        this.parts.push(escapeFor(c));
        this.column += escapeFor(c).length;
        spaces = false;
      } else if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < cps.length - 1) {
          this.writeIndent();
          if (cps[i + 1] === 0x20) this.put('\\');
        } else this.write(c);
        spaces = true;
      } else {
        this.write(c);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  literal(cps: number[]): void {
    this.writeIndicator('|', true, false, false);
    if (cps[0] === 0x20 || isYamlBreak(cps[0])) this.writeIndicator(String(BEST_INDENT), false, false, false);
    const n = cps.length;
    let chomp = '';
    if (!isYamlBreak(cps[n - 1])) chomp = '-';
    else if (n === 1 || isYamlBreak(cps[n - 2])) chomp = '+';
    if (chomp) this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const c of cps) {
      if (isYamlBreak(c)) {
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) { this.writeIndent(); breaks = false; }
        this.write(c);
        this.indention = false;
      }
    }
  }
}

function isSimpleKey(k: string): boolean {
  let bytes = 0;
  for (const ch of k) {
    const c = ch.codePointAt(0) ?? 0;
    if (isYamlBreak(c)) return false;
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return bytes <= 128;
}

const SHORT_ESCAPES: Record<number, string> = {
  0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r', 0x1b: 'e',
  0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P',
};

function escapeFor(c: number): string {
  if (SHORT_ESCAPES[c] !== undefined) return SHORT_ESCAPES[c];
  if (c <= 0xff) return 'x' + c.toString(16).toUpperCase().padStart(2, '0');
  if (c <= 0xffff) return 'u' + c.toString(16).toUpperCase().padStart(4, '0');
  return 'U' + c.toString(16).toUpperCase().padStart(8, '0');
}

function yamlFloat(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (n === Infinity) return '.inf';
  if (n === -Infinity) return '-.inf';
  return goFloatG(n);
}

// Go's encoding/json leaves U+0085 (NEL) unescaped, and go-yaml reads the JSON text back as YAML,
// where a raw NEL inside a double-quoted scalar is a line break and gets folded.
function foldNel(s: string): string {
  if (!s.includes('\u0085')) return s;
  return s.replace(/[ \t]*\u0085(?:[ \t]*\u0085)*[ \t]*/g, (m) => {
    const n = (m.match(/\u0085/g) ?? []).length;
    return n === 1 ? ' ' : '\n'.repeat(n - 1);
  });
}

function normalize(v: unknown): unknown {
  if (typeof v === 'string') return foldNel(v);
  if (Array.isArray(v)) return v.map(normalize);
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return Object.fromEntries(Object.keys(o).map((k) => [foldNel(k), normalize(o[k])]));
  }
  return v;
}

/** printYaml renders a JSON-compatible value exactly as `kubectl -o yaml` does (sigs.k8s.io/yaml over go-yaml v2). */
export function printYaml(obj: unknown): string {
  const e = new Emitter();
  const v = normalize(JSON.parse(JSON.stringify(obj ?? null)) as unknown);
  e.node(v, { mapping: false, simpleKey: false });
  // document end: yaml_emitter_emit_document_end writes a final indent (a line break).
  e.indent = -1;
  e.writeIndent();
  return e.parts.join('');
}
