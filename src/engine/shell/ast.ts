/** Redir is one redirection: fd, operator, and its raw target word (or here-doc body). */
export interface Redir {
  fd: number;
  op: '>' | '>>' | '<' | '>&' | '<&' | '&>' | '&>>' | '<<' | '<<-' | '<<<' | '>|' | '<>';
  target: string;
  /** heredoc holds the body of `<<`/`<<-`; quoted means no expansion. */
  heredoc?: { body: string; quoted: boolean };
}

/** Assign is a `NAME=value` (or `NAME+=value`) word before a command. */
export interface Assign { name: string; value: string; append: boolean }

/** Node is one parsed shell construct (bash grammar, reduced). */
export type Node =
  | { type: 'simple'; assigns: Assign[]; words: string[]; redirs: Redir[]; line: number }
  | { type: 'pipeline'; cmds: Node[]; negate: boolean }
  | { type: 'andor'; first: Node; rest: Array<{ op: '&&' | '||'; node: Node }> }
  | { type: 'list'; items: Array<{ node: Node; bg: boolean; text: string }> }
  | { type: 'group'; body: Node; redirs: Redir[] }
  | { type: 'subshell'; body: Node; redirs: Redir[] }
  | { type: 'if'; clauses: Array<{ cond: Node; body: Node }>; elseBody?: Node; redirs: Redir[] }
  | { type: 'for'; name: string; words?: string[]; body: Node; redirs: Redir[] }
  | { type: 'cfor'; init: string; cond: string; step: string; body: Node; redirs: Redir[] }
  | { type: 'while'; until: boolean; cond: Node; body: Node; redirs: Redir[] }
  | { type: 'case'; word: string; items: Array<{ patterns: string[]; body: Node }>; redirs: Redir[] }
  | { type: 'func'; name: string; body: Node }
  | { type: 'dbracket'; words: Array<{ raw: string; op: boolean }>; redirs: Redir[] }
  | { type: 'arith'; expr: string; redirs: Redir[] };
