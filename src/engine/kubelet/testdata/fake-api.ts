// Test double: a tiny in-memory API (pods, nodes) and event recorder, for kubelet unit tests.
import type { Client, ListOptions, WatchEvent, WatchStream } from '../../api/types';
import { ApiError } from '../../api/types';
import type { EventOptions, EventRecorder } from '../../events';
import type { KObject } from '../../types';
import type { Clock } from '../../util';
import { clone, deepFreeze, rfc3339 } from '../../util';

/** RecordedEvent is one event the fake recorder saw. */
export interface RecordedEvent { t: number; type: string; reason: string; message: string; fieldPath?: string; pod: string }

/** FakeApi is the fake client plus introspection. */
export interface FakeApi {
  client: Client;
  recorder: EventRecorder;
  events: RecordedEvent[];
  statusWrites: number;
  pods(): KObject[];
}

/** createFakeApi returns a fake client whose watches are synchronous, like the real store. */
export function createFakeApi(clock: Clock): FakeApi {
  const objs = new Map<string, KObject>();
  let rv = 1;
  const watchers = new Set<{ res: string; sel?: string; fn?: (e: WatchEvent) => void; closed: boolean }>();
  const key = (res: string, ns: string | undefined, name: string) => `${res}/${ns ?? ''}/${name}`;
  const matches = (o: KObject, sel?: string) => !sel || sel.split(',').every((p) => { const [k, v] = p.split('='); return k !== 'spec.nodeName' || (o.spec as { nodeName?: string })?.nodeName === v; });
  const notify = (type: WatchEvent['type'], o: KObject, res = 'pods') => { for (const w of watchers) if (!w.closed && w.res === res && matches(o, w.sel)) w.fn?.({ type, object: o }); };
  const notFound = (name: string) => new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 404, reason: 'NotFound', message: `pods "${name}" not found` });
  const store = (res: string, o: KObject, type: WatchEvent['type']) => {
    const c = clone(o);
    (c.metadata as Record<string, unknown>).resourceVersion = String(++rv);
    const frozen = deepFreeze(c);
    objs.set(key(res, o.metadata.namespace, o.metadata.name ?? ''), frozen);
    notify(type, frozen, res);
    return frozen;
  };
  const api: FakeApi = {
    events: [],
    statusWrites: 0,
    pods: () => [...objs.entries()].filter(([k]) => k.startsWith('pods/')).map(([, v]) => v),
    recorder: {
      event(obj: KObject, type, reason, message, opts?: EventOptions) {
        api.events.push({ t: clock.now(), type, reason, message, fieldPath: opts?.fieldPath, pod: obj.metadata.name ?? '' });
      },
    },
    client: {
      request: () => { throw new Error('not supported'); },
      get(res, ns, name) { const o = objs.get(key(res, ns, name)); if (!o) throw notFound(name); return o as never; },
      tryGet(res, ns, name) { return objs.get(key(res, ns, name)) as never; },
      list(res, ns, opts?: ListOptions) { return [...objs.entries()].filter(([k, o]) => k.startsWith(res + '/') && (!ns || o.metadata.namespace === ns) && matches(o, opts?.fieldSelector)).map(([, o]) => o) as never; },
      create(res, ns, obj) {
        const o = clone(obj);
        const m = o.metadata as Record<string, unknown>;
        m.namespace = ns;
        m.uid = o.metadata.uid ?? `uid-${o.metadata.name}-${rv}`;
        m.creationTimestamp = rfc3339(clock.now());
        return store(res, o, 'ADDED') as never;
      },
      update(res, _ns, obj) { return store(res, obj, 'MODIFIED') as never; },
      updateStatus(res, ns, obj) {
        const cur = objs.get(key(res, ns, obj.metadata.name ?? ''));
        if (!cur) throw notFound(obj.metadata.name ?? '');
        api.statusWrites++;
        return store(res, { ...clone(cur), status: clone(obj.status) }, 'MODIFIED') as never;
      },
      patch() { throw new Error('not supported'); },
      delete(res, ns, name, opts) {
        const k = key(res, ns, name);
        const cur = objs.get(k);
        if (!cur) throw notFound(name);
        const grace = opts?.gracePeriodSeconds ?? (cur.spec as { terminationGracePeriodSeconds?: number })?.terminationGracePeriodSeconds ?? 30;
        const phase = (cur.status as { phase?: string })?.phase;
        if (grace > 0 && (cur.spec as { nodeName?: string })?.nodeName && phase !== 'Succeeded' && phase !== 'Failed') {
          if (cur.metadata.deletionTimestamp) return cur;
          const o = clone(cur);
          const m = o.metadata as Record<string, unknown>;
          m.deletionTimestamp = rfc3339(clock.now() + grace * 1000);
          m.deletionGracePeriodSeconds = grace;
          return store(res, o, 'MODIFIED');
        }
        objs.delete(k);
        notify('DELETED', cur, res);
        return cur;
      },
      watch(res, _ns, opts?: ListOptions): WatchStream {
        const w: { res: string; sel?: string; fn?: (e: WatchEvent) => void; closed: boolean } = { res, sel: opts?.fieldSelector, closed: false };
        watchers.add(w);
        return { onEvent: (fn) => { w.fn = fn; }, onClose: () => {}, close: () => { w.closed = true; watchers.delete(w); } };
      },
      post() { throw new Error('not supported'); },
    },
  };
  return api;
}
