// Port specifications of `kubectl port-forward`: k8s.io/kubectl/pkg/cmd/portforward (named ports,
// Service port → targetPort) and k8s.io/client-go/tools/portforward parsePorts/parseAddresses.
import type { Pod, Service } from 'kubernetes-types/core/v1';
import { fail } from '../../errors';

/** ForwardedPort is one Local:Remote pairing (Local 0 = pick a free port). */
export interface ForwardedPort { local: number; remote: number }

/** ListenAddress is one address to bind (localhost expands to 127.0.0.1 and ::1). */
export interface ListenAddress { address: string; protocol: 'tcp4' | 'tcp6'; failureMode: 'all' | 'any' }

/** splitPort splits `[LOCAL:]REMOTE` as kubectl does (anything but two parts uses the first part for both). */
function splitPort(port: string): [string, string] {
  const parts = port.split(':');
  return parts.length === 2 ? [parts[0], parts[1]] : [parts[0], parts[0]];
}

function containerPortByName(pod: Pod, name: string): number {
  for (const c of pod.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.name === name) return p.containerPort;
  throw fail(`Pod '${pod.metadata?.name ?? ''}' does not have a named port '${name}'`);
}

/** convertPodNamedPortToNumber resolves named remote ports against the pod's containerPorts. */
export function convertPodNamedPortToNumber(ports: string[], pod: Pod): string[] {
  return ports.map((port) => {
    const [local, remote] = splitPort(port);
    if (remote === '') throw fail('remote port cannot be empty');
    const num = /^[+-]?\d+$/.test(remote) ? remote : String(containerPortByName(pod, remote));
    return local !== remote ? `${local}:${num}` : num;
  });
}

/** translateServicePortToTargetPort maps Service ports (numbers or names) to the pod's target ports. */
export function translateServicePortToTargetPort(ports: string[], svc: Service, pod: Pod): string[] {
  const name = svc.metadata?.name ?? '';
  return ports.map((port) => {
    let [local, remote] = splitPort(port);
    let portnum: number;
    if (/^[+-]?\d+$/.test(remote)) portnum = parseInt(remote, 10);
    else {
      const sp = (svc.spec?.ports ?? []).find((p) => p.name === remote);
      if (!sp) throw fail(`Service '${name}' does not have a named port '${remote}'`);
      portnum = sp.port;
      if (local === remote) local = String(portnum);
    }
    let container = portnum;
    if (svc.spec?.clusterIP !== 'None') {
      const sp = (svc.spec?.ports ?? []).find((p) => p.port === portnum);
      if (!sp) throw fail(`Service ${name} does not have a service port ${portnum}`);
      const tp = sp.targetPort;
      if (typeof tp === 'string') container = containerPortByName(pod, tp);
      else container = tp && tp !== 0 ? tp : sp.port;
    }
    remote = String(container);
    return local !== remote ? `${local}:${remote}` : remote;
  });
}

function parseUint16(kind: 'local' | 'remote', s: string): number {
  if (!/^\d+$/.test(s)) throw fail(`error parsing ${kind} port '${s}': strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`);
  const n = parseInt(s, 10);
  if (n > 65535) throw fail(`error parsing ${kind} port '${s}': strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`);
  return n;
}

/** parsePorts parses `5000`, `8888:5000`, `:5000` / `0:5000` (random local port). */
export function parsePorts(ports: string[]): ForwardedPort[] {
  if (!ports.length) throw fail('you must specify at least 1 port');
  return ports.map((p) => {
    const parts = p.split(':');
    let local: string, remote: string;
    if (parts.length === 1) { local = parts[0]; remote = parts[0]; } else if (parts.length === 2) { local = parts[0] || '0'; remote = parts[1]; } else throw fail(`invalid port format '${p}'`);
    const l = parseUint16('local', local);
    const r = parseUint16('remote', remote);
    if (r === 0) throw fail('remote port must be > 0');
    return { local: l, remote: r };
  });
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^[0-9a-fA-F:]+$/;

/** parseAddresses expands --address values (localhost → 127.0.0.1 and ::1), sorted as client-go does. */
export function parseAddresses(values: string[]): ListenAddress[] {
  if (!values.length) throw fail('you must specify at least 1 address');
  const parsed = new Map<string, ListenAddress>();
  for (const a of values) {
    if (a === 'localhost') {
      if (!parsed.has('127.0.0.1')) parsed.set('127.0.0.1', { address: '127.0.0.1', protocol: 'tcp4', failureMode: 'all' });
      if (!parsed.has('::1')) parsed.set('::1', { address: '::1', protocol: 'tcp6', failureMode: 'all' });
    } else if (IPV4.test(a)) parsed.set(a, { address: a, protocol: 'tcp4', failureMode: 'any' });
    else if (a.includes(':') && IPV6.test(a)) parsed.set(a, { address: a, protocol: 'tcp6', failureMode: 'any' });
    else throw fail(`${a} is not a valid IP`);
  }
  return [...parsed.values()].sort((x, y) => (x.address < y.address ? -1 : x.address > y.address ? 1 : 0));
}

/** joinHostPort formats host:port as Go's net.JoinHostPort ([::1]:8888 for IPv6). */
export function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
