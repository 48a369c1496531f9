import { SPEEDS } from '../../engine/protocol';
import { controlTime, setUi, useSandbox } from '../store';
import { nextSpeed } from '../time';

/** inTextField tells whether keys typed now belong to a text field, the terminal or the editor. */
function inTextField(target: EventTarget | null): boolean {
  const el = target instanceof Element ? target : null;
  if (!el) return false;
  return !!el.closest('input, textarea, select, [contenteditable="true"], .terminal-host, .monaco-editor');
}

/** focusRegion moves focus into a workspace region by its data-region name. */
function focusRegion(name: string): void {
  const region = document.querySelector<HTMLElement>(`[data-region="${name}"]`);
  const target = region?.querySelector<HTMLElement>('textarea, button, [tabindex="0"], a, input, select') ?? region;
  target?.focus();
}

/**
 * handleGlobalKey runs the workspace shortcuts (listed in the help overlay); it returns true when
 * it used the key. It runs in the capture phase so the terminal never sees these keys.
 */
export function handleGlobalKey(e: KeyboardEvent): boolean {
  const s = useSandbox.getState();
  if (e.key === 'F1' || (e.key === '?' && !e.ctrlKey && !e.altKey && !inTextField(e.target))) {
    setUi({ helpOpen: !s.helpOpen });
    return true;
  }
  if (e.key === 'Escape' && s.helpOpen) { setUi({ helpOpen: false }); return true; }
  if (!e.altKey || e.ctrlKey || e.metaKey) return false;
  switch (e.code) {
    case 'KeyP': controlTime(s.time.paused ? { type: 'resume' } : { type: 'pause' }); return true;
    case 'KeyS': controlTime({ type: 'step', ms: e.shiftKey ? 10_000 : 1000 }); return true;
    case 'Equal': case 'NumpadAdd': controlTime({ type: 'speed', speed: nextSpeed(SPEEDS, s.time.speed, 1) }); return true;
    case 'Minus': case 'NumpadSubtract': controlTime({ type: 'speed', speed: nextSpeed(SPEEDS, s.time.speed, -1) }); return true;
    case 'KeyM': setUi({ presentation: !s.presentation }); return true;
    case 'KeyT': setUi({ theme: s.theme === 'dark' ? 'light' : 'dark' }); return true;
    case 'Digit1': focusRegion('terminal'); return true;
    case 'Digit2': focusRegion('map'); return true;
    case 'Digit3': focusRegion('side'); return true;
    default: return false;
  }
}
