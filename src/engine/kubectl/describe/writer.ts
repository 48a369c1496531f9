// Models describe.go's prefixWriter over tabbedString's text/tabwriter (minwidth 0, tabwidth 8, padding 2).
import { DESCRIBE_TABWRITER, GoTabWriter } from '../printers';

/** LEVEL_0..LEVEL_4 are describe.go's indentation levels (2 spaces each). */
export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

/** PrefixWriter writes text at an indentation level into the describe tabwriter. */
export class PrefixWriter {
  constructor(private readonly tw: GoTabWriter, private readonly nest = 0) {}

  /** write writes text prefixed with 2 spaces per level. */
  write(level: number, text: string): void { this.tw.write('  '.repeat(level + this.nest) + escapeTerminal(text)); }

  /** writeLine writes its arguments space-separated plus a newline, without indentation (fmt.Sprintln). */
  writeLine(...a: string[]): void {
    if (this.nest) this.write(0, a.join(' ') + '\n');
    else this.tw.write(escapeTerminal(a.join(' ') + '\n'));
  }

  /** flush flushes the tabwriter so following columns align independently. */
  flush(): void { this.tw.flush(); }

  /** nested returns a writer that adds `indent` levels (NewNestedPrefixWriter). */
  nested(indent: number): PrefixWriter { return new PrefixWriter(this.tw, this.nest + indent); }
}

// printers.WriteEscaped (cli-runtime terminal.go): ESC and CR are made visible, not interpreted.
function escapeTerminal(s: string): string {
  return /[\x1b\r]/.test(s) ? s.replace(/\x1b/g, '^[').replace(/\r/g, '\\r') : s;
}

/** tabbedString runs f against a fresh describe tabwriter and returns the aligned text. */
export function tabbedString(f: (w: PrefixWriter) => void): string {
  const tw = new GoTabWriter(DESCRIBE_TABWRITER);
  f(new PrefixWriter(tw));
  return tw.result();
}
