// ping (busybox, iputils), nc/telnet (busybox, netcat-openbsd) and interface listings (ip addr, ifconfig, hostname -i).
import type { NetInterface } from '../types';
import { isIPv4, resolveAll, result, type NetToolResult, type TimelineChunk, type ToolEnv } from './common';

/** rttFor varies a base round-trip time per sequence number, deterministically. */
function rttFor(base: number, seq: number): number {
  return Math.max(0.03, base * (1 + (((seq * 37) % 21) - 10) / 50));
}

/** ping sends ICMP echoes once a second; ClusterIPs never answer (kube-proxy only forwards TCP/UDP ports). */
export function ping(env: ToolEnv): NetToolResult {
  const gnu = env.flavor === 'gnu';
  let count: number | undefined, waitS: number | undefined, deadlineS: number | undefined, quiet = false;
  let target: string | undefined;
  const args = env.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const val = (flag: string) => (a.length > 2 ? a.slice(2) : args[++i]) ?? (flag ? '' : '');
    if (a.startsWith('-c')) count = Number(val('c'));
    else if (a.startsWith('-W')) waitS = Number(val('W'));
    else if (a.startsWith('-w')) deadlineS = Number(val('w'));
    else if (a === '-q') quiet = true;
    else if (a.startsWith('-i') || a.startsWith('-s') || a.startsWith('-t')) val('x');
    else if (!a.startsWith('-')) target = a;
  }
  if (!target) return result(gnu ? 2 : 1, '', gnu ? 'ping: usage error: Destination address required\n' : 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n');
  const r = resolveAll(env, target);
  if (!r.ok) return result(gnu ? 2 : 1, '', gnu ? `ping: ${target}: ${r.error === 'TIMEOUT' ? 'Temporary failure in name resolution' : 'Name or service not known'}\n` : `ping: bad address '${target}'\n`, r.durationMs);
  const ip = r.addresses[0];
  const live = env.opts.host === 'workstation';
  // An exec cannot be interrupted, so a container's ping without -c stops after a few packets.
  const n = count ?? (deadlineS !== undefined ? deadlineS : live ? Infinity : env.opts.maxPings ?? 4);
  const head = gnu ? `PING ${target} (${ip}) 56(84) bytes of data.\n` : `PING ${target} (${ip}): 56 data bytes\n`;
  const state = { sent: 0, rtts: [] as number[] };
  const summary = (sent: number, got: number[], elapsed: number): string => {
    const loss = sent ? Math.round(((sent - got.length) * 100) / sent) : 0;
    let s = `\n--- ${target} ping statistics ---\n`;
    s += gnu ? `${sent} packets transmitted, ${got.length} received, ${loss}% packet loss, time ${Math.max(0, elapsed)}ms\n`
      : `${sent} packets transmitted, ${got.length} packets received, ${loss}% packet loss\n`;
    if (got.length) {
      const min = Math.min(...got), max = Math.max(...got), avg = got.reduce((x, y) => x + y, 0) / got.length;
      const mdev = Math.sqrt(got.reduce((x, y) => x + (y - avg) ** 2, 0) / got.length);
      s += gnu ? `rtt min/avg/max/mdev = ${min.toFixed(3)}/${avg.toFixed(3)}/${max.toFixed(3)}/${mdev.toFixed(3)} ms\n` : `round-trip min/avg/max = ${min.toFixed(3)}/${avg.toFixed(3)}/${max.toFixed(3)} ms\n`;
    }
    return s;
  };
  // Each echo is sent when the generator reaches its second, so traces carry the right virtual time when streamed.
  function* echoes(): Generator<TimelineChunk, void> {
    yield { atMs: 0, out: head };
    for (let seq = 0; seq < n; seq++) {
      if (seq) yield { atMs: seq * 1000 };
      const p = env.src ? env.net.ping(env.src, ip) : { ok: false as const };
      state.sent = seq + 1;
      if (!p.ok) continue;
      const t = rttFor(p.rttMs, seq);
      state.rtts.push(t);
      if (quiet) continue;
      yield {
        atMs: seq * 1000 + Math.ceil(t),
        out: gnu ? `64 bytes from ${isIPv4(target as string) ? ip : `${target} (${ip})`}: icmp_seq=${seq + 1} ttl=${p.ttl} time=${t.toFixed(t < 1 ? 3 : t < 10 ? 2 : 1)} ms\n`
          : `64 bytes from ${ip}: seq=${seq} ttl=${p.ttl} time=${t.toFixed(3)} ms\n`,
      };
    }
    const lost = state.rtts.length < n;
    const duration = (n - 1) * 1000 + (lost ? (waitS ?? (gnu ? 1 : 10)) * 1000 : Math.ceil(state.rtts[state.rtts.length - 1] ?? 0));
    yield { atMs: duration, out: summary(n, state.rtts, gnu ? (n - 1) * 1000 + (lost ? 40 : 2) : 0) };
  }
  // The terminal echoes ^C and a newline itself; ping's own "\n" before the statistics would add a blank line.
  const interrupted = (elapsed: number) => ({ out: summary(state.sent, state.rtts, elapsed).slice(1), err: '', exitCode: state.rtts.length ? 0 : 1 });
  if (live) {
    const res = result(0, '', '');
    res.live = echoes();
    res.onInterrupt = interrupted;
    return res;
  }
  const timeline = [...echoes()].filter((c) => c.out !== undefined);
  const res = result(state.rtts.length ? 0 : 1, timeline.map((c) => c.out).join(''), '', timeline[timeline.length - 1].atMs);
  res.timeline = timeline;
  return res;
}

