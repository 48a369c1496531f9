// Models describe.go's describePod and DescribePodTemplate (kubectl 1.32 layout).
import type { KObject } from '../../types';
import { formatDescribeTimestamp } from '../printers';
import {
  describeEvents, printAnnotationsMultiline, printController, printLabelsMultiline, printTolerationsMultiline,
  searchEvents, translateTimestampSince, type DescribeContext, type Obj,
} from './common';
import { describeContainers, describeResources, type EnvResolver } from './containers';
import { parseQuantity } from './quantity';
import { describeVolumes } from './volumes';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './writer';

/** computePodQOS is the QoS class from container requests/limits (pkg/apis/core/helper/qos). */
export function computePodQOS(pod: Obj): string {
  const requests = new Map<string, bigint>();
  const limits = new Map<string, bigint>();
  let guaranteed = true;
  const all = [...((pod.spec?.containers ?? []) as Obj[]), ...((pod.spec?.initContainers ?? []) as Obj[])];
  for (const c of all) {
    for (const [name, q] of Object.entries((c.resources?.requests ?? {}) as Record<string, string>)) {
      if (name !== 'cpu' && name !== 'memory') continue;
      const v = parseQuantity(q).nano;
      if (v !== 0n) requests.set(name, (requests.get(name) ?? 0n) + v);
    }
    const found = new Set<string>();
    for (const [name, q] of Object.entries((c.resources?.limits ?? {}) as Record<string, string>)) {
      if (name !== 'cpu' && name !== 'memory') continue;
      const v = parseQuantity(q).nano;
      if (v !== 0n) { found.add(name); limits.set(name, (limits.get(name) ?? 0n) + v); }
    }
    if (!found.has('cpu') || !found.has('memory')) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, v] of requests) if (limits.get(name) !== v) { guaranteed = false; break; }
  }
  return guaranteed && limits.size === requests.size ? 'Guaranteed' : 'Burstable';
}

function fieldPathValue(pod: Obj, path: string): string {
  const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
  if (m) return String(pod.metadata?.[m[1]]?.[m[2]] ?? '');
  switch (path) {
    case 'metadata.name': return pod.metadata?.name ?? '';
    case 'metadata.namespace': return pod.metadata?.namespace ?? '';
    case 'metadata.uid': return pod.metadata?.uid ?? '';
    case 'spec.nodeName': return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName': return pod.spec?.serviceAccountName ?? '';
    case 'status.hostIP': return pod.status?.hostIP ?? '';
    case 'status.podIP': return pod.status?.podIP ?? '';
    case 'status.podIPs': return ((pod.status?.podIPs ?? []) as Obj[]).map((x) => x.ip).join(',');
    case 'status.hostIPs': return ((pod.status?.hostIPs ?? []) as Obj[]).map((x) => x.ip).join(',');
    default: return '';
  }
}

function envResolver(pod: Obj): EnvResolver {
  return (e: Obj) => fieldPathValue(pod, String(e.valueFrom?.fieldRef?.fieldPath ?? ''));
}

