import type { Node } from './ast';

/** ShellState is everything a subshell copies: variables, cwd, aliases, functions, positional parameters, options. */
export interface ShellState {
  vars: Map<string, string>;
  exported: Set<string>;
  cwd: string;
  aliases: Map<string, string>;
  functions: Map<string, Node>;
  positional: string[];
  options: { errexit: boolean; pipefail: boolean; nounset: boolean; xtrace: boolean };
  lastStatus: number;
  lastBgPid: number;
  /** condDepth > 0 while evaluating an if/while condition or a &&/|| left side (errexit is off there). */
  condDepth: number;
  /** locals holds saved values per function call (for `local`). */
  localFrames: Array<Map<string, string | undefined>>;
  /** subshell is true in ( ), pipelines and command substitution. */
  subshell: boolean;
}

/** cloneState copies a state for a subshell. */
export function cloneState(s: ShellState): ShellState {
  return {
    vars: new Map(s.vars),
    exported: new Set(s.exported),
    cwd: s.cwd,
    aliases: new Map(s.aliases),
    functions: new Map(s.functions),
    positional: [...s.positional],
    options: { ...s.options },
    lastStatus: s.lastStatus,
    lastBgPid: s.lastBgPid,
    condDepth: s.condDepth,
    localFrames: [],
    subshell: true,
  };
}