/** nc runs `nc [-z] [-v] [-w SEC] HOST PORT`: a port check, or one HTTP exchange when stdin holds a request. */
export function nc(env: ToolEnv): NetToolResult {
  const gnu = env.flavor === 'gnu';
  const args = env.argv.slice(1);
  let zero = false, verbose = false, timeoutMs: number | undefined;
  const pos: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        if (a[j] === 'z') zero = true;
        else if (a[j] === 'v') verbose = true;
        else if (a[j] === 'w' || a[j] === 'W') { timeoutMs = Number(a.slice(j + 1) || args[++i]) * 1000; break; }
      }
    } else pos.push(a);
  }
  const [host, portStr] = pos;
  if (!host || !portStr) return result(1, '', gnu ? 'usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n\t  [destination] [port]\n' : 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\n');
  const port = Number(portStr);
  if (!env.src) return result(1, '', gnu ? `nc: getaddrinfo for host "${host}" port ${port}: Temporary failure in name resolution\n` : `nc: bad address '${host}'\n`);
  const c = env.net.connect(env.src, host, port, timeoutMs);
  if (!c.ok && (c.error === 'resolve' || c.error === 'dns-timeout')) {
    return result(1, '', gnu ? `nc: getaddrinfo for host "${host}" port ${port}: ${c.error === 'resolve' ? 'Name or service not known' : 'Temporary failure in name resolution'}\n` : `nc: bad address '${host}'\n`, c.durationMs);
  }
  const ip = c.ip ?? host;
  if (!c.ok) {
    const why = c.error === 'refused' ? 'Connection refused' : c.error === 'unreachable' ? 'No route to host' : gnu ? 'Connection timed out' : 'Operation timed out';
    return result(1, '', gnu ? `nc: connect to ${host} port ${port} (tcp) failed: ${why}\n` : `nc: ${host} (${ip}:${port}): ${why}\n`, c.durationMs);
  }
  let err = '';
  const service = port === 80 ? 'http' : port === 443 ? 'https' : port === 53 ? 'domain' : '*';
  if (verbose) err = gnu ? `Connection to ${isIPv4(host) ? host : `${host} (${ip})`} ${port} port [tcp/${service}] succeeded!\n` : `${host} (${ip}:${port}) open\n`;
  const req = /^([A-Z]+) (\S+) HTTP\/1\.[01]\r?\n([\s\S]*)$/.exec(env.stdin);
  if (zero || !req) return result(0, '', err, c.durationMs);
  const headers: Record<string, string> = {};
  for (const line of req[3].split(/\r?\n/)) { const m = /^([^:]+):\s*(.*)$/.exec(line); if (m) headers[m[1].toLowerCase()] = m[2]; }
  const r = env.net.http(env.src, { method: req[1], host, port, path: req[2], headers, timeoutMs });
  if (!r.ok) return result(0, '', err, c.durationMs + r.durationMs);
  const head = [`HTTP/1.1 ${r.status} ${r.status === 200 ? 'OK' : ''}`.trimEnd(), ...Object.entries(r.headers).map(([k, v]) => `${k}: ${v}`)].join('\r\n');
  return result(0, `${head}\r\n\r\n${r.body}`, err, c.durationMs + r.durationMs);
}