/** describePodObject renders `kubectl describe pod` for a pod and its events (undefined: no Events section). */
export function describePodObject(pod: KObject, events: Obj[] | undefined, now: number): string {
  const p = pod as Obj;
  const spec = (p.spec ?? {}) as Obj;
  const status = (p.status ?? {}) as Obj;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pod.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${pod.metadata.namespace ?? ''}\n`);
    if (spec.priority !== undefined && spec.priority !== null) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
    if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
    if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
    if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
    w.write(LEVEL_0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${formatDescribeTimestamp(status.startTime)}\n`);
    printLabelsMultiline(w, 'Labels', pod.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', pod.metadata.annotations);
    if (pod.metadata.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
      w.write(LEVEL_0, `Status:\tTerminating (lasts ${translateTimestampSince(pod.metadata.deletionTimestamp, now)})\n`);
      w.write(LEVEL_0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
    } else w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`);
    if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
    if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
    const seccomp = spec.securityContext?.seccompProfile;
    if (seccomp) {
      w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type ?? ''}\n`);
      if (seccomp.type === 'Localhost') w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
    }
    w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`);
    const ips = (status.podIPs ?? []) as Obj[];
    if (ips.length === 0) w.write(LEVEL_0, 'IPs:\t<none>\n');
    else {
      w.write(LEVEL_0, 'IPs:\n');
      for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
    }
    const controlledBy = printController(pod);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
    if (spec.resources) { w.write(LEVEL_0, 'Resources:\n'); describeResources(spec.resources, w, LEVEL_1); }
    const resolve = envResolver(p);
    if (spec.initContainers?.length) describeContainers('Init Containers', spec.initContainers, status.initContainerStatuses, resolve, w, '');
    describeContainers('Containers', spec.containers, status.containerStatuses, resolve, w, '');
    if (spec.ephemeralContainers?.length) describeContainers('Ephemeral Containers', spec.ephemeralContainers, status.ephemeralContainerStatuses, resolve, w, '');
    const conditions = (status.conditions ?? []) as Obj[];
    if (spec.readinessGates?.length) {
      w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
      for (const g of spec.readinessGates as Obj[]) {
        const c = conditions.find((x) => x.type === g.conditionType);
        w.write(LEVEL_1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`);
      }
    }
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
      for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
    }
    describeVolumes(spec.volumes, w, '');
    w.write(LEVEL_0, `QoS Class:\t${status.qosClass || computePodQOS(p)}\n`);
    printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
    printTolerationsMultiline(w, 'Tolerations', spec.tolerations);
    describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, '');
    if (events) describeEvents(events, w, now);
  });
}

function describeTopologySpreadConstraints(tscs: Obj[] | undefined, w: PrefixWriter, space: string): void {
  if (!tscs || tscs.length === 0) return;
  const sorted = [...tscs].sort((a, b) => (a.topologyKey < b.topologyKey ? -1 : a.topologyKey > b.topologyKey ? 1 : 0));
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`);
  sorted.forEach((t, i) => {
    if (i !== 0) { w.write(LEVEL_0, space); w.write(LEVEL_0, '\t'); }
    let s = `${t.topologyKey}:${t.whenUnsatisfiable} when max skew ${t.maxSkew} is exceeded`;
    if (t.labelSelector) s += ` for selector ${formatSelector(t.labelSelector)}`;
    w.write(LEVEL_0, s + '\n');
  });
}

function formatSelector(sel: Obj): string {
  const parts = Object.keys(sel.matchLabels ?? {}).sort().map((k) => `${k}=${sel.matchLabels[k]}`);
  return parts.join(',') || '<none>';
}

/** describePodTemplate is DescribePodTemplate (used by Deployment, ReplicaSet, Job...). */
export function describePodTemplate(template: Obj | undefined, w: PrefixWriter): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (!template) { w.write(LEVEL_1, '<unset>'); return; }
  const spec = (template.spec ?? {}) as Obj;
  printLabelsMultiline(w, '  Labels', template.metadata?.labels);
  if (template.metadata?.annotations && Object.keys(template.metadata.annotations).length > 0) {
    printAnnotationsMultiline(w, '  Annotations', template.metadata.annotations);
  }
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if (spec.initContainers?.length) describeContainers('Init Containers', spec.initContainers, undefined, undefined, w, '  ');
  describeContainers('Containers', spec.containers, undefined, undefined, w, '  ');
  describeVolumes(spec.volumes, w, '  ');
  describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, '  ');
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, '  Node-Selectors', spec.nodeSelector);
  printTolerationsMultiline(w, '  Tolerations', spec.tolerations);
}

/** describePod fetches a pod's events (kind omitted, as kubectl does) and describes it. */
export function describePod(pod: KObject, ctx: DescribeContext): string {
  let events: Obj[] | undefined;
  if (ctx.showEvents) {
    const mirror = pod.metadata.annotations?.['kubernetes.io/config.mirror'];
    events = searchEvents(ctx.client, { name: pod.metadata.name ?? '', namespace: pod.metadata.namespace ?? '', uid: mirror ?? pod.metadata.uid });
  }
  return describePodObject(pod, events, ctx.now);
}
