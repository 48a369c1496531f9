// The inspector: the selected object's live `-o yaml` and `describe` text (printed by the worker with
// kubectl's own printers), its events, owner and owned objects, and for pods live logs and Exec.
import { useEffect, useMemo, useState } from 'react';
import type { KObject, ObjectRef, SandboxEvent } from '../../engine/protocol';
import { request, runInTerminal, select, useSandbox } from '../store';
import { eventsFor } from '../events';
import { podView } from '../map';
import { focusTerminal } from '../terminal';
import { containerNames, execCommand, relationsOf } from './relations';
import { LogsView } from './LogsView';
import './inspector.css';

type Tab = 'describe' | 'yaml' | 'events' | 'related' | 'logs';
const EMPTY: Readonly<Record<string, KObject>> = {};
const idOf = (r: ObjectRef) => (r.namespace ? `${r.namespace}/${r.name}` : r.name);

/** useInspected asks the worker for ref's yaml/describe text again whenever version changes (debounced). */
function useInspected(ref: ObjectRef | null, version: string) {
  const [state, setState] = useState<{ key: string; yaml: string; describe: string; error?: string } | null>(null);
  const key = ref ? `${ref.kind}/${idOf(ref)}` : '';
  useEffect(() => {
    if (!ref) return undefined;
    let live = true;
    const t = window.setTimeout(() => {
      request<Extract<SandboxEvent, { type: 'inspected' }>>({ type: 'inspect', ref })
        .then((ev) => { if (live) setState({ key, yaml: ev.yaml, describe: ev.describe, error: ev.error }); })
        .catch((e: unknown) => { if (live) setState({ key, yaml: '', describe: '', error: e instanceof Error ? e.message : String(e) }); });
    }, 120);
    return () => { live = false; window.clearTimeout(t); };
    // ref is identified by key; version re-requests when the object or its events change.
  }, [key, version]);
  return state && state.key === key ? state : null;
}

function RefLink({ r }: { r: ObjectRef }) {
  return <button type="button" className="insp-link" onClick={() => select(r)}>{`${r.kind.toLowerCase()}/${r.name}`}</button>;
}

