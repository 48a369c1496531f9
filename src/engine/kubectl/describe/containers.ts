// Models describe.go's describeContainers and its helpers (ports, command, state, resources, probes, env, mounts).
import { formatDescribeTimestamp, goQuote } from '../printers';
import { sortedKeys, type Obj } from './common';
import { canonical, milliValue, parseQuantity, quantityValue } from './quantity';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './writer';

/** EnvResolver resolves a fieldRef env var to its value (EnvValueRetriever), or undefined for templates. */
export type EnvResolver = ((e: Obj) => string) | undefined;

const printBool = (b: unknown): string => (b ? 'True' : 'False');
const intOr0 = (n: unknown): number => (typeof n === 'number' ? n : 0);

// kubectl 1.32 prints no port names here (1.33 added them).
function portString(ports: Obj[] | undefined, host: boolean): string {
  return (ports ?? []).map((p) => `${host ? intOr0(p.hostPort) : intOr0(p.containerPort)}/${p.protocol ?? ''}`).join(', ');
}

/** describeProbe is DescribeProbe: `http-get http://:8080/ delay=0s timeout=1s period=10s #success=1 #failure=3`. */
export function describeProbe(p: Obj): string {
  const attrs = `delay=${intOr0(p.initialDelaySeconds)}s timeout=${intOr0(p.timeoutSeconds)}s period=${intOr0(p.periodSeconds)}s ` +
    `#success=${intOr0(p.successThreshold)} #failure=${intOr0(p.failureThreshold)}`;
  if (p.exec) return `exec [${((p.exec.command ?? []) as string[]).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const g = p.httpGet;
    const scheme = String(g.scheme ?? '').toLowerCase();
    const port = g.port === undefined || g.port === null ? '' : String(g.port);
    const hostName = g.host ?? '';
    const host = port ? (hostName.includes(':') ? `[${hostName}]:${port}` : `${hostName}:${port}`) : hostName;
    let path = g.path ?? '';
    if (path && !path.startsWith('/') && host) path = '/' + path;
    const url = (scheme ? `${scheme}:` : '') + (scheme || host ? `//${host}` : '') + path;
    return `http-get ${url} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${p.tcpSocket.port ?? ''} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${intOr0(p.grpc.port)} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

/** describeStatus prints one container state (State / Last State). */
export function describeStatus(name: string, state: Obj | undefined, w: PrefixWriter): void {
  if (state?.running) {
    w.write(LEVEL_2, `${name}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${formatDescribeTimestamp(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${intOr0(t.exitCode)}\n`);
    if (intOr0(t.signal) > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`);
    w.write(LEVEL_3, `Started:\t${formatDescribeTimestamp(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${formatDescribeTimestamp(t.finishedAt)}\n`);
  } else w.write(LEVEL_2, `${name}:\tWaiting\n`);
}

/** describeResources prints Limits/Requests blocks at a level. */
export function describeResources(res: Obj | undefined, w: PrefixWriter, level: number): void {
  if (!res) return;
  for (const [title, list] of [['Limits', res.limits], ['Requests', res.requests]] as const) {
    const keys = sortedKeys(list);
    if (keys.length > 0) w.write(level, `${title}:\n`);
    for (const k of keys) w.write(level + 1, `${k}:\t${canonical(list[k])}\n`);
  }
}

function resourceFieldValue(ref: Obj, c: Obj): string {
  const [kind, res] = String(ref.resource ?? '').split('.');
  const list = (kind === 'limits' ? c.resources?.limits : c.resources?.requests) ?? {};
  const q = parseQuantity(list[res]);
  const divisor = parseQuantity(ref.divisor ?? '1');
  if (res === 'cpu') {
    const d = milliValue(divisor) || 1;
    return String(Math.ceil(milliValue(q) / d));
  }
  const d = quantityValue(divisor) || 1;
  return String(Math.ceil(quantityValue(q) / d));
}

