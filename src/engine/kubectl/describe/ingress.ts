// Models describe.go's IngressDescriber (describeIngressV1, describeBackendV1, describeIngressTLSV1) and
// IngressClassDescriber (describeIngressClassV1).
import type { KObject } from '../../types';
import { describeEvents, eventsFor, printAnnotationsMultiline, printLabelsMultiline, type DescribeContext, type Obj } from './common';
import { formatEndpointSlices } from './service';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString } from './writer';

/** serviceBackendStringer is `name:port` (the port number, or its name). */
function serviceBackendStringer(b: Obj): string {
  return `${b.name}:${b.port?.number ? b.port.number : (b.port?.name ?? '')}`;
}

/** ingressAddress is ingressLoadBalancerStatusStringerV1 with wide=true: the sorted set of IPs/hostnames. */
function ingressAddress(ing: Obj): string {
  const set = new Set<string>();
  for (const i of (ing.status?.loadBalancer?.ingress ?? []) as Obj[]) { if (i.ip) set.add(i.ip); else if (i.hostname) set.add(i.hostname); }
  return [...set].sort().join(',');
}

function describeBackend(ns: string, backend: Obj, ctx: DescribeContext): string {
  if (backend.service) {
    const sb = serviceBackendStringer(backend.service);
    let slices: Obj[] = [];
    try { slices = ctx.client.list('endpointslices', ns, { labelSelector: `kubernetes.io/service-name=${backend.service.name}` }) as Obj[]; } catch { slices = []; }
    const svc = ctx.client.tryGet('services', ns, backend.service.name) as Obj | undefined;
    if (!svc) return `${sb} (<error: services "${backend.service.name}" not found>)`;
    let spName = '';
    for (const sp of (svc.spec?.ports ?? []) as Obj[]) {
      if (backend.service.port?.number && backend.service.port.number === sp.port) spName = sp.name ?? '';
      else if (backend.service.port?.name && backend.service.port.name === sp.name) spName = sp.name ?? '';
    }
    return `${sb} (${formatEndpointSlices(slices, spName)})`;
  }
  if (backend.resource) {
    const r = backend.resource;
    return `APIGroup: ${r.apiGroup ?? '<none>'}, Kind: ${r.kind}, Name: ${r.name}`;
  }
  return '';
}

/** describeIngress renders `kubectl describe ingress` (networking.k8s.io/v1). */
export function describeIngress(obj: KObject, ctx: DescribeContext): string {
  const ing = obj as Obj;
  const ns = obj.metadata.namespace ?? '';
  const events = eventsFor(obj, ctx);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata.labels);
    w.write(LEVEL_0, `Namespace:\t${ns}\n`);
    w.write(LEVEL_0, `Address:\t${ingressAddress(ing)}\n`);
    w.write(LEVEL_0, `Ingress Class:\t${ing.spec?.ingressClassName ?? '<none>'}\n`);
    const def = ing.spec?.defaultBackend as Obj | undefined;
    const defaultBackend = def ? describeBackend(ns, def, ctx) : '<default>';
    w.write(LEVEL_0, `Default backend:\t${defaultBackend}\n`);
    const tls = (ing.spec?.tls ?? []) as Obj[];
    if (tls.length) {
      w.write(LEVEL_0, 'TLS:\n');
      for (const t of tls) {
        const hosts = ((t.hosts ?? []) as string[]).join(',');
        w.write(LEVEL_1, t.secretName ? `${t.secretName} terminates ${hosts}\n` : `SNI routes ${hosts}\n`);
      }
    }
    w.write(LEVEL_0, 'Rules:\n  Host\tPath\tBackends\n');
    w.write(LEVEL_1, '----\t----\t--------\n');
    let count = 0;
    for (const rule of (ing.spec?.rules ?? []) as Obj[]) {
      if (!rule.http) continue;
      count++;
      w.write(LEVEL_1, `${rule.host || '*'}\t\n`);
      for (const p of (rule.http.paths ?? []) as Obj[]) w.write(LEVEL_2, `\t${p.path ?? ''} \t${describeBackend(ns, p.backend ?? {}, ctx)}\n`);
    }
    if (count === 0) w.write(LEVEL_1, `*\t*\t${defaultBackend}\n`);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    if (events) describeEvents(events, w, ctx.now);
  });
}

/** describeIngressClass renders `kubectl describe ingressclass`. */
export function describeIngressClass(obj: KObject, ctx: DescribeContext): string {
  const ic = obj as Obj;
  const events = eventsFor(obj, ctx);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    w.write(LEVEL_0, `Controller:\t${ic.spec?.controller ?? ''}\n`);
    const p = ic.spec?.parameters as Obj | undefined;
    if (p) {
      w.write(LEVEL_0, 'Parameters:\n');
      if (p.apiGroup) w.write(LEVEL_1, `APIGroup:\t${p.apiGroup}\n`);
      w.write(LEVEL_1, `Kind:\t${p.kind}\n`);
      w.write(LEVEL_1, `Name:\t${p.name}\n`);
    }
    if (events) describeEvents(events, w, ctx.now);
  });
}
