import type { KObject } from '../types';
import { deepFreeze } from '../util';

/** StoreEventType is the kind of change a store event reports. */
export type StoreEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** StoreEvent is one change at one revision; DELETED carries the last state stamped with the deletion revision. */
export interface StoreEvent {
  type: StoreEventType;
  key: string;
  revision: number;
  object: KObject;
  /** prevObject is the state before a MODIFIED or DELETED change. */
  prevObject?: KObject;
}

/** StoreErrorCode says why a store operation failed. */
export type StoreErrorCode = 'NotFound' | 'AlreadyExists' | 'Conflict' | 'Gone';

/** StoreError is thrown by Store writes and watches; the API server maps it to a Status. */
export class StoreError extends Error {
  constructor(public readonly code: StoreErrorCode, public readonly key: string, message: string, public readonly oldest = 0) {
    super(message);
    this.name = 'StoreError';
  }
}

/** StoreEntry is a stored object with its etcd-style revisions. */
export interface StoreEntry { key: string; object: KObject; createRevision: number; modRevision: number }

/**
 * WatchTrigger narrows which events a watch handler needs, like the watch cache's indexed triggers
 * (pods by spec.nodeName): an event is skipped when neither its object nor its previous state has
 * key(o) === value. The handler must itself ignore such events (it is an optimization only).
 */
export interface WatchTrigger { key: (o: KObject) => string; value: string }

/** StoreWatch is a live watch registration. */
export interface StoreWatch { stop(): void }

/** StoreOptions tune the event history and error reporting. */
export interface StoreOptions {
  /** historySize is how many events stay watchable (default 10,000). */
  historySize?: number;
  /** onHandlerError receives exceptions thrown by watch handlers (default: kept in handlerErrors). */
  onHandlerError?: (err: unknown, ev: StoreEvent) => void;
}

// A directory's entries are a set of entry objects (identity-hashed); byKey finds them by key.
interface Dir { entries: Set<StoreEntry>; sorted: StoreEntry[] | null }
interface Watcher { prefix: string; bucket: string; cursor: number; handler: (ev: StoreEvent) => void; onGone?: (err: StoreError) => void; stopped: boolean; trigger?: WatchTrigger }

// A watcher whose prefix stops before the resource segment sees every key (etcdctl watch --prefix /registry/).
const ANY = '';

/**
 * Store is an etcd-like key-value store of frozen objects: one increasing revision stamped into each
 * object's metadata.resourceVersion, compare-and-swap writes, prefix lists and watches from any retained revision.
 * Models etcd3 as kube-apiserver uses it (storage/etcd3/store.go), with an in-memory bounded event history.
 */
export class Store {
  /** handlerErrors keeps the latest exceptions thrown by watch handlers when no onHandlerError is set. */
  readonly handlerErrors: unknown[] = [];
  private rev = 0;
  private compacted = 0;
  private dirs = new Map<string, Dir>();
  /** byKey holds every entry by its full key (point reads need no split of the key). */
  private byKey = new Map<string, StoreEntry>();
  private sortedDirs: string[] | null = null;
  private history: (StoreEvent | undefined)[];
  private readonly cap: number;
  /** watchers is replaced, never mutated, so a dispatch loop can iterate a stable snapshot without copying. */
  private watchers: Watcher[] = [];
  /** byBucket caches, per resource segment (`/registry/pods/`), the watchers that may match its keys, in registration order. */
  private byBucket = new Map<string, Watcher[]>();
  private dispatchedRev = 0;
  /** lagging lists the watchers added since the last catch-up pass (only they can be behind dispatchedRev). */
  private lagging: Watcher[] = [];
  private dispatching = false;
  private readonly onHandlerError?: (err: unknown, ev: StoreEvent) => void;

  constructor(opts: StoreOptions = {}) {
    this.cap = Math.max(1, opts.historySize ?? 10_000);
    this.history = new Array(this.cap);
    this.onHandlerError = opts.onHandlerError;
  }

  /** revision is the store's current revision (the last write's). */
  get revision(): number { return this.rev; }

  /** compactedRevision is the newest revision no longer watchable (watches must start at or after it). */
  get compactedRevision(): number { return Math.max(this.compacted, this.rev - this.cap); }

  /** get returns the frozen object at key, or undefined. */
  get(key: string): KObject | undefined { return this.entry(key)?.object; }

  /** entry returns the object at key with its create and mod revisions. */
  entry(key: string): StoreEntry | undefined {
    return this.byKey.get(key);
  }

  /** list returns the objects whose keys start with prefix, in key order, with the revision they were read at. */
  list(prefix: string): { items: KObject[]; revision: number } {
    return { items: this.listEntries(prefix).map((e) => e.object), revision: this.rev };
  }

  /** listEntries returns the entries whose keys start with prefix, in key order. */
  listEntries(prefix: string): StoreEntry[] {
    const exact = this.dirs.get(prefix);
    if (exact && !this.hasSubdirs(prefix)) return [...sortedOf(exact)];
    const out: StoreEntry[] = [];
    for (const d of this.dirNames()) {
      if (d.startsWith(prefix)) out.push(...sortedOf(this.dirs.get(d)!));
      else if (prefix.startsWith(d)) for (const e of sortedOf(this.dirs.get(d)!)) if (e.key.startsWith(prefix)) out.push(e);
    }
    return out;
  }

