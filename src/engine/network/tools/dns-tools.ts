// Name lookups: busybox 1.36 nslookup (networking/nslookup.c), bind9 nslookup, and glibc getent hosts/ahosts.
import type { NetSource } from '../types';
import { isIPv4, resolveAll, result, type NetToolResult, type ToolEnv } from './common';

/** exact asks the resolver for one name exactly as written (no search path), as nslookup's raw queries do. */
function exact(env: ToolEnv, src: NetSource, name: string) {
  const raw: NetSource = { ...src, resolv: { ...src.resolv, search: [], ndots: 1 } };
  return env.net.dns.lookup(raw, name.replace(/\.$/, ''));
}

/** withServer points src at an explicit nameserver (`nslookup NAME SERVER`). */
function withServer(src: NetSource, server: string | undefined): NetSource {
  return server ? { ...src, resolv: { ...src.resolv, nameservers: [server] } } : src;
}

/**
 * busyboxNslookup models busybox 1.36 networking/nslookup.c: a dotless name is tried under every search
 * domain (never bare; a dotted name never gets the search list — ndots is ignored), A then AAAA; each reply
 * is printed as it arrives followed by a blank line. An authoritative empty reply (AAAA here: no IPv6) prints
 * nothing but that blank line; answers without the AA bit (forwarded to the internet) say
 * "Non-authoritative answer:". Any NXDOMAIN makes the exit status 1, even when another name answered.
 */
function busyboxNslookup(env: ToolEnv, src: NetSource, name: string, server: string): NetToolResult {
  const fqdn = name.replace(/\.$/, '');
  const names = fqdn.includes('.') || !src.resolv.search.length ? [fqdn] : src.resolv.search.map((d) => `${fqdn}.${d}`);
  const answers = names.map((n) => exact(env, src, n));
  if (answers.some((a) => !a.ok && a.error === 'TIMEOUT')) return result(1, ';; connection timed out; no servers could be reached\n\n', '', 10_000);
  let out = `Server:\t\t${server}\nAddress:\t${server}:53\n\n`;
  let failed = false;
  for (const type of ['A', 'AAAA']) {
    answers.forEach((a, i) => {
      if (!a.ok) { out += `** server can't find ${names[i]}: ${a.error}\n\n`; failed = true; return; }
      // CoreDNS answers its own zone authoritatively; forwarded answers lack the AA bit.
      if (!(a.cnames.length ? names[i] : a.name).endsWith('cluster.local')) out += 'Non-authoritative answer:\n';
      const chain = [names[i], ...a.cnames];
      for (let k = 0; k + 1 < chain.length; k++) out += `${chain[k]}\tcanonical name = ${chain[k + 1]}\n`;
      const owner = chain[chain.length - 1];
      if (type === 'A') for (const ip of a.addresses) out += `Name:\t${owner}\nAddress: ${ip}\n`;
      out += '\n';
    });
  }
  return result(failed ? 1 : 0, out, '', 2);
}

/** bindNslookup is bind9's nslookup: the search path applies, only the answer (or the failure) is printed. */
function bindNslookup(env: ToolEnv, src: NetSource, name: string, server: string): NetToolResult {
  const head = `Server:\t\t${server}\nAddress:\t${server}#53\n\n`;
  if (isIPv4(name)) {
    const ptr = env.net.dns.reverse(src, name);
    const rev = name.split('.').reverse().join('.') + '.in-addr.arpa';
    return ptr ? result(0, `${head}${rev}\tname = ${ptr}.\n\n`, '', 2) : result(1, `${head}** server can't find ${rev}: NXDOMAIN\n\n`, '', 2);
  }
  const a = env.net.dns.lookup(src, name);
  if (!a.ok && a.error === 'TIMEOUT') {
    const err = `;; communications error to ${server}#53: timed out\n`;
    return result(1, `${err}${err}${err};; no servers could be reached\n\n`, '', 15_000);
  }
  if (!a.ok) return result(1, `${head}** server can't find ${name}: ${a.error}\n\n`, '', a.durationMs);
  let out = head;
  if (!a.name.endsWith('cluster.local')) out += 'Non-authoritative answer:\n';
  const chain = [a.name, ...a.cnames];
  for (let k = 0; k + 1 < chain.length; k++) out += `${chain[k]}\tcanonical name = ${chain[k + 1]}.\n`;
  for (const ip of a.addresses) out += `Name:\t${chain[chain.length - 1]}\nAddress: ${ip}\n`;
  return result(0, out + '\n', '', a.durationMs);
}

