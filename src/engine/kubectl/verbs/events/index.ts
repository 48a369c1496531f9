// Models k8s.io/kubectl/pkg/cmd/events (LAST SEEN, TYPE, REASON, OBJECT, MESSAGE; sorted by time).
import type { KObject } from '../../../types';
import { humanDuration, parseTime } from '../../../util/time';
import type { Env } from '../../env';
import { fail } from '../../errors';
import { formatObjects } from '../../output';
import { resolveType } from '../../resources';
import { formatTable } from '../../table';

type Ev = KObject & {
  type?: string; reason?: string; message?: string; count?: number;
  eventTime?: string; firstTimestamp?: string; lastTimestamp?: string;
  series?: { count?: number; lastObservedTime?: string };
  involvedObject?: { kind?: string; name?: string; namespace?: string };
};

function lastSeenMs(e: Ev): number {
  const t = parseTime(e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp);
  return Number.isNaN(t) ? 0 : t;
}

function since(ts: string | undefined, now: number): string {
  const t = parseTime(ts);
  return Number.isNaN(t) ? '<unknown>' : humanDuration(now - t);
}

/** eventsVerb implements `kubectl events`. */
export function eventsVerb(env: Env): number {
  const f = env.flags;
  const allNs = f.bool('all-namespaces');
  const ns = allNs ? undefined : env.namespace();
  const def = resolveType(env.registry, 'events');
  let items = env.client.list('events', ns) as Ev[];
  const forArg = f.str('for');
  if (forArg) {
    const i = forArg.indexOf('/');
    if (i < 0) throw fail(`--for must be in resource/name form`);
    const kind = resolveType(env.registry, forArg.slice(0, i)).kind;
    const name = forArg.slice(i + 1);
    items = items.filter((e) => e.involvedObject?.kind === kind && e.involvedObject?.name === name);
  }
  const types = f.list('types');
  for (const t of types) if (!['Normal', 'Warning'].includes(t)) throw fail(`valid --types are Normal or Warning`);
  if (types.length) items = items.filter((e) => types.includes(e.type ?? ''));
  items = [...items].sort((a, b) => lastSeenMs(a) - lastSeenMs(b));
  const output = f.str('output');
  if (output) { env.out(formatObjects(env, output, items.map((obj) => ({ obj, def })), false)); return 0; }
  if (!items.length) {
    env.err(allNs ? 'No events found.\n' : `No events found in ${ns} namespace.\n`);
    return 0;
  }
  const now = env.clock.now();
  const rows: string[][] = [];
  if (!f.bool('no-headers')) rows.push([...(allNs ? ['NAMESPACE'] : []), 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']);
  for (const e of items) {
    const first = e.eventTime ? since(e.eventTime, now) : since(e.firstTimestamp, now);
    let seen = first;
    if (e.series) seen = `${since(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
    else if ((e.count ?? 0) > 1) seen = `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`;
    const obj = `${(e.involvedObject?.kind ?? '').toLowerCase()}/${e.involvedObject?.name ?? ''}`;
    rows.push([...(allNs ? [e.metadata.namespace ?? ''] : []), seen, e.type ?? '', e.reason ?? '', obj, (e.message ?? '').trim()]);
  }
  env.out(formatTable(rows));
  return 0;
}
