// Models pkg/apis/core/v1/defaults.go for non-pod core objects, pkg/apis/storage/v1/defaults.go,
// and the namespace/service REST strategies' create-time fields that `kubectl get -o yaml` shows.
import { ensure, setIfUnset, type Obj } from './pod';

/** defaultService applies SetDefaults_Service (ipFamilies/ipFamilyPolicy as the single-stack IPv4 allocator sets them). */
export function defaultService(svc: Obj): void {
  const spec = ensure(svc, 'spec');
  setIfUnset(spec, 'type', 'ClusterIP');
  setIfUnset(spec, 'sessionAffinity', 'None');
  if (spec.sessionAffinity === 'ClientIP') {
    const cfg = ensure(ensure(spec, 'sessionAffinityConfig'), 'clientIP');
    setIfUnset(cfg, 'timeoutSeconds', 10800);
  }
  for (const p of (spec.ports as Obj[] | undefined) ?? []) {
    setIfUnset(p, 'protocol', 'TCP');
    if (p.targetPort === undefined || p.targetPort === null || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') setIfUnset(spec, 'externalTrafficPolicy', 'Cluster');
  if (spec.type === 'LoadBalancer') setIfUnset(spec, 'allocateLoadBalancerNodePorts', true);
  if (spec.type !== 'ExternalName') {
    setIfUnset(spec, 'internalTrafficPolicy', 'Cluster');
    // Models the service REST initIPFamilyFields on a single-stack IPv4 cluster: headless services
    // without a selector get RequireDualStack (and both families), everything else SingleStack IPv4.
    const headlessNoSelector = spec.clusterIP === 'None' && (!spec.selector || Object.keys(spec.selector).length === 0);
    setIfUnset(spec, 'ipFamilyPolicy', headlessNoSelector ? 'RequireDualStack' : 'SingleStack');
    if (!Array.isArray(spec.ipFamilies) || spec.ipFamilies.length === 0) spec.ipFamilies = headlessNoSelector ? ['IPv4', 'IPv6'] : ['IPv4'];
  }
  const status = ensure(svc, 'status');
  setIfUnset(status, 'loadBalancer', {});
}

/** defaultNamespace applies SetDefaults_Namespace (name label), the strategy's 'kubernetes' finalizer and phase Active. */
export function defaultNamespace(ns: Obj): void {
  const meta = ensure(ns, 'metadata');
  if (meta.name) ensure(meta, 'labels')['kubernetes.io/metadata.name'] = meta.name;
  const spec = ensure(ns, 'spec');
  if (!Array.isArray(spec.finalizers) || spec.finalizers.length === 0) spec.finalizers = ['kubernetes'];
  setIfUnset(ensure(ns, 'status'), 'phase', 'Active');
}

/** defaultPVC applies SetDefaults_PersistentVolumeClaim. */
export function defaultPVC(pvc: Obj): void {
  setIfUnset(ensure(pvc, 'spec'), 'volumeMode', 'Filesystem');
  setIfUnset(ensure(pvc, 'status'), 'phase', 'Pending');
}

/** defaultPV applies SetDefaults_PersistentVolume. */
export function defaultPV(pv: Obj): void {
  const spec = ensure(pv, 'spec');
  setIfUnset(spec, 'persistentVolumeReclaimPolicy', 'Retain');
  setIfUnset(spec, 'volumeMode', 'Filesystem');
  if (spec.hostPath) setIfUnset(spec.hostPath, 'type', '');
  setIfUnset(ensure(pv, 'status'), 'phase', 'Pending');
}

/** defaultNode applies SetDefaults_NodeStatus (allocatable defaults to capacity). */
export function defaultNode(node: Obj): void {
  const status = node.status as Obj | undefined;
  if (status?.capacity && !status.allocatable) status.allocatable = { ...status.capacity };
}

/** defaultEndpoints applies SetDefaults_EndpointPort to every subset port. */
export function defaultEndpoints(ep: Obj): void {
  for (const ss of (ep.subsets as Obj[] | undefined) ?? []) for (const p of (ss.ports as Obj[] | undefined) ?? []) setIfUnset(p, 'protocol', 'TCP');
}

/** defaultEndpointSlice applies discovery/v1 SetDefaults_EndpointPort (name "" and protocol TCP). */
export function defaultEndpointSlice(es: Obj): void {
  for (const p of (es.ports as Obj[] | undefined) ?? []) { setIfUnset(p, 'name', ''); setIfUnset(p, 'protocol', 'TCP'); }
}

/** defaultLimitRange applies SetDefaults_LimitRangeItem (default from max, defaultRequest from default). */
export function defaultLimitRange(lr: Obj): void {
  for (const item of (lr.spec?.limits as Obj[] | undefined) ?? []) {
    if (item.type !== 'Container') continue;
    if (item.max) { const d = ensure(item, 'default'); for (const [k, v] of Object.entries(item.max as Obj)) setIfUnset(d, k, v); }
    if (item.default) { const d = ensure(item, 'defaultRequest'); for (const [k, v] of Object.entries(item.default as Obj)) setIfUnset(d, k, v); }
  }
}

/** defaultStorageClass applies storage/v1 SetDefaults_StorageClass. */
export function defaultStorageClass(sc: Obj): void {
  setIfUnset(sc, 'reclaimPolicy', 'Delete');
  setIfUnset(sc, 'volumeBindingMode', 'Immediate');
}
