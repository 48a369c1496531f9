import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { KObject } from '../../types';
import type { MonitoredResource } from './resources';

const NO_OWNERS: OwnerReference[] = Object.freeze([]) as unknown as OwnerReference[];

/** GraphNode is one object in the ownership graph. */
export interface GraphNode {
  uid: string;
  res: MonitoredResource;
  namespace: string | undefined;
  name: string;
  /** obj is the latest snapshot the informer delivered. */
  obj: KObject;
  owners: OwnerReference[];
}

/**
 * OwnerGraph models the garbage collector's GraphBuilder.uidToNode: objects by uid and, for every owner
 * uid (present or not), the uids of its dependents.
 */
export class OwnerGraph {
  private nodes = new Map<string, GraphNode>();
  private deps = new Map<string, Set<string>>();

  /** get returns the node of uid. */
  get(uid: string): GraphNode | undefined { return this.nodes.get(uid); }

  /** has tells whether an object with uid is currently known. */
  has(uid: string): boolean { return this.nodes.has(uid); }

  /** upsert records obj and returns the owner references it gained (compared with the previous snapshot). */
  upsert(res: MonitoredResource, obj: KObject): OwnerReference[] {
    const uid = obj.metadata.uid ?? '';
    const prev = this.nodes.get(uid);
    const owners = obj.metadata.ownerReferences ?? NO_OWNERS;
    // Most updates (status writes) keep the very same ownerReferences array: only the snapshot changes.
    if (prev && prev.owners === owners && prev.res === res) { prev.obj = obj; return NO_OWNERS; }
    if (!prev && !owners.length) {
      this.nodes.set(uid, { uid, res, namespace: obj.metadata.namespace, name: obj.metadata.name ?? '', obj, owners });
      return NO_OWNERS;
    }
    const before = new Set((prev?.owners ?? []).map((o) => o.uid));
    const after = new Set(owners.map((o) => o.uid));
    for (const u of before) if (!after.has(u)) this.deps.get(u)?.delete(uid);
    for (const u of after) {
      let s = this.deps.get(u);
      if (!s) this.deps.set(u, (s = new Set()));
      s.add(uid);
    }
    this.nodes.set(uid, { uid, res, namespace: obj.metadata.namespace, name: obj.metadata.name ?? '', obj, owners });
    return owners.filter((o) => !before.has(o.uid));
  }

  /** remove forgets obj and returns its node. */
  remove(obj: KObject): GraphNode | undefined {
    const uid = obj.metadata.uid ?? '';
    const node = this.nodes.get(uid);
    if (!node) return undefined;
    this.nodes.delete(uid);
    for (const o of node.owners) {
      const s = this.deps.get(o.uid);
      s?.delete(uid);
      if (s && !s.size) this.deps.delete(o.uid);
    }
    return node;
  }

  /** dependents returns the known dependents of the owner uid. */
  dependents(uid: string): GraphNode[] {
    const out: GraphNode[] = [];
    for (const d of this.deps.get(uid) ?? []) {
      const n = this.nodes.get(d);
      if (n) out.push(n);
    }
    return out;
  }
}
