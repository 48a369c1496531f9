// Contract of the cluster network: addresses, kube-proxy routing, CoreDNS, HTTP between simulated
// programs, loopback listeners (port-forward, kubectl proxy) and the request tracer the UI animates.
import type { HttpRequest, HttpResponse, Process } from '../images';

/** ResolvConf is a pod's (or node's) /etc/resolv.conf as the kubelet writes it. */
export interface ResolvConf {
  nameservers: string[];
  search: string[];
  ndots: number;
  /** options are the other `options` entries (`edns0`, `timeout:2`, `attempts:3`), in file order; ndots is not repeated here. */
  options?: string[];
}

/**
 * NetSource is where a connection starts: a pod (kubectl exec, a container's own curl), or a node
 * (the learner's terminal runs on `master`; kubelet probes come from a node).
 */
export type NetSource =
  | { kind: 'pod'; namespace: string; name: string; ip: string; node: string; resolv: ResolvConf; hostNetwork?: boolean }
  | { kind: 'node'; node: string; ip: string; resolv: ResolvConf };

/** Peer names one end of a hop, for traces and the map (pods carry their revision for colouring). */
export interface Peer {
  kind: 'pod' | 'node' | 'service' | 'dns' | 'ingress' | 'loadbalancer' | 'external' | 'localhost';
  ip?: string;
  port?: number;
  name?: string;
  namespace?: string;
  /** revision is a pod's pod-template-hash label (or controller-revision-hash), when it has one. */
  revision?: string;
}

/** Hop is one step of a traced request: client → DNS, → kube-proxy/Service, → ingress, → pod. */
export interface Hop {
  from: Peer;
  to: Peer;
  /** via names the mechanism: a DNS query, kube-proxy's DNAT, the ingress controller, a direct connection. */
  via: 'dns' | 'kube-proxy' | 'ingress' | 'loadbalancer' | 'direct' | 'port-forward' | 'proxy';
  /** atMs is the offset from the start of the request. */
  atMs: number;
  note?: string;
}

/** TrafficTrace is one request, hop by hop, as the tracer reports it once it has completed. */
export interface TrafficTrace {
  id: number;
  /** t is the virtual time the request started. */
  t: number;
  protocol: 'http' | 'tcp' | 'dns' | 'icmp';
  /** probe marks kubelet probe traffic (the map can hide it). */
  probe?: boolean;
  /** generator names the traffic generator that sent it (`sandbox traffic`), if any. */
  generator?: string;
  from: Peer;
  hops: Hop[];
  /** answeredBy is the pod (or external host) that produced the answer. */
  answeredBy?: Peer;
  status?: number;
  /** error is the failure in curl's words (`Could not resolve host: x`, `Failed to connect ...`), when it failed. */
  error?: string;
  latencyMs: number;
}

/** DnsAnswer is the outcome of one lookup (after the search path), as a stub resolver sees it. */
export type DnsAnswer =
  | {
      ok: true;
      /** name is the FQDN that answered (after search-path expansion, without the trailing dot). */
      name: string;
      /** cnames is the CNAME chain (ExternalName Services), outermost first. */
      cnames: string[];
      addresses: string[];
      /** server is the nameserver that answered (10.96.0.10 for the cluster DNS). */
      server: string;
      durationMs: number;
    }
  | { ok: false; error: 'NXDOMAIN' | 'TIMEOUT' | 'SERVFAIL'; server: string; durationMs: number };

/** SrvRecord is one SRV answer (`_http._tcp.kubia.default.svc.cluster.local`). */
export interface SrvRecord { priority: number; weight: number; port: number; target: string }

/** Resolver is CoreDNS (kubernetes plugin + forward to the simulated internet) behind the kube-dns Service. */
export interface Resolver {
  /** lookup resolves name for src like glibc/musl (search path, ndots), A records only. */
  lookup(src: NetSource, name: string): DnsAnswer;
  /** srv answers an SRV query for one FQDN. */
  srv(src: NetSource, fqdn: string): { ok: true; records: SrvRecord[]; server: string } | { ok: false; error: 'NXDOMAIN' | 'TIMEOUT'; server: string };
  /** reverse answers a PTR query (`nslookup 10.96.0.1`), if a name exists. */
  reverse(src: NetSource, ip: string): string | undefined;
}

/** HttpCall is one HTTP request as a client tool sends it. */
export interface HttpCall {
  method: string;
  /** host is what the client typed (a name or an IP); it is resolved through DNS when not an IP. */
  host: string;
  port: number;
  path: string;
  /** headers are lower-cased names; `host` defaults to host[:port]. */
  headers: Record<string, string>;
  body?: string;
  /** scheme 'https' expects TLS (ingress with a TLS secret, the API server). */
  scheme?: 'http' | 'https';
  /** timeoutMs is the client's overall timeout (curl -m); connections to nowhere take this long to fail. */
  timeoutMs?: number;
  /** generator tags the trace of a traffic-generator request. */
  generator?: string;
}

/** NetError is why a connection failed, in socket terms; tools turn it into their own wording. */
export type NetError =
  | 'resolve'       // DNS said NXDOMAIN (curl: (6) Could not resolve host)
  | 'dns-timeout'   // the nameserver did not answer (curl: (6) after the resolver's timeouts)
  | 'refused'       // RST: nothing listens, or a Service with no ready endpoints (curl: (7))
  | 'timeout'       // packets dropped (pinging a ClusterIP, an unreachable address; curl: (28))
  | 'unreachable'   // no route to host (curl: (7) ... No route to host)
  | 'reset';        // the peer died mid-request (curl: (56))

