import type { Interrupt } from '../util/interrupt';

/** Writer receives a chunk of output. */
export type Writer = (s: string) => void;

/** Stdin is a buffered input stream that `read` consumes line by line and commands consume whole. */
export class Stdin {
  constructor(private data = '', private pos = 0) {}

  /** readLine returns the next line without its newline, or undefined at end of input. */
  readLine(): { line: string; complete: boolean } | undefined {
    if (this.pos >= this.data.length) return undefined;
    const nl = this.data.indexOf('\n', this.pos);
    const end = nl < 0 ? this.data.length : nl;
    const line = this.data.slice(this.pos, end);
    this.pos = nl < 0 ? this.data.length : nl + 1;
    return { line, complete: nl >= 0 };
  }

  /** readAll consumes and returns the rest of the input. */
  readAll(): string {
    const s = this.pos === 0 ? this.data : this.data.slice(this.pos);
    this.pos = this.data.length;
    return s;
  }
}

/** IO is the set of streams a running command sees. */
export interface IO {
  stdout: Writer;
  stderr: Writer;
  stdin: Stdin;
  /** tty is true when stdout is the terminal itself. */
  tty: boolean;
  interrupt: Interrupt;
  /** background is true inside a background job (`cmd &`): commands must not wait on the clock themselves. */
  background?: boolean;
}

/** Collector gathers output into one string (pipes, command substitution). */
export class Collector {
  private parts: string[] = [];
  private size = 0;
  readonly write: Writer = (s) => { if (s) { this.parts.push(s); this.size += s.length; } };
  /** text joins everything written so far. */
  text(): string {
    if (this.parts.length > 1) this.parts = [this.parts.join('')];
    return this.parts[0] ?? '';
  }
  get length(): number { return this.size; }
}

/** ExitSignal unwinds the shell on `exit`. */
export class ExitSignal { constructor(public readonly status: number) {} }
/** ReturnSignal unwinds a function or sourced file on `return`. */
export class ReturnSignal { constructor(public readonly status: number) {} }
/** LoopSignal unwinds loops on `break N` / `continue N`. */
export class LoopSignal { constructor(public readonly kind: 'break' | 'continue', public levels: number) {} }
