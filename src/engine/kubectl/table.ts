// Models github.com/liggitt/tabwriter as cli-runtime configures it:
// NewWriter(out, minwidth 6, tabwidth 4, padding 3, ' ', RememberWidths).

/** TableOptions tune formatTable; the defaults are kubectl's printer settings. */
export interface TableOptions {
  minWidth?: number;
  padding?: number;
}

/** TabWriter aligns tab-separated cells like Go's tabwriter; widths are remembered across flushes. */
export class TabWriter {
  private buf = '';
  private remembered: number[] = [];
  constructor(private readonly minWidth = 6, private readonly padding = 3) {}

  /** write appends text; cells are separated by `\t`, lines by `\n`. */
  write(text: string): void { this.buf += text; }

  /** flush returns the aligned text of everything written so far and resets the buffer. */
  flush(): string {
    if (!this.buf) return '';
    const parts = this.buf.split('\n');
    const trailing = parts[parts.length - 1] === '';
    if (trailing) parts.pop();
    this.buf = '';
    const out = this.format(parts.map((p) => p.split('\t')));
    return trailing ? out : out.slice(0, -1);
  }

  private format(lines: string[][]): string {
    // Go's tabwriter aligns a column over a contiguous block of lines that have a cell in it.
    const widths: number[][] = lines.map(() => []);
    const fill = (col: number, start: number, end: number) => {
      // lines start..end-1 all have a tab-terminated cell at col
      let i = start;
      while (i < end) {
        if (lines[i].length - 1 <= col) { i++; continue; }
        let j = i;
        let w = Math.max(this.minWidth, this.remembered[col] ?? 0);
        while (j < end && lines[j].length - 1 > col) {
          w = Math.max(w, width(lines[j][col]) + this.padding);
          j++;
        }
        this.remembered[col] = w;
        for (let k = i; k < j; k++) widths[k][col] = w;
        fill(col + 1, i, j);
        i = j;
      }
    };
    fill(0, 0, lines.length);
    let out = '';
    for (let i = 0; i < lines.length; i++) {
      const cells = lines[i];
      for (let c = 0; c < cells.length; c++) {
        const last = c === cells.length - 1;
        out += last ? cells[c] : cells[c] + ' '.repeat(Math.max(0, widths[i][c] - width(cells[c])));
      }
      out += '\n';
    }
    return out;
  }
}

function width(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** formatTable aligns rows of cells as kubectl's tabwriter does (last column unpadded). */
export function formatTable(rows: string[][], opts: TableOptions = {}): string {
  const tw = new TabWriter(opts.minWidth ?? 6, opts.padding ?? 3);
  tw.write(rows.map((r) => r.join('\t')).join('\n') + (rows.length ? '\n' : ''));
  return tw.flush();
}
