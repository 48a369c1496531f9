// Models describe.go's describeService (endpoints from EndpointSlices, falling back to the Endpoints object)
// and describeEndpoints.
import type { KObject } from '../../types';
import {
  describeEvents, eventsFor, formatLabels, printAnnotationsMultiline, printLabelsMultiline, type DescribeContext, type Obj,
} from './common';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString } from './writer';

const joinHostPort = (h: string, p: number | string): string => (h.includes(':') ? `[${h}]:${p}` : `${h}:${p}`);

/** formatEndpointSlices lists ready endpoints as ip:port (max 3, then `+ N more...`), '<none>' without slices. */
export function formatEndpointSlices(slices: Obj[], portName: string | undefined): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const s of slices) {
    const endpoints = (s.endpoints ?? []) as Obj[];
    const ready = (e: Obj) => e.conditions?.ready === undefined || e.conditions?.ready === null || e.conditions.ready === true;
    if (!s.ports || s.ports.length === 0) {
      for (const e of endpoints) {
        if (list.length === max) more = true;
        if (!ready(e)) continue;
        if (!more) list.push(e.addresses?.[0] ?? '');
        count++;
      }
    } else {
      for (const port of s.ports as Obj[]) {
        if (portName !== undefined && (port.name ?? '') !== portName) continue;
        for (const e of endpoints) {
          if (list.length === max) more = true;
          if (!ready(e)) continue;
          if (!more) list.push(joinHostPort(e.addresses?.[0] ?? '', port.port ?? 0));
          count++;
        }
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

// Endpoints subsets seen as slices, for clusters without an EndpointSlice controller.
function endpointsAsSlices(ep: Obj | undefined): Obj[] {
  return ((ep?.subsets ?? []) as Obj[]).map((ss) => ({
    ports: ss.ports ?? [],
    endpoints: [
      ...((ss.addresses ?? []) as Obj[]).map((a) => ({ addresses: [a.ip], conditions: { ready: true } })),
      ...((ss.notReadyAddresses ?? []) as Obj[]).map((a) => ({ addresses: [a.ip], conditions: { ready: false } })),
    ],
  }));
}

function serviceSlices(svc: KObject, ctx: DescribeContext): Obj[] {
  const ns = svc.metadata.namespace ?? '';
  try {
    const slices = ctx.client.list('endpointslices', ns, { labelSelector: `kubernetes.io/service-name=${svc.metadata.name}` }) as Obj[];
    if (slices.length > 0) return slices;
  } catch { /* no discovery.k8s.io in this cluster */ }
  try { return endpointsAsSlices(ctx.client.tryGet('endpoints', ns, svc.metadata.name ?? '') as Obj | undefined); } catch { return []; }
}

/** describeService renders `kubectl describe service`. */
export function describeService(svc: KObject, ctx: DescribeContext): string {
  const s = svc as Obj;
  const spec = (s.spec ?? {}) as Obj;
  const slices = serviceSlices(svc, ctx);
  const events = eventsFor(svc, ctx);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${svc.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${svc.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', svc.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', svc.metadata.annotations);
    w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
    w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`);
    if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
    w.write(LEVEL_0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}\n`);
    w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`);
    w.write(LEVEL_0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}\n`);
    if (spec.externalIPs?.length) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
    if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
    if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
    const ingress = (s.status?.loadBalancer?.ingress ?? []) as Obj[];
    if (ingress.length > 0) {
      w.write(LEVEL_0, `LoadBalancer Ingress:\t${ingress.map((i) => (i.ip ? i.ip + (i.ipMode ? ` (${i.ipMode})` : '') : i.hostname ?? '')).join(', ')}\n`);
    }
    for (const p of (spec.ports ?? []) as Obj[]) {
      const name = p.name || '<unset>';
      w.write(LEVEL_0, `Port:\t${name}\t${p.port}/${p.protocol ?? ''}\n`);
      w.write(LEVEL_0, `TargetPort:\t${p.targetPort ?? 0}/${p.protocol ?? ''}\n`);
      if (p.appProtocol) w.write(LEVEL_0, `AppProtocol:\t${p.appProtocol}\n`);
      if (p.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${p.nodePort}/${p.protocol ?? ''}\n`);
      w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, p.name ?? '')}\n`);
    }
    w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
    if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
    if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
    if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
    if (spec.loadBalancerSourceRanges?.length) w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}\n`);
    if (spec.trafficDistribution) w.write(LEVEL_0, `Traffic Distribution:\t${spec.trafficDistribution}\n`);
    if (events) describeEvents(events, w, ctx.now);
  });
}

/** describeEndpoints renders `kubectl describe endpoints`. */
export function describeEndpoints(ep: KObject, ctx: DescribeContext): string {
  const events = eventsFor(ep, ctx);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ep.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${ep.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', ep.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ep.metadata.annotations);
    w.write(LEVEL_0, 'Subsets:\n');
    for (const ss of ((ep as Obj).subsets ?? []) as Obj[]) {
      w.write(LEVEL_1, `Addresses:\t${((ss.addresses ?? []) as Obj[]).map((a) => a.ip).join(',') || '<none>'}\n`);
      w.write(LEVEL_1, `NotReadyAddresses:\t${((ss.notReadyAddresses ?? []) as Obj[]).map((a) => a.ip).join(',') || '<none>'}\n`);
      if (ss.ports?.length) {
        w.write(LEVEL_1, 'Ports:\n');
        w.write(LEVEL_2, 'Name\tPort\tProtocol\n');
        w.write(LEVEL_2, '----\t----\t--------\n');
        for (const p of ss.ports as Obj[]) w.write(LEVEL_2, `${p.name || '<unset>'}\t${p.port ?? 0}\t${p.protocol ?? ''}\n`);
      }
      w.write(LEVEL_0, '\n');
    }
    if (events) describeEvents(events, w, ctx.now);
  });
}
