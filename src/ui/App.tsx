import { useEffect } from 'react';
import { startSandbox } from './connection';
import { HelpOverlay } from './help';
import { handleGlobalKey, Toolbar, Workspace } from './layout';
import { savePrefs } from './persistence';
import { useSandbox } from './store';
import { installTrafficFeed } from './traffic';

let started = false;

/** App is the browser workspace: toolbar, map, terminal, side panel and the help overlay. */
export function App() {
  const theme = useSandbox((s) => s.theme);
  const presentation = useSandbox((s) => s.presentation);
  const helpOpen = useSandbox((s) => s.helpOpen);
  const layout = useSandbox((s) => s.layout);

  useEffect(() => {
    // Children mounted first, so the terminal already listens when the worker's snapshot arrives.
    if (!started) { started = true; installTrafficFeed(); void startSandbox(); }
    const onKey = (e: KeyboardEvent) => { if (handleGlobalKey(e)) { e.preventDefault(); e.stopPropagation(); } };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.dataset.presentation = presentation ? 'on' : 'off';
    savePrefs({ theme, presentation, layout });
  }, [theme, presentation, layout]);

  return (
    <div className="app">
      <Toolbar />
      <Workspace />
      {helpOpen && <HelpOverlay />}
    </div>
  );
}
