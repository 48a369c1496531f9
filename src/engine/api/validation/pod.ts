// Models ValidatePodSpec and its helpers in pkg/apis/core/validation/validation.go (v1.32), in upstream order.
// Simplified: security contexts, affinity, DNS config, topology spread and most volume sources' inner fields.
import type { FieldError } from './field-error';
import {
  duplicate, forbidden, inclusiveRangeError, invalid, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue, isValidPortName, isValidPortNum,
  nonNegative, notFound, notSupported, required,
} from './messages';
import { validateAnnotations, validateLabels, type Obj } from './meta';
import { compareQuantity, formatQuantity, parseQuantity } from './quantity';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

/** dns1123Label reports ValidateDNS1123Label errors for value at path. */
export function dns1123Label(value: string, path: string): FieldError[] {
  return isDNS1123Label(value).map((m) => invalid(path, value, m));
}

/** portNumOrName is ValidatePortNumOrName for an IntOrString port. */
export function portNumOrName(port: unknown, path: string): FieldError[] {
  if (typeof port === 'number') return isValidPortNum(port).map((m) => invalid(path, port, m));
  if (typeof port === 'string') {
    if (/^\d+$/.test(port)) return isValidPortNum(Number(port)).map((m) => invalid(path, Number(port), m));
    return isValidPortName(port).map((m) => invalid(path, port, m));
  }
  return [invalid(path, port ?? '', 'unknown type')];
}

const VOLUME_SOURCES = ['hostPath', 'emptyDir', 'gitRepo', 'gcePersistentDisk', 'awsElasticBlockStore', 'secret', 'nfs', 'iscsi', 'glusterfs', 'flocker',
  'persistentVolumeClaim', 'rbd', 'cinder', 'cephfs', 'quobyte', 'downwardAPI', 'fc', 'azureFile', 'vsphereVolume', 'photonPersistentDisk',
  'portworxVolume', 'azureDisk', 'storageos', 'projected', 'scaleIO', 'configMap', 'csi', 'ephemeral', 'image'];

function validateVolumeSource(v: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  for (const src of VOLUME_SOURCES) {
    if (v[src] === undefined || v[src] === null) continue;
    if (n > 0) { errs.push(forbidden(`${path}.${src}`, 'may not specify more than 1 volume type')); continue; }
    n++;
    const s: Obj = v[src];
    const p = `${path}.${src}`;
    if (src === 'hostPath' && !s.path) errs.push(required(`${p}.path`));
    if (src === 'secret' && !s.secretName) errs.push(required(`${p}.secretName`));
    if (src === 'configMap' && !s.name) errs.push(required(`${p}.name`));
    if (src === 'persistentVolumeClaim' && !s.claimName) errs.push(required(`${p}.claimName`));
    if (src === 'nfs') { if (!s.server) errs.push(required(`${p}.server`)); if (!s.path) errs.push(required(`${p}.path`)); }
    if (src === 'hostPath' && s.type && !['', 'DirectoryOrCreate', 'Directory', 'FileOrCreate', 'File', 'Socket', 'CharDevice', 'BlockDevice'].includes(s.type)) {
      errs.push(notSupported(`${p}.type`, s.type, ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket']));
    }
  }
  if (n === 0) errs.push(required(path, 'must specify a volume type'));
  return errs;
}

/** validateVolumes is ValidateVolumes; returns the valid volume names and the errors. */
export function validateVolumes(volumes: Obj[] | undefined, path: string): { names: Set<string>; errs: FieldError[] } {
  const names = new Set<string>();
  const errs: FieldError[] = [];
  (volumes ?? []).forEach((v, i) => {
    const p = `${path}[${i}]`;
    const el = validateVolumeSource(v, p);
    if (!v.name) el.push(required(`${p}.name`));
    else el.push(...dns1123Label(v.name, `${p}.name`));
    if (names.has(v.name)) el.push(duplicate(`${p}.name`, v.name));
    if (el.length === 0) names.add(v.name);
    else errs.push(...el);
  });
  return { names, errs };
}

function validateHandler(h: Obj, path: string, what: string): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  for (const t of ['exec', 'httpGet', 'tcpSocket', 'grpc', 'sleep']) {
    if (!h[t]) continue;
    if (n > 0) { errs.push(forbidden(`${path}.${t}`, `may not specify more than 1 ${what} type`)); continue; }
    n++;
    const a: Obj = h[t];
    const p = `${path}.${t}`;
    if (t === 'exec' && (!Array.isArray(a.command) || a.command.length === 0)) errs.push(required(`${p}.command`));
    if (t === 'httpGet') {
      if (!a.path) errs.push(required(`${p}.path`));
      errs.push(...portNumOrName(a.port, `${p}.port`));
      if (a.scheme && !['HTTP', 'HTTPS'].includes(a.scheme)) errs.push(notSupported(`${p}.scheme`, a.scheme, ['HTTP', 'HTTPS']));
    }
    if (t === 'tcpSocket') errs.push(...portNumOrName(a.port, `${p}.port`));
    if (t === 'grpc') errs.push(...isValidPortNum(a.port).map((m) => invalid(`${p}.port`, a.port, m)));
  }
  if (n === 0) errs.push(required(path, `must specify a ${what} type`));
  return errs;
}

function validateProbe(probe: Obj | undefined, path: string, kind: 'liveness' | 'readiness' | 'startup'): FieldError[] {
  if (!probe) return [];
  const errs = validateHandler(probe, path, 'handler');
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) errs.push(...nonNegative(`${path}.${f}`, probe[f]));
  if (kind !== 'readiness' && probe.successThreshold !== undefined && probe.successThreshold !== 1) errs.push(invalid(`${path}.successThreshold`, probe.successThreshold, 'must be 1'));
  if (kind === 'readiness' && probe.terminationGracePeriodSeconds !== undefined) errs.push(invalid(`${path}.terminationGracePeriodSeconds`, probe.terminationGracePeriodSeconds, 'must not be set for readinessProbes'));
  return errs;
}

