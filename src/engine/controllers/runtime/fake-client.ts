import type { KObject, Status } from '../../types';

/** Meta is ObjectMeta without readonly, for the fake server's own bookkeeping. */
type Meta = Record<string, unknown>;
import type { ApiRequest, ApiResponse, Client, ListOptions, WatchEvent, WatchStream } from '../../api/types';
import { ApiError } from '../../api/types';
import type { Clock } from '../../util';
import { clone, deepFreeze, rfc3339 } from '../../util';

const CLUSTER_SCOPED = new Set(['nodes', 'namespaces', 'persistentvolumes', 'clusterroles', 'clusterrolebindings', 'storageclasses', 'priorityclasses']);
const KINDS: Record<string, string> = { pods: 'Pod', nodes: 'Node', namespaces: 'Namespace', events: 'Event', services: 'Service', configmaps: 'ConfigMap' };

/** FakeClient is an in-memory Client for unit tests (no validation, no admission), with a call log. */
export interface FakeClient extends Client {
  /** actions lists `verb resource ns/name[/subresource]` for every write, in order. */
  actions: string[];
}

function notFound(resource: string, name: string): ApiError {
  const s: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'NotFound', code: 404, message: `${resource} "${name}" not found` };
  return new ApiError(s);
}

function matchesSelector(obj: KObject, opts?: ListOptions): boolean {
  for (const term of (opts?.fieldSelector ?? '').split(',').filter(Boolean)) {
    const neg = term.includes('!=');
    const [path, want] = term.split(neg ? '!=' : /==?/);
    let v: unknown = obj;
    for (const p of path.split('.')) v = (v as Record<string, unknown> | undefined)?.[p];
    if (((v ?? '') === want) === neg) return false;
  }
  for (const term of (opts?.labelSelector ?? '').split(',').filter(Boolean)) {
    const [k, want] = term.split('=');
    if (obj.metadata.labels?.[k] !== want) return false;
  }
  return true;
}

/**
 * createFakeClient returns a FakeClient over a map; writes bump one revision, watches are synchronous.
 * Pods deleted here vanish at once (no kubelet); bindings set spec.nodeName.
 */
