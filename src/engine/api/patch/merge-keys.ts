// Patch metadata for strategic merge patch, transcribed from the Go struct tags
// (`patchStrategy:"merge" patchMergeKey:"name"`) in k8s.io/api core/v1, apps/v1, batch/v1 types.go.
// Fields not listed are maps (merged key by key) or lists without a strategy (replaced whole).

/** FieldMeta is one field's patch metadata: a merge key (list of maps), primitive merge, and nested schema. */
export interface FieldMeta { mergeKey?: string; primitiveMerge?: boolean; schema?: Schema }

/** Schema maps field names of a struct to their patch metadata. */
export type Schema = Record<string, FieldMeta>;

const by = (mergeKey: string, schema?: Schema): FieldMeta => ({ mergeKey, schema });
const obj = (schema: Schema): FieldMeta => ({ schema });

// core/v1 Container: ports(containerPort), env(name), volumeMounts(mountPath), volumeDevices(devicePath).
const CONTAINER: Schema = {
  ports: by('containerPort'), env: by('name'), volumeMounts: by('mountPath'), volumeDevices: by('devicePath'),
};

// core/v1 ObjectMeta: ownerReferences(uid), finalizers(merge, primitive).
const OBJECT_META: Schema = { ownerReferences: by('uid'), finalizers: { primitiveMerge: true } };

// core/v1 PodSpec. tolerations, readinessGates, resizePolicy carry no strategy: replaced whole.
const POD_SPEC: Schema = {
  volumes: by('name'), initContainers: by('name', CONTAINER), containers: by('name', CONTAINER),
  ephemeralContainers: by('name', CONTAINER), imagePullSecrets: by('name'), hostAliases: by('ip'),
  topologySpreadConstraints: by('topologyKey'), resourceClaims: by('name'), schedulingGates: by('name'),
};

// core/v1 PodStatus: conditions(type), podIPs(ip), hostIPs(ip), resourceClaimStatuses(name).
const POD_STATUS: Schema = { conditions: by('type'), podIPs: by('ip'), hostIPs: by('ip'), resourceClaimStatuses: by('name') };

const POD_TEMPLATE_SPEC: Schema = { metadata: obj(OBJECT_META), spec: obj(POD_SPEC) };
const CONDITIONS_STATUS: Schema = { conditions: by('type') };

function withMeta(schema: Schema): Schema { return { metadata: obj(OBJECT_META), ...schema }; }

const WORKLOAD = withMeta({ spec: obj({ template: obj(POD_TEMPLATE_SPEC) }), status: obj(CONDITIONS_STATUS) });

/** SCHEMAS holds the top-level patch schema per kind; unknown kinds only get ObjectMeta's keys. */
export const SCHEMAS: Record<string, Schema> = {
  Pod: withMeta({ spec: obj(POD_SPEC), status: obj(POD_STATUS) }),
  PodTemplate: withMeta({ template: obj(POD_TEMPLATE_SPEC) }),
  Deployment: WORKLOAD,
  ReplicaSet: WORKLOAD,
  ReplicationController: WORKLOAD,
  DaemonSet: WORKLOAD,
  StatefulSet: WORKLOAD,
  Job: WORKLOAD,
  CronJob: withMeta({ spec: obj({ jobTemplate: obj({ metadata: obj(OBJECT_META), spec: obj({ template: obj(POD_TEMPLATE_SPEC) }) }) }) }),
  // core/v1 ServiceSpec ports: patchMergeKey "port" (listMapKeys port+protocol are SSA-only).
  Service: withMeta({ spec: obj({ ports: by('port') }), status: obj(CONDITIONS_STATUS) }),
  // core/v1 NodeSpec podCIDRs (merge primitive); NodeStatus addresses(type), conditions(type).
  Node: withMeta({ spec: obj({ podCIDRs: { primitiveMerge: true } }), status: obj({ addresses: by('type'), conditions: by('type') }) }),
  Namespace: withMeta({ status: obj(CONDITIONS_STATUS) }),
  PersistentVolumeClaim: withMeta({ status: obj(CONDITIONS_STATUS) }),
  HorizontalPodAutoscaler: withMeta({}),
};

/** schemaForKind returns the strategic-merge schema of kind (ObjectMeta only for kinds not in the table). */
export function schemaForKind(kind: string): Schema {
  return SCHEMAS[kind] ?? withMeta({});
}
