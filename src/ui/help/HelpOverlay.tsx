import { useEffect, useRef } from 'react';
import { setUi } from '../store';
import { SHORTCUTS, TERMINAL_KEYS, type Shortcut } from './shortcuts';

function Table({ caption, rows }: { caption: string; rows: Shortcut[] }) {
  return (
    <table>
      <caption>{caption}</caption>
      <tbody>
        {rows.map((r) => <tr key={r.keys}><th scope="row"><kbd>{r.keys}</kbd></th><td>{r.action}</td></tr>)}
      </tbody>
    </table>
  );
}

/** HelpOverlay is the modal listing keyboard shortcuts (opened with ? or F1). */
export function HelpOverlay() {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => { closeRef.current?.focus(); }, []);
  return (
    <div className="overlay" onClick={() => setUi({ helpOpen: false })}>
      <div className="help" role="dialog" aria-modal="true" aria-labelledby="help-title" onClick={(e) => e.stopPropagation()}>
        <header>
          <h2 id="help-title">Keyboard shortcuts</h2>
          <button type="button" ref={closeRef} aria-label="Close help" onClick={() => setUi({ helpOpen: false })}>✕</button>
        </header>
        <Table caption="Workspace" rows={SHORTCUTS} />
        <Table caption="Terminal" rows={TERMINAL_KEYS} />
      </div>
    </div>
  );
}
