import type { Vfs } from '../vfs/types';

/** globToRegExpSource converts a shell pattern (with \-escapes for literal chars) to a RegExp source. */
export function globToRegExpSource(pat: string, slashSensitive = false): string {
  let re = '';
  for (let i = 0; i < pat.length; i++) {
    const c = pat[i];
    if (c === '\\' && i + 1 < pat.length) { re += escapeRe(pat[++i]); continue; }
    if (c === '*') { re += slashSensitive ? '[^/]*' : '[\\s\\S]*'; continue; }
    if (c === '?') { re += slashSensitive ? '[^/]' : '[\\s\\S]'; continue; }
    if (c === '[') {
      const end = findClassEnd(pat, i);
      if (end > 0) {
        let body = pat.slice(i + 1, end);
        let neg = false;
        if (body[0] === '!' || body[0] === '^') { neg = true; body = body.slice(1); }
        body = body.replace(/\[:(\w+):\]/g, (_m, n: string) => POSIX_CLASSES[n] ?? '').replace(/\\(?![\w-])/g, '\\\\');
        re += `[${neg ? '^' : ''}${body.replace(/\]/g, '\\]').replace(/^\\\]/, '\\]')}]`;
        i = end;
        continue;
      }
    }
    re += escapeRe(c);
  }
  return re;
}

const POSIX_CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f',
};

function findClassEnd(pat: string, i: number): number {
  let j = i + 1;
  if (pat[j] === '!' || pat[j] === '^') j++;
  if (pat[j] === ']') j++;
  while (j < pat.length && pat[j] !== ']') {
    if (pat.startsWith('[:', j)) { const e = pat.indexOf(':]', j + 2); if (e > 0) { j = e + 2; continue; } }
    j++;
  }
  return j < pat.length ? j : -1;
}

/** escapeRe escapes a string for use inside a RegExp. */
export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** hasGlobChars tells whether a pattern has unescaped *, ? or [. */
export function hasGlobChars(pat: string): boolean {
  for (let i = 0; i < pat.length; i++) {
    if (pat[i] === '\\') { i++; continue; }
    if (pat[i] === '*' || pat[i] === '?') return true;
    if (pat[i] === '[' && findClassEnd(pat, i) > 0) return true;
  }
  return false;
}

/** unescapeGlob removes the \-escapes a pattern carries for quoted characters. */
export function unescapeGlob(pat: string): string {
  return pat.replace(/\\([\s\S])/g, '$1');
}

/** matchGlob tests a whole string against a shell pattern (case/[[ ==). */
export function matchGlob(pat: string, s: string): boolean {
  return new RegExp('^' + globToRegExpSource(pat) + '$').test(s);
}

/** expandGlob matches a pattern against the VFS; returns sorted matches, or [] when none. */
export function expandGlob(pat: string, fs: Vfs, cwd: string): string[] {
  const abs = pat.startsWith('/');
  const segs = pat.split('/').filter((s, idx) => s !== '' || idx === 0);
  let cur: Array<{ shown: string; real: string }> = [{ shown: abs ? '/' : '', real: abs ? '/' : cwd }];
  if (abs) segs.shift();
  segs.forEach((seg, idx) => {
    const last = idx === segs.length - 1;
    const next: Array<{ shown: string; real: string }> = [];
    for (const c of cur) {
      const join = (name: string) => ({ shown: c.shown === '' ? name : c.shown.endsWith('/') ? c.shown + name : c.shown + '/' + name, real: c.real === '/' ? '/' + name : c.real + '/' + name });
      if (!hasGlobChars(seg)) {
        const j = join(unescapeGlob(seg));
        if (fs.exists(j.real) && (last || fs.isDir(j.real))) next.push(j);
        continue;
      }
      if (!fs.isDir(c.real)) continue;
      const re = new RegExp('^' + globToRegExpSource(seg, true) + '$');
      const dotOk = seg.startsWith('.') || seg.startsWith('\\.');
      for (const name of fs.readdir(c.real)) {
        if (name.startsWith('.') && !dotOk) continue;
        if (!re.test(name)) continue;
        const j = join(name);
        if (last || fs.isDir(j.real)) next.push(j);
      }
    }
    cur = next;
  });
  return cur.map((c) => c.shown).filter((s) => s !== '').sort();
}
