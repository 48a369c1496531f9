/** STDERR_COLOR is the SGR for stderr text (a soft red readable on both themes). */
const STDERR_ON = '\x1b[38;5;203m';
/** DIM is the SGR for `hint:` lines. */
const DIM_ON = '\x1b[2m';
const OFF = '\x1b[0m';

/** ColorState remembers whether the last chunk ended a line, so `hint:` is only matched at a line start. */
export interface ColorState { atLineStart: boolean }

/**
 * colorize wraps terminal output for display: stderr in red, whole lines that start with `hint:`
 * dimmed. Colour codes are closed at each newline so a truncated stream never leaks colour.
 */
export function colorize(data: string, stream: 'stdout' | 'stderr', state: ColorState): string {
  let out = '';
  const parts = data.split('\n');
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    if (part) {
      const hint = state.atLineStart && part.startsWith('hint:');
      const on = (hint ? DIM_ON : '') + (stream === 'stderr' ? STDERR_ON : '');
      out += on ? on + part + OFF : part;
      state.atLineStart = false;
    }
    if (!last) { out += '\n'; state.atLineStart = true; }
  });
  return out;
}

/** formatCandidates lays Tab candidates out in columns across width, as bash lists them (names only, not whole paths). */
export function formatCandidates(candidates: string[], width: number): string {
  const names = candidates.map((c) => { const t = c.endsWith('/') ? c.slice(0, -1) : c; const k = t.lastIndexOf('/'); return k >= 0 ? c.slice(k + 1) : c; });
  const colWidth = Math.max(...names.map((n) => n.length)) + 2;
  const cols = Math.max(1, Math.floor(width / colWidth));
  const rows = Math.ceil(names.length / cols);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < cols; c++) {
      const n = names[c * rows + r];
      if (n !== undefined) line += n.padEnd(colWidth);
    }
    lines.push(line.trimEnd());
  }
  return lines.join('\n') + '\n';
}

/** commonPrefix is the longest prefix all strings share. */
export function commonPrefix(xs: string[]): string {
  if (!xs.length) return '';
  let p = xs[0];
  for (const x of xs) while (!x.startsWith(p)) p = p.slice(0, -1);
  return p;
}
