import type { KObject } from '../types';
import type { Client } from '../api/types';
import { ApiError } from '../api/types';
import type { Clock, Rng } from '../util';
import { rfc3339 } from '../util';
import type { EventOptions, EventRecorder, EventType } from './types';
import { Lru, LRU_SIZE, SpamFilter, SimilarEvents } from './correlator';
import { nanoClock, referenceOf, type ObjectReference } from './reference';

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


/** ObjectKeys are the spam key of one (source, object) and its aggregator keys per type and reason. */
interface ObjectKeys { component: string; host: string | undefined; ref: ObjectReference; spam: string; aggregates: Map<string, string>; aggregate(type: string, reason: string): string }

/**
 * ObjectKeyCache hands out the same key strings for repeated events about one object, so the correlator's
 * maps hash them once (a fresh concatenation is hashed on every lookup). Pure memoization: the keys are
 * exactly the concatenations client-go builds; entries are checked against every part they are built from.
 */
class ObjectKeyCache {
  private byUid = new Map<string, ObjectKeys>();

  of(component: string, host: string | undefined, ref: ObjectReference): ObjectKeys {
    const uid = ref.uid;
    let k = uid ? this.byUid.get(uid) : undefined;
    if (k && k.component === component && k.host === host && k.ref.kind === ref.kind && k.ref.namespace === ref.namespace
      && k.ref.name === ref.name && k.ref.apiVersion === ref.apiVersion) return k;
    const spam = `${component}\u0000${host ?? ''}\u0000${ref.kind}\u0000${ref.namespace ?? ''}\u0000${ref.name ?? ''}\u0000${uid ?? ''}\u0000${ref.apiVersion ?? ''}`;
    const aggregates = new Map<string, string>();
    k = {
      component, host, ref, spam, aggregates,
      aggregate(type, reason) {
        const sub = `${type}\u0000${reason}`;
        let a = aggregates.get(sub);
        if (a === undefined) { a = `${spam}\u0000${sub}`; aggregates.set(sub, a); }
        return a;
      },
    };
    if (uid) {
      if (this.byUid.size >= LRU_SIZE) this.byUid.clear();
      this.byUid.set(uid, k);
    }
    return k;
  }
}

/**
 * createEventRecorder returns a recorder that writes core/v1 Events through client.
 * Models client-go tools/record (recorder + EventCorrelator: spam filter, similar-event
 * aggregation, and the event logger that PATCHes count/lastTimestamp on repeats).
 */
export function createEventRecorder(opts: EventRecorderOptions): EventRecorder {
  const { client, clock, rng } = opts;
  const observed = new Lru<Observed>();
  const spam = new SpamFilter(clock);
  const similar = new SimilarEvents(clock);
  const objectKeys = new ObjectKeyCache();
  const unixNanoHex = nanoClock(rng);

  return {
    event(obj: KObject, type: EventType, reason: string, message: string, eo: EventOptions = {}): void {
      const component = eo.component ?? opts.component;
      const host = eo.host ?? opts.host;
      const involved = referenceOf(obj, eo.fieldPath);
      const namespace = involved.namespace || 'default';
      const source: Record<string, string> = { component };
      if (host) source.host = host;
      // Keys as client-go builds them: the spam key has no fieldPath/type/reason, the aggregator key adds
      // type and reason, the event key adds fieldPath and message.
      const keys = objectKeys.of(component, host, involved);
      const spamKey = keys.spam;
      const aggregated = similar.observe(keys.aggregate(type, reason), message);
      const msg = aggregated ? `(combined from similar events): ${message}` : message;
      const key = aggregated ? `${spamKey}\u0000${type}\u0000${reason}\u0000*` : `${spamKey}\u0000${involved.fieldPath ?? ''}\u0000${type}\u0000${reason}\u0000${message}`;
      const now = clock.now();
      const ts = rfc3339(now);
      // Models EventCorrelate: the logger counts the occurrence before the spam filter decides, so a
      // throttled repeat still raises the count the next written PATCH carries.
      const prev = observed.get(key);
      const o = prev ?? { name: `${involved.name ?? ''}.${unixNanoHex(now)}`, namespace, count: 0, firstTimestamp: ts };
      if (!prev) observed.insert(key, o);
      const count = ++o.count;
      const { name, namespace: evNamespace, firstTimestamp: first } = o;
      if (!spam.allow(spamKey)) return;
      try {
        if (prev) {
          try {
            client.patch('events', evNamespace, name, 'application/merge-patch+json', { count, lastTimestamp: ts, message: msg });
            return;
          } catch (e) {
            // Models recordEvent: a PATCH that finds the event gone (expired) falls back to CREATE.
            if (!(e instanceof ApiError) || e.code !== 404) throw e;
          }
        }
        const ev: KObject = {
          apiVersion: 'v1',
          kind: 'Event',
          metadata: { name, namespace: evNamespace },
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
        client.create('events', evNamespace, ev);
      } catch {
        // Recording is best effort: a terminating namespace or a full queue drops the event.
      }
    },
  };
}
