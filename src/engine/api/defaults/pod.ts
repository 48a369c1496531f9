// Models pkg/apis/core/v1/defaults.go (SetDefaults_Pod, SetDefaults_PodSpec, SetDefaults_Container,
// SetDefaults_Probe, SetDefaults_Volume ...) plus the v1 conversion that mirrors serviceAccountName.
import { parseQuantity } from '../validation';

/** Obj is a loosely typed JSON object the defaulters fill in place. */
export type Obj = Record<string, any>;

/** ensure returns parent[key] as an object, creating it when missing. */
export function ensure(parent: Obj, key: string): Obj {
  if (parent[key] === undefined || parent[key] === null || typeof parent[key] !== 'object') parent[key] = {};
  return parent[key] as Obj;
}

/** setIfUnset assigns parent[key] = value when it is undefined or null. */
export function setIfUnset(parent: Obj, key: string, value: unknown): void {
  if (parent[key] === undefined || parent[key] === null) parent[key] = value;
}

/** imagePullPolicyFor returns Always for ':latest' or untagged images, IfNotPresent otherwise (digests included). */
export function imagePullPolicyFor(image: string | undefined): string {
  if (!image) return 'Always';
  if (image.includes('@')) return 'IfNotPresent';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  if (colon <= lastSlash) return 'Always';
  return image.slice(colon + 1) === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultHandler(h: Obj | undefined): void {
  if (!h) return;
  if (h.httpGet) { setIfUnset(h.httpGet, 'path', '/'); setIfUnset(h.httpGet, 'scheme', 'HTTP'); }
}

function defaultProbe(p: Obj | undefined): void {
  if (!p) return;
  setIfUnset(p, 'timeoutSeconds', 1);
  setIfUnset(p, 'periodSeconds', 10);
  setIfUnset(p, 'successThreshold', 1);
  setIfUnset(p, 'failureThreshold', 3);
  defaultHandler(p);
}

function defaultEnv(env: Obj[] | undefined): void {
  for (const e of env ?? []) {
    if (e.valueFrom?.fieldRef) setIfUnset(e.valueFrom.fieldRef, 'apiVersion', 'v1');
    if (e.valueFrom?.resourceFieldRef) setIfUnset(e.valueFrom.resourceFieldRef, 'divisor', '0');
  }
}

/** defaultContainer applies SetDefaults_Container and the nested port/probe/env defaults. */
export function defaultContainer(c: Obj, hostNetwork: boolean, isPod = false): void {
  setIfUnset(c, 'imagePullPolicy', imagePullPolicyFor(c.image));
  setIfUnset(c, 'terminationMessagePath', '/dev/termination-log');
  setIfUnset(c, 'terminationMessagePolicy', 'File');
  const res = ensure(c, 'resources');
  // SetDefaults_Pod (Pods only, not pod templates): requests default to limits for each limited resource.
  if (isPod && res.limits && typeof res.limits === 'object') {
    const req = ensure(res, 'requests');
    for (const [k, v] of Object.entries(res.limits as Obj)) setIfUnset(req, k, v);
  }
  for (const p of (c.ports as Obj[] | undefined) ?? []) {
    setIfUnset(p, 'protocol', 'TCP');
    if (hostNetwork && (p.hostPort === undefined || p.hostPort === 0)) p.hostPort = p.containerPort;
  }
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  defaultHandler(c.lifecycle?.postStart);
  defaultHandler(c.lifecycle?.preStop);
  defaultEnv(c.env);
}

function defaultVolume(v: Obj): void {
  const sources = Object.keys(v).filter((k) => k !== 'name');
  if (sources.length === 0) v.emptyDir = {};
  if (v.secret) setIfUnset(v.secret, 'defaultMode', 420);
  if (v.configMap) setIfUnset(v.configMap, 'defaultMode', 420);
  if (v.downwardAPI) {
    setIfUnset(v.downwardAPI, 'defaultMode', 420);
    for (const item of (v.downwardAPI.items as Obj[] | undefined) ?? []) if (item.fieldRef) setIfUnset(item.fieldRef, 'apiVersion', 'v1');
  }
  if (v.projected) {
    setIfUnset(v.projected, 'defaultMode', 420);
    for (const s of (v.projected.sources as Obj[] | undefined) ?? []) {
      if (s.serviceAccountToken) setIfUnset(s.serviceAccountToken, 'expirationSeconds', 3600);
      for (const item of (s.downwardAPI?.items as Obj[] | undefined) ?? []) if (item.fieldRef) setIfUnset(item.fieldRef, 'apiVersion', 'v1');
    }
  }
  if (v.hostPath) setIfUnset(v.hostPath, 'type', '');
  if (v.iscsi) { setIfUnset(v.iscsi, 'iscsiInterface', 'default'); }
}

/** defaultPodSpec applies SetDefaults_PodSpec and everything nested in a pod spec. */
export function defaultPodSpec(spec: Obj, isPod = false): void {
  setIfUnset(spec, 'dnsPolicy', 'ClusterFirst');
  setIfUnset(spec, 'restartPolicy', 'Always');
  setIfUnset(spec, 'securityContext', {});
  setIfUnset(spec, 'terminationGracePeriodSeconds', 30);
  setIfUnset(spec, 'schedulerName', 'default-scheduler');
  setIfUnset(spec, 'enableServiceLinks', true);
  // v1 conversion keeps the deprecated serviceAccount mirrored with serviceAccountName.
  if (spec.serviceAccountName && !spec.serviceAccount) spec.serviceAccount = spec.serviceAccountName;
  else if (spec.serviceAccount && !spec.serviceAccountName) spec.serviceAccountName = spec.serviceAccount;
  const hostNetwork = spec.hostNetwork === true;
  for (const list of ['initContainers', 'containers', 'ephemeralContainers']) {
    for (const c of (spec[list] as Obj[] | undefined) ?? []) defaultContainer(c, hostNetwork, isPod);
  }
  for (const v of (spec.volumes as Obj[] | undefined) ?? []) defaultVolume(v);
}

/** defaultPodTemplate applies pod-spec defaults inside a PodTemplateSpec (template.metadata.creationTimestamp null as served). */
export function defaultPodTemplate(template: Obj | undefined): void {
  if (!template) return;
  const meta = ensure(template, 'metadata');
  if (!('creationTimestamp' in meta)) meta.creationTimestamp = null;
  defaultPodSpec(ensure(template, 'spec'));
}

/** podQOSClass computes status.qosClass as pkg/apis/core/helper/qos GetPodQOS does (cpu and memory only). */
export function podQOSClass(spec: Obj): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers = [...((spec.initContainers as Obj[] | undefined) ?? []), ...((spec.containers as Obj[] | undefined) ?? [])];
  const requests = new Map<string, bigint>();
  const limits = new Map<string, bigint>();
  let guaranteed = true;
  const add = (m: Map<string, bigint>, k: string, v: unknown): boolean => {
    const q = parseQuantity(v as string);
    if (!q || q.nano === 0n) return false;
    m.set(k, (m.get(k) ?? 0n) + q.nano);
    return true;
  };
  for (const c of containers) {
    const found = new Set<string>();
    for (const r of ['cpu', 'memory']) {
      add(requests, r, c.resources?.requests?.[r]);
      if (add(limits, r, c.resources?.limits?.[r])) found.add(r);
    }
    if (found.size !== 2) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [k, v] of requests) if (limits.get(k) !== v) { guaranteed = false; break; }
  }
  return guaranteed && limits.size === requests.size ? 'Guaranteed' : 'Burstable';
}

/** defaultPod applies pod defaults and, for a new pod without status, the strategy's Pending phase and QoS class. */
export function defaultPod(pod: Obj): void {
  const spec = ensure(pod, 'spec');
  defaultPodSpec(spec, true);
  const status = ensure(pod, 'status');
  // Models pod strategy PrepareForCreate: a new pod starts Pending with its QoS class.
  if (!status.phase) status.phase = 'Pending';
  if (!status.qosClass) status.qosClass = podQOSClass(spec);
}
