// Models describe.go's PersistentVolumeClaim, PersistentVolume and StorageClass describers (kubectl 1.32).
import type { KObject } from '../../types';
import {
  describeEvents, eventsFor, formatLabels, printAnnotationsMultiline, printLabelsMultiline, translateTimestampSince,
  type DescribeContext, type Obj,
} from './common';
import { canonical } from './quantity';
import { printVolume } from './volumes';
import { formatDescribeTimestamp } from '../printers';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString } from './writer';

/** accessModesString is storageutil.GetAccessModesAsString (RWO,ROX,RWX,RWOP). */
export function accessModesString(modes: string[] | undefined): string {
  const m = new Set(modes ?? []);
  return [['ReadWriteOnce', 'RWO'], ['ReadOnlyMany', 'ROX'], ['ReadWriteMany', 'RWX'], ['ReadWriteOncePod', 'RWOP']]
    .filter(([k]) => m.has(k)).map(([, v]) => v).join(',');
}

const claimClass = (o: Obj): string => o.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? o.spec?.storageClassName ?? '';
const goStrings = (a: string[] | undefined): string => `[${(a ?? []).join(' ')}]`;

/** describePersistentVolumeClaim renders `kubectl describe pvc` (with the pods using it). */
export function describePersistentVolumeClaim(pvc: KObject, ctx: DescribeContext): string {
  const p = pvc as Obj;
  const spec = (p.spec ?? {}) as Obj;
  let pods: Obj[] = [];
  try { pods = ctx.client.list('pods', pvc.metadata.namespace) as Obj[]; } catch { pods = []; }
  const users = pods.filter((pod) => ((pod.spec?.volumes ?? []) as Obj[]).some((v) => v.persistentVolumeClaim?.claimName === pvc.metadata.name))
    .map((pod) => pod.metadata.name as string).sort();
  const events = eventsFor(pvc, ctx);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pvc.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${pvc.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `StorageClass:\t${claimClass(p)}\n`);
    if (pvc.metadata.deletionTimestamp) w.write(LEVEL_0, `Status:\tTerminating (lasts ${translateTimestampSince(pvc.metadata.deletionTimestamp, ctx.now)})\n`);
    else w.write(LEVEL_0, `Status:\t${p.status?.phase ?? ''}\n`);
    w.write(LEVEL_0, `Volume:\t${spec.volumeName ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', pvc.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', pvc.metadata.annotations);
    w.write(LEVEL_0, `Finalizers:\t${goStrings(pvc.metadata.finalizers)}\n`);
    const bound = !!spec.volumeName;
    w.write(LEVEL_0, `Capacity:\t${bound ? canonical(p.status?.capacity?.storage ?? '0') : ''}\n`);
    w.write(LEVEL_0, `Access Modes:\t${bound ? accessModesString(p.status?.accessModes) : ''}\n`);
    if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`);
    if (spec.dataSource) {
      w.write(LEVEL_0, 'DataSource:\n');
      if (spec.dataSource.apiGroup) w.write(LEVEL_1, `APIGroup:\t${spec.dataSource.apiGroup}\n`);
      w.write(LEVEL_1, `Kind:\t${spec.dataSource.kind}\n`);
      w.write(LEVEL_1, `Name:\t${spec.dataSource.name}\n`);
    }
    w.write(LEVEL_0, 'Used By:\t');
    if (users.length === 0) w.writeLine('<none>');
    users.forEach((u, i) => { if (i !== 0) w.write(LEVEL_0, '\t'); w.write(LEVEL_0, `${u}\n`); });
    const conds = (p.status?.conditions ?? []) as Obj[];
    if (conds.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conds) {
        w.write(LEVEL_1, `${c.type} \t${c.status} \t${formatDescribeTimestamp(c.lastProbeTime)} \t${formatDescribeTimestamp(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
      }
    }
    if (events) describeEvents(events, w, ctx.now);
  });
}

/** describePersistentVolume renders `kubectl describe pv`. */
export function describePersistentVolume(pv: KObject, ctx: DescribeContext): string {
  const p = pv as Obj;
  const spec = (p.spec ?? {}) as Obj;
  const events = eventsFor(pv, ctx);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pv.metadata.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', pv.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', pv.metadata.annotations);
    w.write(LEVEL_0, `Finalizers:\t${goStrings(pv.metadata.finalizers)}\n`);
    w.write(LEVEL_0, `StorageClass:\t${claimClass(p)}\n`);
    if (pv.metadata.deletionTimestamp) w.write(LEVEL_0, `Status:\tTerminating (lasts ${translateTimestampSince(pv.metadata.deletionTimestamp, ctx.now)})\n`);
    else w.write(LEVEL_0, `Status:\t${p.status?.phase ?? ''}\n`);
    w.write(LEVEL_0, `Claim:\t${spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : ''}\n`);
    w.write(LEVEL_0, `Reclaim Policy:\t${spec.persistentVolumeReclaimPolicy ?? ''}\n`);
    w.write(LEVEL_0, `Access Modes:\t${accessModesString(spec.accessModes)}\n`);
    if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`);
    w.write(LEVEL_0, `Capacity:\t${canonical(spec.capacity?.storage ?? '0')}\n`);
    w.write(LEVEL_0, 'Node Affinity:\t');
    const terms = (spec.nodeAffinity?.required?.nodeSelectorTerms ?? undefined) as Obj[] | undefined;
    if (!spec.nodeAffinity?.required) w.writeLine('<none>');
    else {
      w.writeLine('');
      w.write(LEVEL_1, 'Required Terms:\t');
      if (!terms || terms.length === 0) w.writeLine('<none>');
      else {
        w.writeLine('');
        terms.forEach((t, i) => {
          w.write(LEVEL_2, `Term ${i}:\t`);
          const reqs = (t.matchExpressions ?? []) as Obj[];
          if (reqs.length === 0) w.writeLine('<none>');
          reqs.forEach((r, j) => {
            if (j !== 0) w.write(LEVEL_2, '\t');
            let e = `${r.key} ${String(r.operator).toLowerCase()}`;
            if (r.values?.length) e += ` [${r.values.join(', ')}]`;
            w.write(LEVEL_0, `${e}\n`);
          });
        });
      }
    }
    w.write(LEVEL_0, `Message:\t${p.status?.message ?? ''}\n`);
    w.write(LEVEL_0, 'Source:\n');
    if (spec.local) w.write(LEVEL_2, `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${spec.local.path ?? ''}\n`);
    else printVolume(spec, w);
    if (events) describeEvents(events, w, ctx.now);
  });
}

