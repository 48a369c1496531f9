// The stub resolver inside pods and nodes (glibc res_nsearch semantics: search list, ndots, per
// nameserver timeouts and attempts) and the nameservers it can reach: CoreDNS behind the kube-dns
// Service (through kube-proxy, so it answers only while a ready CoreDNS pod listens on 53), the LAN
// router 192.168.1.1 (the internet and the nodes' names) and the public resolvers.
import type { Pod } from 'kubernetes-types/core/v1';
import { LAN_GATEWAY, POD_SUBNET, SERVICE_CIDR, inCidr, isIPv4 } from './addresses';
import { CoreDns } from './coredns';
import type { ZoneAnswer } from './coredns';
import { listener, podAt, podPeer, sourcePeer } from './dataplane';
import type { NetCtx } from './dataplane';
import { PUBLIC_RESOLVERS, internetByIP, internetByName } from './internet';
import { backends, byClusterIP, servicePort, usable } from './kube-proxy';
import { resolverTiming } from './resolv';
import { TraceBuilder, round } from './tracer';
import type { Tracer } from './tracer';
import type { DnsAnswer, NetSource, Peer, Resolver, SrvRecord } from './types';

/** Asked is one nameserver's answer with the path the query took (for the trace). */
type Asked = { answer: ZoneAnswer; path: Peer[]; coredns?: CoreDns } | { answer: 'timeout'; path: Peer[] };

// RFC 1123 host names (what glibc's res_hnok accepts), with an optional trailing dot.
const HOSTNAME = /^(?=.{1,253}\.?$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?)(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?)*\.?$/i;

/** Dns is the resolver side of the network. */
export class Dns implements Resolver {
  private readonly coredns: CoreDns;

  constructor(private readonly ctx: NetCtx, private readonly tracer: Tracer) {
    this.coredns = new CoreDns(ctx.client, (fqdn) => this.router(fqdn));
  }

  /** router is the LAN router's DNS: the nodes' names and the internet. */
  private router(fqdn: string): ZoneAnswer {
    const node = this.ctx.nodes.byName(fqdn);
    if (node) return { rcode: 'NOERROR', addresses: [node.ip], cnames: [] };
    return this.publicDns(fqdn);
  }

  private publicDns(fqdn: string): ZoneAnswer {
    const h = internetByName(fqdn);
    return h ? { rcode: 'NOERROR', addresses: [h.ip], cnames: [] } : { rcode: 'NXDOMAIN' };
  }

  /** ask sends one query to server; CoreDNS answers only through a ready endpoint whose pod listens on 53. */
  private ask(src: NetSource, server: string, fqdn: string): Asked {
    const peer: Peer = { kind: 'dns', ip: server, port: 53 };
    if (inCidr(server, SERVICE_CIDR)) {
      const svc = byClusterIP(this.ctx.client, server);
      const sp = svc && (servicePort(svc, 53, 'UDP') ?? servicePort(svc, 53, 'TCP'));
      if (!svc || !sp) return { answer: 'timeout', path: [peer] };
      peer.name = svc.metadata?.name;
      peer.namespace = svc.metadata?.namespace;
      const cands = usable(backends(this.ctx.client, svc, sp));
      const b = this.ctx.proxy.pick(svc, sp, cands, src.ip);
      if (!b) return { answer: 'timeout', path: [peer] };
      return this.askPod(b.ip, fqdn, [peer]);
    }
    if (inCidr(server, POD_SUBNET)) return this.askPod(server, fqdn, []);
    if (server === LAN_GATEWAY) return { answer: this.router(fqdn), path: [{ ...peer, kind: 'dns', name: 'router' }] };
    if (PUBLIC_RESOLVERS.has(server)) return { answer: this.publicDns(fqdn), path: [{ ...peer, kind: 'external' }] };
    return { answer: 'timeout', path: [peer] };
  }

