import type { TerminalTheme } from './adapters/xterm';

/** ThemeName is a colour scheme. */
export type ThemeName = 'dark' | 'light';

/** TERMINAL_THEMES are the terminal palettes matching the CSS themes in styles.css. */
export const TERMINAL_THEMES: Record<ThemeName, TerminalTheme> = {
  dark: { background: '#0b1020', foreground: '#e2e8f0', cursor: '#93c5fd', selection: '#334155' },
  light: { background: '#fbfcfe', foreground: '#1e293b', cursor: '#2563eb', selection: '#bfdbfe' },
};

/** terminalFontSize is the terminal's font size for the current mode. */
export function terminalFontSize(presentation: boolean): number { return presentation ? 20 : 13; }