/** HttpResult is the answer to an HttpCall, with the trace that was recorded for it. */
export type HttpResult =
  | { ok: true; status: number; headers: Record<string, string>; body: string; ip: string; port: number; durationMs: number; trace: TrafficTrace }
  | {
      ok: false; error: NetError; ip?: string; port: number; durationMs: number; trace: TrafficTrace;
      /** tls is set with error 'reset' when an https client met a plain-HTTP server (curl: (35) ... wrong version number). */
      tls?: 'wrong-version-number';
    };

/** Interface is one network interface inside a pod or node (for `ip addr`, `ifconfig`, `hostname -i`). */
export interface NetInterface { name: string; ip: string; prefix: number; mac: string; mtu: number }

/** LocalHandler answers requests on a loopback listener (port-forward, kubectl proxy). */
export type LocalHandler = (req: HttpRequest) => HttpResponse | { error: NetError };

/** Network is the whole cluster network: what tools, kubectl and the traffic generator use. */
export interface Network {
  dns: Resolver;
  /** http sends one request from src and returns the answer (synchronously; durationMs is virtual time it took). */
  http(src: NetSource, call: HttpCall): HttpResult;
  /** connect opens (and closes) a TCP connection: `nc -z`, telnet, curl to a non-HTTP port. */
  connect(src: NetSource, host: string, port: number, timeoutMs?: number): { ok: true; ip: string; durationMs: number } | { ok: false; error: NetError; ip?: string; durationMs: number };
  /** ping sends one ICMP echo; Service ClusterIPs never answer (kube-proxy only DNATs TCP/UDP ports). */
  ping(src: NetSource, ip: string): { ok: true; rttMs: number; ttl: number } | { ok: false };
  /** podSource is the NetSource of a running pod, or undefined if it has no IP or does not exist. */
  podSource(namespace: string, name: string): NetSource | undefined;
  /** nodeSource is the NetSource of a node (its InternalIP, the node's resolv.conf). */
  nodeSource(node: string): NetSource | undefined;
  /** interfaces lists the interfaces src sees (lo + eth0 for pods; lo + eth0 + cni0 for nodes). */
  interfaces(src: NetSource): NetInterface[];
  /**
   * listenLocal binds 127.0.0.1:port on a node for a port-forward or kubectl proxy; it returns a
   * close function, or 'in-use' when something already listens there.
   */
  listenLocal(node: string, port: number, handler: LocalHandler, via: 'port-forward' | 'proxy'): (() => void) | 'in-use';
  /** onTrace subscribes to completed traces (every request, incl. probes); returns unsubscribe. */
  onTrace(fn: (t: TrafficTrace) => void): () => void;
  /** record publishes a trace made elsewhere (kubelet probes); it gets an id and is returned. */
  record(t: Omit<TrafficTrace, 'id'>): TrafficTrace;
  /** tracing tells whether anyone subscribes to traces (probe code may skip building traces when false). */
  tracing?(): boolean;
  /**
   * resolveHost resolves name as getaddrinfo does (glibc nsswitch `files dns`): /etc/hosts first
   * (localhost, the pod's own hostname), then DNS through the search path; IP literals answer themselves.
   */
  resolveHost?(src: NetSource, name: string): DnsAnswer;
}

/**
 * IngressRoute is where the ingress controller sends one request. A failure names the controller's own answer:
 * 404 (no rule, no default backend), 503 (the backend Service has no ready endpoints; the Service is named),
 * 308 (ssl-redirect of a TLS host requested over http; location is the https URL).
 */
export type IngressRoute =
  | { ok: true; namespace: string; ingress: string; service: string; port: number | string; tlsSecret?: string }
  | { ok: false; status: 404 | 503 | 308; location?: string; namespace?: string; ingress?: string; service?: string; port?: number | string };

/** IngressRequest is a request that reached an ingress-nginx controller pod on port 80 (http) or 443 (https). */
export interface IngressRequest extends HttpRequest {
  scheme: 'http' | 'https';
}

/** IngressUpstream is what forwarding to the routed Service produced (an HttpResult fits). */
export type IngressUpstream =
  | { ok: true; status: number; headers: Record<string, string>; body: string; ip: string; port: number; durationMs: number }
  | { ok: false; error: NetError; ip?: string; port?: number; durationMs: number };

/** IngressServed is the controller's answer to one request, with the route taken and the upstream's outcome. */
export interface IngressServed {
  response: HttpResponse;
  route: IngressRoute;
  upstream?: IngressUpstream;
}

/** IngressRouter is the simulated ingress-nginx controller's routing table (owned by network/ingress). */
export interface IngressRouter {
  /** isController tells whether a pod is an ingress-nginx controller pod (traffic to its 80/443 is routed). */
  isController(pod: { metadata?: { labels?: Record<string, string> } }): boolean;
  /** route picks the backend for Host header host and path (ingressClass `nginx`), or 404 from the default backend. */
  route(host: string, path: string, scheme: 'http' | 'https'): IngressRoute;
  /**
   * serve answers one request that reached a controller pod: it routes it, calls forward for the chosen
   * Service (the network's kube-proxy path), turns failures into nginx's pages (404, 503, 502, 504, 308),
   * and has the controller process (when given) write its access-log line.
   */
  serve(req: IngressRequest, controller: Process | undefined, forward: (route: Extract<IngressRoute, { ok: true }>) => IngressUpstream): IngressServed;
}
