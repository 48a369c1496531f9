// Models pkg/apis/networking/validation ValidateIngress (paths and backends) and core
// ValidatePersistentVolume (minimal: capacity, access modes, one source).
import type { FieldError } from './field-error';
import { invalid, isDNS1123Subdomain, isValidPortName, isValidPortNum, notSupported, Raw, required } from './messages';
import { nameWith, validateObjectMeta, type Obj } from './meta';
import { dns1123Label } from './pod';

const subdomain = nameWith(isDNS1123Subdomain);

function validateBackend(b: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (b.service && b.resource) errs.push(invalid(path, '', 'cannot set both resource and service backends'));
  else if (b.service) {
    const s: Obj = b.service;
    if (!s.name) errs.push(required(`${path}.service.name`));
    else errs.push(...dns1123Label(s.name, `${path}.service.name`));
    const hasName = !!s.port?.name;
    const hasNumber = !!s.port?.number;
    if (hasName && hasNumber) errs.push(invalid(path, '', 'cannot set both port name & port number'));
    else if (hasName) errs.push(...isValidPortName(s.port.name).map((m) => invalid(`${path}.service.port.name`, s.port.name, m)));
    else if (hasNumber) errs.push(...isValidPortNum(s.port.number).map((m) => invalid(`${path}.service.port.number`, s.port.number, m)));
    else errs.push(required(path, 'port name or number is required'));
  } else if (!b.resource) errs.push(invalid(path, '', 'resource or service backend is required'));
  return errs;
}

/** validateIngress is ValidateIngressCreate (rules, paths, pathType, backends). */
export function validateIngress(ing: Obj): FieldError[] {
  const errs = validateObjectMeta(ing.metadata, true, subdomain);
  const spec: Obj = ing.spec ?? {};
  const rules: Obj[] = spec.rules ?? [];
  if (!spec.defaultBackend && rules.length === 0) errs.push(invalid('spec', new Raw('networking.IngressSpec{...}'), 'either `defaultBackend` or `rules` must be specified'));
  if (spec.defaultBackend) errs.push(...validateBackend(spec.defaultBackend, 'spec.defaultBackend'));
  rules.forEach((r, i) => {
    const rp = `spec.rules[${i}]`;
    if (r.host) {
      const host = String(r.host);
      if (/^(\d{1,3}\.){3}\d{1,3}$/.test(host) || /^[0-9a-f]*:[0-9a-f:]*:[0-9a-f]*$/i.test(host)) errs.push(invalid(`${rp}.host`, host, 'must be a DNS name, not an IP address'));
      if (host.includes('*')) {
        // A wildcard host is checked on its own and the rule's paths are not validated (upstream `continue`s).
        if (!/^\*\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(host) || host.length > 253) {
          errs.push(invalid(`${rp}.host`, host, "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"));
        }
        return;
      }
      for (const m of isDNS1123Subdomain(host)) errs.push(invalid(`${rp}.host`, host, m));
    }
    if (!r.http) return;
    const paths: Obj[] = r.http.paths ?? [];
    if (paths.length === 0) errs.push(required(`${rp}.http.paths`));
    paths.forEach((p, j) => {
      const pp = `${rp}.http.paths[${j}]`;
      if (!p.pathType) errs.push(required(`${pp}.pathType`, 'pathType must be specified'));
      else if (!['Exact', 'ImplementationSpecific', 'Prefix'].includes(p.pathType)) errs.push(notSupported(`${pp}.pathType`, p.pathType, ['Exact', 'ImplementationSpecific', 'Prefix']));
      if ((p.pathType === 'Exact' || p.pathType === 'Prefix') && !String(p.path ?? '').startsWith('/')) errs.push(invalid(`${pp}.path`, p.path ?? '', 'must be an absolute path'));
      errs.push(...validateBackend(p.backend ?? {}, `${pp}.backend`));
    });
  });
  return errs;
}

const PV_SOURCES = ['hostPath', 'nfs', 'local', 'csi', 'iscsi', 'fc', 'gcePersistentDisk', 'awsElasticBlockStore', 'azureDisk', 'azureFile', 'cephfs', 'rbd', 'glusterfs', 'cinder', 'vsphereVolume'];

/** validatePersistentVolume is ValidatePersistentVolume (minimal). */
export function validatePersistentVolume(pv: Obj): FieldError[] {
  const errs = validateObjectMeta(pv.metadata, false, subdomain);
  const spec: Obj = pv.spec ?? {};
  const modes: string[] = spec.accessModes ?? [];
  const supported = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
  if (modes.length === 0) errs.push(required('spec.accessModes'));
  for (const m of modes) if (!supported.includes(m)) errs.push(notSupported('spec.accessModes', m, supported));
  if (!spec.capacity || Object.keys(spec.capacity).length === 0) errs.push(required('spec.capacity'));
  const reclaim = spec.persistentVolumeReclaimPolicy;
  if (reclaim && !['Delete', 'Recycle', 'Retain'].includes(reclaim)) errs.push(notSupported('spec.persistentVolumeReclaimPolicy', reclaim, ['Delete', 'Recycle', 'Retain']));
  if (!PV_SOURCES.some((s) => spec[s])) errs.push(required('spec', 'must specify a volume type'));
  return errs;
}