/** Inspector shows whatever the map, events panel or a link selected. */
export function Inspector() {
  const selection = useSandbox((s) => s.selection);
  const mirror = useSandbox((s) => s.objects);
  const events = useSandbox((s) => s.objects.Event ?? EMPTY);
  const now = useSandbox((s) => s.time.now);
  const [tab, setTab] = useState<Tab>('describe');
  const [container, setContainer] = useState('');
  const [previous, setPrevious] = useState(false);
  const obj = selection ? mirror[selection.kind]?.[idOf(selection)] : undefined;
  const second = Math.floor(now / 1000);
  const evRows = useMemo(() => (selection ? eventsFor(Object.values(events), selection, second * 1000) : []), [events, selection, second]);
  const version = `${obj?.metadata.resourceVersion ?? 'gone'}:${evRows.length}:${evRows[0]?.key ?? ''}:${evRows[0]?.count ?? 0}`;
  const inspected = useInspected(selection, version);
  const related = useMemo(() => (obj ? relationsOf(obj, mirror) : []), [obj, mirror]);
  const isPod = selection?.kind === 'Pod';
  const containers = useMemo(() => (obj && isPod ? containerNames(obj) : []), [obj, isPod]);
  const chosen = containers.some((c) => c.name === container) ? container : containers[0]?.name ?? '';
  useEffect(() => { if (!isPod && tab === 'logs') setTab('describe'); }, [isPod, tab]);

  if (!selection) {
    return (
      <section className="inspector" aria-label="Inspector">
        <p className="insp-empty">Click a pod, node or Service on the map (or an object in the events list) to inspect it.</p>
      </section>
    );
  }
  const view = obj && isPod ? podView(obj) : null;
  const restartKey = obj && isPod ? String((obj.status as { containerStatuses?: { name: string; restartCount?: number }[] } | undefined)?.containerStatuses?.find((c) => c.name === chosen)?.restartCount ?? 0) : '';
  const tabs: [Tab, string][] = [['describe', 'Describe'], ['yaml', 'YAML'], ['events', `Events (${evRows.length})`], ['related', 'Related'], ...(isPod ? [['logs', 'Logs'] as [Tab, string]] : [])];

  return (
    <section className="inspector" aria-label="Inspector" data-testid="inspector">
      <header className="insp-head">
        <div className="insp-title">
          <span className="insp-kind">{selection.kind}</span>
          <span className="insp-name" data-testid="inspector-name">{selection.name}</span>
          {selection.namespace && <span className="insp-muted">{selection.namespace}</span>}
          {view && <span className={`insp-status tone-${view.tone}`}>{view.status}</span>}
          {!obj && <span className="insp-status tone-failed">deleted</span>}
        </div>
        <div className="insp-actions">
          {isPod && obj && (
            <button type="button" onClick={() => { runInTerminal(execCommand(selection, containers.length > 1 ? chosen : undefined)); focusTerminal(); }} title="Runs kubectl exec in the terminal">
              Exec
            </button>
          )}
          <button type="button" onClick={() => select(null)} aria-label="Close inspector">✕</button>
        </div>
      </header>
      <nav className="insp-tabs" role="tablist">
        {tabs.map(([t, label]) => (
          <button key={t} type="button" role="tab" aria-selected={tab === t} className={tab === t ? 'is-active' : ''} onClick={() => setTab(t)}>{label}</button>
        ))}
      </nav>
      <div className="insp-body" role="tabpanel">
        {(tab === 'describe' || tab === 'yaml') && (
          inspected?.error
            ? <div className="insp-error" role="alert">{inspected.error}</div>
            : <pre className="insp-pre" data-testid={`inspector-${tab}`}>{inspected ? (tab === 'yaml' ? inspected.yaml : inspected.describe) : 'Loading…'}</pre>
        )}
        {tab === 'events' && (
          evRows.length === 0 ? <p className="insp-muted">No events.</p> : (
            <table className="insp-events" data-testid="inspector-events">
              <thead><tr><th>LAST SEEN</th><th>TYPE</th><th>REASON</th><th>MESSAGE</th></tr></thead>
              <tbody>
                {evRows.map((r) => (
                  <tr key={r.key} className={r.type === 'Warning' ? 'is-warning' : undefined}>
                    <td>{r.lastSeen}</td><td>{r.type}</td><td title={r.reason}>{r.reason}</td><td className="insp-wrap">{r.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        )}
        {tab === 'related' && (
          related.length === 0 ? <p className="insp-muted">No owners or owned objects.</p> : (
            <ul className="insp-related">
              {related.map((r) => (
                <li key={`${r.relation}:${r.ref.kind}:${idOf(r.ref)}`}>
                  <span className="insp-muted">{r.relation === 'owner' ? (r.controller ? 'Controlled by' : 'Owned by') : r.relation === 'node' ? 'Runs on' : r.controller ? 'Controls' : 'Owns'}</span>{' '}
                  {r.present ? <RefLink r={r.ref} /> : <span>{`${r.ref.kind.toLowerCase()}/${r.ref.name}`} <span className="insp-muted">(not found)</span></span>}
                </li>
              ))}
            </ul>
          )
        )}
        {tab === 'logs' && isPod && obj && (
          <>
            <div className="insp-logs__pick">
              {containers.length > 1 && (
                <select value={chosen} onChange={(e) => setContainer(e.target.value)} aria-label="Container">
                  {containers.map((c) => <option key={c.name} value={c.name}>{c.name}{c.init ? ' (init)' : ''}</option>)}
                </select>
              )}
              <label><input type="checkbox" checked={previous} onChange={(e) => setPrevious(e.target.checked)} /> previous</label>
            </div>
            <LogsView pod={selection} container={chosen} restartKey={restartKey} previous={previous} />
          </>
        )}
      </div>
    </section>
  );
}
