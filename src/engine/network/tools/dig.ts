// bind9 9.18 `dig` and `host` (Ubuntu 22.04's bind9-dnsutils/bind9-host) against CoreDNS and the LAN resolver.
import type { NetSource } from '../types';
import { result, type NetToolResult, type ToolEnv } from './common';

/** DIG_VERSION is the bind9 build on the workstation (Ubuntu 22.04). */
const DIG_VERSION = '9.18.30-0ubuntu0.22.04.2-Ubuntu';

/** CLUSTER_TTL is the TTL kubeadm's Corefile gives cluster answers (`ttl 30`). */
const CLUSTER_TTL = 30;

/** Rr is one resource record as dig prints it. */
interface Rr { name: string; ttl: number; type: string; data: string }

/** tabTo pads text (already at column col) with tabs to reach column stop, or one space when past it. */
function tabTo(text: string, stop: number): string {
  let col = 0;
  for (const c of text) col = c === '\t' ? Math.floor(col / 8) * 8 + 8 : col + 1;
  if (col >= stop) return `${text} `;
  let out = text;
  while (col < stop) { out += '\t'; col = Math.floor(col / 8) * 8 + 8; }
  return out;
}

/** rrLine formats a record in dig's master-file style (name to column 24, TTL to 32, class to 40, type to 48). */
function rrLine(r: Rr): string {
  let s = tabTo(r.name, 24) + String(r.ttl);
  s = tabTo(s, 32) + 'IN';
  s = tabTo(s, 40) + r.type;
  return `${tabTo(s, 48)}${r.data}`;
}

/** wireLen is a domain name's length on the wire. */
function wireLen(name: string): number {
  return name.replace(/\.$/, '').split('.').reduce((n, l) => n + l.length + 1, 0) + 1;
}

/** queryId is dig's random message id, made stable from the query. */
function queryId(name: string, t: number): number {
  let h = t >>> 0;
  for (const c of name) h = (h * 33 + c.charCodeAt(0)) >>> 0;
  return h % 65536;
}

