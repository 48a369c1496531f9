/** ShellSyntaxError is a parse failure; incomplete means more input could complete it (PS2). */
export class ShellSyntaxError extends Error {
  constructor(message: string, public readonly incomplete: boolean) { super(message); }
}


/** OPS are the shell operators, longest first. */
export const OPS = ['&>>', '<<<', '<<-', ';;&', '&&', '||', ';;', ';&', '<<', '>>', '<&', '>&', '&>', '>|', '<>', '|&', '|', '&', ';', '<', '>', '(', ')'];
/** META are the characters that end an unquoted word. */
export const META = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);

function eofErr(what: string): never {
  throw new ShellSyntaxError(`unexpected EOF while looking for matching \`${what}'`, true);
}

/** skipConstruct returns the index just after the construct that starts at i (quote, $(), ${}, backtick). */
export function skipConstruct(s: string, i: number): number {
  const c = s[i];
  if (c === '\\') return Math.min(i + 2, s.length);
  if (c === "'") {
    const j = s.indexOf("'", i + 1);
    if (j < 0) eofErr("'");
    return j + 1;
  }
  if (c === '"') {
    let j = i + 1;
    while (j < s.length && s[j] !== '"') {
      if (s[j] === '\\') j += 2;
      else if (s[j] === '$' || s[j] === '`') j = skipDollar(s, j);
      else j++;
    }
    if (j >= s.length) eofErr('"');
    return j + 1;
  }
  if (c === '`') {
    let j = i + 1;
    while (j < s.length && s[j] !== '`') j += s[j] === '\\' ? 2 : 1;
    if (j >= s.length) eofErr('`');
    return j + 1;
  }
  if (c === '$') return skipDollar(s, i);
  return i + 1;
}

/** skipDollar returns the index just after the $-construct (or <( ) at i. */
export function skipDollar(s: string, i: number): number {
  if (s[i] === '`') return skipConstruct(s, i);
  const n = s[i + 1];
  if (n === '(') {
    // $( ... ) or $(( ... )): balance parentheses, skipping quoted text.
    let depth = 0;
    let j = i + 1;
    while (j < s.length) {
      const ch = s[j];
      if (ch === '(') { depth++; j++; continue; }
      if (ch === ')') { depth--; j++; if (depth === 0) return j; continue; }
      if (ch === "'" || ch === '"' || ch === '`' || ch === '\\' || ch === '$') {
        j = ch === '$' && s[j + 1] !== '(' && s[j + 1] !== '{' ? j + 1 : skipConstruct(s, j);
        continue;
      }
      if (ch === '#' && (s[j - 1] === ' ' || s[j - 1] === '\n')) { while (j < s.length && s[j] !== '\n') j++; continue; }
      j++;
    }
    eofErr(')');
  }
  if (n === '{') {
    let j = i + 2;
    while (j < s.length && s[j] !== '}') {
      if (s[j] === '\\' || s[j] === '"' || s[j] === '$' || s[j] === '`') j = s[j] === '$' && s[j + 1] !== '(' && s[j + 1] !== '{' ? j + 1 : skipConstruct(s, j);
      else j++;
    }
    if (j >= s.length) eofErr('}');
    return j + 1;
  }
  return i + 1;
}
