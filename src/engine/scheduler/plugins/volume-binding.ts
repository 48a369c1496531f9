import type { Node, PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { NodeInfo, PodInfo } from '../node-info';
import type { CycleState } from './cycle';
import type { FilterStatus } from './filters';
import { matchTerm } from './node-affinity';

/** VolumeLookup reads claims, volumes and classes from the scheduler's informer caches. */
export interface VolumeLookup {
  claim(ns: string, name: string): PersistentVolumeClaim | undefined;
  volume(name: string): PersistentVolume | undefined;
  storageClass(name: string): StorageClass | undefined;
}

/** VolumeState is VolumeBinding's PreFilter result for one pod. */
export interface VolumeState {
  /** rejection is the PreFilter message that makes every node unschedulable. */
  rejection?: string;
  /** bound are the PVs the pod's claims are bound to (checked against node affinity in Filter). */
  bound: PersistentVolume[];
  /** delayed are unbound WaitForFirstConsumer claims (get the selected-node annotation at bind). */
  delayed: PersistentVolumeClaim[];
}

/** claimNames lists the PVC names a pod uses, ephemeral volumes as `<pod>-<volume>`. */
function claimNames(pod: Pod): Array<{ name: string; ephemeral: boolean }> {
  const out: Array<{ name: string; ephemeral: boolean }> = [];
  for (const v of pod.spec?.volumes ?? []) {
    if (v.persistentVolumeClaim?.claimName) out.push({ name: v.persistentVolumeClaim.claimName, ephemeral: false });
    else if (v.ephemeral) out.push({ name: `${pod.metadata?.name}-${v.name}`, ephemeral: true });
  }
  return out;
}

/**
 * volumePreFilter models plugins/volumebinding PreFilter: missing or terminating claims and unbound
 * claims of Immediate classes reject the pod on every node; WaitForFirstConsumer claims are delayed.
 * (No dynamic provisioning or PV matching here: the PV controller binds claims.)
 */
export function volumePreFilter(pod: Pod, lookup: VolumeLookup): VolumeState {
  const st: VolumeState = { bound: [], delayed: [] };
  const ns = pod.metadata?.namespace ?? 'default';
  let unboundImmediate = false;
  for (const { name, ephemeral } of claimNames(pod)) {
    const pvc = lookup.claim(ns, name);
    if (!pvc) {
      st.rejection = ephemeral ? `waiting for ephemeral volume controller to create the persistentvolumeclaim "${name}"` : `persistentvolumeclaim "${name}" not found`;
      return st;
    }
    if (pvc.metadata?.deletionTimestamp) { st.rejection = `persistentvolumeclaim "${name}" is being deleted`; return st; }
    if (pvc.spec?.volumeName) {
      const pv = lookup.volume(pvc.spec.volumeName);
      if (pv) st.bound.push(pv);
      continue;
    }
    const cls = pvc.spec?.storageClassName ? lookup.storageClass(pvc.spec.storageClassName) : undefined;
    if (cls?.volumeBindingMode === 'WaitForFirstConsumer') st.delayed.push(pvc);
    else unboundImmediate = true;
  }
  if (unboundImmediate) st.rejection = 'pod has unbound immediate PersistentVolumeClaims';
  return st;
}

/** volumeNodeAffinityOk reports whether node satisfies the required node affinity of every bound PV. */
export function volumeNodeAffinityOk(pvs: PersistentVolume[], node: Node): boolean {
  return pvs.every((pv) => {
    const terms = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms;
    return !terms || terms.some((t) => matchTerm(t, node));
  });
}

/** volumeBinding is the plugin's Filter: bound local volumes pin the pod to their nodes. */
export function volumeBinding(_pod: Pod, _info: PodInfo, n: NodeInfo, cycle: CycleState): FilterStatus | undefined {
  const st = cycle.data.get('VolumeBinding') as VolumeState | undefined;
  if (!st || volumeNodeAffinityOk(st.bound, n.node)) return undefined;
  return { plugin: 'VolumeBinding', unresolvable: true, reasons: ['node(s) had volume node affinity conflict'] };
}
