const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v', blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', print: ' -~', graph: '!-~', cntrl: '\\x00-\\x1f',
};

/** posixToJs converts a POSIX BRE (extended=false) or ERE to a JavaScript RegExp source. */
export function posixToJs(pat: string, extended: boolean): string {
  let out = '';
  let i = 0;
  let atStart = true;
  while (i < pat.length) {
    const c = pat[i];
    if (c === '[') {
      // Bracket expression: copy through, translating [:class:] and escaping backslashes.
      let j = i + 1;
      let body = '';
      if (pat[j] === '^') { body += '^'; j++; }
      if (pat[j] === ']') { body += '\\]'; j++; }
      while (j < pat.length && pat[j] !== ']') {
        if (pat.startsWith('[:', j)) {
          const e = pat.indexOf(':]', j);
          if (e > 0) { body += CLASSES[pat.slice(j + 2, e)] ?? ''; j = e + 2; continue; }
        }
        body += pat[j] === '\\' ? '\\\\' : pat[j];
        j++;
      }
      if (j >= pat.length) { out += '\\['; i++; continue; }
      out += `[${body}]`;
      i = j + 1;
      atStart = false;
      continue;
    }
    if (c === '\\' && i + 1 < pat.length) {
      const n = pat[i + 1];
      i += 2;
      if (n === '<' || n === '>') { out += '\\b'; continue; }
      if (!extended && '(){}|+?'.includes(n)) { out += n; atStart = n === '(' || n === '|'; continue; }
      if (/[wWsSbBdD0-9]/.test(n)) { out += '\\' + n; continue; }
      if (n === 'n') out += '\\n';
      else if (n === 't') out += '\\t';
      else if (/[a-zA-Z]/.test(n)) out += n;
      else out += '\\' + n;
      atStart = false;
      continue;
    }
    if (!extended && '(){}|+?'.includes(c)) { out += '\\' + c; i++; atStart = false; continue; }
    if (c === '*' && atStart) { out += '\\*'; i++; atStart = false; continue; }
    if (extended && c === '{' && !/^\{\d*(,\d*)?\}/.test(pat.slice(i))) { out += '\\{'; i++; continue; }
    if (c === '/') { out += '\\/'; i++; continue; }
    out += c;
    atStart = c === '(' && extended ? true : c === '|' && extended ? true : c === '^' ? true : false;
    i++;
  }
  return out;
}

/** compileRegex builds a RegExp from a POSIX pattern; returns an error text on failure. */
export function compileRegex(pat: string, opts: { extended?: boolean; fixed?: boolean; icase?: boolean; word?: boolean; line?: boolean; global?: boolean }): RegExp | string {
  let src = opts.fixed ? pat.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') : posixToJs(pat, !!opts.extended);
  if (opts.word) src = `(?<![A-Za-z0-9_])(?:${src})(?![A-Za-z0-9_])`;
  if (opts.line) src = `^(?:${src})$`;
  try {
    return new RegExp(src, (opts.icase ? 'i' : '') + (opts.global ? 'g' : ''));
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
