import type { Store } from '../../store';
import type { Clock, TimerId } from '../../util';
import type { ResourceDef } from '../types';

/** EVENT_TTL_MS is kube-apiserver's default --event-ttl (1 h): an event goes that long after its last write. */
export const EVENT_TTL_MS = 60 * 60 * 1000;

/** isEventResource is true for core/v1 Events. */
export function isEventResource(def: ResourceDef): boolean {
  return def.plural === 'events' && def.group === '';
}

/**
 * EventTTL deletes every event EVENT_TTL_MS after its last write, whoever wrote it, as kube-apiserver
 * stores events under an etcd lease that each write renews (the event registry's TTLFunc); the key just
 * disappears (a DELETED watch event, no graceful deletion). The TTL is one constant, so deadlines come in
 * write order: one queue and one clock timer serve every event.
 * Simplification: etcd's lease manager lets writes of the same minute share a lease; here each write
 * expires exactly one TTL later.
 */
export class EventTTL {
  private keys: string[] = [];
  private revs: number[] = [];
  private dues: number[] = [];
  private head = 0;
  private timer: TimerId | undefined;

  constructor(private store: Store, private clock: Clock, private ttlMs = EVENT_TTL_MS) {}

  /** touch starts the TTL of the write that stored key at revision rev (a later write supersedes it). */
  touch(key: string, rev: number): void {
    this.keys.push(key);
    this.revs.push(rev);
    this.dues.push(this.clock.now() + this.ttlMs);
    if (this.timer === undefined) this.arm();
  }

  private arm(): void {
    this.timer = this.clock.after(Math.max(0, this.dues[this.head] - this.clock.now()), () => this.expire());
  }

  private expire(): void {
    this.timer = undefined;
    const now = this.clock.now();
    while (this.head < this.keys.length && this.dues[this.head] <= now) {
      const i = this.head++;
      const key = this.keys[i], rev = this.revs[i];
      // Only the lease of the key's latest write deletes it.
      if (this.store.entry(key)?.modRevision === rev) this.store.delete(key, rev);
    }
    if (this.head > 1024 && this.head * 2 > this.keys.length) {
      this.keys = this.keys.slice(this.head);
      this.revs = this.revs.slice(this.head);
      this.dues = this.dues.slice(this.head);
      this.head = 0;
    }
    if (this.head < this.keys.length) this.arm();
  }
}
