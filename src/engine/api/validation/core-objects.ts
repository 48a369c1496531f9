// Models pkg/apis/core/validation for pods (create/update/status), services, namespaces, configmaps,
// secrets, nodes, PVCs and service accounts.
import type { FieldError } from './field-error';
import {
  duplicate, forbidden, immutable, invalid, isConfigMapKey, isDNS1035Label, isDNS1123Label, isDNS1123Subdomain,
  isValidPortNum, notSupported, required, Raw, goQuote,
} from './messages';
import { nameWith, sameValue, validateLabels, validateObjectMeta, validateObjectMetaUpdate, type Obj } from './meta';
import { dns1123Label, portNumOrName, validatePodSpec } from './pod';

import { podSpecDiff } from './diff';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const subdomain = nameWith(isDNS1123Subdomain);

/** validatePod is ValidatePodCreate. */
export function validatePod(pod: Obj): FieldError[] {
  const errs = validateObjectMeta(pod.metadata, true, subdomain);
  errs.push(...validatePodSpec(pod.spec, 'spec'));
  if (((pod.spec?.ephemeralContainers as unknown[] | undefined) ?? []).length > 0) errs.push(forbidden('spec.ephemeralContainers', 'cannot be set on create'));
  errs.push(...imageWhitespace(pod.spec));
  return errs;
}

/** imageWhitespace is validateContainersOnlyForPod: pod (not template) images may not have surrounding spaces. */
function imageWhitespace(spec: Obj | undefined): FieldError[] {
  const errs: FieldError[] = [];
  for (const list of ['containers', 'initContainers']) {
    ((spec?.[list] as Obj[] | undefined) ?? []).forEach((c, i) => {
      if (typeof c.image === 'string' && c.image.length !== c.image.trim().length) errs.push(invalid(`spec.${list}[${i}].image`, c.image, 'must not have leading or trailing whitespace'));
    });
  }
  return errs;
}

