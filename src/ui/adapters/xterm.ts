/**
 * The only file that imports xterm.js: the terminal widget behind a small interface, so an xterm
 * upgrade (or a different widget) touches nothing else.
 */
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';

/** TerminalTheme is the palette the terminal uses. */
export interface TerminalTheme { background: string; foreground: string; cursor: string; selection: string }

/** TerminalView is what the terminal component needs from the widget. */
export interface TerminalView {
  write(data: string, done?: () => void): void;
  /** onData receives keys and pasted text as the widget encodes them. */
  onData(fn: (data: string) => void): void;
  cols(): number;
  /** reset clears screen and scrollback. */
  reset(): void;
  fit(): void;
  focus(): void;
  setTheme(theme: TerminalTheme): void;
  setFontSize(px: number): void;
  /** text returns the buffer's lines (scrollback included), right-trimmed. */
  text(): string;
  /** selection returns the selected text ('' when none). */
  selection(): string;
  dispose(): void;
}

/** createTerminalView mounts an xterm.js terminal inside el. */
export function createTerminalView(el: HTMLElement, opts: { fontSize: number; theme: TerminalTheme; label: string }): TerminalView {
  const term = new Terminal({
    convertEol: true,
    cursorBlink: true,
    fontSize: opts.fontSize,
    fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
    scrollback: 5000,
    theme: toXtermTheme(opts.theme),
    allowProposedApi: false,
  });
  const fit = new FitAddon();
  term.loadAddon(fit);
  term.open(el);
  term.textarea?.setAttribute('aria-label', opts.label);
  // Ctrl-C with a selection copies (as in most web terminals); without one it is an interrupt.
  term.attachCustomKeyEventHandler((e) => {
    if (e.type === 'keydown' && e.ctrlKey && !e.shiftKey && e.key === 'c' && term.hasSelection()) {
      void navigator.clipboard?.writeText(term.getSelection()).catch(() => undefined);
      term.clearSelection();
      return false;
    }
    // Ctrl-Shift-C / Ctrl-Shift-V are the terminal copy/paste keys; let the browser handle paste.
    if (e.ctrlKey && e.shiftKey && (e.key === 'C' || e.key === 'c')) {
      if (e.type === 'keydown') void navigator.clipboard?.writeText(term.getSelection()).catch(() => undefined);
      return false;
    }
    if (e.ctrlKey && e.shiftKey && (e.key === 'V' || e.key === 'v')) return false;
    return true;
  });
  const safeFit = () => { try { if (el.clientWidth > 0 && el.clientHeight > 0) fit.fit(); } catch { /* not laid out yet */ } };
  safeFit();
  return {
    write: (data, done) => term.write(data, done),
    onData: (fn) => { term.onData(fn); },
    cols: () => term.cols,
    reset: () => term.reset(),
    fit: safeFit,
    focus: () => term.focus(),
    setTheme: (theme) => { term.options.theme = toXtermTheme(theme); },
    setFontSize: (px) => { term.options.fontSize = px; safeFit(); },
    text: () => {
      const buf = term.buffer.active;
      const lines: string[] = [];
      for (let i = 0; i < buf.length; i++) {
        const line = buf.getLine(i);
        const text = line?.translateToString(true) ?? '';
        // A soft-wrapped row continues the previous line.
        if (line?.isWrapped && lines.length) lines[lines.length - 1] += text;
        else lines.push(text);
      }
      while (lines.length && !lines[lines.length - 1]) lines.pop();
      return lines.join('\n');
    },
    selection: () => term.getSelection(),
    dispose: () => term.dispose(),
  };
}

function toXtermTheme(t: TerminalTheme) {
  return { background: t.background, foreground: t.foreground, cursor: t.cursor, cursorAccent: t.background, selectionBackground: t.selection };
}
