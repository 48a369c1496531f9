export { Terminal, terminalText, focusTerminal } from './Terminal';
export { TerminalController } from './controller';
export type { TerminalPort } from './controller';
export { LineEditor, splitKeys } from './line-editor';
export type { EditorAction } from './line-editor';
export { colorize, formatCandidates, commonPrefix } from './colorize';
