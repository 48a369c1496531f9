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
}

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
  const remove = (p: Pod) => {
    const key = keyOf(p);
    const ref = controllerOf(p);
    const m = ref ? byOwner.get(ref.uid) : orphans.get(p.metadata?.namespace ?? '');
    m?.delete(key);
    if (ref && m && !m.size) byOwner.delete(ref.uid);
  };
  const add = (p: Pod) => {
    const ref = controllerOf(p);
    bucket(ref ? byOwner : orphans, ref ? ref.uid : (p.metadata?.namespace ?? '')).set(keyOf(p), p);
  };
  informer.addHandlers({ add, update: (o, n) => { remove(o); add(n); }, delete: remove });
  return {
    informer,
    owned: (uid) => [...(byOwner.get(uid)?.values() ?? [])],
    orphans: (ns) => [...(orphans.get(ns)?.values() ?? [])],
  };
}