const UPDATABLE_POD_FIELDS = [
  '`spec.containers[*].image`', '`spec.initContainers[*].image`', '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];

/** validatePodUpdate is ValidatePodUpdate: everything but images, activeDeadlineSeconds, added tolerations and grace period is immutable. */
export function validatePodUpdate(pod: Obj, old: Obj): FieldError[] {
  const errs = validateObjectMetaUpdate(pod.metadata, old.metadata);
  errs.push(...validatePodSpec(pod.spec, 'spec'));
  const spec: Obj = pod.spec ?? {};
  const oldSpec: Obj = old.spec ?? {};
  for (const list of ['containers', 'initContainers']) {
    const n: Obj[] = spec[list] ?? [];
    const o: Obj[] = oldSpec[list] ?? [];
    if (n.length !== o.length) { errs.push(forbidden(`spec.${list}`, 'pod updates may not add or remove containers')); return errs; }
  }
  const oldTols: Obj[] = oldSpec.tolerations ?? [];
  for (const ot of oldTols) {
    const kept = ((spec.tolerations as Obj[] | undefined) ?? []).some((t) => t.key === ot.key && (t.operator ?? 'Equal') === (ot.operator ?? 'Equal') && t.value === ot.value && t.effect === ot.effect);
    if (!kept) { errs.push(forbidden('spec.tolerations', 'existing toleration can not be modified except its tolerationSeconds')); break; }
  }
  const ads = spec.activeDeadlineSeconds;
  const oads = oldSpec.activeDeadlineSeconds;
  if (oads != null && ads == null) errs.push(invalid('spec.activeDeadlineSeconds', null, 'must not update from a positive integer to nil value'));
  else if (oads != null && ads != null && ads > oads) errs.push(invalid('spec.activeDeadlineSeconds', ads, 'must be less than or equal to previous value'));
  // Munge the updatable fields to the old values, then any remaining difference is forbidden.
  const munged: Obj = JSON.parse(JSON.stringify(spec));
  for (const list of ['containers', 'initContainers']) {
    (munged[list] as Obj[] | undefined)?.forEach((c, i) => { c.image = oldSpec[list][i].image; });
  }
  if ('activeDeadlineSeconds' in oldSpec) munged.activeDeadlineSeconds = oldSpec.activeDeadlineSeconds; else delete munged.activeDeadlineSeconds;
  if ('tolerations' in oldSpec) munged.tolerations = oldSpec.tolerations; else delete munged.tolerations;
  if (oldSpec.terminationGracePeriodSeconds < 0 && munged.terminationGracePeriodSeconds === 1) munged.terminationGracePeriodSeconds = oldSpec.terminationGracePeriodSeconds;
  const diff = podSpecDiff(oldSpec, munged);
  if (diff !== undefined) errs.push(forbidden('spec', `pod updates may not change fields other than ${UPDATABLE_POD_FIELDS.join(',')}\n${diff}`));
  return errs;
}

/** validatePodStatusUpdate is ValidatePodStatusUpdate (metadata immutables and nominatedNodeName). */
export function validatePodStatusUpdate(pod: Obj, old: Obj): FieldError[] {
  const errs = validateObjectMetaUpdate(pod.metadata, old.metadata);
  const nn = pod.status?.nominatedNodeName;
  if (nn) for (const m of isDNS1123Subdomain(nn)) errs.push(invalid('status.nominatedNodeName', nn, m));
  return errs;
}

const isHeadless = (svc: Obj): boolean => svc.spec?.clusterIP === 'None' || svc.spec?.clusterIPs?.[0] === 'None';

/** validateService is ValidateService (plus the allocator's NodePort range check). */
export function validateService(svc: Obj): FieldError[] {
  const errs = validateObjectMeta(svc.metadata, true, nameWith(isDNS1035Label));
  const spec: Obj = svc.spec ?? {};
  const ports: Obj[] = spec.ports ?? [];
  if (ports.length === 0 && !isHeadless(svc) && spec.type !== 'ExternalName') errs.push(required('spec.ports'));
  if (spec.type === 'LoadBalancer' && isHeadless(svc)) errs.push(invalid('spec.clusterIPs[0]', 'None', "may not be set to 'None' for LoadBalancer services"));
  if (spec.type === 'NodePort' && isHeadless(svc)) errs.push(invalid('spec.clusterIPs[0]', 'None', "may not be set to 'None' for NodePort services"));
  if (spec.type === 'ExternalName') {
    if (spec.clusterIP) errs.push(forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
    const cname = String(spec.externalName ?? '').replace(/\.$/, '');
    if (cname) for (const m of isDNS1123Subdomain(cname)) errs.push(invalid('spec.externalName', cname, m));
    else errs.push(required('spec.externalName'));
  }
  const names = new Set<string>();
  ports.forEach((sp, i) => {
    const p = `spec.ports[${i}]`;
    if (ports.length > 1 && !sp.name) errs.push(required(`${p}.name`));
    else if (sp.name) {
      errs.push(...dns1123Label(sp.name, `${p}.name`));
      if (names.has(sp.name)) errs.push(duplicate(`${p}.name`, sp.name)); else names.add(sp.name);
    }
    errs.push(...isValidPortNum(sp.port).map((m) => invalid(`${p}.port`, sp.port ?? 0, m)));
    if (!sp.protocol) errs.push(required(`${p}.protocol`));
    else if (!PROTOCOLS.includes(sp.protocol)) errs.push(notSupported(`${p}.protocol`, sp.protocol, PROTOCOLS));
    errs.push(...portNumOrName(sp.targetPort, `${p}.targetPort`));
  });
  if (spec.selector) errs.push(...validateLabels(spec.selector, 'spec.selector'));
  if (!spec.sessionAffinity) errs.push(required('spec.sessionAffinity'));
  else if (!['ClientIP', 'None'].includes(spec.sessionAffinity)) errs.push(notSupported('spec.sessionAffinity', spec.sessionAffinity, ['ClientIP', 'None']));
  const types = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
  if (!spec.type) errs.push(required('spec.type'));
  else if (!types.includes(spec.type)) errs.push(notSupported('spec.type', spec.type, types));
  if (spec.type === 'ClusterIP') ports.forEach((sp, i) => { if (sp.nodePort) errs.push(forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'")); });
  const nodePorts = new Set<string>();
  ports.forEach((sp, i) => {
    if (!sp.nodePort) return;
    const k = `${sp.protocol}/${sp.nodePort}`;
    if (nodePorts.has(k)) errs.push(duplicate(`spec.ports[${i}].nodePort`, sp.nodePort));
    nodePorts.add(k);
  });
  const seen = new Set<string>();
  ports.forEach((sp, i) => {
    const k = `${sp.protocol}/${sp.port}`;
    if (seen.has(k)) errs.push(duplicate(`spec.ports[${i}]`, new Raw(`core.ServicePort{Name:"", Protocol:${goQuote(sp.protocol ?? '')}, AppProtocol:(*string)(nil), Port:${sp.port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`)));
    seen.add(k);
  });
  if (spec.externalTrafficPolicy && spec.type !== 'NodePort' && spec.type !== 'LoadBalancer') errs.push(invalid('spec.externalTrafficPolicy', spec.externalTrafficPolicy, 'may only be set when `type` is \'NodePort\' or \'LoadBalancer\''));
  // Models the NodePort allocator's range check (pkg/registry/core/service/portallocator), default range.
  ports.forEach((sp, i) => {
    if (sp.nodePort && (sp.nodePort < 30000 || sp.nodePort > 32767)) {
      errs.push(invalid(`spec.ports[${i}].nodePort`, sp.nodePort, 'provided port is not in the valid range. The range of valid ports is 30000-32767'));
    }
  });
  return errs;
}

/** validateServiceUpdate is ValidateServiceUpdate: the primary clusterIP may not change once set. */
export function validateServiceUpdate(svc: Obj, old: Obj): FieldError[] {
  const errs = validateObjectMetaUpdate(svc.metadata, old.metadata);
  const oldIP = old.spec?.clusterIPs?.[0] ?? old.spec?.clusterIP;
  const newIPs: string[] = svc.spec?.clusterIPs ?? (svc.spec?.clusterIP ? [svc.spec.clusterIP] : []);
  const changingExternalName = old.spec?.type === 'ExternalName' || svc.spec?.type === 'ExternalName';
  if (oldIP && newIPs.length > 0 && newIPs[0] !== oldIP && !changingExternalName) errs.push(invalid('spec.clusterIPs[0]', newIPs, 'may not change once set'));
  errs.push(...validateService(svc));
  return errs;
}

/** validateNamespace is ValidateNamespace (name is an RFC 1123 label). */
export function validateNamespace(ns: Obj): FieldError[] {
  const errs = validateObjectMeta(ns.metadata, false, nameWith(isDNS1123Label));
  ((ns.spec?.finalizers as string[] | undefined) ?? []).forEach((f) => {
    if (!f.includes('/') && f !== 'kubernetes') errs.push(invalid('spec.finalizers', f, 'name is neither a standard finalizer name nor is it fully qualified'));
  });
  return errs;
}

function dataKeys(obj: Obj, field: 'data' | 'binaryData', other?: Obj): FieldError[] {
  const errs: FieldError[] = [];
  for (const k of Object.keys((obj[field] as Obj | undefined) ?? {}).sort()) {
    for (const m of isConfigMapKey(k)) errs.push(invalid(`${field}[${k}]`, k, m));
    if (other && k in other) errs.push(invalid(`${field}[${k}]`, k, 'duplicate of key present in binaryData'));
  }
  return errs;
}

/** validateConfigMap is ValidateConfigMap (keys, data/binaryData overlap). */
export function validateConfigMap(cm: Obj): FieldError[] {
  const errs = validateObjectMeta(cm.metadata, true, subdomain);
  errs.push(...dataKeys(cm, 'data', cm.binaryData ?? {}), ...dataKeys(cm, 'binaryData'));
  return errs;
}

/** validateSecret is ValidateSecret (keys and the per-type required keys). */
export function validateSecret(s: Obj): FieldError[] {
  const errs = validateObjectMeta(s.metadata, true, subdomain);
  errs.push(...dataKeys(s, 'data'));
  const data: Obj = s.data ?? {};
  switch (s.type) {
    case 'kubernetes.io/service-account-token':
      if (!s.metadata?.annotations?.['kubernetes.io/service-account.name']) errs.push(required('metadata.annotations[kubernetes.io/service-account.name]'));
      break;
    case 'kubernetes.io/dockercfg':
      if (!('.dockercfg' in data)) errs.push(required('data[.dockercfg]'));
      break;
    case 'kubernetes.io/dockerconfigjson':
      if (!('.dockerconfigjson' in data)) errs.push(required('data[.dockerconfigjson]'));
      break;
    case 'kubernetes.io/basic-auth':
      if (!('username' in data) && !('password' in data)) errs.push(required('data[username]'), required('data[password]'));
      break;
    case 'kubernetes.io/ssh-auth':
      if (!('ssh-privatekey' in data)) errs.push(required('data[ssh-privatekey]'));
      break;
    case 'kubernetes.io/tls':
      if (!('tls.crt' in data)) errs.push(required('data[tls.crt]'));
      if (!('tls.key' in data)) errs.push(required('data[tls.key]'));
      break;
    default:
  }
  return errs;
}

/** validateImmutableData is the configmap/secret update rule for `immutable: true`. */
export function validateImmutableData(obj: Obj, old: Obj, what: 'Secret' | 'ConfigMap'): FieldError[] {
  const errs = validateObjectMetaUpdate(obj.metadata, old.metadata);
  if (old.immutable === true) {
    if (obj.immutable !== true) errs.push(forbidden('immutable', 'field is immutable when `immutable` is set'));
    if (!sameValue(obj.data ?? {}, old.data ?? {})) errs.push(forbidden('data', 'field is immutable when `immutable` is set'));
    if (what === 'ConfigMap' && !sameValue(obj.binaryData ?? {}, old.binaryData ?? {})) errs.push(forbidden('binaryData', 'field is immutable when `immutable` is set'));
  }
  if (what === 'Secret' && old.type !== obj.type) errs.push(immutable('type', obj.type ?? ''));
  errs.push(...(what === 'Secret' ? validateSecret(obj) : validateConfigMap(obj)).filter((e) => !e.field.startsWith('metadata.')));
  return errs;
}

/** validateNode is ValidateNode (minimal: name and taints). */
export function validateNode(node: Obj): FieldError[] {
  const errs = validateObjectMeta(node.metadata, false, subdomain);
  ((node.spec?.taints as Obj[] | undefined) ?? []).forEach((t, i) => {
    const p = `spec.taints[${i}]`;
    if (!t.key) errs.push(required(`${p}.key`));
    if (!t.effect) errs.push(required(`${p}.effect`));
    else if (!['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(t.effect)) errs.push(notSupported(`${p}.effect`, t.effect, ['NoSchedule', 'PreferNoSchedule', 'NoExecute']));
  });
  return errs;
}

/** validatePVC is ValidatePersistentVolumeClaim (access modes and storage request). */
export function validatePVC(pvc: Obj): FieldError[] {
  const errs = validateObjectMeta(pvc.metadata, true, subdomain);
  const spec: Obj = pvc.spec ?? {};
  const modes: string[] = spec.accessModes ?? [];
  const supported = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
  if (modes.length === 0) errs.push(required('spec.accessModes', 'at least 1 access mode is required'));
  for (const m of modes) if (!supported.includes(m)) errs.push(notSupported('spec.accessModes', m, supported));
  if (!spec.resources?.requests?.storage && !spec.dataSource) errs.push(required('spec.resources[storage]'));
  return errs;
}

/** validateServiceAccount is ValidateServiceAccount. */
export function validateServiceAccount(sa: Obj): FieldError[] {
  return validateObjectMeta(sa.metadata, true, subdomain);
}

