import type { Sandbox } from '../../engine/sandbox';
import type { KObject, ObjectDiff, ObjectRef } from '../../engine/protocol';
import { refOf } from '../../engine/protocol';

type Pending = { op: 'added' | 'updated'; obj: KObject } | { op: 'removed'; ref: ObjectRef };

/**
 * ObjectFeed watches the whole store and coalesces changes by key between flushes, so the UI gets
 * one `{added, updated, removed}` batch per frame-ish interval however busy the cluster is.
 */
export class ObjectFeed {
  private pending = new Map<string, Pending>();
  private stopWatch: () => void;
  /** snapshot is every object at the moment the feed started. */
  readonly snapshot: KObject[];

  constructor(sandbox: Sandbox) {
    const store = sandbox.cluster.store;
    const { items, revision } = store.list('/registry/');
    this.snapshot = items;
    const w = store.watch('/registry/', revision, (ev) => {
      const prev = this.pending.get(ev.key);
      if (ev.type === 'DELETED') {
        // Added and removed within one batch: the UI never needs to hear of it.
        if (prev?.op === 'added') this.pending.delete(ev.key);
        else this.pending.set(ev.key, { op: 'removed', ref: refOf(ev.object) });
      } else if (ev.type === 'ADDED' && prev?.op !== 'removed') {
        this.pending.set(ev.key, { op: 'added', obj: ev.object });
      } else {
        // MODIFIED, or re-created after a removal in the same batch: the UI replaces what it holds.
        this.pending.set(ev.key, { op: prev?.op === 'added' ? 'added' : 'updated', obj: ev.object });
      }
    });
    this.stopWatch = () => w.stop();
  }

  /** take returns the changes since the last take, or undefined when nothing changed. */
  take(): ObjectDiff | undefined {
    if (this.pending.size === 0) return undefined;
    const diff: ObjectDiff = { added: [], updated: [], removed: [] };
    for (const p of this.pending.values()) {
      if (p.op === 'removed') diff.removed.push(p.ref);
      else diff[p.op].push(p.obj);
    }
    this.pending.clear();
    return diff;
  }

  /** stop ends the watch. */
  stop(): void { this.stopWatch(); }
}
