import type { ObjectMeta } from '../../types';
import type { Client, ListOptions, WatchStream } from '../../api/types';

/** InformerHandlers are called synchronously for each change of the cache. */
export interface InformerHandlers<T> {
  add?(obj: T): void;
  update?(oldObj: T, newObj: T): void;
  delete?(obj: T): void;
}

/** Informer is a list-watch cache of one resource, keyed `namespace/name` (or `name` when cluster-scoped). */
export interface Informer<T> {
  /** get returns the cached object for key. */
  get(key: string): T | undefined;
  /** list returns every cached object (optionally one namespace's). */
  list(ns?: string): T[];
  /** addHandlers registers handlers (existing objects are replayed as adds). */
  addHandlers(h: InformerHandlers<T>): void;
  /** start lists then watches; idempotent. */
  start(): void;
  /** stop closes the watch. */
  stop(): void;
}

/** keyOf is client-go's MetaNamespaceKeyFunc: `namespace/name`, or `name` for cluster-scoped objects. */
export function keyOf(obj: { metadata?: { namespace?: string; name?: string } }): string {
  const m = obj.metadata ?? {};
  return m.namespace ? `${m.namespace}/${m.name}` : (m.name ?? '');
}

/** splitKey is cache.SplitMetaNamespaceKey: [namespace, name] (namespace '' when cluster-scoped). */
export function splitKey(key: string): [string, string] {
  const i = key.indexOf('/');
  return i < 0 ? ['', key] : [key.slice(0, i), key.slice(i + 1)];
}

const rvNum = (o: { metadata?: { resourceVersion?: string } }) => Number(o.metadata?.resourceVersion ?? 0);

interface KeyRv { key: string; rv: number }
// Every informer of a resource sees the same frozen event objects: their cache key and numeric
// resourceVersion are computed once per object (and the shared key string keeps its hash).
const keyRvs = new WeakMap<object, KeyRv>();
function keyRvOf(obj: { metadata?: ObjectMeta }): KeyRv {
  let k = keyRvs.get(obj);
  if (!k) {
    k = { key: keyOf(obj), rv: rvNum(obj) };
    if (Object.isFrozen(obj) && Object.isFrozen(obj.metadata ?? obj)) keyRvs.set(obj, k);
  }
  return k;
}

/**
 * createInformer returns an Informer over client for resource.
 * Models client-go's SharedIndexInformer (no resync, no indexers): watch events arrive synchronously,
 * so the cache is always current; stale or duplicate events (older resourceVersion) are dropped.
 */
export function createInformer<T extends { metadata?: ObjectMeta }>(client: Client, resource: string, opts: ListOptions & { namespace?: string } = {}): Informer<T> {
  const cache = new Map<string, T>();
  const handlers: InformerHandlers<T>[] = [];
  let stream: WatchStream | undefined;
  const { namespace, ...listOpts } = opts;

  const apply = (type: string, obj: T) => {
    const kr = keyRvOf(obj);
    const key = kr.key;
    const old = cache.get(key);
    if (type === 'DELETED') {
      if (!old) return;
      cache.delete(key);
      for (let i = 0; i < handlers.length; i++) handlers[i].delete?.(obj);
      return;
    }
    if (type !== 'ADDED' && type !== 'MODIFIED') return;
    if (old && kr.rv && kr.rv <= keyRvOf(old).rv) return;
    cache.set(key, obj);
    for (let i = 0; i < handlers.length; i++) {
      const h = handlers[i];
      if (old) h.update?.(old, obj);
      else h.add?.(obj);
    }
  };

  return {
    get: (key) => cache.get(key),
    list: (ns) => {
      const all = [...cache.values()];
      return ns ? all.filter((o) => o.metadata?.namespace === ns) : all;
    },
    addHandlers(h) {
      handlers.push(h);
      for (const o of [...cache.values()]) h.add?.(o);
    },
    start() {
      if (stream) return;
      stream = client.watch(resource, namespace, listOpts);
      for (const o of client.list(resource, namespace, listOpts)) apply('ADDED', o as unknown as T);
      stream.onEvent((ev) => apply(ev.type, ev.object as unknown as T));
      stream.onClose(() => {
        // The server ended the watch (timeout/compaction): relist and watch again, as a Reflector does.
        if (!stream) return;
        stream = undefined;
        this.start();
      });
    },
    stop() {
      const s = stream;
      stream = undefined;
      s?.close();
    },
  };
}
