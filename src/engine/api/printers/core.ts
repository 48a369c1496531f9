// Models the core/networking/storage/coordination printers in pkg/printers/internalversion/printers.go (v1.32).
import { canonicalQuantity } from '../validation';
import { AGE_COL, NAME_COL, accessModesString, age, col, formatLabels, listWithMore, rfc3339Cell, selectorString, type Obj, translateTimestampSince } from './helpers';
import type { Printer } from './workloads';

const int = (v: unknown): number => (typeof v === 'number' ? v : 0);
const count = (m: unknown): number => (m && typeof m === 'object' ? Object.keys(m).length : 0);

/** serviceExternalIP returns the EXTERNAL-IP cell as getServiceExternalIP does (server tables are wide). */
export function serviceExternalIP(svc: Obj): string {
  const ext: string[] = svc.spec?.externalIPs ?? [];
  switch (svc.spec?.type) {
    case 'ClusterIP': case 'NodePort':
      return ext.length > 0 ? ext.join(',') : '<none>';
    case 'LoadBalancer': {
      // loadBalancerStatusStringer: a sorted set of ingress IPs (or hostnames).
      const lb = [...new Set(((svc.status?.loadBalancer?.ingress as Obj[] | undefined) ?? []).map((i) => i.ip || i.hostname).filter(Boolean) as string[])].sort();
      const all = [...lb, ...ext];
      return all.length > 0 ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return svc.spec?.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/** servicePorts returns the PORT(S) cell: '80/TCP', '80:30123/TCP', or '<none>'. */
export function servicePorts(svc: Obj): string {
  const ports: Obj[] = svc.spec?.ports ?? [];
  const s = ports.map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`)).join(',');
  return s === '' ? '<none>' : s;
}

/** formatEndpoints returns the ENDPOINTS cell ('10.244.1.5:8080,... + N more...', '<none>'). */
export function formatEndpoints(ep: Obj): string {
  const subsets: Obj[] = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let n = 0;
  for (const ss of subsets) {
    const addrs: Obj[] = ss.addresses ?? [];
    const ports: Obj[] = ss.ports ?? [];
    if (ports.length === 0) {
      n += addrs.length;
      for (const a of addrs) { if (list.length === max) { more = true; break; } list.push(a.ip); }
      continue;
    }
    for (const p of ports) {
      n += addrs.length;
      for (const a of addrs) {
        if (list.length === max) { more = true; break; }
        list.push(String(a.ip).includes(':') ? `[${a.ip}]:${p.port}` : `${a.ip}:${p.port}`);
      }
    }
  }
  return more ? `${list.join(',')} + ${n - max} more...` : list.join(',');
}

function nodeAddress(node: Obj, type: string): string {
  const a = ((node.status?.addresses as Obj[] | undefined) ?? []).find((x) => x.type === type);
  return a?.address ?? '<none>';
}

/** nodeStatus returns 'Ready', 'NotReady', 'Unknown', with ',SchedulingDisabled' when cordoned. */
export function nodeStatus(node: Obj): string {
  const status: string[] = [];
  const ready = ((node.status?.conditions as Obj[] | undefined) ?? []).find((c) => c.type === 'Ready');
  if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  if (status.length === 0) status.push('Unknown');
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

/** nodeRoles returns the ROLES cell from node-role.kubernetes.io/* and kubernetes.io/role labels, or '<none>'. */
export function nodeRoles(node: Obj): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries((node.metadata?.labels as Record<string, string> | undefined) ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) { const r = k.slice('node-role.kubernetes.io/'.length); if (r) roles.add(r); }
    else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  const list = [...roles].sort();
  return list.length ? list.join(',') : '<none>';
}

function eventTimes(e: Obj, now: number): { first: string; last: string; n: number } {
  const micro = (t: string | undefined): string => (t ? translateTimestampSince(t, now) : '<unknown>');
  const first = e.firstTimestamp ? translateTimestampSince(e.firstTimestamp, now) : micro(e.eventTime);
  let last = e.lastTimestamp ? translateTimestampSince(e.lastTimestamp, now) : first;
  let n = int(e.count);
  if (e.series) { last = micro(e.series.lastObservedTime); n = int(e.series.count); } else if (n === 0) n = 1;
  return { first, last, n };
}

function eventSource(e: Obj): string {
  const component = e.source?.component || e.reportingComponent || e.reportingController || '';
  const instance = e.source?.host || e.reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}

function resourceQuotaCells(q: Obj): [string, string] {
  const hard: Record<string, string> = q.status?.hard ?? {};
  const used: Record<string, string> = q.status?.used ?? {};
  const req: string[] = [];
  const lim: string[] = [];
  for (const r of Object.keys(hard).sort()) {
    const text = `${r}: ${used[r] !== undefined ? canonicalQuantity(used[r]) : '0'}/${canonicalQuantity(hard[r])}`;
    const pieces = r.split('.');
    (pieces.length > 1 && pieces[0] === 'limits' ? lim : req).push(text);
  }
  return [req.join(', '), lim.join(', ')];
}

// GetPersistentVolume(Claim)Class: the beta annotation wins over spec.storageClassName.
const storageClassOf = (o: Obj): string => o.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? o.spec?.storageClassName ?? '';
const vac = (o: Obj): string => o.spec?.volumeAttributesClassName || '<unset>';

/** CORE_PRINTERS covers the core, networking, storage, discovery and coordination resources. */
export const CORE_PRINTERS: Record<string, Printer> = {
  nodes: {
    columns: [NAME_COL, col('Status', 'string', 'The status of the node'), col('Roles', 'string', 'The roles of the node'), AGE_COL,
      col('Version', 'string', 'Kubelet Version reported by the node.'), col('Internal-IP', 'string', 'List of addresses reachable to the node.', 1),
      col('External-IP', 'string', 'List of addresses reachable to the node.', 1), col('OS-Image', 'string', 'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).', 1),
      col('Kernel-Version', 'string', "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).", 1),
      col('Container-Runtime', 'string', 'ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).', 1)],
    cells: (o, now) => {
      const info: Obj = o.status?.nodeInfo ?? {};
      return [o.metadata.name, nodeStatus(o), nodeRoles(o), age(o, now), info.kubeletVersion ?? '', nodeAddress(o, 'InternalIP'), nodeAddress(o, 'ExternalIP'),
        info.osImage || '<unknown>', info.kernelVersion || '<unknown>', info.containerRuntimeVersion || '<unknown>'];
    },
  },
  namespaces: {
    columns: [NAME_COL, col('Status', 'string', 'The status of the namespace'), AGE_COL],
    cells: (o, now) => [o.metadata.name, o.status?.phase ?? '', age(o, now)],
  },
  events: {
    columns: [col('Last Seen', 'string', 'The last time the event was recorded.'), col('Type', 'string', 'Type of this event (Normal, Warning).'),
      col('Reason', 'string', 'Reason for the transition into the object\'s current status.'), col('Object', 'string', 'The object that this event is about.'),
      col('Subobject', 'string', 'The subobject (field path) that this event is about.', 1), col('Source', 'string', 'The component reporting this event.', 1),
      col('Message', 'string', 'A human-readable description of the status of this operation.'), col('First Seen', 'string', 'The time at which the event was first recorded.', 1),
      col('Count', 'string', 'The number of times this event has occurred.', 1), { ...NAME_COL, priority: 1 }],
    cells: (o, now) => {
      const { first, last, n } = eventTimes(o, now);
      const inv: Obj = o.involvedObject ?? {};
      const target = inv.name ? `${String(inv.kind ?? '').toLowerCase()}/${inv.name}` : String(inv.kind ?? '').toLowerCase();
      return [last, o.type ?? '', o.reason ?? '', target, inv.fieldPath ?? '', eventSource(o), String(o.message ?? '').trim(), first, n, o.metadata.name];
    },
  },
  services: {
    columns: [NAME_COL, col('Type', 'string', 'type determines how the Service is exposed.'), col('Cluster-IP', 'string', 'clusterIP is the IP address of the service.'),
      col('External-IP', 'string', 'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.'),
      col('Port(s)', 'string', 'The list of ports that are exposed by this service.'), AGE_COL, col('Selector', 'string', 'Route service traffic to pods with label keys and values matching this selector.', 1)],
    cells: (o, now) => [o.metadata.name, o.spec?.type ?? '', (o.spec?.clusterIPs as string[] | undefined)?.[0] ?? o.spec?.clusterIP ?? '<none>', serviceExternalIP(o), servicePorts(o), age(o, now), formatLabels(o.spec?.selector)],
  },
  endpoints: {
    columns: [NAME_COL, col('Endpoints', 'string', 'The set of all endpoints is the union of all subsets.'), AGE_COL],
    cells: (o, now) => [o.metadata.name, formatEndpoints(o), age(o, now)],
  },
  endpointslices: {
    columns: [NAME_COL, col('AddressType', 'string', 'addressType specifies the type of address carried by this EndpointSlice.'), col('Ports', 'string', 'ports specifies the list of network ports exposed by each endpoint in this slice.'),
      col('Endpoints', 'string', 'endpoints is a list of unique endpoints in this slice.'), AGE_COL],
    cells: (o, now) => {
      const ports: Obj[] = o.ports ?? [];
      const pl = ports.slice(0, 3).map((p) => (p.port != null ? String(p.port) : p.name != null ? String(p.name) : '*'));
      const addrs: string[] = ((o.endpoints as Obj[] | undefined) ?? []).flatMap((e) => (e.addresses as string[] | undefined) ?? []);
      return [o.metadata.name, o.addressType ?? '', listWithMore(pl, ports.length > 3, ports.length, 3), listWithMore(addrs.slice(0, 3), addrs.length > 3, addrs.length, 3), age(o, now)];
    },
  },
  configmaps: {
    columns: [NAME_COL, col('Data', 'string', 'Data contains the configuration data.'), AGE_COL],
    cells: (o, now) => [o.metadata.name, count(o.data) + count(o.binaryData), age(o, now)],
  },
  secrets: {
    columns: [NAME_COL, col('Type', 'string', 'Used to facilitate programmatic handling of secret data.'), col('Data', 'string', 'Data contains the secret data.'), AGE_COL],
    cells: (o, now) => [o.metadata.name, o.type ?? '', count(o.data), age(o, now)],
  },
  serviceaccounts: {
    columns: [NAME_COL, col('Secrets', 'integer', 'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use.'), AGE_COL],
    cells: (o, now) => [o.metadata.name, ((o.secrets as unknown[] | undefined) ?? []).length, age(o, now)],
  },
  resourcequotas: {
    columns: [NAME_COL, AGE_COL, col('Request', 'string', 'Request represents a minimum amount of cpu/memory that a container may consume.'), col('Limit', 'string', 'Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.')],
    cells: (o, now) => [o.metadata.name, age(o, now), ...resourceQuotaCells(o)],
  },
  limitranges: {
    columns: [NAME_COL, col('Created At', 'date', 'CreationTimestamp is a timestamp representing the server time when this object was created.')],
    cells: (o) => [o.metadata.name, rfc3339Cell(o.metadata.creationTimestamp)],
  },
  persistentvolumes: {
    columns: [NAME_COL, col('Capacity', 'string', 'capacity is the description of the persistent volume\'s resources and capacity.'), col('Access Modes', 'string', 'accessModes contains all ways the volume can be mounted.'),
      col('Reclaim Policy', 'string', 'persistentVolumeReclaimPolicy defines what happens to a persistent volume when released from its claim.'), col('Status', 'string', 'phase indicates if a volume is available, bound to a claim, or released by a claim.'),
      col('Claim', 'string', 'claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim.'), col('StorageClass', 'string', 'storageClassName is the name of StorageClass to which this persistent volume belongs.'),
      col('VolumeAttributesClass', 'string', 'Name of VolumeAttributesClass to which this persistent volume belongs.'), col('Reason', 'string', 'reason is a brief CamelCase string that describes any failure.'), AGE_COL,
      col('VolumeMode', 'string', 'volumeMode defines if a volume is intended to be used with a formatted filesystem or to remain in raw block state.', 1)],
    cells: (o, now) => {
      const claim = o.spec?.claimRef ? `${o.spec.claimRef.namespace ?? ''}/${o.spec.claimRef.name ?? ''}` : '';
      const cap = o.spec?.capacity?.storage;
      return [o.metadata.name, cap !== undefined ? canonicalQuantity(cap) : '0', accessModesString(o.spec?.accessModes), o.spec?.persistentVolumeReclaimPolicy ?? '',
        o.metadata.deletionTimestamp ? 'Terminating' : (o.status?.phase ?? ''), claim, storageClassOf(o), vac(o), o.status?.reason ?? '', age(o, now), o.spec?.volumeMode ?? '<unset>'];
    },
  },
  persistentvolumeclaims: {
    columns: [NAME_COL, col('Status', 'string', 'phase represents the current phase of PersistentVolumeClaim.'), col('Volume', 'string', 'volumeName is the binding reference to the PersistentVolume backing this claim.'),
      col('Capacity', 'string', 'capacity represents the actual resources of the underlying volume.'), col('Access Modes', 'string', 'accessModes contains the actual access modes the volume backing the PVC has.'),
      col('StorageClass', 'string', 'storageClassName is the name of the StorageClass required by the claim.'), col('VolumeAttributesClass', 'string', 'volumeAttributesClassName may be used to set the VolumeAttributesClass used by this claim.'),
      AGE_COL, col('VolumeMode', 'string', 'volumeMode defines what type of volume is required by the claim.', 1)],
    cells: (o, now) => {
      const bound = !!o.spec?.volumeName;
      const cap = o.status?.capacity?.storage;
      return [o.metadata.name, o.metadata.deletionTimestamp ? 'Terminating' : (o.status?.phase ?? ''), o.spec?.volumeName ?? '',
        bound ? (cap !== undefined ? canonicalQuantity(cap) : '0') : '', bound ? accessModesString(o.status?.accessModes) : '', storageClassOf(o), vac(o), age(o, now), o.spec?.volumeMode ?? '<unset>'];
    },
  },
  storageclasses: {
    columns: [NAME_COL, col('Provisioner', 'string', 'provisioner indicates the type of the provisioner.'), col('ReclaimPolicy', 'string', 'reclaimPolicy controls the reclaimPolicy for dynamically provisioned PersistentVolumes of this storage class.'),
      col('VolumeBindingMode', 'string', 'volumeBindingMode indicates how PersistentVolumeClaims should be provisioned and bound.'),
      col('AllowVolumeExpansion', 'string', 'allowVolumeExpansion shows whether the storage class allow volume expand.'), AGE_COL],
    cells: (o, now) => {
      const ann = o.metadata?.annotations ?? {};
      const isDefault = ann['storageclass.kubernetes.io/is-default-class'] === 'true' || ann['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
      return [isDefault ? `${o.metadata.name} (default)` : o.metadata.name, o.provisioner ?? '', o.reclaimPolicy ?? 'Delete', o.volumeBindingMode ?? 'Immediate', o.allowVolumeExpansion === true, age(o, now)];
    },
  },
  ingresses: {
    columns: [NAME_COL, col('Class', 'string', 'The name of the IngressClass resource that should be used for ingress.'), col('Hosts', 'string', 'Hosts that incoming requests are matched against before the ingress rule'),
      col('Address', 'string', 'Address is a list containing ingress points for the load-balancer'), col('Ports', 'string', 'Ports of TLS configurations that open'), AGE_COL],
    cells: (o, now) => {
      const hosts = ((o.spec?.rules as Obj[] | undefined) ?? []).map((r) => r.host).filter(Boolean) as string[];
      const hostCell = hosts.length === 0 ? '*' : listWithMore(hosts.slice(0, 3), hosts.length > 3, hosts.length, 3);
      // ingressLoadBalancerStatusStringer: a sorted set of IPs (or hostnames); server tables are wide, so never cut.
      const addr = [...new Set(((o.status?.loadBalancer?.ingress as Obj[] | undefined) ?? []).map((i) => i.ip || i.hostname).filter(Boolean) as string[])].sort().join(',');
      const ports = ((o.spec?.tls as unknown[] | undefined) ?? []).length > 0 ? '80, 443' : '80';
      return [o.metadata.name, o.spec?.ingressClassName ?? '<none>', hostCell, addr, ports, age(o, now)];
    },
  },
  leases: {
    columns: [NAME_COL, col('Holder', 'string', 'holderIdentity contains the identity of the holder of a current lease.'), AGE_COL],
    cells: (o, now) => [o.metadata.name, o.spec?.holderIdentity ?? '', age(o, now)],
  },
  podtemplates: {
    columns: [NAME_COL, col('Containers', 'string', 'Names of each container in the template.'), col('Images', 'string', 'Images referenced by each container in the template.'), col('Pod Labels', 'string', 'The labels for the pod template.')],
    cells: (o) => {
      const cs: Obj[] = o.template?.spec?.containers ?? [];
      return [o.metadata.name, cs.map((c) => c.name).join(','), cs.map((c) => c.image).join(','), formatLabels(o.template?.metadata?.labels)];
    },
  },
  poddisruptionbudgets: {
    columns: [NAME_COL, col('Min Available', 'string', 'The minimum number of pods that must be available.'), col('Max Unavailable', 'string', 'The maximum number of pods that may be unavailable.'),
      col('Allowed Disruptions', 'integer', 'Calculated number of pods that may be disrupted at this time.'), AGE_COL],
    cells: (o, now) => [o.metadata.name, o.spec?.minAvailable != null ? String(o.spec.minAvailable) : 'N/A', o.spec?.maxUnavailable != null ? String(o.spec.maxUnavailable) : 'N/A',
      int(o.status?.disruptionsAllowed), age(o, now)],
  },
  networkpolicies: {
    columns: [NAME_COL, col('Pod-Selector', 'string', 'Selects the pods to which this NetworkPolicy object applies.'), AGE_COL],
    cells: (o, now) => [o.metadata.name, selectorString(o.spec?.podSelector) || '<none>', age(o, now)],
  },
};