function describeEnvVars(c: Obj, resolve: EnvResolver, w: PrefixWriter): void {
  const env = (c.env ?? []) as Obj[];
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    if (!e.valueFrom) {
      String(e.value ?? '').split('\n').forEach((s, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
      continue;
    }
    const vf = e.valueFrom;
    if (vf.fieldRef) {
      const v = resolve ? resolve(e) : '';
      w.write(LEVEL_3, `${e.name}:\t${v} (${vf.fieldRef.apiVersion ?? ''}:${vf.fieldRef.fieldPath ?? ''})\n`);
    } else if (vf.resourceFieldRef) {
      let v = resourceFieldValue(vf.resourceFieldRef, c);
      const r = vf.resourceFieldRef.resource;
      if (v === '0' && (r === 'limits.cpu' || r === 'limits.memory')) v = 'node allocatable';
      w.write(LEVEL_3, `${e.name}:\t${v} (${r})\n`);
    } else if (vf.secretKeyRef) {
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${vf.secretKeyRef.key}' in secret '${vf.secretKeyRef.name}'>\tOptional: ${vf.secretKeyRef.optional === true}\n`);
    } else if (vf.configMapKeyRef) {
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${vf.configMapKeyRef.key}' of config map '${vf.configMapKeyRef.name}'>\tOptional: ${vf.configMapKeyRef.optional === true}\n`);
    }
  }
}

function describeEnvFrom(c: Obj, w: PrefixWriter): void {
  w.write(LEVEL_2, 'Environment Variables from:\n');
  for (const e of c.envFrom as Obj[]) {
    const ref = e.configMapRef ?? e.secretRef;
    const from = e.configMapRef ? 'ConfigMap' : e.secretRef ? 'Secret' : '';
    const optional = ref?.optional === true;
    if (!e.prefix) w.write(LEVEL_3, `${ref?.name ?? ''}\t${from}\tOptional: ${optional}\n`);
    else w.write(LEVEL_3, `${ref?.name ?? ''}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}\n`);
  }
}

function describeMounts(c: Obj, w: PrefixWriter): void {
  const mounts = [...((c.volumeMounts ?? []) as Obj[])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0));
  w.write(LEVEL_2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`);
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw'];
    if (m.subPath) flags.push(`path=${goQuote(m.subPath)}`);
    w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
  }
  const devices = [...((c.volumeDevices ?? []) as Obj[])].sort((a, b) => (a.devicePath < b.devicePath ? -1 : 1));
  if (devices.length > 0) {
    w.write(LEVEL_2, `Devices:${mounts.length === 0 ? '\t<none>' : ''}\n`);
    for (const d of devices) w.write(LEVEL_3, `${d.devicePath} from ${d.name}\n`);
  }
}

/** describeContainers prints a `Containers:` section (statuses optional, as for pod templates). */
export function describeContainers(label: string, containers: Obj[] | undefined, statuses: Obj[] | undefined, resolve: EnvResolver, w: PrefixWriter, space: string): void {
  const list = containers ?? [];
  const byName = new Map<string, Obj>();
  for (const s of statuses ?? []) byName.set(s.name, s);
  w.write(LEVEL_0, `${space}${label}:${list.length === 0 ? ' <none>' : ''}\n`);
  const nameIndent = space ? ' ' : '';
  for (const c of list) {
    const status = byName.get(c.name);
    w.write(LEVEL_1, `${nameIndent}${c.name}:\n`);
    if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`);
    w.write(LEVEL_2, `Image:\t${c.image ?? ''}\n`);
    if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ''}\n`);
    const ports = portString(c.ports, false);
    w.write(LEVEL_2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${ports || '<none>'}\n`);
    const hostPorts = portString(c.ports, true);
    w.write(LEVEL_2, hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || '<none>'}\n`);
    const seccomp = c.securityContext?.seccompProfile;
    if (seccomp) {
      w.write(LEVEL_2, `SeccompProfile:\t${seccomp.type ?? ''}\n`);
      if (seccomp.type === 'Localhost') w.write(LEVEL_3, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
    }
    for (const [title, items] of [['Command', c.command], ['Args', c.args]] as const) {
      if (!items || items.length === 0) continue;
      w.write(LEVEL_2, `${title}:\n`);
      for (const item of items as string[]) for (const s of item.split('\n')) w.write(LEVEL_3, `${s}\n`);
    }
    if (status) {
      describeStatus('State', status.state, w);
      if (status.lastState?.terminated) describeStatus('Last State', status.lastState, w);
      w.write(LEVEL_2, `Ready:\t${printBool(status.ready)}\n`);
      w.write(LEVEL_2, `Restart Count:\t${intOr0(status.restartCount)}\n`);
    }
    describeResources(c.resources ?? {}, w, LEVEL_2);
    if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
    if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
    if (c.envFrom && c.envFrom.length > 0) describeEnvFrom(c, w);
    describeEnvVars(c, resolve, w);
    describeMounts(c, w);
  }
}