function validatePorts(ports: Obj[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (ports ?? []).forEach((port, i) => {
    const p = `${path}[${i}]`;
    if (port.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length) for (const m of msgs) errs.push(invalid(`${p}.name`, port.name, m));
      else if (names.has(port.name)) errs.push(duplicate(`${p}.name`, port.name));
      else names.add(port.name);
    }
    if (!port.containerPort) errs.push(required(`${p}.containerPort`));
    else errs.push(...isValidPortNum(port.containerPort).map((m) => invalid(`${p}.containerPort`, port.containerPort, m)));
    if (port.hostPort) errs.push(...isValidPortNum(port.hostPort).map((m) => invalid(`${p}.hostPort`, port.hostPort, m)));
    if (!port.protocol) errs.push(required(`${p}.protocol`));
    else if (!PROTOCOLS.includes(port.protocol)) errs.push(notSupported(`${p}.protocol`, port.protocol, PROTOCOLS));
  });
  return errs;
}

function validateEnv(env: Obj[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (env ?? []).forEach((ev, i) => {
    const p = `${path}[${i}]`;
    if (!ev.name) errs.push(required(`${p}.name`), invalid(`${p}.name`, '', 'environment variable name must be non-empty'));
    // RelaxedEnvironmentVariableValidation is beta (on) in v1.32.
    else if (!/^[ -<>-~]+$/.test(ev.name)) errs.push(invalid(`${p}.name`, ev.name, "a valid environment variable name must consist only of printable ASCII characters other than '='"));
    const vf: Obj | undefined = ev.valueFrom;
    if (!vf) return;
    const vp = `${p}.valueFrom`;
    const sources = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'].filter((s) => vf[s]);
    if (ev.value) errs.push(invalid(vp, '', 'may not be specified when `value` is not empty'));
    if (sources.length === 0) errs.push(invalid(vp, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
    else if (sources.length > 1) errs.push(invalid(vp, '', 'may not have more than one field specified at a time'));
    for (const s of ['configMapKeyRef', 'secretKeyRef']) {
      if (!vf[s]) continue;
      if (!vf[s].key) errs.push(required(`${vp}.${s}.key`));
      if (!vf[s].name) errs.push(required(`${vp}.${s}.name`));
    }
    if (vf.fieldRef && !vf.fieldRef.fieldPath) errs.push(required(`${vp}.fieldRef.fieldPath`));
  });
  return errs;
}

function validateMounts(mounts: Obj[] | undefined, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  (mounts ?? []).forEach((m, i) => {
    const p = `${path}[${i}]`;
    if (!m.name) errs.push(required(`${p}.name`));
    if (!volumes.has(m.name)) errs.push(notFound(`${p}.name`, m.name ?? ''));
    if (!m.mountPath) errs.push(required(`${p}.mountPath`));
    if (seen.has(m.mountPath)) errs.push(invalid(`${p}.mountPath`, m.mountPath, 'must be unique'));
    seen.add(m.mountPath);
    if (m.subPath && (String(m.subPath).startsWith('/') || String(m.subPath).split('/').includes('..'))) {
      errs.push(invalid(`${path}.subPath`, m.subPath, String(m.subPath).startsWith('/') ? 'must be a relative path' : "must not contain '..'"));
    }
  });
  return errs;
}

const STANDARD_CONTAINER_RESOURCES = ['cpu', 'memory', 'ephemeral-storage'];
// helper.IsOvercommitAllowed: native resources (no domain, or *kubernetes.io/) except hugepages.
const overcommitAllowed = (r: string): boolean => (!r.includes('/') || r.includes('kubernetes.io/')) && !r.startsWith('hugepages-');

function validateResources(res: Obj | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const limits: Obj = res?.limits ?? {};
  const requests: Obj = res?.requests ?? {};
  const checkName = (r: string, p: string): void => {
    if (STANDARD_CONTAINER_RESOURCES.includes(r) || r.startsWith('hugepages-')) return;
    if (!r.includes('/')) errs.push(invalid(p, r, 'must be a standard resource for containers'));
  };
  for (const r of Object.keys(limits).sort()) {
    const p = `${path}.limits[${r}]`;
    checkName(r, p);
    const q = parseQuantity(limits[r]);
    if (q && q.nano < 0n) errs.push(invalid(p, formatQuantity(q), 'must be greater than or equal to 0'));
  }
  for (const r of Object.keys(requests).sort()) {
    const p = `${path}.requests[${r}]`;
    checkName(r, p);
    const q = parseQuantity(requests[r]);
    if (!q) continue;
    if (q.nano < 0n) errs.push(invalid(p, formatQuantity(q), 'must be greater than or equal to 0'));
    const lq = parseQuantity(limits[r]);
    if (lq) {
      if (compareQuantity(q, lq) !== 0 && !overcommitAllowed(r)) {
        errs.push(invalid(`${path}.requests`, formatQuantity(q), `must be equal to ${r} limit of ${formatQuantity(lq)}`));
      } else if (compareQuantity(q, lq) > 0) {
        errs.push(invalid(`${path}.requests`, formatQuantity(q), `must be less than or equal to ${r} limit of ${formatQuantity(lq)}`));
      }
    }
  }
  return errs;
}

function validateContainerCommon(c: Obj, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!c.name) errs.push(required(`${path}.name`));
  else errs.push(...dns1123Label(c.name, `${path}.name`));
  if (!c.image) errs.push(required(`${path}.image`));
  const tmp = c.terminationMessagePolicy;
  if (tmp === undefined || tmp === '') errs.push(required(`${path}.terminationMessagePolicy`, "must be 'File' or 'FallbackToLogsOnError'"));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') errs.push(notSupported(`${path}.terminationMessagePolicy`, tmp, ['File', 'FallbackToLogsOnError']));
  errs.push(...validatePorts(c.ports, `${path}.ports`));
  errs.push(...validateEnv(c.env, `${path}.env`));
  errs.push(...validateMounts(c.volumeMounts, volumes, `${path}.volumeMounts`));
  const pp = c.imagePullPolicy;
  if (pp === undefined || pp === '') errs.push(required(`${path}.imagePullPolicy`));
  else if (!['Always', 'IfNotPresent', 'Never'].includes(pp)) errs.push(notSupported(`${path}.imagePullPolicy`, pp, ['Always', 'IfNotPresent', 'Never']));
  errs.push(...validateResources(c.resources, `${path}.resources`));
  return errs;
}

function validateContainers(containers: Obj[] | undefined, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!containers || containers.length === 0) errs.push(required(path));
  const names = new Set<string>();
  (containers ?? []).forEach((c, i) => {
    const p = `${path}[${i}]`;
    errs.push(...validateContainerCommon(c, volumes, p));
    if (names.has(c.name)) errs.push(duplicate(`${p}.name`, c.name));
    else names.add(c.name);
    if (c.lifecycle?.postStart) errs.push(...validateHandler(c.lifecycle.postStart, `${p}.lifecycle.postStart`, 'handler'));
    if (c.lifecycle?.preStop) errs.push(...validateHandler(c.lifecycle.preStop, `${p}.lifecycle.preStop`, 'handler'));
    errs.push(...validateProbe(c.livenessProbe, `${p}.livenessProbe`, 'liveness'));
    errs.push(...validateProbe(c.readinessProbe, `${p}.readinessProbe`, 'readiness'));
    errs.push(...validateProbe(c.startupProbe, `${p}.startupProbe`, 'startup'));
    if (c.restartPolicy !== undefined) errs.push(forbidden(`${p}.restartPolicy`, 'may not be set for non-init containers'));
  });
  errs.push(...uniqueHostPorts(containers ?? [], path));
  return errs;
}

/** uniqueHostPorts is AccumulateUniqueHostPorts: a hostPort/protocol pair may be used once per pod. */
function uniqueHostPorts(containers: Obj[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  containers.forEach((c, ci) => {
    ((c.ports as Obj[] | undefined) ?? []).forEach((p, pi) => {
      if (!p.hostPort) return;
      const key = `${p.hostIP ?? ''}/${p.hostPort}/${p.protocol ?? 'TCP'}`;
      if (seen.has(key)) errs.push(duplicate(`${path}[${ci}].ports[${pi}].hostPort`, `${p.hostPort}/${p.protocol ?? 'TCP'}`));
      seen.add(key);
    });
  });
  return errs;
}

function validateInitContainers(inits: Obj[] | undefined, containers: Obj[] | undefined, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const others = new Set(((containers ?? []) as Obj[]).map((c) => c.name));
  const names = new Set<string>();
  (inits ?? []).forEach((c, i) => {
    const p = `${path}[${i}]`;
    errs.push(...validateContainerCommon(c, volumes, p));
    if (names.has(c.name) || others.has(c.name)) errs.push(duplicate(`${p}.name`, c.name));
    else names.add(c.name);
    if (c.restartPolicy !== undefined && c.restartPolicy !== 'Always') errs.push(notSupported(`${p}.restartPolicy`, c.restartPolicy, ['Always']));
    if (c.restartPolicy !== 'Always') {
      if (c.lifecycle) errs.push(forbidden(`${p}.lifecycle`, 'may not be set for init containers without restartPolicy=Always'));
      if (c.livenessProbe) errs.push(forbidden(`${p}.livenessProbe`, 'may not be set for init containers without restartPolicy=Always'));
      if (c.readinessProbe) errs.push(forbidden(`${p}.readinessProbe`, 'may not be set for init containers without restartPolicy=Always'));
      if (c.startupProbe) errs.push(forbidden(`${p}.startupProbe`, 'may not be set for init containers without restartPolicy=Always'));
    } else {
      errs.push(...validateProbe(c.livenessProbe, `${p}.livenessProbe`, 'liveness'));
      errs.push(...validateProbe(c.readinessProbe, `${p}.readinessProbe`, 'readiness'));
      errs.push(...validateProbe(c.startupProbe, `${p}.startupProbe`, 'startup'));
    }
  });
  return errs;
}

/** validateTolerations is ValidateTolerations. */
export function validateTolerations(tols: Obj[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (tols ?? []).forEach((t, i) => {
    const p = `${path}[${i}]`;
    if (t.key) errs.push(...isQualifiedName(t.key).map((m) => invalid(`${p}.key`, t.key, m)));
    if (!t.key && t.operator !== 'Exists') errs.push(invalid(`${p}.operator`, t.operator ?? '', 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    if (t.tolerationSeconds != null && t.effect !== 'NoExecute') errs.push(invalid(`${p}.effect`, t.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    switch (t.operator ?? '') {
      case 'Equal': case '': {
        const msgs = isValidLabelValue(String(t.value ?? ''));
        if (msgs.length) errs.push(invalid(`${p}.operator`, t.value ?? '', msgs.join(';')));
        break;
      }
      case 'Exists':
        if (t.value) errs.push(invalid(`${p}.operator`, t, "value must be empty when `operator` is 'Exists'"));
        break;
      default:
        errs.push(notSupported(`${p}.operator`, t.operator, ['Equal', 'Exists']));
    }
    if (t.effect && !['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(t.effect)) errs.push(notSupported(`${p}.effect`, t.effect, ['NoSchedule', 'PreferNoSchedule', 'NoExecute']));
  });
  return errs;
}

/** validatePodSpec is ValidatePodSpec at path (usually 'spec' or 'spec.template.spec'). */
export function validatePodSpec(spec: Obj | undefined, path: string): FieldError[] {
  const s = spec ?? {};
  const { names: volumes, errs } = validateVolumes(s.volumes, `${path}.volumes`);
  errs.push(...validateContainers(s.containers, volumes, `${path}.containers`));
  errs.push(...validateInitContainers(s.initContainers, s.containers, volumes, `${path}.initContainers`));
  if (s.hostNetwork === true) {
    // validatePodHostNetworkDeps: with hostNetwork, hostPort must equal containerPort.
    for (const list of ['containers', 'initContainers']) {
      ((s[list] as Obj[] | undefined) ?? []).forEach((c, ci) => ((c.ports as Obj[] | undefined) ?? []).forEach((p, pi) => {
        if (p.hostPort && p.hostPort !== p.containerPort) errs.push(invalid(`${path}.${list}[${ci}].ports[${pi}].hostPort`, p.hostPort, 'must match `containerPort` when `hostNetwork` is true'));
      }));
    }
  }
  const rp = s.restartPolicy;
  if (rp === undefined || rp === '') errs.push(required(`${path}.restartPolicy`));
  else if (!['Always', 'OnFailure', 'Never'].includes(rp)) errs.push(notSupported(`${path}.restartPolicy`, rp, ['Always', 'OnFailure', 'Never']));
  const dp = s.dnsPolicy;
  if (dp === undefined || dp === '') errs.push(required(`${path}.dnsPolicy`));
  else if (!['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'].includes(dp)) errs.push(notSupported(`${path}.dnsPolicy`, dp, ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None']));
  if (dp === 'None' && !s.dnsConfig) errs.push(required(`${path}.dnsConfig`, 'must provide `dnsConfig` when `dnsPolicy` is None'));
  errs.push(...validateLabels(s.nodeSelector, `${path}.nodeSelector`));
  ((s.imagePullSecrets as Obj[] | undefined) ?? []).forEach((ps, i) => { if (!ps.name) errs.push(required(`${path}.imagePullSecrets[${i}].name`)); });
  if (s.serviceAccountName) for (const m of isDNS1123Subdomain(s.serviceAccountName)) errs.push(invalid(`${path}.serviceAccountName`, s.serviceAccountName, m));
  if (s.nodeName) for (const m of isDNS1123Subdomain(s.nodeName)) errs.push(invalid(`${path}.nodeName`, s.nodeName, m));
  if (s.activeDeadlineSeconds != null && (s.activeDeadlineSeconds < 1 || s.activeDeadlineSeconds > 2147483647)) {
    errs.push(invalid(`${path}.activeDeadlineSeconds`, s.activeDeadlineSeconds, inclusiveRangeError(1, 2147483647)));
  }
  if (s.hostname) errs.push(...dns1123Label(s.hostname, `${path}.hostname`));
  if (s.subdomain) errs.push(...dns1123Label(s.subdomain, `${path}.subdomain`));
  errs.push(...validateTolerations(s.tolerations, `${path}.tolerations`));
  if (s.preemptionPolicy && !['PreemptLowerPriority', 'Never'].includes(s.preemptionPolicy)) errs.push(notSupported(`${path}.preemptionPolicy`, s.preemptionPolicy, ['Never', 'PreemptLowerPriority']));
  return errs;
}

/** validatePodTemplateSpec is ValidatePodTemplateSpec (labels on '<path>.labels' as upstream reports them). */
export function validatePodTemplateSpec(tmpl: Obj | undefined, path: string): FieldError[] {
  const t = tmpl ?? {};
  const errs = validateLabels(t.metadata?.labels, `${path}.labels`);
  errs.push(...validateAnnotations(t.metadata?.annotations, `${path}.annotations`));
  errs.push(...validatePodSpec(t.spec, `${path}.spec`));
  if (((t.spec?.ephemeralContainers as unknown[] | undefined) ?? []).length > 0) errs.push(forbidden(`${path}.spec.ephemeralContainers`, 'ephemeral containers not allowed in pod template'));
  return errs;
}