/** describeStorageClass renders `kubectl describe storageclass`. */
export function describeStorageClass(sc: KObject, ctx: DescribeContext): string {
  const s = sc as Obj;
  const ann = sc.metadata.annotations ?? {};
  const isDefault = ann['storageclass.kubernetes.io/is-default-class'] === 'true' || ann['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
  const events = eventsFor(sc, ctx);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${sc.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `IsDefaultClass:\t${isDefault ? 'Yes' : 'No'}\n`);
    w.write(LEVEL_0, `Annotations:\t${formatLabels(ann)}\n`);
    w.write(LEVEL_0, `Provisioner:\t${s.provisioner ?? ''}\n`);
    w.write(LEVEL_0, `Parameters:\t${formatLabels(s.parameters)}\n`);
    w.write(LEVEL_0, `AllowVolumeExpansion:\t${s.allowVolumeExpansion === undefined || s.allowVolumeExpansion === null ? '<unset>' : s.allowVolumeExpansion ? 'True' : 'False'}\n`);
    const opts = (s.mountOptions ?? []) as string[];
    if (opts.length === 0) w.write(LEVEL_0, 'MountOptions:\t<none>\n');
    else { w.write(LEVEL_0, 'MountOptions:\n'); for (const o of opts) w.write(LEVEL_1, `${o}\n`); }
    if (s.reclaimPolicy) w.write(LEVEL_0, `ReclaimPolicy:\t${s.reclaimPolicy}\n`);
    if (s.volumeBindingMode) w.write(LEVEL_0, `VolumeBindingMode:\t${s.volumeBindingMode}\n`);
    if (events) describeEvents(events, w, ctx.now);
  });
}
