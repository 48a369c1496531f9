// A small fake Network for the tools' unit tests: a table of names, listeners and answers.
import type { DnsAnswer, HttpCall, HttpResult, NetError, NetInterface, NetSource, Network, TrafficTrace } from '../types';

/** FakeListener answers HTTP on ip:port (or fails with a NetError). */
export interface FakeListener {
  ip: string;
  port: number;
  answer(call: HttpCall): { status: number; headers?: Record<string, string>; body: string } | { error: NetError };
  /** pod names the answering pod (trace.answeredBy); external marks the simulated internet. */
  pod?: string;
  external?: boolean;
}

/** FakeNetOptions configure the fake network. */
export interface FakeNetOptions {
  /** names maps FQDNs to addresses (A records). */
  names?: Record<string, string[]>;
  /** cnames maps FQDNs to a CNAME target FQDN (ExternalName Services). */
  cnames?: Record<string, string>;
  listeners?: FakeListener[];
  /** blackhole lists IPs whose packets are dropped (timeouts). */
  blackhole?: string[];
  /** pingable lists IPs that answer ICMP (pods, nodes). */
  pingable?: string[];
  /** dnsDown makes every lookup time out (CoreDNS scaled to 0). */
  dnsDown?: boolean;
  latencyMs?: number;
}

/** FAKE_POD is the NetSource of the fake client pod (default namespace, busybox resolv.conf). */
export const FAKE_POD: NetSource = {
  kind: 'pod', namespace: 'default', name: 'client', ip: '10.244.1.5', node: 'node1',
  resolv: { nameservers: ['10.96.0.10'], search: ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'], ndots: 5 },
};

/** createFakeNetwork builds a Network over fixed tables, for unit tests of the tools. */
export function createFakeNetwork(o: FakeNetOptions = {}): Network {
  const names = o.names ?? {};
  const cnames = o.cnames ?? {};
  const lat = o.latencyMs ?? 2;
  let id = 0;
  const trace = (src: NetSource, extra: Partial<TrafficTrace>): TrafficTrace => ({ id: ++id, t: 0, protocol: 'http', from: { kind: src.kind, ip: src.ip }, hops: [], latencyMs: lat, ...extra });
  const lookup = (src: NetSource, name: string): DnsAnswer => {
    if (o.dnsDown) return { ok: false, error: 'TIMEOUT', server: '10.96.0.10', durationMs: 10_000 };
    const n = name.replace(/\.$/, '');
    const candidates = n.split('.').length - 1 >= src.resolv.ndots || n.endsWith('.') ? [n] : [...src.resolv.search.map((s) => `${n}.${s}`), n];
    for (const c of candidates) {
      const chain: string[] = [];
      let cur = c;
      while (cnames[cur]) { chain.push(cur); cur = cnames[cur]; }
      if (names[cur]) return { ok: true, name: c, cnames: chain.length ? [...chain.slice(1), cur] : [], addresses: names[cur], server: '10.96.0.10', durationMs: 1 };
    }
    return { ok: false, error: 'NXDOMAIN', server: '10.96.0.10', durationMs: 1 };
  };
  const findListener = (ip: string, port: number) => (o.listeners ?? []).find((l) => l.ip === ip && l.port === port);
  const resolveHost = (src: NetSource, host: string): { ip: string } | { error: NetError; ms: number } => {
    if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return { ip: host };
    if (host === 'localhost') return { ip: '127.0.0.1' };
    const a = lookup(src, host);
    return a.ok ? { ip: a.addresses[0] } : { error: a.error === 'TIMEOUT' ? 'dns-timeout' : 'resolve', ms: a.durationMs };
  };
  const net: Network = {
    dns: {
      lookup,
      srv: () => ({ ok: false, error: 'NXDOMAIN', server: '10.96.0.10' }),
      reverse: (_src, ip) => Object.entries(names).find(([, ips]) => ips.includes(ip))?.[0],
    },
    http(src, call): HttpResult {
      const r = resolveHost(src, call.host);
      if ('error' in r) return { ok: false, error: r.error, port: call.port, durationMs: r.ms, trace: trace(src, { error: r.error }) };
      if (o.blackhole?.includes(r.ip)) return { ok: false, error: 'timeout', ip: r.ip, port: call.port, durationMs: call.timeoutMs ?? 130_000, trace: trace(src, {}) };
      const l = findListener(r.ip, call.port);
      if (!l) return { ok: false, error: 'refused', ip: r.ip, port: call.port, durationMs: 1, trace: trace(src, {}) };
      const ans = l.answer(call);
      const answeredBy = l.external ? { kind: 'external' as const, name: call.host } : { kind: 'pod' as const, name: l.pod, ip: l.ip };
      if ('error' in ans) return { ok: false, error: ans.error, ip: r.ip, port: call.port, durationMs: ans.error === 'timeout' ? call.timeoutMs ?? 130_000 : lat, trace: trace(src, { answeredBy }) };
      return { ok: true, status: ans.status, headers: ans.headers ?? {}, body: ans.body, ip: r.ip, port: call.port, durationMs: lat, trace: trace(src, { answeredBy, status: ans.status }) };
    },
    connect(src, host, port, timeoutMs) {
      const r = resolveHost(src, host);
      if ('error' in r) return { ok: false, error: r.error, durationMs: r.ms };
      if (o.blackhole?.includes(r.ip)) return { ok: false, error: 'timeout', ip: r.ip, durationMs: timeoutMs ?? 130_000 };
      return findListener(r.ip, port) ? { ok: true, ip: r.ip, durationMs: 1 } : { ok: false, error: 'refused', ip: r.ip, durationMs: 1 };
    },
    ping: (_src, ip) => (o.pingable?.includes(ip) ? { ok: true, rttMs: 0.1, ttl: 63 } : { ok: false }),
    podSource: () => FAKE_POD,
    nodeSource: (node) => ({ kind: 'node', node, ip: '192.168.1.2', resolv: { nameservers: ['127.0.0.53'], search: [], ndots: 1 } }),
    interfaces: (src): NetInterface[] => [
      { name: 'lo', ip: '127.0.0.1', prefix: 8, mac: '00:00:00:00:00:00', mtu: 65536 },
      { name: 'eth0', ip: src.ip, prefix: 24, mac: '6a:1f:3c:52:9e:01', mtu: 1450 },
    ],
    listenLocal: () => () => {},
    onTrace: () => () => {},
    record: (t) => ({ ...t, id: ++id }),
  };
  return net;
}

/** kubiaListener answers like luksa/kubia (`You've hit <pod>`), for tests. */
export function kubiaListener(ip: string, port: number, pod: string): FakeListener {
  return { ip, port, pod, answer: () => ({ status: 200, headers: { 'Content-Type': 'text/plain', Date: 'Mon, 10 Mar 2025 09:00:12 GMT', Connection: 'keep-alive', 'Transfer-Encoding': 'chunked' }, body: `You've hit ${pod}\n` }) };
}
