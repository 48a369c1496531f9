import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadPrefs } from './persistence';
import { useSandbox } from './store';
import { terminalText } from './terminal';
import './styles.css';

// Preferences load synchronously before the first render, so the saved layout and theme paint at once.
const prefs = loadPrefs();
useSandbox.setState(prefs);
document.documentElement.dataset.theme = prefs.theme ?? 'dark';
document.documentElement.dataset.presentation = prefs.presentation ? 'on' : 'off';

/** The dev-build test hook (the e2e tests read the terminal's DOM rows instead). */
if (import.meta.env.DEV) {
  (window as unknown as { __kubeSandbox: unknown }).__kubeSandbox = { terminalText, store: useSandbox };
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
