// Client-side operations on the data path: an HTTP request (resolve, connect, exchange), a bare TCP
// connect and an ICMP echo, each timed in virtual milliseconds and reported to the tracer.
import type { HttpRequest } from '../images';
import { LAN_GATEWAY, POD_SUBNET, SERVICE_CIDR, inCidr, isIPv4, isLoopback } from './addresses';
import { dial, podAt, sourcePeer } from './dataplane';
import type { NetCtx } from './dataplane';
import type { Dns } from './dns';
import { PUBLIC_RESOLVERS, internetByIP } from './internet';
import { TraceBuilder, round } from './tracer';
import type { Tracer } from './tracer';
import type { HttpCall, HttpResult, NetError, NetSource, Network, TrafficTrace } from './types';

/**
 * CONNECT_TIMEOUT_MS is how long a connect to a silent address takes to fail without a client timeout:
 * Linux's tcp_syn_retries=6 (SYN at 0, 1, 3, 7, 15, 31 and 63 s, given up at 127 s), shorter than curl's
 * own 300 s connect timeout.
 */
export const CONNECT_TIMEOUT_MS = 127_000;
/** ARP_FAIL_MS is how long neighbour resolution on the bridge takes to give up (EHOSTUNREACH). */
export const ARP_FAIL_MS = 3_000;

const words = (e: NetError, host: string, port: number, ms: number, limit?: number): string => {
  switch (e) {
    case 'resolve': return `Could not resolve host: ${host}`;
    case 'dns-timeout': return limit !== undefined && ms >= limit ? `Resolving timed out after ${Math.round(ms)} milliseconds` : `Could not resolve host: ${host}`;
    case 'refused': return `Failed to connect to ${host} port ${port} after ${Math.round(ms)} ms: Couldn't connect to server`;
    case 'timeout': return limit !== undefined ? `Connection timed out after ${Math.round(ms)} milliseconds` : `Failed to connect to ${host} port ${port} after ${Math.round(ms)} ms: Couldn't connect to server`;
    case 'unreachable': return `Failed to connect to ${host} port ${port} after ${Math.round(ms)} ms: Couldn't connect to server`;
    case 'reset': return 'Recv failure: Connection reset by peer';
  }
};

/** Resolved is a host name turned into an address, or the resolver's failure. */
type Resolved = { ok: true; ip: string } | { ok: false; error: NetError };

function resolveFor(dns: Dns, src: NetSource, host: string, tb: TraceBuilder): Resolved {
  const h = host.replace(/^\[|\]$/g, '');
  if (isIPv4(h)) return { ok: true, ip: h };
  const file = dns.hostsFile(src, h);
  if (file) return { ok: true, ip: file };
  const a = dns.resolve(src, h, tb);
  if (a.ok) return { ok: true, ip: a.addresses[0] };
  return { ok: false, error: a.error === 'TIMEOUT' ? 'dns-timeout' : 'resolve' };
}

/** failTime adds the time a failed connect takes: the SYN retries, or ARP giving up. */
function failTime(tb: TraceBuilder, error: NetError, limit: number | undefined): void {
  if (error === 'timeout') tb.ms = limit ?? tb.ms + CONNECT_TIMEOUT_MS;
  else if (error === 'unreachable') tb.wait(ARP_FAIL_MS);
  if (limit !== undefined && tb.ms > limit) tb.ms = limit;
}

/** httpCall sends one HTTP request from src (see Network.http). */
export function httpCall(ctx: NetCtx, dns: Dns, tracer: Tracer, src: NetSource, call: HttpCall): HttpResult {
  const tb = new TraceBuilder(ctx.clock.now(), sourcePeer(ctx, src), ctx.rng);
  const limit = call.timeoutMs;
  const base = (): Omit<TrafficTrace, 'id'> => {
    const t: Omit<TrafficTrace, 'id'> = { t: tb.t, protocol: 'http', from: tb.from, hops: tb.hops, latencyMs: round(tb.ms) };
    if (call.generator) t.generator = call.generator;
    return t;
  };
  const failed = (error: NetError, ip?: string, tls?: 'wrong-version-number'): HttpResult => {
    const why = tls ? 'OpenSSL/3.0.13: error:0A00010B:SSL routines::wrong version number' : words(error, call.host, call.port, tb.ms, limit);
    const trace = tracer.record({ ...base(), error: why });
    const r: HttpResult = { ok: false, error, port: call.port, durationMs: round(tb.ms), trace };
    if (ip) r.ip = ip;
    if (tls) r.tls = tls;
    return r;
  };
  const res = resolveFor(dns, src, call.host, tb);
  if (!res.ok) {
    if (limit !== undefined && tb.ms > limit) tb.ms = limit;
    return failed(res.error);
  }
  const d = dial(ctx, src, res.ip, call.port, tb);
  if (!d.ok) { failTime(tb, d.error, limit); return failed(d.error, res.ip); }
  const scheme = call.scheme ?? 'http';
  const defaultPort = scheme === 'https' ? 443 : 80;
  const hostHeader = call.port === defaultPort ? call.host : `${call.host}:${call.port}`;
  const req: HttpRequest = { method: call.method, path: call.path || '/', headers: { host: hostHeader, ...call.headers }, remoteAddr: d.remoteAddr, port: d.port };
  if (call.body !== undefined) req.body = call.body;
  const s = d.acceptor.serve(req, scheme, tb);
  if (!s.ok) return failed(s.error, res.ip, s.tls);
  tb.wait(s.res.delayMs ?? 0);
  tb.wire('local');
  if (limit !== undefined && tb.ms > limit) { tb.ms = limit; return failed('timeout', res.ip); }
  const trace = tracer.record({ ...base(), answeredBy: s.answeredBy, status: s.res.status });
  return { ok: true, status: s.res.status, headers: { ...(s.res.headers ?? {}) }, body: s.res.body, ip: res.ip, port: call.port, durationMs: round(tb.ms), trace };
}

