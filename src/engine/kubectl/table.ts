// kubectl's table layout: github.com/liggitt/tabwriter as cli-runtime configures it
// (NewWriter(out, minwidth 6, tabwidth 4, padding 3, ' ', RememberWidths)), on the shared GoTabWriter.
import { GoTabWriter } from './printers';

/** TableOptions tune formatTable; the defaults are kubectl's printer settings. */
export interface TableOptions {
  minWidth?: number;
  padding?: number;
}

/** TabWriter aligns tab-separated cells like Go's tabwriter; widths are remembered across flushes (watch output). */
export class TabWriter {
  private readonly w: GoTabWriter;
  constructor(minWidth = 6, padding = 3) { this.w = new GoTabWriter({ minWidth, padding, rememberWidths: true }); }

  /** write appends text; cells are separated by `\t`, lines by `\n`. */
  write(text: string): void { this.w.write(text); }

  /** flush returns the aligned text of everything written since the last flush. */
  flush(): string { return this.w.take(); }
}

/** formatTable aligns rows of cells as kubectl's tabwriter does (last column unpadded). */
export function formatTable(rows: string[][], opts: TableOptions = {}): string {
  const tw = new TabWriter(opts.minWidth ?? 6, opts.padding ?? 3);
  tw.write(rows.map((r) => r.join('\t')).join('\n') + (rows.length ? '\n' : ''));
  return tw.flush();
}