  /** count returns how many keys start with prefix. */
  count(prefix: string): number {
    let n = 0;
    for (const d of this.dirNames()) {
      const dir = this.dirs.get(d)!;
      if (d.startsWith(prefix)) n += dir.entries.size;
      else if (prefix.startsWith(d)) for (const e of dir.entries) if (e.key.startsWith(prefix)) n++;
    }
    return n;
  }

  /** keys returns the keys that start with prefix, in order (etcdctl get --prefix --keys-only). */
  keys(prefix: string): string[] { return this.listEntries(prefix).map((e) => e.key); }

  /** create stores obj at key; throws StoreError AlreadyExists. Returns the frozen stored object. */
  create(key: string, obj: KObject): KObject {
    if (this.byKey.has(key)) throw new StoreError('AlreadyExists', key, `key exists: ${key}`);
    const dir = dirOf(key);
    const rev = this.rev + 1;
    const stored = stamp(obj, rev);
    let d = this.dirs.get(dir);
    if (!d) { d = { entries: new Set(), sorted: null }; this.dirs.set(dir, d); this.sortedDirs = null; }
    const e: StoreEntry = { key, object: stored, createRevision: rev, modRevision: rev };
    d.entries.add(e);
    this.byKey.set(key, e);
    d.sorted = null;
    this.commit({ type: 'ADDED', key, revision: rev, object: stored });
    return stored;
  }

  /**
   * update replaces the object at key; when expectedModRevision is given it must equal the current
   * mod revision (compare-and-swap), else StoreError Conflict. Throws NotFound when absent.
   */
  update(key: string, obj: KObject, expectedModRevision?: number): KObject {
    const e = this.entry(key);
    if (!e) throw new StoreError('NotFound', key, `key not found: ${key}`);
    if (expectedModRevision !== undefined && expectedModRevision !== e.modRevision) {
      throw new StoreError('Conflict', key, `revision mismatch on ${key}: have ${e.modRevision}, want ${expectedModRevision}`);
    }
    const rev = this.rev + 1;
    const prev = e.object;
    const stored = stamp(obj, rev);
    e.object = stored;
    e.modRevision = rev;
    this.commit({ type: 'MODIFIED', key, revision: rev, object: stored, prevObject: prev });
    return stored;
  }

  /** delete removes the object at key (CAS like update) and returns its last state stamped with the deletion revision. */
  delete(key: string, expectedModRevision?: number): KObject {
    const e = this.byKey.get(key);
    const d = e && this.dirs.get(dirOf(key));
    if (!d || !e) throw new StoreError('NotFound', key, `key not found: ${key}`);
    if (expectedModRevision !== undefined && expectedModRevision !== e.modRevision) {
      throw new StoreError('Conflict', key, `revision mismatch on ${key}: have ${e.modRevision}, want ${expectedModRevision}`);
    }
    const rev = this.rev + 1;
    d.entries.delete(e);
    this.byKey.delete(key);
    d.sorted = null;
    const last = stamp(e.object, rev);
    this.commit({ type: 'DELETED', key, revision: rev, object: last, prevObject: e.object });
    return last;
  }

  /** compact drops the history up to and including rev (etcd compaction). */
  compact(rev: number): void { this.compacted = Math.max(this.compacted, Math.min(rev, this.rev)); }

  /** eventsSince returns retained events with revision > rev, or throws StoreError Gone. */
  eventsSince(rev: number): StoreEvent[] {
    this.checkRetained(rev);
    const out: StoreEvent[] = [];
    for (let r = rev + 1; r <= this.rev; r++) out.push(this.history[r % this.cap]!);
    return out;
  }

  /**
   * watch delivers every event with revision > fromRevision whose key starts with prefix, in order.
   * Throws StoreError Gone when fromRevision is compacted. Delivery is synchronous: events written while
   * a handler runs are queued and delivered after it returns (one dispatch loop, revision order).
   */
  watch(prefix: string, fromRevision: number, handler: (ev: StoreEvent) => void, onGone?: (err: StoreError) => void, trigger?: WatchTrigger): StoreWatch {
    this.checkRetained(fromRevision);
    const w: Watcher = { prefix, bucket: bucketOf(prefix), cursor: fromRevision, handler, onGone, stopped: false, trigger };
    // Copy-on-write: dispatch iterates the array it started with, as the old per-event copy did.
    this.setWatchers([...this.watchers, w]);
    this.lagging = [...this.lagging, w];
    this.dispatch();
    return {
      stop: () => {
        if (w.stopped) return;
        w.stopped = true;
        this.setWatchers(this.watchers.filter((x) => x !== w));
      },
    };
  }

  private setWatchers(ws: Watcher[]): void {
    this.watchers = ws;
    this.byBucket.clear();
  }