/** connectCall opens and closes one TCP connection (see Network.connect). */
export function connectCall(ctx: NetCtx, dns: Dns, tracer: Tracer, src: NetSource, host: string, port: number, timeoutMs?: number): ReturnType<Network['connect']> {
  const tb = new TraceBuilder(ctx.clock.now(), sourcePeer(ctx, src), ctx.rng);
  const res = resolveFor(dns, src, host, tb);
  let out: ReturnType<Network['connect']>;
  if (!res.ok) {
    if (timeoutMs !== undefined && tb.ms > timeoutMs) tb.ms = timeoutMs;
    out = { ok: false, error: res.error, durationMs: round(tb.ms) };
  } else {
    const d = dial(ctx, src, res.ip, port, tb);
    if (d.ok) { tb.wire('local'); out = { ok: true, ip: res.ip, durationMs: round(tb.ms) }; }
    else { failTime(tb, d.error, timeoutMs); out = { ok: false, error: d.error, ip: res.ip, durationMs: round(tb.ms) }; }
  }
  const t: Omit<TrafficTrace, 'id'> = { t: tb.t, protocol: 'tcp', from: tb.from, hops: tb.hops, latencyMs: round(tb.ms) };
  if (out.ok) t.answeredBy = tb.hops[tb.hops.length - 1]?.to;
  else t.error = words(out.error, host, port, tb.ms, timeoutMs);
  tracer.record(t);
  return out;
}

/**
 * pingCall sends one ICMP echo to ip. Pods, nodes, the router and the internet hosts answer;
 * Service VIPs never do (kube-proxy only rewrites TCP/UDP/SCTP ports). TTLs count routed hops.
 */
export function pingCall(ctx: NetCtx, tracer: Tracer, src: NetSource, ip: string): ReturnType<Network['ping']> {
  const tb = new TraceBuilder(ctx.clock.now(), sourcePeer(ctx, src), ctx.rng);
  const fromPodNet = src.kind === 'pod' && !src.hostNetwork;
  let ok = false, ttl = 64;
  let answeredBy: TrafficTrace['answeredBy'];
  if (isLoopback(ip) || (fromPodNet && ip === src.ip)) {
    ok = true; tb.wire('local'); answeredBy = { kind: 'localhost', ip };
  } else if (inCidr(ip, SERVICE_CIDR)) {
    tb.hop(tb.from, { kind: 'service', ip }, 'kube-proxy', 'ICMP is not forwarded to Service IPs');
  } else if (inCidr(ip, POD_SUBNET) && !ctx.nodes.byIP(ip)) {
    const pod = podAt(ctx, ip);
    if (pod) {
      ok = true;
      const same = pod.spec?.nodeName === src.node;
      tb.wire(same ? 'local' : 'lan'); tb.wire(same ? 'local' : 'lan');
      ttl = same ? 64 : fromPodNet ? 62 : 63;
      answeredBy = { kind: 'pod', ip, name: pod.metadata?.name, namespace: pod.metadata?.namespace };
    }
  } else {
    const node = ctx.nodes.byIP(ip);
    if (node && !ctx.nodeDown(node.name)) {
      ok = true;
      const same = node.name === src.node;
      tb.wire(same ? 'local' : 'lan'); tb.wire(same ? 'local' : 'lan');
      ttl = fromPodNet && !same ? 63 : 64;
      answeredBy = { kind: 'node', ip, name: node.name };
    } else if (ip === LAN_GATEWAY) {
      ok = true; tb.wire('lan'); tb.wire('lan'); ttl = fromPodNet ? 63 : 64;
      answeredBy = { kind: 'external', ip, name: 'router' };
    } else if (internetByIP(ip) || PUBLIC_RESOLVERS.has(ip)) {
      ok = true; tb.wire('internet'); tb.wire('internet'); ttl = fromPodNet ? 116 : 117;
      answeredBy = { kind: 'external', ip, name: internetByIP(ip)?.names[0] };
    }
  }
  if (answeredBy) tb.hop(tb.from, answeredBy, 'direct');
  const t: Omit<TrafficTrace, 'id'> = { t: tb.t, protocol: 'icmp', from: tb.from, hops: tb.hops, latencyMs: round(tb.ms) };
  if (ok) t.answeredBy = answeredBy; else t.error = 'no answer';
  tracer.record(t);
  return ok ? { ok: true, rttMs: round(tb.ms), ttl } : { ok: false };
}
