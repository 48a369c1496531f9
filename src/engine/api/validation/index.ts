// The API server's validation step: per-resource ValidateX / ValidateXUpdate as kube-apiserver's
// registry strategies call them, returning field errors in upstream order.
import type { KObject } from '../../types';
import type { FieldError } from './field-error';
import {
  validateConfigMap, validateImmutableData, validateNamespace, validateNode, validatePod, validatePodStatusUpdate, validatePodUpdate,
  validatePVC, validateSecret, validateService, validateServiceAccount, validateServiceUpdate,
} from './core-objects';
import { isDNS1123Subdomain, isPathSegmentName } from './messages';
import { nameWith, validateObjectMeta, validateObjectMetaUpdate, type Obj } from './meta';
import { validateIngress, validatePersistentVolume } from './networking-storage';
import { QUANTITY_REGEX_MESSAGE, parseQuantity } from './quantity';
import {
  validateAppsUpdate, validateCronJob, validateDaemonSet, validateDeployment, validateJob, validateJobUpdate, validateReplicaSet,
  validateReplicationController, validateStatefulSet,
} from './workloads';

export type { FieldError, FieldErrorType } from './field-error';
export { formatFieldError } from './field-error';
export {
  parseQuantity, formatQuantity, canonicalQuantity, compareQuantity, addQuantities, milliValue, quantityValue, isQuantity, QUANTITY_REGEX_MESSAGE,
} from './quantity';
export type { Quantity, QuantityFormat } from './quantity';
export { isDNS1123Label, isDNS1123Subdomain, isDNS1035Label, isQualifiedName, isValidLabelValue } from './messages';
export { selectorMatches } from './workloads';
export { parseCronError, parseCronSchedule } from './cron';
export type { CronSchedule, CronField } from './cron';

type Validator = (o: Obj) => FieldError[];

const subdomainName = nameWith(isDNS1123Subdomain);
const segmentName = nameWith(isPathSegmentName);
const subdomainMeta = (namespaced: boolean): Validator => (o) => validateObjectMeta(o.metadata, namespaced, subdomainName);
const segmentMeta = (namespaced: boolean): Validator => (o) => validateObjectMeta(o.metadata, namespaced, segmentName);

const CREATE: Record<string, Validator> = {
  pods: validatePod,
  services: validateService,
  namespaces: validateNamespace,
  configmaps: validateConfigMap,
  secrets: validateSecret,
  nodes: validateNode,
  persistentvolumeclaims: validatePVC,
  serviceaccounts: validateServiceAccount,
  deployments: validateDeployment,
  replicasets: validateReplicaSet,
  replicationcontrollers: validateReplicationController,
  daemonsets: validateDaemonSet,
  statefulsets: validateStatefulSet,
  jobs: validateJob,
  cronjobs: (o) => validateCronJob(o),
  ingresses: validateIngress,
  persistentvolumes: validatePersistentVolume,
  roles: segmentMeta(true),
  rolebindings: segmentMeta(true),
  clusterroles: segmentMeta(false),
  clusterrolebindings: segmentMeta(false),
};

const CLUSTER_SCOPED = new Set(['namespaces', 'nodes', 'persistentvolumes', 'storageclasses', 'clusterroles', 'clusterrolebindings', 'priorityclasses',
  'ingressclasses', 'customresourcedefinitions', 'apiservices', 'csinodes', 'csidrivers', 'volumeattachments', 'runtimeclasses',
  'validatingwebhookconfigurations', 'mutatingwebhookconfigurations', 'certificatesigningrequests', 'componentstatuses']);

const NAMESPACED_SUBDOMAIN_META = subdomainMeta(true);
const CLUSTER_SUBDOMAIN_META = subdomainMeta(false);

const plural = (resource: string): string => { const i = resource.indexOf('.'); return i < 0 ? resource : resource.slice(0, i); };

/** validateCreate returns the field errors the API server reports for a new object of `resource` (plural). */
export function validateCreate(resource: string, obj: KObject): FieldError[] {
  const r = plural(resource);
  const fn = CREATE[r] ?? (CLUSTER_SCOPED.has(r) ? CLUSTER_SUBDOMAIN_META : NAMESPACED_SUBDOMAIN_META);
  return fn(obj as Obj);
}