export function createFakeClient(clock: Clock): FakeClient {
  const data = new Map<string, Map<string, KObject>>();
  const watchers = new Set<{ resource: string; ns?: string; opts?: ListOptions; fn?: (e: WatchEvent) => void; queue: WatchEvent[] }>();
  let rev = 1;
  let uid = 1;
  const actions: string[] = [];
  const bucket = (r: string) => { let m = data.get(r); if (!m) data.set(r, (m = new Map())); return m; };
  const keyOf = (r: string, ns: string | undefined, name: string) => (CLUSTER_SCOPED.has(r) ? name : `${ns ?? ''}/${name}`);
  const emit = (resource: string, type: WatchEvent['type'], object: KObject) => {
    for (const w of [...watchers]) {
      if (w.resource !== resource || (w.ns && w.ns !== object.metadata.namespace) || !matchesSelector(object, w.opts)) continue;
      const ev = { type, object };
      if (w.fn) w.fn(ev); else w.queue.push(ev);
    }
  };
  const store = (resource: string, obj: KObject, type: 'ADDED' | 'MODIFIED'): KObject => {
    (obj.metadata as Meta).resourceVersion = String(++rev);
    const frozen = deepFreeze(obj);
    bucket(resource).set(keyOf(resource, obj.metadata.namespace, obj.metadata.name ?? ''), frozen);
    emit(resource, type, frozen);
    return frozen;
  };
  const client: FakeClient = {
    actions,
    request(_req: ApiRequest): ApiResponse { return { code: 501 }; },
    get<T extends KObject>(r: string, ns: string | undefined, name: string): T {
      const o = bucket(r).get(keyOf(r, ns, name));
      if (!o) throw notFound(r, name);
      return o as T;
    },
    tryGet<T extends KObject>(r: string, ns: string | undefined, name: string): T | undefined {
      return bucket(r).get(keyOf(r, ns, name)) as T | undefined;
    },
    list<T extends KObject>(r: string, ns?: string, opts?: ListOptions): T[] {
      return [...bucket(r).values()].filter((o) => (!ns || CLUSTER_SCOPED.has(r) || o.metadata.namespace === ns) && matchesSelector(o, opts)) as T[];
    },
    create<T extends KObject>(r: string, ns: string | undefined, obj: KObject): T {
      const o = clone(obj);
      if (!o.metadata.name && o.metadata.generateName) o.metadata.name = o.metadata.generateName + String(uid);
      if (!CLUSTER_SCOPED.has(r)) o.metadata.namespace = ns ?? o.metadata.namespace ?? 'default';
      if (bucket(r).has(keyOf(r, o.metadata.namespace, o.metadata.name ?? ''))) {
        throw new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'AlreadyExists', code: 409, message: `${r} "${o.metadata.name}" already exists` });
      }
      o.kind ??= KINDS[r] ?? 'Unknown';
      (o.metadata as Meta).uid ??= `00000000-0000-0000-0000-${String(uid++).padStart(12, '0')}`;
      (o.metadata as Meta).creationTimestamp ??= rfc3339(clock.now());
      actions.push(`create ${r} ${o.metadata.namespace ?? ''}/${o.metadata.name}`);
      return store(r, o, 'ADDED') as T;
    },
    update<T extends KObject>(r: string, ns: string | undefined, obj: KObject, opts?: { subresource?: string }): T {
      const cur = client.get(r, ns ?? obj.metadata.namespace, obj.metadata.name ?? '');
      const o = clone(obj);
      (o.metadata as Meta).uid = cur.metadata.uid;
      (o.metadata as Meta).creationTimestamp = cur.metadata.creationTimestamp;
      if (cur.metadata.deletionTimestamp) (o.metadata as Meta).deletionTimestamp = cur.metadata.deletionTimestamp;
      actions.push(`update ${r} ${o.metadata.namespace ?? ''}/${o.metadata.name}${opts?.subresource ? '/' + opts.subresource : ''}`);
      if (cur.metadata.deletionTimestamp && (o.metadata.finalizers ?? []).length === 0 && !(o.spec as { finalizers?: string[] } | undefined)?.finalizers?.length) {
        bucket(r).delete(keyOf(r, o.metadata.namespace, o.metadata.name ?? ''));
        emit(r, 'DELETED', deepFreeze(o));
        return o as T;
      }
      return store(r, o, 'MODIFIED') as T;
    },
    updateStatus<T extends KObject>(r: string, ns: string | undefined, obj: KObject): T {
      return client.update<T>(r, ns, obj, { subresource: 'status' });
    },
    patch<T extends KObject>(r: string, ns: string | undefined, name: string, _type: string, patch: unknown, opts?: { subresource?: string }): T {
      const cur = clone(client.get(r, ns, name));
      const merge = (t: Record<string, unknown>, p: Record<string, unknown>) => {
        for (const [k, v] of Object.entries(p)) {
          if (v === null) delete t[k];
          else if (typeof v === 'object' && !Array.isArray(v) && typeof t[k] === 'object' && t[k] !== null) merge(t[k] as Record<string, unknown>, v as Record<string, unknown>);
          else t[k] = clone(v);
        }
      };
      merge(cur as Record<string, unknown>, patch as Record<string, unknown>);
      actions.push(`patch ${r} ${ns ?? ''}/${name}${opts?.subresource ? '/' + opts.subresource : ''}`);
      return store(r, cur, 'MODIFIED') as T;
    },
    delete(r: string, ns: string | undefined, name: string): KObject {
      const cur = client.get(r, ns, name);
      actions.push(`delete ${r} ${ns ?? ''}/${name}`);
      const fin = (cur.spec as { finalizers?: string[] } | undefined)?.finalizers ?? [];
      if (r === 'namespaces' && fin.length) {
        const o = clone(cur);
        (o.metadata as Meta).deletionTimestamp = rfc3339(clock.now());
        (o.status as Record<string, unknown>) = { phase: 'Terminating' };
        return store(r, o, 'MODIFIED');
      }
      bucket(r).delete(keyOf(r, ns, name));
      emit(r, 'DELETED', cur);
      return cur;
    },
    watch(resource: string, ns?: string, opts?: ListOptions): WatchStream {
      const w: { resource: string; ns?: string; opts?: ListOptions; fn?: (e: WatchEvent) => void; queue: WatchEvent[] } = { resource, ns, opts, queue: [] };
      watchers.add(w);
      return {
        onEvent(fn) { w.fn = fn; for (const e of w.queue.splice(0)) fn(e); },
        onClose() {},
        close() { watchers.delete(w); },
      };
    },
    post<T>(r: string, ns: string | undefined, name: string, sub: string, body: unknown): T {
      actions.push(`create ${r} ${ns ?? ''}/${name}/${sub}`);
      if (r === 'pods' && sub === 'binding') {
        const pod = clone(client.get(r, ns, name));
        (pod.spec as Record<string, unknown>).nodeName = (body as { target: { name: string } }).target.name;
        store(r, pod, 'MODIFIED');
        return { kind: 'Status', apiVersion: 'v1', status: 'Success', code: 201, metadata: {} } as T;
      }
      if (r === 'namespaces' && sub === 'finalize') {
        return client.update(r, ns, body as KObject, { subresource: 'finalize' }) as T;
      }
      throw notFound(r, name);
    },
  };
  return client;
}