  private askPod(ip: string, fqdn: string, path: Peer[]): Asked {
    const pod = podAt(this.ctx, ip);
    if (!pod || !listener(this.ctx, pod, 53)) return { answer: 'timeout', path: [...path, { kind: 'pod', ip, port: 53 }] };
    return { answer: this.coredns.a(fqdn), path: [...path, { ...podPeer(pod, ip, 53), kind: 'dns' }], coredns: this.coredns };
  }

  /**
   * query asks src's nameservers in turn for attempts rounds (glibc send_dg: the first server waits
   * `timeout`, later ones timeout<<i / count); the first answer wins, NXDOMAIN included.
   */
  private query(src: NetSource, fqdn: string, tb: TraceBuilder, ask: (server: string) => Asked): { asked: Asked; server: string } {
    const { timeoutMs, attempts } = resolverTiming(src.resolv);
    const servers = src.resolv.nameservers.length ? src.resolv.nameservers : ['127.0.0.1'];
    let last: { asked: Asked; server: string } | undefined;
    for (let a = 0; a < attempts; a++) {
      for (let i = 0; i < servers.length; i++) {
        const asked = ask(servers[i]);
        last = { asked, server: servers[i] };
        if (asked.answer !== 'timeout') {
          tb.wire(asked.path.length > 1 ? 'lan' : 'local');
          tb.wire(asked.path.length > 1 ? 'lan' : 'local');
          return last;
        }
        const secs = timeoutMs / 1000;
        tb.wait(i === 0 ? timeoutMs : Math.max(1, Math.floor((secs << i) / servers.length)) * 1000);
      }
    }
    return last ?? { asked: { answer: 'timeout', path: [] }, server: servers[0] };
  }

  /** resolve runs the search list for name (the part of getaddrinfo after /etc/hosts), adding hops to tb. */
  resolve(src: NetSource, name: string, tb: TraceBuilder): DnsAnswer {
    const start = tb.ms;
    const first = src.resolv.nameservers[0] ?? '127.0.0.1';
    if (isIPv4(name)) return { ok: true, name, cnames: [], addresses: [name], server: '', durationMs: 0 };
    if (!HOSTNAME.test(name)) return { ok: false, error: 'NXDOMAIN', server: first, durationMs: 0 };
    const absolute = name.endsWith('.');
    const base = name.toLowerCase().replace(/\.$/, '');
    const dots = base.split('.').length - 1;
    const expanded = src.resolv.search.map((d) => `${base}.${d}`);
    const candidates = absolute ? [base] : dots >= src.resolv.ndots ? [base, ...expanded] : [...expanded, base];
    let lastServer = first;
    let queries = 0;
    for (const fqdn of candidates) {
      const { asked, server } = this.query(src, fqdn, tb, (s) => this.ask(src, s, fqdn));
      queries++;
      lastServer = server;
      if (asked.answer === 'timeout') {
        this.hops(tb, asked.path, `${fqdn}: no answer`);
        return { ok: false, error: 'TIMEOUT', server, durationMs: round(tb.ms - start) };
      }
      if (asked.answer.rcode === 'NOERROR' && asked.answer.addresses.length) {
        this.hops(tb, asked.path, `${fqdn} → ${asked.answer.addresses.join(', ')}${queries > 1 ? ` (query ${queries})` : ''}`);
        return { ok: true, name: fqdn, cnames: asked.answer.cnames, addresses: asked.answer.addresses, server, durationMs: round(tb.ms - start) };
      }
      if (candidates.length === queries) this.hops(tb, asked.path, `${base}: NXDOMAIN after ${queries} queries`);
    }
    return { ok: false, error: 'NXDOMAIN', server: lastServer, durationMs: round(tb.ms - start) };
  }

  private hops(tb: TraceBuilder, path: Peer[], note: string): void {
    let from = tb.from;
    for (const p of path) { tb.hop(from, p, 'dns', note); from = p; }
  }