  // watchersFor returns the (never mutated) list of watchers whose prefix can match keys of bucket.
  private watchersFor(bucket: string): Watcher[] {
    let ws = this.byBucket.get(bucket);
    if (!ws) {
      ws = this.watchers.filter((w) => w.bucket === ANY || w.bucket === bucket);
      this.byBucket.set(bucket, ws);
    }
    return ws;
  }

  private checkRetained(rev: number): void {
    const oldest = this.compactedRevision;
    if (rev < oldest) throw new StoreError('Gone', '', `too old resource version: ${rev} (${oldest})`, oldest);
  }

  private commit(ev: StoreEvent): void {
    this.rev = ev.revision;
    this.history[ev.revision % this.cap] = ev;
    this.dispatch();
  }

  private dispatch(): void {
    if (this.dispatching) return;
    if (this.watchers.length === 0) { this.dispatchedRev = this.rev; return; }
    this.dispatching = true;
    try {
      for (;;) {
        let progressed = false;
        // Only a newly added watcher can be behind dispatchedRev: every other one sees each dispatched event
        // (a watcher's cursor only advances on the events of its bucket; it is never behind once caught up).
        if (this.lagging.length) {
          const ws = this.lagging;
          this.lagging = [];
          for (let i = 0; i < ws.length; i++) {
            const w = ws[i];
            try {
              while (!w.stopped && w.cursor < this.dispatchedRev) { this.catchUp(w); progressed = true; }
            } catch (e) {
              // A throwing onGone may have left this and later watchers behind: re-check them next time.
              this.lagging = [...ws.slice(i), ...this.lagging];
              throw e;
            }
          }
        }
        if (this.dispatchedRev < this.rev) {
          const ev = this.history[(this.dispatchedRev + 1) % this.cap]!;
          this.dispatchedRev++;
          const cur = this.watchersFor(bucketOf(ev.key));
          // Trigger values of this event, computed once per key function.
          let keyFn: ((o: KObject) => string) | undefined;
          let k1 = '', k2: string | undefined;
          for (let i = 0; i < cur.length; i++) {
            const w = cur[i];
            if (w.stopped || w.cursor >= ev.revision) continue;
            const t = w.trigger;
            if (t !== undefined) {
              if (t.key !== keyFn) { keyFn = t.key; k1 = t.key(ev.object); k2 = ev.prevObject ? t.key(ev.prevObject) : undefined; }
              if (k1 !== t.value && k2 !== t.value) continue;
            }
            w.cursor = ev.revision;
            if (ev.key.startsWith(w.prefix)) this.deliver(w, ev);
          }
          progressed = true;
        }
        if (!progressed) break;
      }
    } finally {
      this.dispatching = false;
    }
  }

  private catchUp(w: Watcher): void {
    const next = w.cursor + 1;
    if (next <= this.compactedRevision) {
      w.stopped = true;
      this.setWatchers(this.watchers.filter((x) => x !== w));
      const oldest = this.compactedRevision;
      w.onGone?.(new StoreError('Gone', '', `too old resource version: ${w.cursor} (${oldest})`, oldest));
      return;
    }
    const ev = this.history[next % this.cap]!;
    w.cursor = next;
    if (ev.key.startsWith(w.prefix)) this.deliver(w, ev);
  }

  private deliver(w: Watcher, ev: StoreEvent): void {
    try {
      w.handler(ev);
    } catch (err) {
      if (this.onHandlerError) this.onHandlerError(err, ev);
      else { this.handlerErrors.push(err); if (this.handlerErrors.length > 100) this.handlerErrors.shift(); }
    }
  }

  private dirNames(): string[] {
    if (!this.sortedDirs) this.sortedDirs = [...this.dirs.keys()].sort();
    return this.sortedDirs;
  }

  // Directories under prefix are contiguous in the sorted names: the first name after prefix tells.
  private hasSubdirs(prefix: string): boolean {
    const names = this.dirNames();
    let lo = 0, hi = names.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (names[mid] <= prefix) lo = mid + 1; else hi = mid; }
    return lo < names.length && names[lo].startsWith(prefix);
  }
}

// bucketOf is a key's or prefix's resource segment (`/registry/pods/`, three slashes), or ANY when it has none.
function bucketOf(keyOrPrefix: string): string {
  const a = keyOrPrefix.indexOf('/');
  const b = a < 0 ? -1 : keyOrPrefix.indexOf('/', a + 1);
  const c = b < 0 ? -1 : keyOrPrefix.indexOf('/', b + 1);
  return c < 0 ? ANY : keyOrPrefix.slice(0, c + 1);
}

// dirOf is a key's directory: everything up to and including its last slash.
function dirOf(key: string): string {
  return key.slice(0, key.lastIndexOf('/') + 1);
}

function sortedOf(d: Dir): StoreEntry[] {
  if (!d.sorted) d.sorted = [...d.entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return d.sorted;
}

function stamp(obj: KObject, rev: number): KObject {
  const rv = String(rev);
  if (!Object.isFrozen(obj) && obj.metadata && !Object.isFrozen(obj.metadata)) {
    (obj.metadata as { resourceVersion?: string }).resourceVersion = rv;
    return deepFreeze(obj);
  }
  return deepFreeze({ ...obj, metadata: { ...obj.metadata, resourceVersion: rv } });
}
