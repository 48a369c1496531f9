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
  /** inNamespace iterates one namespace's cached objects (in list order) without copying them. */
  inNamespace(ns: string): Iterable<T>;
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

type Obj = { metadata?: ObjectMeta };

const ADD = 0, UPDATE = 1, DELETE = 2;

// call runs one handler for a change (no closure per change).
function call(h: InformerHandlers<Obj>, kind: number, obj: Obj, old: Obj | undefined): void {
  if (kind === ADD) h.add?.(obj);
  else if (kind === UPDATE) h.update?.(old!, obj);
  else h.delete?.(obj);
}

/**
 * Handle is one component's view of a shared informer: its handlers, and the events that arrive while
 * its start() replays the cache (delivered right after, as a watch opened before the list delivers them).
 */
interface Handle {
  handlers: InformerHandlers<Obj>[];
  started: boolean;
  replaying: Array<() => void> | undefined;
}

/**
 * SharedInformer is one list-watch cache of a resource shared by every component of one client, as
 * client-go's SharedInformerFactory shares one reflector and store per resource: each change is applied
 * once and then handed to every started handle, in the order the handles started.
 */
class SharedInformer {
  readonly cache = new Map<string, Obj>();
  /** byNamespace indexes the cache by namespace (client-go's default NamespaceIndex), in cache order. */
  readonly byNamespace = new Map<string, Map<string, Obj>>();
  private handles: Handle[] = [];
  private stream: WatchStream | undefined;

  constructor(private client: Client, private resource: string, private opts: ListOptions & { namespace?: string }) {}

  /** attach starts h: the first handle lists and watches; later ones get the cache replayed as adds. */
  attach(h: Handle): void {
    if (!this.stream) {
      this.handles = [...this.handles, h];
      h.started = true;
      this.listAndWatch();
      return;
    }
    // A handle that starts later sees what its own list would have returned (key order), then live events.
    h.replaying = [];
    this.handles = [...this.handles, h];
    h.started = true;
    const { namespace, ...listOpts } = this.opts;
    for (const o of this.client.list(this.resource, namespace, listOpts)) {
      const cur = this.cache.get(keyOf(o));
      if (cur) for (const x of h.handlers) x.add?.(cur);
    }
    const queued = h.replaying;
    h.replaying = undefined;
    for (const deliver of queued) deliver();
  }

  detach(h: Handle): void {
    h.started = false;
    h.replaying = undefined;
    this.handles = this.handles.filter((x) => x !== h);
    if (this.handles.length) return;
    const s = this.stream;
    this.stream = undefined;
    this.cache.clear();
    this.byNamespace.clear();
    s?.close();
  }

  private listAndWatch(): void {
    const { namespace, ...listOpts } = this.opts;
    const stream = this.client.watch(this.resource, namespace, listOpts);
    this.stream = stream;
    for (const o of this.client.list(this.resource, namespace, listOpts)) this.apply('ADDED', o as Obj);
    stream.onEvent((ev) => this.apply(ev.type, ev.object as Obj));
    stream.onClose(() => {
      // The server ended the watch (timeout/compaction): relist and watch again, as a Reflector does.
      if (this.stream !== stream) return;
      this.stream = undefined;
      this.listAndWatch();
    });
  }

  private apply(type: string, obj: Obj): void {
    const key = keyOf(obj);
    const old = this.cache.get(key);
    if (type === 'DELETED') {
      if (!old) return;
      this.cache.delete(key);
      this.byNamespace.get(old.metadata?.namespace ?? '')?.delete(key);
      this.notify(DELETE, obj, undefined);
      return;
    }
    if (type !== 'ADDED' && type !== 'MODIFIED') return;
    // Stale or duplicate events (an older resourceVersion) are dropped.
    const rv = rvNum(obj);
    if (old && rv && rv <= rvNum(old)) return;
    this.cache.set(key, obj);
    const ns = obj.metadata?.namespace ?? '';
    let inNs = this.byNamespace.get(ns);
    if (!inNs) this.byNamespace.set(ns, (inNs = new Map()));
    inNs.set(key, obj);
    if (old) this.notify(UPDATE, obj, old);
    else this.notify(ADD, obj, undefined);
  }

  private notify(kind: number, obj: Obj, old: Obj | undefined): void {
    const hs = this.handles;
    for (let i = 0; i < hs.length; i++) {
      const h = hs[i];
      if (!h.started) continue;
      if (h.replaying) { h.replaying.push(() => { for (const x of h.handlers) call(x, kind, obj, old); }); continue; }
      const list = h.handlers;
      for (let j = 0; j < list.length; j++) call(list[j], kind, obj, old);
    }
  }
}

const shared = new WeakMap<Client, Map<string, SharedInformer>>();

function sharedInformer(client: Client, resource: string, opts: ListOptions & { namespace?: string }): SharedInformer {
  let byKey = shared.get(client);
  if (!byKey) shared.set(client, (byKey = new Map()));
  const key = `${resource}\u0000${JSON.stringify(opts)}`;
  let s = byKey.get(key);
  if (!s) byKey.set(key, (s = new SharedInformer(client, resource, opts)));
  return s;
}

/**
 * createInformer returns an Informer over client for resource, backed by the client's shared informer
 * for that resource and options. Models client-go's SharedIndexInformer (no resync; the namespace index only): watch
 * events arrive synchronously, so the cache is always current. Until start() it answers empty, as an
 * informer of its own would.
 */
export function createInformer<T extends { metadata?: ObjectMeta }>(client: Client, resource: string, opts: ListOptions & { namespace?: string } = {}): Informer<T> {
  const inf = sharedInformer(client, resource, opts);
  const h: Handle = { handlers: [], started: false, replaying: undefined };
  return {
    get: (key) => (h.started ? inf.cache.get(key) as T | undefined : undefined),
    list: (ns) => {
      if (!h.started) return [];
      if (!ns) return [...inf.cache.values()] as T[];
      const inNs = inf.byNamespace.get(ns);
      return inNs ? [...inNs.values()] as T[] : [];
    },
    inNamespace: (ns) => (h.started ? (inf.byNamespace.get(ns)?.values() ?? []) as Iterable<T> : []),
    addHandlers(x) {
      h.handlers.push(x as InformerHandlers<Obj>);
      if (h.started) for (const o of [...inf.cache.values()]) x.add?.(o as T);
    },
    start() {
      if (!h.started) inf.attach(h);
    },
    stop() {
      if (h.started) inf.detach(h);
    },
  };
}
