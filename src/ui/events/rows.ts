// `kubectl get events` rows for the events panel: LAST SEEN, TYPE, REASON, OBJECT, MESSAGE as the
// API server's event printer (pkg/printers/internalversion printEvent) fills them, newest first.
import { humanDuration } from '../../engine/protocol';
import type { KObject, ObjectRef } from '../../engine/protocol';

type Obj = Record<string, any>;

export { humanDuration };

/** EventRow is one printed event plus what the panel needs to sort, filter and link it. */
export interface EventRow {
  key: string;
  lastSeen: string;
  type: string;
  reason: string;
  object: string;
  message: string;
  count: number;
  /** at is the event's last time in ms (for sorting); NaN when unknown. */
  at: number;
  /** ref is the involved object, for selecting it. */
  ref: ObjectRef | null;
  namespace: string;
  /** rv is the event's resourceVersion: the store's write order, which breaks ties of the same second. */
  rv: number;
}

/** EventFilter narrows the rows: by object text (substring of OBJECT, e.g. `pod/web`), type and namespace. */
export interface EventFilter { object?: string; type?: '' | 'Normal' | 'Warning'; namespace?: string }

const time = (s: unknown): number => (typeof s === 'string' && s ? Date.parse(s) : NaN);

/** eventTimes returns when an event was last seen (ms) and how many times it happened, as the printer reads them. */
export function eventTimes(e: Obj): { last: number; count: number } {
  if (e.series) return { last: time(e.series.lastObservedTime), count: Number(e.series.count) || 1 };
  const first = e.firstTimestamp ? time(e.firstTimestamp) : time(e.eventTime);
  return { last: e.lastTimestamp ? time(e.lastTimestamp) : first, count: Number(e.count) || 1 };
}

/** eventRow prints one Event object as `kubectl get events` does; now is virtual ms. */
export function eventRow(ev: KObject, now: number): EventRow {
  const e = ev as Obj;
  const inv: Obj = e.involvedObject ?? e.regarding ?? {};
  const { last, count } = eventTimes(e);
  const kind = String(inv.kind ?? '');
  return {
    key: `${ev.metadata.namespace ?? ''}/${ev.metadata.name}`,
    lastSeen: Number.isNaN(last) ? '<unknown>' : humanDuration(now - last),
    type: String(e.type ?? ''),
    reason: String(e.reason ?? ''),
    object: inv.name ? `${kind.toLowerCase()}/${inv.name}` : kind.toLowerCase(),
    message: String(e.message ?? e.note ?? '').trim(),
    count,
    at: last,
    ref: inv.name && kind ? { kind, namespace: String(inv.namespace ?? ''), name: String(inv.name) } : null,
    namespace: ev.metadata.namespace ?? '',
    rv: Number(ev.metadata.resourceVersion) || 0,
  };
}

const age = (at: number, now: number): number => (Number.isNaN(at) ? Infinity : Math.floor((now - at) / 1000));

/** eventRows prints, filters and sorts events newest first (events of the same second: the later write first). */
export function eventRows(events: readonly KObject[], now: number, filter: EventFilter = {}): EventRow[] {
  const needle = (filter.object ?? '').trim().toLowerCase();
  return events
    .map((e) => eventRow(e, now))
    .filter((r) => (!filter.type || r.type === filter.type)
      && (!filter.namespace || r.namespace === filter.namespace)
      && (!needle || r.object.includes(needle)))
    // By the LAST SEEN shown (whole seconds of age), so the column reads in order; same age: the later write first.
    .sort((a, b) => age(a.at, now) - age(b.at, now) || b.rv - a.rv || (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
}

/** eventsFor returns the events whose involved object is ref, newest first. */
export function eventsFor(events: readonly KObject[], ref: ObjectRef, now: number): EventRow[] {
  return eventRows(events, now).filter((r) => r.ref && r.ref.kind === ref.kind && r.ref.name === ref.name && r.ref.namespace === ref.namespace);
}
