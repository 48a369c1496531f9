import type { Vfs } from '../vfs/types';
import type { TimeDriver } from '../util/time-driver';
import type { Interrupt } from '../util/interrupt';

/** CommandContext is what the shell hands a command: argv, stdio, environment, files and time. */
export interface CommandContext {
  /** argv[0] is the command name as typed after alias expansion. */
  argv: string[];
  /** stdin is the whole input (pipes and here-docs are buffered); '' when none. */
  stdin: string;
  stdout(s: string): void;
  stderr(s: string): void;
  env: Record<string, string>;
  cwd: string;
  fs: Vfs;
  time: TimeDriver;
  interrupt: Interrupt;
  /** isTTY is true when stdout goes straight to the terminal (not a pipe or a file). */
  isTTY: boolean;
  /** host lets a command reach host features (open a file in the editor); absent headless. */
  host?: ShellHost;
  /** background is true when the command runs in a background job (`cmd &`); such commands wait for kill, not for virtual time. */
  background?: boolean;
}

/** CommandFn runs one command and returns its exit status. */
export type CommandFn = (ctx: CommandContext) => number | Promise<number>;

/** ShellHost is what the embedding host offers the shell (the browser editor, the terminal). */
export interface ShellHost {
  /** openEditor opens path in the editor; resolves when the editor is done (saved or closed). */
  openEditor?(path: string): Promise<{ saved: boolean }>;
  clearScreen?(): void;
}
