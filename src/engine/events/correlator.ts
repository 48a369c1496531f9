import type { Clock } from '../util';

const SPAM_BURST = 25;
const SPAM_REFILL_MS = 5 * 60 * 1000;
const SIMILAR_WINDOW_MS = 10 * 60 * 1000;
const SIMILAR_MAX = 10;
/** LRU_SIZE is client-go's maxLruCacheEntries: each correlator cache keeps the 4,096 most recent keys. */
export const LRU_SIZE = 4096;

interface LruNode<V> { key: string; value: V; prev: LruNode<V> | undefined; next: LruNode<V> | undefined }

/**
 * Lru is golang-lru's Cache as the correlator uses it: a read refreshes a key, an add past the size evicts
 * the oldest. A map of list nodes (evicting through a Map's own insertion order is slow under churn).
 */
export class Lru<V> {
  private m = new Map<string, LruNode<V>>();
  private oldest: LruNode<V> | undefined;
  private newest: LruNode<V> | undefined;

  get(key: string): V | undefined {
    const n = this.m.get(key);
    if (!n) return undefined;
    this.refresh(n);
    return n.value;
  }

  /** insert adds a key get has just missed (no second lookup). */
  insert(key: string, value: V): void {
    const node: LruNode<V> = { key, value, prev: this.newest, next: undefined };
    if (this.newest) this.newest.next = node; else this.oldest = node;
    this.newest = node;
    this.m.set(key, node);
    if (this.m.size > LRU_SIZE) {
      const o = this.oldest!;
      this.oldest = o.next;
      if (this.oldest) this.oldest.prev = undefined;
      this.m.delete(o.key);
    }
  }

  private refresh(n: LruNode<V>): void {
    if (n === this.newest) return;
    if (n.prev) n.prev.next = n.next; else this.oldest = n.next;
    n.next!.prev = n.prev;
    n.prev = this.newest;
    n.next = undefined;
    this.newest!.next = n;
    this.newest = n;
  }
}

/**
 * SpamFilter is client-go's EventSourceObjectSpamFilter: a token bucket per (source, object),
 * burst 25, refilled one token every 5 minutes; events beyond it are dropped.
 */
export class SpamFilter {
  private buckets = new Lru<{ tokens: number; at: number }>();
  constructor(private clock: Clock) {}

  /** allow takes a token for key, returning false when the bucket is empty. */
  allow(key: string): boolean {
    const now = this.clock.now();
    let b = this.buckets.get(key);
    if (!b) { b = { tokens: SPAM_BURST, at: now }; this.buckets.insert(key, b); }
    const refill = Math.floor((now - b.at) / SPAM_REFILL_MS);
    if (refill > 0) { b.tokens = Math.min(SPAM_BURST, b.tokens + refill); b.at += refill * SPAM_REFILL_MS; }
    if (b.tokens <= 0) return false;
    b.tokens--;
    return true;
  }
}

/**
 * SimilarEvents is client-go's EventAggregator: once 10 distinct messages share the same
 * (source, object, type, reason) within 10 minutes, later ones are combined into one event.
 */
export class SimilarEvents {
  // Most keys only ever see one message: the Set of distinct messages is made on the second one.
  private records = new Lru<{ first: string | undefined; messages: Set<string> | undefined; last: number }>();
  constructor(private clock: Clock) {}

  /** observe records message under key and says whether the event must be aggregated. */
  observe(key: string, message: string): boolean {
    const now = this.clock.now();
    let r = this.records.get(key);
    if (!r) { r = { first: undefined, messages: undefined, last: now }; this.records.insert(key, r); }
    else if (now - r.last > SIMILAR_WINDOW_MS) { r.first = undefined; r.messages = undefined; }
    r.last = now;
    if (r.messages) r.messages.add(message);
    else if (r.first === undefined) r.first = message;
    else if (r.first !== message) r.messages = new Set([r.first, message]);
    return (r.messages ? r.messages.size : 1) >= SIMILAR_MAX;
  }
}