/** whenLine formats dig's `;; WHEN:` time (`Mon Mar 10 09:00:12 UTC 2025`). */
function whenLine(t: number): string {
  const d = new Date(t);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${day} ${mon} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/** exactSrc is src asking name exactly as given (dig does not use the search list). */
function exactSrc(src: NetSource, server: string | undefined): NetSource {
  return { ...src, resolv: { ...src.resolv, nameservers: server ? [server] : src.resolv.nameservers, search: [], ndots: 1 } };
}

/** soaFor is the authority record of an NXDOMAIN answer: CoreDNS's zone for cluster names, the root zone otherwise. */
function soaFor(fqdn: string, t: number): Rr {
  return fqdn.endsWith('.cluster.local.')
    ? { name: 'cluster.local.', ttl: CLUSTER_TTL, type: 'SOA', data: `ns.dns.cluster.local. hostmaster.cluster.local. ${Math.floor(t / 1000)} 7200 1800 86400 30` }
    : { name: '.', ttl: 86400, type: 'SOA', data: 'a.root-servers.net. nstld.verisign-grs.com. 2025031000 1800 900 604800 86400' };
}

/** dig runs `dig [@server] [type] name [+short]`: A (default) and SRV queries, printed as bind9 9.18 does. */
export function dig(env: ToolEnv): NetToolResult {
  const args = env.argv.slice(1);
  const server = args.find((a) => a.startsWith('@'))?.slice(1);
  const short = args.includes('+short');
  const type = (args.find((a) => /^(A|SRV|AAAA|CNAME|PTR)$/i.test(a)) ?? 'A').toUpperCase();
  const name = args.find((a) => !a.startsWith('@') && !a.startsWith('+') && !a.startsWith('-') && !/^(A|SRV|AAAA|CNAME|PTR|IN)$/i.test(a)) ?? '.';
  const fqdn = name.endsWith('.') ? name : `${name}.`;
  const t = env.opts.now?.() ?? 0;
  if (!env.src) return result(9, `;; UDP setup with ${server ?? '127.0.0.1'}#53(${server ?? '127.0.0.1'}) for ${name} failed: network unreachable.\n`, '');
  const src = exactSrc(env.src, server);
  const ns = server ?? src.resolv.nameservers[0] ?? '127.0.0.1';
  const head = `\n; <<>> DiG ${DIG_VERSION} <<>> ${args.join(' ')}\n;; global options: +cmd\n`;
  const cluster = fqdn.endsWith('.cluster.local.');
  let answers: Rr[] = [];
  let status = 'NOERROR';
  let ms = 1;
  if (type === 'SRV') {
    const r = env.net.dns.srv(src, fqdn.slice(0, -1));
    if (!r.ok && r.error === 'TIMEOUT') status = 'TIMEOUT';
    else if (!r.ok) status = r.error;
    else answers = r.records.map((s) => ({ name: fqdn, ttl: CLUSTER_TTL, type: 'SRV', data: `${s.priority} ${s.weight} ${s.port} ${s.target.endsWith('.') ? s.target : `${s.target}.`}` }));
  } else {
    const a = env.net.dns.lookup(src, fqdn);
    ms = Math.max(0, Math.round(a.durationMs));
    if (!a.ok) status = a.error === 'TIMEOUT' ? 'TIMEOUT' : a.error;
    else {
      const chain = [fqdn, ...a.cnames.map((c) => (c.endsWith('.') ? c : `${c}.`))];
      for (let i = 0; i + 1 < chain.length; i++) answers.push({ name: chain[i], ttl: CLUSTER_TTL, type: 'CNAME', data: chain[i + 1] });
      if (type === 'A') for (const ip of a.addresses) answers.push({ name: chain[chain.length - 1], ttl: CLUSTER_TTL, type: 'A', data: ip });
    }
  }
  if (status === 'TIMEOUT') {
    const err = `;; communications error to ${ns}#53: timed out\n`;
    return result(9, `${err}${err}${err}${head};; no servers could be reached\n\n`, '', 15_000);
  }
  if (short) return result(0, answers.map((r) => `${r.data}\n`).join(''), '', ms);
  const authority = status === 'NXDOMAIN' || !answers.length ? [soaFor(fqdn, t)] : [];
  const flags = cluster ? 'qr aa rd' : 'qr rd ra';
  let out = `${head};; Got answer:\n;; ->>HEADER<<- opcode: QUERY, status: ${status}, id: ${queryId(fqdn, t)}\n`;
  out += `;; flags: ${flags}; QUERY: 1, ANSWER: ${answers.length}, AUTHORITY: ${authority.length}, ADDITIONAL: 1\n`;
  if (cluster) out += ';; WARNING: recursion requested but not available\n';
  out += `\n;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 1232\n;; QUESTION SECTION:\n${tabTo(`;${fqdn}`, 32)}IN\t${type}\n`;
  if (answers.length) out += `\n;; ANSWER SECTION:\n${answers.map((r) => `${rrLine(r)}\n`).join('')}`;
  if (authority.length) out += `\n;; AUTHORITY SECTION:\n${authority.map((r) => `${rrLine(r)}\n`).join('')}`;
  const rdLen = (r: Rr) => (r.type === 'A' ? 4 : r.type === 'SRV' ? 6 + wireLen(r.data.split(' ')[3]) : r.type === 'SOA' ? 60 : wireLen(r.data));
  const size = 12 + wireLen(fqdn) + 4 + [...answers, ...authority].reduce((n, r) => n + 12 + rdLen(r), 0) + 11;
  out += `\n;; Query time: ${ms} msec\n;; SERVER: ${ns}#53(${ns}) (UDP)\n;; WHEN: ${whenLine(t)}\n;; MSG SIZE  rcvd: ${size}\n\n`;
  return result(0, out, '', ms);
}

/** host runs `host NAME [SERVER]`: the search path applies, one line per record, exit 1 when not found. */
export function host(env: ToolEnv): NetToolResult {
  const args = env.argv.slice(1).filter((a) => !a.startsWith('-'));
  const [name, server] = args;
  if (!name) return result(1, '', 'Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n            [-R number] [-m flag] [-p port] hostname [server]\n');
  if (!env.src) return result(1, ';; connection timed out; no servers could be reached\n', '');
  const src = server ? { ...env.src, resolv: { ...env.src.resolv, nameservers: [server] } } : env.src;
  const using = server ? `Using domain server:\nName: ${server}\nAddress: ${server}#53\nAliases: \n\n` : '';
  const a = env.net.dns.lookup(src, name);
  const ns = src.resolv.nameservers[0] ?? '127.0.0.1';
  if (!a.ok && a.error === 'TIMEOUT') return result(1, `;; communications error to ${ns}#53: timed out\n;; communications error to ${ns}#53: timed out\n;; no servers could be reached\n`, '', 10_000);
  if (!a.ok) return result(1, `${using}Host ${name} not found: ${a.error === 'NXDOMAIN' ? '3(NXDOMAIN)' : '2(SERVFAIL)'}\n`, '', a.durationMs);
  const chain = [a.name, ...a.cnames];
  let out = using;
  for (let i = 0; i + 1 < chain.length; i++) out += `${chain[i]} is an alias for ${chain[i + 1]}.\n`;
  for (const ip of a.addresses) out += `${chain[chain.length - 1]} has address ${ip}\n`;
  return result(0, out, '', a.durationMs);
}
