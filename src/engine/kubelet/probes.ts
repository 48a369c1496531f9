import type { Container, Probe } from 'kubernetes-types/core/v1';
import type { Process } from '../images';

/** ProbeKind is which of the three probes ran. */
export type ProbeKind = 'Liveness' | 'Readiness' | 'Startup';

/** ProbeTarget is what a probe reaches: the container's process and network identity. */
export interface ProbeTarget { proc: Process | undefined; podIP: string; sourceIP: string; container: Container }

/** ProbeNet describes the connection an http/tcp probe made (for the probe's traffic trace). */
export interface ProbeNet { protocol: 'http' | 'tcp'; port: number; status?: number; connected: boolean; latencyMs: number }

/** ProbeResult is one probe outcome; message is the text after `<Kind> probe failed: `. */
export interface ProbeResult { ok: boolean; message?: string; net?: ProbeNet }

/** resolvePort turns an IntOrString port (number or containerPort name) into a number. */
export function resolvePort(port: number | string | undefined, c: Container): number | undefined {
  if (typeof port === 'number') return port;
  if (port === undefined) return undefined;
  if (/^\d+$/.test(port)) return parseInt(port, 10);
  return c.ports?.find((p) => p.name === port)?.containerPort;
}

/** runProbe executes probe once. Models pkg/probe/{http,tcp,exec} result texts (gRPC probes always succeed here). */
export function runProbe(probe: Probe, t: ProbeTarget): ProbeResult {
  const timeoutMs = (probe.timeoutSeconds ?? 1) * 1000;
  if (probe.httpGet) {
    const g = probe.httpGet;
    const port = resolvePort(g.port as number | string, t.container);
    const host = g.host || t.podIP;
    const scheme = (g.scheme ?? 'HTTP').toLowerCase();
    const path = g.path ? (g.path.startsWith('/') ? g.path : '/' + g.path) : '/';
    const url = `${scheme}://${host}:${port}${path}`;
    if (port === undefined) return { ok: false, message: `Get "${scheme}://${host}:${g.port}${path}": dial tcp: address ${g.port}: unknown port` };
    const net = (connected: boolean, latencyMs: number, status?: number): ProbeNet => ({ protocol: 'http', port, connected, latencyMs, status });
    if (!t.proc || !t.proc.listens(port)) return { ok: false, message: `Get "${url}": dial tcp ${host}:${port}: connect: connection refused`, net: net(false, 1) };
    if (!t.proc.http) return { ok: false, message: `Get "${url}": EOF`, net: net(true, 1) };
    const headers: Record<string, string> = { 'user-agent': 'kube-probe/1.32', accept: '*/*' };
    for (const h of g.httpHeaders ?? []) headers[h.name.toLowerCase()] = h.value;
    const res = t.proc.http({ method: 'GET', path, headers, remoteAddr: t.sourceIP, port });
    if ((res.delayMs ?? 0) > timeoutMs) return { ok: false, message: `Get "${url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, net: net(true, timeoutMs) };
    const n = net(true, Math.max(1, res.delayMs ?? 1), res.status);
    if (res.status >= 200 && res.status < 400) return { ok: true, net: n };
    return { ok: false, message: `HTTP probe failed with statuscode: ${res.status}`, net: n };
  }
  if (probe.tcpSocket) {
    const port = resolvePort(probe.tcpSocket.port as number | string, t.container);
    const host = probe.tcpSocket.host || t.podIP;
    const connected = port !== undefined && !!t.proc?.listens(port);
    const net: ProbeNet | undefined = port === undefined ? undefined : { protocol: 'tcp', port, connected, latencyMs: 1 };
    if (connected) return { ok: true, net };
    return { ok: false, message: `dial tcp ${host}:${port ?? probe.tcpSocket.port}: connect: connection refused`, net };
  }
  if (probe.exec) {
    const argv = probe.exec.command ?? [];
    if (!t.proc) return { ok: false, message: 'container not running' };
    const r = t.proc.exec(argv);
    if ((r.durationMs ?? 0) > timeoutMs) return { ok: false, message: `command "${argv.join(' ')}" timed out` };
    if (r.exitCode === 0) return { ok: true };
    return { ok: false, message: (r.stdout + r.stderr).replace(/\n$/, '') };
  }
  return { ok: true };
}
