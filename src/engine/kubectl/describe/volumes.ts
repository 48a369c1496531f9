// Models describe.go's describeVolumes for the volume sources a sandbox cluster uses; others print their Type line.
import { canonical } from './quantity';
import type { Obj } from './common';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './writer';

const goBoolPtr = (b: unknown): string => (b === undefined || b === null ? '<nil>' : String(b));

/** printVolume prints one volume source (the lines under a volume name or a PV's Source:). */
export function printVolume(v: Obj, w: PrefixWriter): void {
  if (v.hostPath) {
    w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path ?? ''}\n    HostPathType:\t${v.hostPath.type ?? '<none>'}\n`);
  } else if (v.emptyDir) {
    const size = v.emptyDir.sizeLimit && canonical(v.emptyDir.sizeLimit) !== '0' ? canonical(v.emptyDir.sizeLimit) : '<unset>';
    w.write(LEVEL_2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${size}\n`);
  } else if (v.secret) {
    w.write(LEVEL_2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName ?? ''}\n    Optional:\t${v.secret.optional === true}\n`);
  } else if (v.configMap) {
    w.write(LEVEL_2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name ?? ''}\n    Optional:\t${v.configMap.optional === true}\n`);
  } else if (v.nfs) {
    w.write(LEVEL_2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${v.nfs.server ?? ''}\n    Path:\t${v.nfs.path ?? ''}\n    ReadOnly:\t${v.nfs.readOnly === true}\n`);
  } else if (v.persistentVolumeClaim) {
    w.write(LEVEL_2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${v.persistentVolumeClaim.claimName ?? ''}\n    ReadOnly:\t${v.persistentVolumeClaim.readOnly === true}\n`);
  } else if (v.downwardAPI) {
    w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
    for (const m of (v.downwardAPI.items ?? []) as Obj[]) {
      if (m.fieldRef) w.write(LEVEL_3, `${m.fieldRef.fieldPath} -> ${m.path}\n`);
      if (m.resourceFieldRef) w.write(LEVEL_3, `${m.resourceFieldRef.resource} -> ${m.path}\n`);
    }
  } else if (v.projected) {
    // kubectl 1.32 prints the *bool Optional fields with %v, hence `<nil>`.
    w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
    for (const s of (v.projected.sources ?? []) as Obj[]) {
      if (s.secret) w.write(LEVEL_2, `SecretName:\t${s.secret.name ?? ''}\n    SecretOptionalName:\t${goBoolPtr(s.secret.optional)}\n`);
      else if (s.downwardAPI) w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
      else if (s.configMap) w.write(LEVEL_2, `ConfigMapName:\t${s.configMap.name ?? ''}\n    ConfigMapOptional:\t${goBoolPtr(s.configMap.optional)}\n`);
      else if (s.serviceAccountToken) w.write(LEVEL_2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 0}\n`);
    }
  } else if (v.csi) {
    w.write(LEVEL_2, `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${v.csi.driver ?? ''}\n    FSType:\t${v.csi.fsType ?? ''}\n    ReadOnly:\t${v.csi.readOnly === true}\n`);
    w.write(LEVEL_2, 'VolumeAttributes:\t');
    const attrs = Object.keys(v.csi.volumeAttributes ?? {}).sort();
    if (attrs.length === 0) w.writeLine('<none>');
    attrs.forEach((k, i) => {
      if (i !== 0) w.write(LEVEL_2, '\t');
      w.write(LEVEL_2, `${k}=${v.csi.volumeAttributes[k]}\n`);
    });
  } else if (v.ephemeral) {
    w.write(LEVEL_2, 'Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n');
  } else if (v.image) {
    w.write(LEVEL_2, `Type:\tImage (a container image or OCI artifact)\n    Reference:\t${v.image.reference ?? ''}\n    PullPolicy:\t${v.image.pullPolicy ?? ''}\n`);
  } else w.write(LEVEL_1, '<unknown>\n');
}

/** describeVolumes prints the Volumes section (`Volumes:\t<none>` when empty). */
export function describeVolumes(volumes: Obj[] | undefined, w: PrefixWriter, space: string): void {
  if (!volumes || volumes.length === 0) { w.write(LEVEL_0, `${space}Volumes:\t<none>\n`); return; }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  const nameIndent = space ? ' ' : '';
  for (const v of volumes) {
    w.write(LEVEL_1, `${nameIndent}${v.name}:\n`);
    printVolume(v, w);
  }
}
