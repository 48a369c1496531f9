/** EditorAction is what a key did to the line, for the view to act on. */
export type EditorAction =
  | { type: 'redraw' }
  | { type: 'submit'; line: string }
  | { type: 'interrupt' }
  | { type: 'clear' }
  | { type: 'complete' }
  /** eof is Ctrl-D on an empty line (end of input). */
  | { type: 'eof' }
  | { type: 'none' };

/** KEY_SEQUENCES maps the escape sequences xterm sends for editing keys to their names. */
const KEYS: Record<string, string> = {
  '\r': 'enter', '\x7f': 'backspace', '\b': 'backspace', '\x1b[3~': 'delete', '\x04': 'eof',
  '\x1b[D': 'left', '\x1bOD': 'left', '\x02': 'left', '\x1b[C': 'right', '\x1bOC': 'right', '\x06': 'right',
  '\x1b[H': 'home', '\x1bOH': 'home', '\x1b[1~': 'home', '\x01': 'home',
  '\x1b[F': 'end', '\x1bOF': 'end', '\x1b[4~': 'end', '\x05': 'end',
  '\x1b[A': 'up', '\x1bOA': 'up', '\x10': 'up', '\x1b[B': 'down', '\x1bOB': 'down', '\x0e': 'down',
  '\x15': 'kill-start', '\x0b': 'kill-end', '\x17': 'kill-word', '\x03': 'interrupt', '\x0c': 'clear', '\t': 'tab',
  '\x1b[1;5D': 'word-left', '\x1bb': 'word-left', '\x1b[1;5C': 'word-right', '\x1bf': 'word-right',
};

/**
 * LineEditor is readline's core without the screen: a buffer, a cursor and history navigation.
 * feed() takes one key sequence from xterm's onData and says what happened.
 */
export class LineEditor {
  buffer = '';
  cursor = 0;
  /** history is oldest-first; it is the shell's history mirrored on the UI side. */
  history: string[] = [];
  private index = -1;
  private draft = '';

  /** key handles one sequence (a key press); printable text is inserted. */
  key(seq: string): EditorAction {
    const name = KEYS[seq];
    const b = this.buffer, c = this.cursor;
    switch (name) {
      case 'enter': { const line = b; this.reset(); return { type: 'submit', line }; }
      case 'backspace': if (c === 0) return { type: 'none' }; this.set(b.slice(0, c - 1) + b.slice(c), c - 1); return { type: 'redraw' };
      case 'delete': if (c >= b.length) return { type: 'none' }; this.set(b.slice(0, c) + b.slice(c + 1), c); return { type: 'redraw' };
      case 'eof': if (!b) return { type: 'eof' }; if (c >= b.length) return { type: 'none' }; this.set(b.slice(0, c) + b.slice(c + 1), c); return { type: 'redraw' };
      case 'left': return this.move(c - 1);
      case 'right': return this.move(c + 1);
      case 'home': return this.move(0);
      case 'end': return this.move(b.length);
      case 'word-left': return this.move(wordStart(b, c));
      case 'word-right': { let k = c; while (k < b.length && b[k] === ' ') k++; while (k < b.length && b[k] !== ' ') k++; return this.move(k); }
      case 'up': return this.browse(-1);
      case 'down': return this.browse(1);
      case 'kill-start': this.set(b.slice(c), 0); return { type: 'redraw' };
      case 'kill-end': this.set(b.slice(0, c), c); return { type: 'redraw' };
      case 'kill-word': { const k = wordStart(b, c); this.set(b.slice(0, k) + b.slice(c), k); return { type: 'redraw' }; }
      case 'interrupt': return { type: 'interrupt' };
      case 'clear': return { type: 'clear' };
      case 'tab': return { type: 'complete' };
      default:
        if (seq.startsWith('\x1b') || /^[\x00-\x1f]$/.test(seq)) return { type: 'none' };
        this.insert(seq);
        return { type: 'redraw' };
    }
  }

  /** insert puts text at the cursor (control characters other than tab are dropped). */
  insert(text: string): void {
    const clean = text.replace(/\t/g, ' ').replace(/[\x00-\x1f\x7f]/g, '');
    this.set(this.buffer.slice(0, this.cursor) + clean + this.buffer.slice(this.cursor), this.cursor + clean.length);
  }

  /** replace swaps buffer[start..cursor] for text (Tab completion). */
  replace(start: number, text: string): void {
    this.set(this.buffer.slice(0, start) + text + this.buffer.slice(this.cursor), start + text.length);
  }

  /** remember adds a submitted line to history as bash does (not blank, not space-led, no immediate duplicate). */
  remember(line: string): void {
    if (!line.trim() || line.startsWith(' ') || this.history[this.history.length - 1] === line) return;
    this.history.push(line);
  }

  /** reset empties the line (after Enter or Ctrl-C). */
  reset(): void { this.buffer = ''; this.cursor = 0; this.index = -1; this.draft = ''; }

  private set(buffer: string, cursor: number): void { this.buffer = buffer; this.cursor = Math.max(0, Math.min(cursor, buffer.length)); }

  private move(to: number): EditorAction {
    const next = Math.max(0, Math.min(to, this.buffer.length));
    if (next === this.cursor) return { type: 'none' };
    this.cursor = next;
    return { type: 'redraw' };
  }

  private browse(dir: -1 | 1): EditorAction {
    const h = this.history;
    if (!h.length) return { type: 'none' };
    let i = this.index === -1 ? h.length : this.index;
    i += dir;
    if (i < 0) return { type: 'none' };
    if (this.index === -1) this.draft = this.buffer;
    if (i >= h.length) {
      if (this.index === -1) return { type: 'none' };
      this.index = -1;
      this.set(this.draft, this.draft.length);
      return { type: 'redraw' };
    }
    this.index = i;
    const line = h[i].replace(/\n/g, ' ');
    this.set(line, line.length);
    return { type: 'redraw' };
  }
}

/** wordStart finds where Ctrl-W would stop: back over spaces, then over the word. */
function wordStart(b: string, c: number): number {
  let k = c;
  while (k > 0 && b[k - 1] === ' ') k--;
  while (k > 0 && b[k - 1] !== ' ') k--;
  return k;
}

/** splitKeys cuts one onData chunk into key sequences (xterm usually sends one key, but pastes and fast typing batch). */
export function splitKeys(data: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < data.length) {
    if (data[i] === '\x1b') {
      const m = /^\x1b(\[[0-9;]*[A-Za-z~]|O[A-Za-z]|[bf])/.exec(data.slice(i));
      const len = m ? m[0].length : 1;
      out.push(data.slice(i, i + len));
      i += len;
    } else if (data[i] < ' ' || data[i] === '\x7f') {
      out.push(data[i]); i++;
    } else {
      let j = i;
      while (j < data.length && data[j] >= ' ' && data[j] !== '\x7f') j++;
      out.push(data.slice(i, j));
      i = j;
    }
  }
  return out;
}
