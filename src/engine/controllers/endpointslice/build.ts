// Models staging/src/k8s.io/endpointslice utils.go: podToEndpoint, getEndpointPorts, setEndpointSliceLabels.
import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { Endpoint, EndpointPort } from 'kubernetes-types/discovery/v1';
import { findPort, isServiceIPSet, podIPOf, shouldSetHostname, HEADLESS_LABEL } from '../endpoints';
import { isPodReady } from '../runtime';

/** SERVICE_NAME_LABEL is discovery.LabelServiceName. */
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
/** MANAGED_BY_LABEL is discovery.LabelManagedBy. */
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
/** CONTROLLER_NAME is the endpointslice controller's managed-by value. */
export const CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
/** MAX_ENDPOINTS_PER_SLICE is kube-controller-manager's --max-endpoints-per-slice default. */
export const MAX_ENDPOINTS_PER_SLICE = 100;

/** podToEndpoint returns the slice endpoint of a pod: ready only when serving and not terminating (or publishNotReadyAddresses). */
export function podToEndpoint(pod: Pod, svc: Service): Endpoint {
  const serving = isPodReady(pod);
  const terminating = !!pod.metadata?.deletionTimestamp;
  const ready = !!svc.spec?.publishNotReadyAddresses || (serving && !terminating);
  const ep: Endpoint = { addresses: [podIPOf(pod)], conditions: { ready, serving, terminating } };
  if (shouldSetHostname(pod, svc)) ep.hostname = pod.spec?.hostname;
  if (pod.spec?.nodeName) ep.nodeName = pod.spec.nodeName;
  ep.targetRef = { kind: 'Pod', name: pod.metadata?.name, namespace: pod.metadata?.namespace, uid: pod.metadata?.uid };
  return ep;
}

/** endpointPorts returns the slice ports a pod offers for the Service (ports it cannot resolve are left out). */
export function endpointPorts(svc: Service, pod: Pod): EndpointPort[] {
  const out: EndpointPort[] = [];
  for (const sp of svc.spec?.ports ?? []) {
    const num = findPort(pod, sp);
    if (num === undefined) continue;
    const p: EndpointPort = { name: sp.name ?? '', port: num, protocol: sp.protocol ?? 'TCP' };
    if (sp.appProtocol) p.appProtocol = sp.appProtocol;
    out.push(p);
  }
  return out;
}

const RESERVED = new Set([SERVICE_NAME_LABEL, MANAGED_BY_LABEL]);

/** sliceLabels returns the Service's labels (reserved keys dropped) plus headless, service-name and managed-by. */
export function sliceLabels(svc: Service, managedBy: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(svc.metadata?.labels ?? {})) if (!RESERVED.has(k)) out[k] = v;
  if (!isServiceIPSet(svc)) out[HEADLESS_LABEL] = '';
  else delete out[HEADLESS_LABEL];
  out[SERVICE_NAME_LABEL] = svc.metadata?.name ?? '';
  out[MANAGED_BY_LABEL] = managedBy;
  return out;
}

/** slicePrefix is getEndpointSlicePrefix: `<service>-`, trimmed as generateName is. */
export function slicePrefix(name: string): string {
  return `${name}-`.slice(0, 58);
}
