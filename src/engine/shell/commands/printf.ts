/** PrintfResult is printf's output plus any error lines and whether a conversion failed. */
export interface PrintfResult { out: string; errors: string[] }

/** decodeEscapes expands echo -e / printf %b escapes; stop is true after \c. */
export function decodeEscapes(s: string, printfStyle = false): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\' || i + 1 >= s.length) { out += c; continue; }
    const n = s[++i];
    switch (n) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'a': out += '\x07'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'v': out += '\v'; break;
      case 'e': case 'E': out += '\x1b'; break;
      case '\\': out += '\\'; break;
      case 'c': return { text: out, stop: true };
      case 'x': {
        const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1));
        if (m) { out += String.fromCharCode(parseInt(m[0], 16)); i += m[0].length; } else out += '\\x';
        break;
      }
      case '0': {
        const m = /^[0-7]{0,3}/.exec(s.slice(i + 1)) as RegExpExecArray;
        out += String.fromCharCode(parseInt(m[0] || '0', 8)); i += m[0].length;
        break;
      }
      default:
        if (printfStyle && /[1-7]/.test(n)) {
          const m = /^[0-7]{1,3}/.exec(s.slice(i)) as RegExpExecArray;
          out += String.fromCharCode(parseInt(m[0], 8)); i += m[0].length - 1;
        } else if (printfStyle && (n === '"' || n === "'")) out += n;
        else out += '\\' + n;
    }
  }
  return { text: out, stop: false };
}

function toNumber(arg: string, errors: string[]): number {
  if (arg === '') return 0;
  if (/^['"]/.test(arg)) return arg.length > 1 ? arg.codePointAt(1) ?? 0 : 0;
  const t = arg.trim();
  if (/^[-+]?0x[0-9a-f]+$/i.test(t)) return parseInt(t, 16);
  if (/^[-+]?0[0-7]+$/.test(t)) return parseInt(t, 8);
  if (/^[-+]?\d+$/.test(t)) return Number(t);
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return Number(t);
  const m = /^[-+]?\d+/.exec(t);
  errors.push(`${arg}: invalid number`);
  return m ? Number(m[0]) : 0;
}

function pad(s: string, flags: string, width: number | undefined): string {
  if (width === undefined || s.length >= width) return s;
  if (flags.includes('-')) return s.padEnd(width);
  if (flags.includes('0') && /^[-+]?[\d.]/.test(s)) {
    const sign = /^[-+]/.test(s) ? s[0] : '';
    return sign + s.slice(sign.length).padStart(width - sign.length, '0');
  }
  return s.padStart(width);
}

/** formatPrintf implements bash's printf: the format is reused until the arguments run out. */
export function formatPrintf(format: string, args: string[]): PrintfResult {
  const errors: string[] = [];
  let out = '';
  let ai = 0;
  const next = () => (ai < args.length ? args[ai++] : undefined);
  const re = /%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?([sdiufFeEgGxXocbq%])|\\(?:[0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)|[^%\\]+|[%\\]/g;
  for (;;) {
    let consumed = false;
    let stop = false;
    for (const m of format.matchAll(re)) {
      const tok = m[0];
      if (tok.startsWith('\\')) { out += decodeEscapes(tok, true).text; continue; }
      if (!tok.startsWith('%') || tok === '%') { out += tok; continue; }
      const [, flags, w, p, conv] = m;
      if (conv === '%') { out += '%'; continue; }
      let width = w === '*' ? toNumber(next() ?? '0', errors) : w ? Number(w) : undefined;
      let fl = flags;
      if (width !== undefined && width < 0) { fl += '-'; width = -width; }
      const prec = p === '*' ? toNumber(next() ?? '0', errors) : p !== undefined ? Number(p) : undefined;
      const arg = next();
      if (arg !== undefined) consumed = true;
      switch (conv) {
        case 's': { let s = arg ?? ''; if (prec !== undefined) s = s.slice(0, prec); out += pad(s, fl, width); break; }
        case 'b': { const d = decodeEscapes(arg ?? '', true); out += pad(d.text, fl, width); if (d.stop) stop = true; break; }
        case 'q': out += pad(/^[A-Za-z0-9_@%+=:,./-]+$/.test(arg ?? '') ? arg ?? '' : (arg ?? '') === '' ? "''" : (arg ?? '').replace(/([^A-Za-z0-9_@%+=:,./-])/g, '\\$1'), fl, width); break;
        case 'c': out += pad((arg ?? '').charAt(0), fl, width); break;
        case 'd': case 'i': case 'u': {
          const n = Math.trunc(toNumber(arg ?? '', errors));
          let s = String(Math.abs(n));
          if (prec !== undefined) s = s.padStart(prec, '0');
          s = (n < 0 ? '-' : fl.includes('+') ? '+' : fl.includes(' ') ? ' ' : '') + s;
          out += pad(s, prec !== undefined ? fl.replace('0', '') : fl, width);
          break;
        }
        case 'x': case 'X': case 'o': {
          const n = Math.trunc(toNumber(arg ?? '', errors));
          let s = n.toString(conv === 'o' ? 8 : 16);
          if (conv === 'X') s = s.toUpperCase();
          if (fl.includes('#') && n !== 0) s = (conv === 'o' ? '0' : conv === 'x' ? '0x' : '0X') + s;
          out += pad(s, fl, width);
          break;
        }
        default: {
          const n = toNumber(arg ?? '', errors);
          const pr = prec ?? 6;
          let s = conv === 'e' || conv === 'E' ? n.toExponential(pr).replace(/e([-+])(\d)$/, 'e$10$2') : conv === 'g' || conv === 'G' ? String(Number(n.toPrecision(pr || 1))) : n.toFixed(pr);
          if (conv === 'E' || conv === 'G') s = s.toUpperCase();
          if (n >= 0 && fl.includes('+')) s = '+' + s;
          out += pad(s, fl, width);
        }
      }
      if (stop) break;
    }
    if (stop || !consumed || ai >= args.length) break;
  }
  return { out, errors };
}