  /** hostsFile answers what /etc/hosts knows: localhost, the pod's own names, hostAliases. */
  hostsFile(src: NetSource, name: string): string | undefined {
    const n = name.toLowerCase().replace(/\.$/, '');
    if (n === 'localhost' || n === 'localhost.localdomain' || n === 'ip6-localhost' || n === 'ip6-loopback') return '127.0.0.1';
    // Ubuntu's /etc/hosts on the nodes (and in hostNetwork pods) maps the node's own name to 127.0.1.1.
    if ((src.kind === 'node' || src.hostNetwork) && n === src.node.toLowerCase()) return '127.0.1.1';
    if (src.kind !== 'pod') return undefined;
    const pod = this.ctx.client.tryGet('pods', src.namespace, src.name) as unknown as Pod | undefined;
    if (!src.hostNetwork) {
      const host = (pod?.spec?.hostname || src.name).slice(0, 63).replace(/[-.]+$/, '').toLowerCase();
      const sub = pod?.spec?.subdomain;
      if (n === host || (sub && n === `${host}.${sub}.${src.namespace}.svc.cluster.local`)) return src.ip;
    }
    for (const a of pod?.spec?.hostAliases ?? []) if (a.hostnames?.some((h) => h.toLowerCase() === n) && a.ip) return a.ip;
    return undefined;
  }

  /** lookupWith resolves like getaddrinfo when files is set (hosts file first), else like nslookup. */
  lookupWith(src: NetSource, name: string, files: boolean, record: boolean): DnsAnswer {
    const tb = new TraceBuilder(this.ctx.clock.now(), sourcePeer(this.ctx, src), this.ctx.rng);
    const fromFile = files ? this.hostsFile(src, name) : undefined;
    const ans: DnsAnswer = fromFile
      ? { ok: true, name: name.replace(/\.$/, ''), cnames: [], addresses: [fromFile], server: '', durationMs: 0 }
      : this.resolve(src, name, tb);
    if (record && !fromFile && !isIPv4(name)) {
      this.tracer.record({
        t: tb.t, protocol: 'dns', from: tb.from, hops: tb.hops, latencyMs: Math.round(ans.durationMs * 1000) / 1000,
        ...(ans.ok ? { answeredBy: tb.hops[tb.hops.length - 1]?.to } : { error: ans.error === 'NXDOMAIN' ? `Could not resolve host: ${name}` : `Resolving timed out after ${Math.round(ans.durationMs)} milliseconds` }),
      });
    }
    return ans;
  }

  /** lookup resolves name for src like glibc/musl (search path, ndots), A records only. */
  lookup(src: NetSource, name: string): DnsAnswer { return this.lookupWith(src, name, false, true); }

  /** srv answers an SRV query for one FQDN from src's first responsive nameserver. */
  srv(src: NetSource, fqdn: string): { ok: true; records: SrvRecord[]; server: string } | { ok: false; error: 'NXDOMAIN' | 'TIMEOUT'; server: string } {
    const name = fqdn.toLowerCase().replace(/\.$/, '');
    const tb = new TraceBuilder(this.ctx.clock.now(), sourcePeer(this.ctx, src), this.ctx.rng);
    const { asked, server } = this.query(src, name, tb, (s) => this.ask(src, s, name));
    if (asked.answer === 'timeout') return { ok: false, error: 'TIMEOUT', server };
    const records = 'coredns' in asked && asked.coredns ? asked.coredns.srv(name) : undefined;
    return records?.length ? { ok: true, records, server } : { ok: false, error: 'NXDOMAIN', server };
  }

  /** reverse answers a PTR query for ip (cluster names from CoreDNS, node and internet names from upstream). */
  reverse(src: NetSource, ip: string): string | undefined {
    const tb = new TraceBuilder(this.ctx.clock.now(), sourcePeer(this.ctx, src), this.ctx.rng);
    const { asked } = this.query(src, ip, tb, (s) => this.ask(src, s, 'localhost'));
    if (asked.answer === 'timeout') return undefined;
    if ('coredns' in asked && asked.coredns) {
      const name = asked.coredns.ptr(ip);
      if (name) return name;
    }
    const node = this.ctx.nodes.all().find((n) => n.ip === ip);
    if (node) return node.name;
    return internetByIP(ip)?.names[0];
  }
}