/** nslookup runs `nslookup NAME [SERVER]` in the flavor's implementation. */
export function nslookup(env: ToolEnv): NetToolResult {
  const args = env.argv.slice(1).filter((a) => !a.startsWith('-'));
  const name = args[0];
  if (!name) {
    return env.flavor === 'busybox'
      ? result(1, '', 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n')
      : result(1, '', '');
  }
  if (!env.src) return result(1, ';; connection timed out; no servers could be reached\n\n', '', 10_000);
  const src = withServer(env.src, args[1]);
  const server = args[1] ?? src.resolv.nameservers[0] ?? '127.0.0.1';
  return env.flavor === 'busybox' ? busyboxNslookup(env, src, name, server) : bindNslookup(env, src, name, server);
}

/** getent runs glibc's `getent hosts|ahosts|ahostsv4 NAME...`: `%-15s %s` per address; exit 2 when not found. */
export function getent(env: ToolEnv): NetToolResult | undefined {
  const [db, ...keys] = env.argv.slice(1);
  if (!db) return result(1, '', 'Usage: getent [OPTION...] database [key ...]\nTry `getent --help\' or `getent --usage\' for more information.\n');
  if (!['hosts', 'ahosts', 'ahostsv4'].includes(db)) return undefined;
  if (!keys.length) return result(0, '', '');
  let out = '', code = 0, ms = 0;
  for (const key of keys) {
    const lines = hostLines(env, key);
    ms += lines.ms;
    if (!lines.ok) { code = 2; continue; }
    for (const ip of lines.addresses) {
      if (db === 'hosts') out += `${ip.padEnd(15)} ${[lines.name, ...lines.aliases].join(' ')}\n`;
      else out += `${ip.padEnd(15)} STREAM ${lines.name}\n${ip.padEnd(15)} DGRAM  \n${ip.padEnd(15)} RAW    \n`;
    }
  }
  return result(code, out, '', ms);
}

/** hostLines resolves one key like glibc's hosts lookup: /etc/hosts first (the network's resolveHost), then DNS. */
function hostLines(env: ToolEnv, key: string): { ok: true; name: string; aliases: string[]; addresses: string[]; ms: number } | { ok: false; ms: number } {
  // getent hosts asks for AF_INET6 first, and /etc/hosts has `::1 localhost ip6-localhost ip6-loopback`.
  if (key === 'localhost') return { ok: true, name: 'localhost', aliases: ['ip6-localhost', 'ip6-loopback'], addresses: ['::1'], ms: 0 };
  if (isIPv4(key)) {
    const ptr = env.src ? env.net.dns.reverse(env.src, key) : undefined;
    return { ok: true, name: ptr ?? key, aliases: [], addresses: [key], ms: 1 };
  }
  const r = resolveAll(env, key);
  if (!r.ok) return { ok: false, ms: r.durationMs };
  // glibc's h_name is the canonical name; the name that was asked (expanded) becomes an alias.
  if (r.cnames.length) return { ok: true, name: r.cnames[r.cnames.length - 1], aliases: [r.fqdn, ...r.cnames.slice(0, -1)], addresses: r.addresses, ms: r.durationMs };
  return { ok: true, name: r.fqdn, aliases: [], addresses: r.addresses, ms: r.durationMs };
}