/** validateUpdate returns the field errors for replacing old with obj (immutability included). */
export function validateUpdate(resource: string, obj: KObject, old: KObject): FieldError[] {
  const r = plural(resource);
  const o = obj as Obj;
  const prev = old as Obj;
  switch (r) {
    case 'pods': return validatePodUpdate(o, prev);
    case 'services': return validateServiceUpdate(o, prev);
    case 'secrets': return validateImmutableData(o, prev, 'Secret');
    case 'configmaps': return validateImmutableData(o, prev, 'ConfigMap');
    case 'deployments': case 'replicasets': case 'daemonsets': case 'statefulsets':
      return validateAppsUpdate(r, o, prev, CREATE[r]);
    case 'jobs': return validateJobUpdate(o, prev);
    case 'cronjobs': return validateCronJob(o, prev);
    default: {
      const errs = validateObjectMetaUpdate(o.metadata, prev.metadata);
      const create = CREATE[r];
      if (create) errs.push(...create(o).filter((e) => !e.field.startsWith('metadata.')));
      return errs;
    }
  }
}

/** validateStatusUpdate returns the field errors for a status-subresource write. */
export function validateStatusUpdate(resource: string, obj: KObject, old: KObject): FieldError[] {
  const r = plural(resource);
  if (r === 'pods') return validatePodStatusUpdate(obj as Obj, old as Obj);
  return validateObjectMetaUpdate((obj as Obj).metadata, (old as Obj).metadata);
}

const QUANTITY_MAPS = new Set(['limits', 'requests', 'hard', 'used', 'capacity', 'allocatable', 'max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio', 'overhead']);

/**
 * decodeError returns the text kube-apiserver's decoder gives for a body it cannot even decode
 * (today: an unparsable resource quantity, e.g. `resources.limits.cpu: "abc"`), or undefined.
 * The caller wraps it as `<Kind> in version "<v>" cannot be handled as a <Kind>: <text>` (400 BadRequest).
 */
export function decodeError(obj: unknown): string | undefined {
  return walkDecode(obj, '', false) ?? intFieldError(obj as Obj);
}

// A frozen subtree is part of an object the store accepted (stored objects are frozen) or an engine
// constant: it decoded already, so it is not walked again (most bodies echo stored, frozen subtrees).
function walkDecode(v: unknown, key: string, parentIsQuantityMap: boolean): string | undefined {
  if (parentIsQuantityMap && (typeof v === 'string' || typeof v === 'number')) return parseQuantity(v) ? undefined : QUANTITY_REGEX_MESSAGE;
  if (v === null || typeof v !== 'object' || Object.isFrozen(v)) return undefined;
  const isArray = Array.isArray(v);
  const isQ = !isArray && QUANTITY_MAPS.has(key);
  if (isArray) {
    for (let i = 0; i < v.length; i++) { const e = walkDecode(v[i], '', false); if (e) return e; }
  } else {
    const o = v as Record<string, unknown>;
    for (const k in o) {
      if (k === 'metadata' || k === 'data' || k === 'labels' || k === 'annotations') continue;
      const e = walkDecode(o[k], k, isQ);
      if (e) return e;
    }
  }
  return undefined;
}

const SPEC_STRUCT: Record<string, string> = {
  Deployment: 'DeploymentSpec', ReplicaSet: 'ReplicaSetSpec', StatefulSet: 'StatefulSetSpec', ReplicationController: 'ReplicationControllerSpec',
};

const typeOf = (v: unknown): string => (typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'bool' : Array.isArray(v) ? 'array' : 'object');
const bad = (v: unknown): boolean => v !== undefined && v !== null && typeof v !== 'number';

/** intFieldError reports the decoder's text for common int32 fields sent as strings (replicas, ports). */
function intFieldError(obj: Obj | undefined): string | undefined {
  if (!obj || typeof obj !== 'object') return undefined;
  const specStruct = SPEC_STRUCT[obj.kind];
  if (specStruct && bad(obj.spec?.replicas)) return `json: cannot unmarshal ${typeOf(obj.spec.replicas)} into Go struct field ${specStruct}.spec.replicas of type int32`;
  const podSpec: Obj | undefined = obj.kind === 'Pod' ? obj.spec : obj.kind === 'CronJob' ? obj.spec?.jobTemplate?.spec?.template?.spec : obj.spec?.template?.spec;
  const prefix = obj.kind === 'Pod' ? 'spec' : obj.kind === 'CronJob' ? 'spec.jobTemplate.spec.template.spec' : 'spec.template.spec';
  const containers = podSpec?.containers as Obj[] | undefined;
  if (containers) for (const c of containers) {
    const ports = c.ports as Obj[] | undefined;
    if (ports) for (const p of ports) {
      if (bad(p.containerPort)) return `json: cannot unmarshal ${typeOf(p.containerPort)} into Go struct field ContainerPort.${prefix}.containers.ports.containerPort of type int32`;
    }
  }
  if (obj.kind === 'Service') {
    for (const p of (obj.spec?.ports as Obj[] | undefined) ?? []) {
      if (bad(p.port)) return `json: cannot unmarshal ${typeOf(p.port)} into Go struct field ServicePort.spec.ports.port of type int32`;
    }
  }
  return undefined;
}
