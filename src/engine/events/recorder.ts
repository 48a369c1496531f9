import type { KObject } from '../types';
import type { Client } from '../api/types';
import { ApiError } from '../api/types';
import type { Clock, Rng } from '../util';
import { rfc3339 } from '../util';
import type { EventOptions, EventRecorder, EventType } from './types';
import { SpamFilter, SimilarEvents } from './correlator';

/** EVENT_TTL_MS is kube-apiserver's default --event-ttl (1 h): events are deleted that long after their last write. */
export const EVENT_TTL_MS = 60 * 60 * 1000;

/** EventRecorderOptions configure one recorder (one per component and host, as in client-go). */
export interface EventRecorderOptions {
  client: Client;
  clock: Clock;
  rng: Rng;
  /** component is source.component and reportingComponent (e.g. `kubelet`, `default-scheduler`). */
  component: string;
  /** host is source.host and reportingInstance (the node name for kubelets). */
  host?: string;
}

interface Observed { name: string; namespace: string; count: number; firstTimestamp: string }

const MAX_CACHE = 4096;

/** ObjectReference is core/v1 ObjectReference as stored in involvedObject and related. */
type ObjectReference = Record<string, string>;

function referenceOf(obj: KObject, fieldPath?: string): ObjectReference {
  const ref: ObjectReference = { kind: obj.kind };
  const m = obj.metadata ?? {};
  if (m.namespace) ref.namespace = m.namespace;
  if (m.name) ref.name = m.name;
  if (m.uid) ref.uid = m.uid;
  ref.apiVersion = obj.apiVersion;
  if (m.resourceVersion) ref.resourceVersion = m.resourceVersion;
  if (fieldPath) ref.fieldPath = fieldPath;
  return ref;
}

/**
 * createEventRecorder returns a recorder that writes core/v1 Events through client.
 * Models client-go tools/record (recorder + EventCorrelator: spam filter, similar-event
 * aggregation, and the event logger that PATCHes count/lastTimestamp on repeats).
 */
export function createEventRecorder(opts: EventRecorderOptions): EventRecorder {
  const { client, clock, rng } = opts;
  const observed = new Map<string, Observed>();
  const expiry = new Map<string, number>();
  const spam = new SpamFilter(clock);
  const similar = new SimilarEvents(clock);

  const scheduleExpiry = (namespace: string, name: string) => {
    const key = `${namespace}/${name}`;
    const old = expiry.get(key);
    if (old !== undefined) clock.cancel(old);
    expiry.set(key, clock.after(EVENT_TTL_MS, () => {
      expiry.delete(key);
      try { client.delete('events', namespace, name); } catch { /* already gone */ }
    }));
  };

  const remember = (key: string, o: Observed) => {
    observed.delete(key);
    observed.set(key, o);
    if (observed.size > MAX_CACHE) observed.delete(observed.keys().next().value as string);
  };

  return {
    event(obj: KObject, type: EventType, reason: string, message: string, eo: EventOptions = {}): void {
      const component = eo.component ?? opts.component;
      const host = eo.host ?? opts.host;
      const involved = referenceOf(obj, eo.fieldPath);
      const namespace = involved.namespace || 'default';
      const source: Record<string, string> = { component };
      if (host) source.host = host;
      const objKey = [component, host ?? '', involved.kind, involved.namespace ?? '', involved.name ?? '', involved.uid ?? '', involved.apiVersion, involved.fieldPath ?? ''].join('\u0000');
      if (!spam.allow(objKey)) return;
      const aggregated = similar.observe(`${objKey}\u0000${type}\u0000${reason}`, message);
      const msg = aggregated ? `(combined from similar events): ${message}` : message;
      const key = aggregated ? `${objKey}\u0000${type}\u0000${reason}\u0000*` : `${objKey}\u0000${type}\u0000${reason}\u0000${message}`;

      const now = clock.now();
      const ts = rfc3339(now);
      const prev = observed.get(key);
      try {
        if (prev) {
          const count = prev.count + 1;
          remember(key, { ...prev, count });
          try {
            client.patch('events', prev.namespace, prev.name, 'application/merge-patch+json', { count, lastTimestamp: ts, message: msg });
            scheduleExpiry(prev.namespace, prev.name);
            return;
          } catch (e) {
            // Models recordEvent: a PATCH that finds the event gone (expired) falls back to CREATE.
            if (!(e instanceof ApiError) || e.code !== 404) throw e;
          }
          createEvent(prev.name, prev.namespace, count, prev.firstTimestamp);
          return;
        }
        const name = `${involved.name ?? ''}.${unixNanoHex(now, rng)}`;
        remember(key, { name, namespace, count: 1, firstTimestamp: ts });
        createEvent(name, namespace, 1, ts);
      } catch {
        // Recording is best effort: a terminating namespace or a full queue drops the event.
      }

      function createEvent(name: string, ns: string, count: number, first: string) {
        const ev: KObject = {
          apiVersion: 'v1',
          kind: 'Event',
          metadata: { name, namespace: ns },
          involvedObject: involved,
          reason,
          message: msg,
          source,
          firstTimestamp: first,
          lastTimestamp: ts,
          count,
          type,
          eventTime: null,
          reportingComponent: component,
          reportingInstance: host ?? '',
        };
        if (eo.action) ev.action = eo.action;
        if (eo.related) ev.related = referenceOf(eo.related);
        client.create('events', ns, ev);
        scheduleExpiry(ns, name);
      }
    },
  };
}

/** unixNanoHex is the `%x` of time.UnixNano(): virtual ms plus a seeded sub-millisecond part. */
function unixNanoHex(ms: number, rng: Rng): string {
  return (BigInt(Math.floor(ms)) * 1000000n + BigInt(rng.int(1000000))).toString(16);
}
