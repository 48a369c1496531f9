import { useEffect, useRef } from 'react';
import { createTerminalView, type TerminalView } from '../adapters/xterm';
import { complete, onSandboxEvent, send, useSandbox } from '../store';
import { TERMINAL_THEMES, terminalFontSize } from '../theme';
import { TerminalController } from './controller';

/** terminalView is the mounted terminal (one per page), for the test hook. */
let mounted: TerminalView | undefined;

/** terminalText returns the terminal's text (scrollback included); '' before it mounts. */
export function terminalText(): string { return mounted?.text() ?? ''; }

/** focusTerminal moves keyboard focus to the terminal. */
export function focusTerminal(): void { mounted?.focus(); }

/** Terminal is the learner's shell: xterm.js wired to the worker through TerminalController. */
export function Terminal() {
  const host = useRef<HTMLDivElement>(null);
  const theme = useSandbox((s) => s.theme);
  const presentation = useSandbox((s) => s.presentation);
  const layout = useSandbox((s) => s.layout);
  const view = useRef<TerminalView | undefined>(undefined);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const { theme: t, presentation: p } = useSandbox.getState();
    const v = createTerminalView(el, { fontSize: terminalFontSize(p), theme: TERMINAL_THEMES[t], label: 'Terminal input' });
    view.current = v;
    mounted = v;
    const ctl = new TerminalController(v, {
      line: (line) => send({ type: 'line', line }),
      interrupt: () => send({ type: 'interrupt' }),
      complete,
    });
    const off = onSandboxEvent((ev) => ctl.handle(ev));
    const ro = new ResizeObserver(() => v.fit());
    ro.observe(el);
    v.focus();
    return () => { off(); ro.disconnect(); v.dispose(); if (mounted === v) mounted = undefined; view.current = undefined; };
  }, []);

  useEffect(() => { view.current?.setTheme(TERMINAL_THEMES[theme]); }, [theme]);
  useEffect(() => { view.current?.setFontSize(terminalFontSize(presentation)); }, [presentation]);
  useEffect(() => { view.current?.fit(); }, [layout]);

  return <div className="terminal-host" ref={host} role="region" aria-label="Terminal" />;
}