/** telnet connects and reports as busybox telnet does (no interactive session). */
export function telnet(env: ToolEnv): NetToolResult {
  const [host, portStr = '23'] = env.argv.slice(1).filter((a) => !a.startsWith('-'));
  if (!host) return result(1, '', 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: telnet [-a] [-l USER] HOST [PORT]\n');
  const port = Number(portStr);
  if (!env.src) return result(1, '', `telnet: bad address '${host}'\n`);
  const c = env.net.connect(env.src, host, port);
  if (!c.ok && (c.error === 'resolve' || c.error === 'dns-timeout')) return result(1, '', `telnet: bad address '${host}'\n`, c.durationMs);
  if (!c.ok) return result(1, '', `telnet: can't connect to remote host (${c.ip ?? host}): ${c.error === 'refused' ? 'Connection refused' : 'Operation timed out'}\n`, c.durationMs);
  return result(0, '', 'Connection closed by foreign host\n', c.durationMs);
}

/** mask turns a prefix length into a dotted netmask. */
function mask(prefix: number): string {
  const m = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return [24, 16, 8, 0].map((s) => (m >>> s) & 255).join('.');
}

/** broadcast is the broadcast address of ip/prefix. */
function broadcast(ip: string, prefix: number): string {
  const n = ip.split('.').reduce((x, p) => ((x << 8) | Number(p)) >>> 0, 0);
  const b = (n | (prefix === 0 ? 0xffffffff : ~((0xffffffff << (32 - prefix)) >>> 0))) >>> 0;
  return [24, 16, 8, 0].map((s) => (b >>> s) & 255).join('.');
}

/** ipAddr prints `ip addr` as iproute2 (nodes, Debian) or busybox ip (pods on Alpine) shows it. */
function ipAddr(ifs: NetInterface[], gnu: boolean, pod: boolean): string {
  return ifs.map((f, i) => {
    const lo = f.name === 'lo';
    const name = !lo && pod ? `${f.name}@if${i + 6}` : f.name;
    const flags = lo ? '<LOOPBACK,UP,LOWER_UP>' : pod ? '<BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN>' : '<BROADCAST,MULTICAST,UP,LOWER_UP>';
    const state = lo ? 'UNKNOWN' : 'UP';
    const qlen = lo ? ' qlen 1000' : pod ? '' : ' qlen 1000';
    const group = gnu ? ' group default' : '';
    const qdisc = lo || pod || f.name !== 'eth0' ? 'noqueue' : 'fq_codel';
    let s = `${i + 1}: ${name}: ${flags} mtu ${f.mtu} qdisc ${qdisc} state ${state}${group}${qlen}${!lo && pod && !gnu ? ' ' : ''}\n`;
    s += lo ? '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n' : `    link/ether ${f.mac} brd ff:ff:ff:ff:ff:ff${pod && gnu ? ' link-netnsid 0' : ''}\n`;
    s += lo ? `    inet ${f.ip}/${f.prefix} scope host lo\n` : `    inet ${f.ip}/${f.prefix} brd ${broadcast(f.ip, f.prefix)} scope global ${f.name}\n`;
    s += '       valid_lft forever preferred_lft forever\n';
    return s;
  }).join('');
}

/** ifconfig prints busybox/net-tools `ifconfig` (interfaces sorted as the kernel lists them: eth0 before lo). */
function ifconfig(ifs: NetInterface[]): string {
  const sorted = [...ifs.filter((f) => f.name !== 'lo'), ...ifs.filter((f) => f.name === 'lo')];
  return sorted.map((f) => {
    const lo = f.name === 'lo';
    let s = `${f.name.padEnd(10)}Link encap:${lo ? 'Local Loopback  ' : `Ethernet  HWaddr ${f.mac.toUpperCase()}  `}\n`;
    s += `          inet addr:${f.ip}  ${lo ? '' : `Bcast:${broadcast(f.ip, f.prefix)}  `}Mask:${mask(f.prefix)}\n`;
    s += `          UP ${lo ? 'LOOPBACK' : 'BROADCAST'} RUNNING ${lo ? '' : 'MULTICAST  '}${lo ? ' ' : ''}MTU:${f.mtu}  Metric:1\n`;
    s += '          RX packets:0 errors:0 dropped:0 overruns:0 frame:0\n          TX packets:0 errors:0 dropped:0 overruns:0 carrier:0\n';
    s += `          collisions:0 txqueuelen:${lo ? 1000 : 0} \n          RX bytes:0 (0.0 B)  TX bytes:0 (0.0 B)\n\n`;
    return s;
  }).join('');
}

/** ipTool runs `ip addr|a|address [show]`, `ifconfig` and `hostname -i|-I` (undefined for anything else). */
export function ipTool(env: ToolEnv): NetToolResult | undefined {
  const [cmd, ...args] = env.argv;
  const ifs = env.src ? env.net.interfaces(env.src) : [{ name: 'lo', ip: '127.0.0.1', prefix: 8, mac: '00:00:00:00:00:00', mtu: 65536 }];
  const pod = env.src?.kind === 'pod';
  if (cmd === 'hostname') {
    if (args[0] !== '-i' && args[0] !== '-I') return undefined;
    const ips = ifs.filter((f) => f.name !== 'lo').map((f) => f.ip);
    return result(0, args[0] === '-I' ? `${ips.join(' ')} \n` : `${ips.join(' ')}\n`, '');
  }
  if (cmd === 'ifconfig') {
    const only = args.find((a) => !a.startsWith('-'));
    const shown = only ? ifs.filter((f) => f.name === only) : ifs;
    if (only && !shown.length) return result(1, '', `ifconfig: ${only}: error fetching interface information: Device not found\n`);
    return result(0, ifconfig(shown), '');
  }
  const sub = args.find((a) => !a.startsWith('-'));
  if (sub === undefined || !['a', 'addr', 'address', 'ad'].includes(sub)) return undefined;
  return result(0, ipAddr(ifs, env.flavor === 'gnu', pod), '');
}
