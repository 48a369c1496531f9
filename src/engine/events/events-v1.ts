import type { KObject } from '../types';
import type { Client } from '../api/types';
import { ApiError } from '../api/types';
import type { Clock, Rng, TimerId } from '../util';
import { rfc3339Micro } from '../util';
import type { EventOptions, EventRecorder, EventType } from './types';
import { nanoClock, referenceOf } from './reference';

/** SERIES_FINISH_MS is tools/events' finishTime: an isomorphic event seen later than this starts a new Event. */
export const SERIES_FINISH_MS = 6 * 60 * 1000;
/** SERIES_REFRESH_MS is tools/events' refreshTime: ongoing series are written back this often. */
export const SERIES_REFRESH_MS = 30 * 60 * 1000;

/** EventsV1RecorderOptions configure an events.k8s.io recorder (kube-scheduler, kube-proxy). */
export interface EventsV1RecorderOptions {
  client: Client;
  clock: Clock;
  rng: Rng;
  /** reportingController is e.g. `default-scheduler`. */
  reportingController: string;
  /** reportingInstance is e.g. `default-scheduler-master`. */
  reportingInstance: string;
}

// refKey is an object reference's part of the isomorphic-event key.
function refKey(r: Record<string, string> | undefined): string {
  return r ? `${r.kind}/${r.namespace ?? ''}/${r.name ?? ''}/${r.uid ?? ''}/${r.resourceVersion ?? ''}/${r.fieldPath ?? ''}` : '';
}

interface Cached { namespace: string; name: string; count: number; lastObserved: number; written: number; ev: KObject }

/**
 * createEventsV1Recorder returns a recorder shaped like client-go tools/events (the events.k8s.io/v1
 * broadcaster kube-scheduler uses): Events carry eventTime, action, reportingComponent/Instance and an
 * empty source; an isomorphic repeat turns into `series: {count, lastObservedTime}`, written on the
 * second occurrence and then every 30 minutes; a repeat more than 6 minutes later starts a new Event.
 */
export function createEventsV1Recorder(opts: EventsV1RecorderOptions): EventRecorder {
  const { client, clock, rng } = opts;
  const cache = new Map<string, Cached>();
  const nextName = nanoClock(rng);
  let timer: TimerId | undefined;


  const writeSeries = (c: Cached) => {
    const series = { count: c.count, lastObservedTime: rfc3339Micro(c.lastObserved) };
    try {
      client.patch('events', c.namespace, c.name, 'application/merge-patch+json', { series });
    } catch (e) {
      if (!(e instanceof ApiError) || e.code !== 404) return;
      try { client.create('events', c.namespace, { ...c.ev, series }); } catch { return; }
    }
    c.written = c.count;
  };

  // Models finishSeries (every 6 min: stale entries are written one last time and forgotten) and
  // refreshExistingEventSeries (every 30 min: live series are written back).
  let ticks = 0;
  const tick = () => {
    ticks++;
    const refreshNow = ticks % (SERIES_REFRESH_MS / SERIES_FINISH_MS) === 0;
    for (const [k, c] of cache) {
      const stale = clock.now() - c.lastObserved > SERIES_FINISH_MS;
      if ((stale || refreshNow) && c.count > 1 && c.count !== c.written) writeSeries(c);
      if (stale) cache.delete(k);
    }
    if (!cache.size && timer !== undefined) { clock.cancel(timer); timer = undefined; ticks = 0; }
  };

  return {
    event(obj: KObject, type: EventType, reason: string, message: string, eo: EventOptions = {}): void {
      const regarding = referenceOf(obj, eo.fieldPath);
      const related = eo.related ? referenceOf(eo.related) : undefined;
      const action = eo.action ?? '';
      const key = `${action}\u0000${reason}\u0000${refKey(regarding)}\u0000${refKey(related)}\u0000${message}`;
      const now = clock.now();
      const hit = cache.get(key);
      if (hit && now - hit.lastObserved <= SERIES_FINISH_MS) {
        hit.count++;
        hit.lastObserved = now;
        // Models recordToSink: the second occurrence writes the series; later ones wait for the refresh.
        if (hit.count === 2) writeSeries(hit);
        return;
      }
      const namespace = regarding.namespace || 'default';
      const name = `${regarding.name ?? ''}.${nextName(now)}`;
      const ev: KObject = {
        apiVersion: 'v1', kind: 'Event',
        metadata: { name, namespace },
        involvedObject: regarding,
        reason, message, source: {},
        firstTimestamp: null, lastTimestamp: null,
        type,
        eventTime: rfc3339Micro(now),
        action,
        reportingComponent: opts.reportingController,
        reportingInstance: opts.reportingInstance,
      };
      if (related) ev.related = related;
      cache.set(key, { namespace, name, count: 1, lastObserved: now, written: 1, ev });
      if (timer === undefined) timer = clock.every(SERIES_FINISH_MS, tick);
      try {
        client.create('events', namespace, ev);
      } catch { /* best effort, as upstream */ }
    },
  };
}
