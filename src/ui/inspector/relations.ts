// Owner and owned objects of a selection, read from the mirror through ownerReferences (what
// `kubectl get` shows as "Controlled By" and what the garbage collector follows).
import type { KObject, ObjectRef } from '../../engine/protocol';

type Mirror = Readonly<Record<string, Readonly<Record<string, KObject>>>>;

/** Related is one linked object: its reference, how it relates, and whether it is in the mirror. */
export interface Related { ref: ObjectRef; relation: 'owner' | 'owned' | 'node'; present: boolean; controller: boolean }

const refOf = (o: KObject): ObjectRef => ({ kind: o.kind, namespace: o.metadata.namespace ?? '', name: o.metadata.name ?? '' });
const idOf = (r: ObjectRef): string => (r.namespace ? `${r.namespace}/${r.name}` : r.name);

/** CLUSTER_SCOPED_OWNERS are owner kinds without a namespace (a static pod's Node). */
const CLUSTER_SCOPED = new Set(['Node', 'Namespace', 'PersistentVolume', 'ClusterRole', 'StorageClass']);

/** relationsOf lists obj's owners (ownerReferences), the objects it owns, and for a pod its node. */
export function relationsOf(obj: KObject, mirror: Mirror): Related[] {
  const out: Related[] = [];
  const ns = obj.metadata.namespace ?? '';
  for (const o of obj.metadata.ownerReferences ?? []) {
    const ref = { kind: o.kind, namespace: CLUSTER_SCOPED.has(o.kind) ? '' : ns, name: o.name };
    out.push({ ref, relation: 'owner', present: !!mirror[o.kind]?.[idOf(ref)], controller: !!o.controller });
  }
  const uid = obj.metadata.uid;
  if (uid) {
    const owned: Related[] = [];
    for (const [kind, objs] of Object.entries(mirror)) {
      if (kind === 'Event') continue;
      for (const o of Object.values(objs)) {
        const r = o.metadata.ownerReferences?.find((x) => x.uid === uid);
        if (r) owned.push({ ref: refOf(o), relation: 'owned', present: true, controller: !!r.controller });
      }
    }
    owned.sort((a, b) => (a.ref.kind + a.ref.name < b.ref.kind + b.ref.name ? -1 : 1));
    out.push(...owned);
  }
  const nodeName = obj.kind === 'Pod' ? (obj.spec as { nodeName?: string } | undefined)?.nodeName : undefined;
  if (nodeName) out.push({ ref: { kind: 'Node', namespace: '', name: nodeName }, relation: 'node', present: !!mirror.Node?.[nodeName], controller: false });
  return out;
}

/** containerNames lists a pod's containers (init containers last, marked), for the logs picker. */
export function containerNames(pod: KObject): { name: string; init: boolean }[] {
  const spec = (pod.spec ?? {}) as { containers?: { name: string }[]; initContainers?: { name: string }[] };
  return [...(spec.containers ?? []).map((c) => ({ name: c.name, init: false })), ...(spec.initContainers ?? []).map((c) => ({ name: c.name, init: true }))];
}

/** execCommand is the kubectl line the Exec button types: `kubectl exec -it POD [-n NS] [-c C] -- sh`. */
export function execCommand(ref: ObjectRef, container?: string): string {
  const q = (s: string) => (/^[\w.-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  return `kubectl exec -it ${q(ref.name)}${ref.namespace && ref.namespace !== 'default' ? ` -n ${q(ref.namespace)}` : ''}${container ? ` -c ${q(container)}` : ''} -- sh`;
}
