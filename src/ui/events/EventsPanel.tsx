// The events panel: cluster events as `kubectl get events` prints them, newest first, filterable by
// object and type, Warning rows highlighted. Clicking an object selects it for the inspector.
import { useMemo, useState } from 'react';
import type { KObject } from '../../engine/protocol';
import { select, useSandbox } from '../store';
import { eventRows } from './rows';
import './events.css';

const EMPTY: Readonly<Record<string, KObject>> = {};
/** MAX_ROWS caps the rendered rows; the count line says how many matched. */
const MAX_ROWS = 500;

/** EventsPanel lists cluster events with LAST SEEN, TYPE, REASON, OBJECT and MESSAGE columns. */
export function EventsPanel() {
  const events = useSandbox((s) => s.objects.Event ?? EMPTY);
  const now = useSandbox((s) => s.time.now);
  const namespaces = useSandbox((s) => s.objects.Namespace ?? EMPTY);
  const [object, setObject] = useState('');
  const [type, setType] = useState<'' | 'Normal' | 'Warning'>('');
  const [namespace, setNamespace] = useState('');
  // LAST SEEN ages with the clock, but re-printing on every tick of a busy cluster is wasteful: round to 1 s.
  const second = Math.floor(now / 1000);
  const rows = useMemo(() => eventRows(Object.values(events), second * 1000, { object, type, namespace }), [events, second, object, type, namespace]);
  return (
    <section className="events-panel" aria-label="Events">
      <div className="events-toolbar" role="toolbar" aria-label="Event filters">
        <input type="search" placeholder="object, e.g. pod/web" value={object} onChange={(e) => setObject(e.target.value)} aria-label="Filter by object" spellCheck={false} />
        <select value={type} onChange={(e) => setType(e.target.value as '' | 'Normal' | 'Warning')} aria-label="Filter by type">
          <option value="">all types</option>
          <option value="Normal">Normal</option>
          <option value="Warning">Warning</option>
        </select>
        <select value={namespace} onChange={(e) => setNamespace(e.target.value)} aria-label="Filter by namespace">
          <option value="">all namespaces</option>
          {Object.keys(namespaces).sort().map((n) => <option key={n} value={n}>{n}</option>)}
        </select>
        <span className="events-count">{rows.length} events</span>
      </div>
      <div className="events-scroll">
        <table className="events-table">
          <thead>
            <tr><th>LAST SEEN</th><th>TYPE</th><th>REASON</th><th>OBJECT</th><th>MESSAGE</th></tr>
          </thead>
          <tbody>
            {rows.slice(0, MAX_ROWS).map((r) => (
              <tr key={r.key} className={r.type === 'Warning' ? 'is-warning' : undefined}>
                <td className="events-nowrap">{r.lastSeen}</td>
                <td>{r.type}</td>
                <td title={r.reason}>{r.reason}</td>
                <td className="events-nowrap" title={r.object}>
                  {r.ref
                    ? <button type="button" className="events-link" onClick={() => select(r.ref)} title={r.namespace ? `namespace ${r.namespace}` : undefined}>{r.object}</button>
                    : r.object}
                </td>
                <td className="events-message" title={r.count > 1 ? `seen ${r.count} times` : undefined}>{r.message}</td>
              </tr>
            ))}
            {rows.length === 0 && <tr><td colSpan={5} className="events-empty">No events found.</td></tr>}
          </tbody>
        </table>
      </div>
    </section>
  );
}
