import { useState } from 'react';
import { crashWorker, exportSandbox, importSandbox, resetSandbox, shareLink } from '../connection';
import { downloadJson, isSavedSandbox, pickJsonFile } from '../persistence';
import { setUi, useSandbox } from '../store';
import { TimeControls } from '../time';

/** Toolbar is the top bar: product name, time controls, sandbox actions and view toggles. */
export function Toolbar() {
  const theme = useSandbox((s) => s.theme);
  const presentation = useSandbox((s) => s.presentation);
  const [status, setStatus] = useState('');
  const say = (msg: string) => { setStatus(msg); setTimeout(() => setStatus((s) => (s === msg ? '' : s)), 4000); };

  const onReset = () => {
    if (window.confirm('Reset the cluster? Every object, file and the terminal session will be lost.')) resetSandbox();
  };
  const onExport = async () => {
    const saved = await exportSandbox();
    downloadJson(`kube-sandbox-${new Date(saved.now).toISOString().slice(0, 19).replace(/:/g, '')}.json`, saved);
  };
  const onImport = async () => {
    try {
      const data = await pickJsonFile();
      if (data === undefined) return;
      if (!isSavedSandbox(data)) { say('That file is not a Kube Sandbox export.'); return; }
      importSandbox(data);
    } catch (e) {
      say(`Import failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const onShare = async () => {
    const url = await shareLink();
    try { await navigator.clipboard.writeText(url); say('Link copied to the clipboard.'); }
    catch { window.prompt('Copy this link:', url); }
  };

  return (
    <header className="toolbar">
      <h1 className="brand">Kube Sandbox</h1>
      <TimeControls />
      <div className="spacer" />
      <span className="status" role="status" aria-live="polite">{status}</span>
      <div className="actions" role="group" aria-label="Sandbox">
        <button type="button" onClick={onReset} aria-label="Reset cluster">Reset</button>
        <button type="button" onClick={() => void onExport()} aria-label="Export sandbox to a file">Export</button>
        <button type="button" onClick={() => void onImport()} aria-label="Import sandbox from a file">Import</button>
        <button type="button" onClick={() => void onShare()} aria-label="Copy a shareable link">Share</button>
      </div>
      <div className="actions" role="group" aria-label="View">
        <button type="button" aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'} title="Theme (Alt+T)"
          onClick={() => setUi({ theme: theme === 'dark' ? 'light' : 'dark' })}>{theme === 'dark' ? '☀' : '☾'}</button>
        <button type="button" aria-label="Presentation mode" aria-pressed={presentation} title="Presentation mode (Alt+M)"
          onClick={() => setUi({ presentation: !presentation })}>Aa</button>
        <button type="button" aria-label="Keyboard shortcuts" title="Help (?)" onClick={() => setUi({ helpOpen: true })}>?</button>
      </div>
      {import.meta.env.DEV && <button type="button" className="debug" aria-label="Crash the worker (debug)" onClick={crashWorker}>💥</button>}
    </header>
  );
}
