// Models the pod helpers the endpoint controllers share: pkg/api/v1/pod (IsPodReady, FindPort) and
// staging/src/k8s.io/endpointslice/util (ShouldPodBeInEndpoints, ShouldSetHostname, podEndpointsChanged).
import type { Pod } from 'kubernetes-types/core/v1';
import type { Service, ServicePort } from 'kubernetes-types/core/v1';

import { isPodReady, readyCondition } from '../runtime';

/** podReadyTransition returns the Ready condition's lastTransitionTime (the endpoint trigger time), or ''. */
export function podReadyTransition(pod: Pod): string {
  return readyCondition(pod)?.lastTransitionTime ?? '';
}

/** podIPOf returns the pod's (IPv4) address, or ''. */
export function podIPOf(pod: Pod): string {
  return pod.status?.podIP ?? pod.status?.podIPs?.[0]?.ip ?? '';
}

/**
 * shouldPodBeInEndpoints is ShouldPodBeInEndpoints: not terminal (Succeeded/Failed), has an IP, and
 * not terminating unless includeTerminating.
 */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  if (!podIPOf(pod)) return false;
  if (!includeTerminating && pod.metadata?.deletionTimestamp) return false;
  return true;
}

/** shouldSetHostname is ShouldSetHostname: the pod names a hostname and its subdomain is this Service. */
export function shouldSetHostname(pod: Pod, svc: Service): boolean {
  return !!pod.spec?.hostname && pod.spec?.subdomain === svc.metadata?.name && pod.metadata?.namespace === svc.metadata?.namespace;
}

/**
 * findPort is podutil.FindPort: a numeric targetPort is used as is (the port itself when unset); a named
 * one is looked up in the pod's containers (and restartable init containers) with the same protocol.
 */
export function findPort(pod: Pod, port: ServicePort): number | undefined {
  const target = port.targetPort ?? port.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  const proto = port.protocol ?? 'TCP';
  const sidecars = (pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always');
  for (const c of [...(pod.spec?.containers ?? []), ...sidecars]) {
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === proto) return p.containerPort;
  }
  return undefined;
}

/** hasSelector reports whether the Service selects pods (a nil or empty selector selects none here, as after a round trip). */
export function hasSelector(svc: Service): boolean {
  return !!svc.spec?.selector && Object.keys(svc.spec.selector).length > 0;
}

/** selects reports whether the Service's selector matches the labels. */
export function selects(svc: Service, labels: Record<string, string> | undefined): boolean {
  const sel = svc.spec?.selector;
  if (!sel) return false;
  let n = 0;
  for (const k in sel) {
    n++;
    if (labels?.[k] !== sel[k]) return false;
  }
  return n > 0;
}

/** isServiceIPSet is helper.IsServiceIPSet: the Service has a ClusterIP (not headless). */
export function isServiceIPSet(svc: Service): boolean {
  const ip = svc.spec?.clusterIP;
  return !!ip && ip !== 'None';
}

const sameLabels = (a?: Record<string, string>, b?: Record<string, string>) => {
  const ak = Object.keys(a ?? {}), bk = Object.keys(b ?? {});
  return ak.length === bk.length && ak.every((k) => a?.[k] === b?.[k]);
};

/**
 * podEndpointsChanged is endpointsliceutil.podEndpointsChanged plus the label check of GetServicesToUpdateOnPodChange:
 * [endpointsChanged, labelsChanged] between two versions of a pod.
 */
export function podEndpointsChanged(old: Pod, cur: Pod): [boolean, boolean] {
  const labelsChanged = !sameLabels(old.metadata?.labels, cur.metadata?.labels);
  const changed = !!old.metadata?.deletionTimestamp !== !!cur.metadata?.deletionTimestamp
    || isPodReady(old) !== isPodReady(cur)
    || podIPOf(old) !== podIPOf(cur)
    || old.status?.phase !== cur.status?.phase
    || old.spec?.nodeName !== cur.spec?.nodeName
    || old.spec?.hostname !== cur.spec?.hostname || old.spec?.subdomain !== cur.spec?.subdomain
    || old.metadata?.uid !== cur.metadata?.uid;
  return [changed, labelsChanged];
}
