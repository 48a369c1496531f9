// Models Go's text/tabwriter (padchar ' ', flags 0) and, with rememberWidths, github.com/liggitt/tabwriter
// as cli-runtime configures it for tables. A line without tabs flushes the writer, as upstream does.

/** TabWriterOptions are tabwriter.NewWriter's minwidth and padding (+ liggitt's RememberWidths flag). */
export interface TabWriterOptions { minWidth: number; padding: number; rememberWidths?: boolean }

/** DESCRIBE_TABWRITER is kubectl describe's tabbedString setting: NewWriter(out, 0, 8, 2, ' ', 0). */
export const DESCRIBE_TABWRITER: TabWriterOptions = { minWidth: 0, padding: 2 };

/** TABLE_TABWRITER is printers.GetNewTabWriter: NewWriter(out, 6, 4, 3, ' ', RememberWidths). */
export const TABLE_TABWRITER: TabWriterOptions = { minWidth: 6, padding: 3, rememberWidths: true };

const runeWidth = (s: string): number => { let n = 0; for (const _ of s) n++; return n; };

/** GoTabWriter buffers text and aligns tab-terminated cells column block by column block. */
export class GoTabWriter {
  private pending = '';
  private out = '';
  private remembered: number[] = [];
  constructor(private readonly opts: TabWriterOptions) {}

  /** write appends text (cells end with '\t', lines with '\n'). */
  write(text: string): void {
    this.pending += text;
    // A completed line with a single cell flushes everything before it (text/tabwriter Write).
    let idx: number;
    let start = 0;
    let lastFlush = -1;
    while ((idx = this.pending.indexOf('\n', start)) >= 0) {
      const lineStart = this.pending.lastIndexOf('\n', idx - 1) + 1;
      if (!this.pending.slice(lineStart, idx).includes('\t')) lastFlush = idx;
      start = idx + 1;
    }
    if (lastFlush >= 0) {
      this.format(this.pending.slice(0, lastFlush + 1));
      this.pending = this.pending.slice(lastFlush + 1);
    }
  }

  /** flush formats everything buffered (Writer.Flush). */
  flush(): void {
    if (this.pending) this.format(this.pending);
    this.pending = '';
  }

  /** result flushes and returns all output produced so far. */
  result(): string {
    this.flush();
    return this.out;
  }

  /** take flushes and returns the output produced since the last take (remembered widths stay). */
  take(): string {
    const out = this.result();
    this.out = '';
    return out;
  }

  private format(text: string): void {
    const endsWithNl = text.endsWith('\n');
    const lines = (endsWithNl ? text.slice(0, -1) : text).split('\n').map((l) => l.split('\t'));
    const widths: number[] = [];
    const emit = (line0: number, line1: number): void => {
      for (let i = line0; i < line1; i++) {
        const cells = lines[i];
        let s = '';
        for (let j = 0; j < cells.length; j++) {
          s += cells[j];
          if (j < cells.length - 1 && j < widths.length) s += ' '.repeat(Math.max(0, widths[j] - runeWidth(cells[j])));
        }
        this.out += s + (i < lines.length - 1 || endsWithNl ? '\n' : '');
      }
    };
    const fmt = (line0: number, line1: number): void => {
      const column = widths.length;
      let start = line0;
      for (let t = line0; t < line1; t++) {
        if (column >= lines[t].length - 1) continue;
        emit(start, t);
        start = t;
        let width = this.opts.minWidth;
        for (; t < line1; t++) {
          if (column >= lines[t].length - 1) break;
          width = Math.max(width, runeWidth(lines[t][column]) + this.opts.padding);
        }
        if (this.opts.rememberWidths) {
          width = Math.max(width, this.remembered[column] ?? 0);
          this.remembered[column] = width;
        }
        widths.push(width);
        fmt(start, t);
        widths.pop();
        start = t;
        t--;
      }
      emit(start, line1);
    };
    fmt(0, lines.length);
  }
}

/** tabwrite aligns a whole text at once with the given options. */
export function tabwrite(text: string, opts: TabWriterOptions): string {
  const w = new GoTabWriter(opts);
  w.write(text);
  return w.result();
}
