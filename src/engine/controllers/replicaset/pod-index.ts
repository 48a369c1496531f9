import type { Pod } from 'kubernetes-types/core/v1';
import type { Client } from '../../api';
import { createInformer, keyOf } from '../runtime';
import type { Informer } from '../runtime';
import { controllerOf } from './pods';

/** PodIndex is the shared pod informer plus two indexes: pods by controller uid, orphans by namespace. */
export interface PodIndex {
  informer: Informer<Pod>;
  /** owned lists the pods whose controller ownerReference has uid. */
  owned(uid: string): Pod[];
  /** orphans lists the pods of ns without a controller ownerReference. */
  orphans(ns: string): Pod[];
  /** ownedValues iterates owned(uid) without copying (do not write the cache while iterating). */
  ownedValues(uid: string): Iterable<Pod>;
  /** orphanValues iterates orphans(ns) without copying (do not write the cache while iterating). */
  orphanValues(ns: string): Iterable<Pod>;
  /** ownedSorted lists owned(uid) in key (namespace/name) order; the order is kept until a pod joins or leaves. */
  ownedSorted(uid: string): Pod[];
  /** onOwned registers a hook called as each pod enters (1) or leaves (-1) the owner index of uid. */
  onOwned(hook: (uid: string, pod: Pod, sign: 1 | -1) => void): void;
}

const NONE: Pod[] = [];

function bucket<K, V>(m: Map<K, Map<string, V>>, k: K): Map<string, V> {
  let b = m.get(k);
  if (!b) m.set(k, (b = new Map()));
  return b;
}

/**
 * createPodIndex returns a pod informer with owner/orphan indexes (an indexer keyed like upstream's
 * controllerUIDIndex), so a sync reads only its own pods and the orphans of its namespace.
 */
export function createPodIndex(client: Client): PodIndex {
  const informer = createInformer<Pod>(client, 'pods');
  const byOwner = new Map<string, Map<string, Pod>>();
  const orphans = new Map<string, Map<string, Pod>>();
  const hooks: Array<(uid: string, pod: Pod, sign: 1 | -1) => void> = [];
  // Sorted keys per owner uid, dropped whenever a key joins or leaves that owner's bucket.
  const sortedKeys = new Map<string, string[]>();
  const remove = (p: Pod, key = keyOf(p)) => {
    const ref = controllerOf(p);
    const m = ref ? byOwner.get(ref.uid) : orphans.get(p.metadata?.namespace ?? '');
    const stored = m?.get(key);
    m?.delete(key);
    if (ref && stored) sortedKeys.delete(ref.uid);
    if (ref && stored) for (const h of hooks) h(ref.uid, stored, -1);
    if (ref && m && !m.size) byOwner.delete(ref.uid);
  };
  const add = (p: Pod, key = keyOf(p)) => {
    const ref = controllerOf(p);
    const m = bucket(ref ? byOwner : orphans, ref ? ref.uid : (p.metadata?.namespace ?? ''));
    // The hooks count each cached pod once: a replaced entry leaves before its successor enters.
    const prev = ref ? m.get(key) : undefined;
    if (prev) for (const h of hooks) h(ref!.uid, prev, -1);
    else if (ref) sortedKeys.delete(ref.uid);
    m.set(key, p);
    if (ref) for (const h of hooks) h(ref.uid, p, 1);
  };
  // An update is the same cache key leaving and entering again (old and new share namespace and name).
  informer.addHandlers({ add: (p) => add(p), update: (o, n) => { const key = keyOf(n); remove(o, key); add(n, key); }, delete: (p) => remove(p) });
  return {
    informer,
    owned: (uid) => [...(byOwner.get(uid)?.values() ?? [])],
    orphans: (ns) => [...(orphans.get(ns)?.values() ?? [])],
    ownedValues: (uid) => byOwner.get(uid)?.values() ?? NONE,
    orphanValues: (ns) => orphans.get(ns)?.values() ?? NONE,
    onOwned: (hook) => { hooks.push(hook); },
    ownedSorted(uid) {
      const m = byOwner.get(uid);
      if (!m) return [];
      let keys = sortedKeys.get(uid);
      if (!keys) sortedKeys.set(uid, (keys = [...m.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))));
      const out: Pod[] = [];
      for (const k of keys) { const p = m.get(k); if (p) out.push(p); }
      return out;
    },
  };
}
