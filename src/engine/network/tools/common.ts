// Shared plumbing of the network tools: the run environment, results, URL parsing and HTTP wording.
import type { ExecResult } from '../../images';
import type { NetSource, Network } from '../types';

/** Flavor picks the userland: busybox applets (Alpine, busybox) or Debian/Ubuntu GNU tools. */
export type Flavor = 'busybox' | 'gnu';

/** ToolOptions are optional facts about where a tool runs, beyond runNetTool's required arguments. */
export interface ToolOptions {
  /** tty is true when stdout is a terminal (`kubectl exec -it`, the workstation shell without a pipe). */
  tty?: boolean;
  /** host 'workstation' means the learner's Ubuntu terminal on the control-plane node (UTF-8 locale, iputils, bind9). */
  host?: 'container' | 'workstation';
  /** maxPings caps a ping without -c (an exec cannot be interrupted); default 4 in containers. */
  maxPings?: number;
  /** now is the virtual clock (dig's WHEN line); absent, tools use the time of their network traces. */
  now?: () => number;
}

/** ToolEnv is what one tool invocation runs against. */
export interface ToolEnv {
  net: Network;
  src: NetSource | undefined;
  argv: string[];
  stdin: string;
  flavor: Flavor;
  opts: ToolOptions;
}

/** TimelineChunk is output a tool produced atMs into its run (ping's one line per second). */
export interface TimelineChunk { atMs: number; out?: string; err?: string }

/**
 * NetToolResult is an ExecResult plus, for tools that print over time, the output as a timeline and
 * what the tool prints when interrupted early (Ctrl-C in the workstation shell).
 */
export interface NetToolResult extends ExecResult {
  timeline?: TimelineChunk[];
  /**
   * live, when set, produces the output lazily (the workstation's ping without -c): pull a chunk, wait
   * until its time, print it. The command's side effects (each echo) happen when the chunk is pulled.
   */
  live?: Iterator<TimelineChunk, void>;
  onInterrupt?(elapsedMs: number): { out: string; err: string; exitCode: number };
}

/** result builds an ExecResult. */
export function result(exitCode: number, stdout: string, stderr: string, durationMs = 0): NetToolResult {
  return durationMs > 0 ? { exitCode, stdout, stderr, durationMs: Math.round(durationMs) } : { exitCode, stdout, stderr };
}

/** isIPv4 tells whether s is a dotted-quad IPv4 address. */
export function isIPv4(s: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  return !!m && m.slice(1).every((p) => Number(p) <= 255);
}

/** isLoopback tells whether host names this machine's loopback (port-forward and kubectl proxy listeners). */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host.startsWith('127.') || host === '::1' || host === '[::1]';
}

/** ParsedUrl is an http(s) URL as curl and wget split it. */
export interface ParsedUrl { scheme: string; host: string; port: number; path: string; user?: string; explicitPort: boolean }

/**
 * parseUrl splits a URL the way curl's URL parser does (scheme guessed as http when absent); on
 * failure it returns curl's error code and message.
 */
export function parseUrl(raw: string): ParsedUrl | { code: number; message: string } {
  let rest = raw;
  let scheme = 'http';
  const sm = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(rest);
  if (sm) { scheme = sm[1].toLowerCase(); rest = rest.slice(sm[0].length); }
  if (scheme !== 'http' && scheme !== 'https') return { code: 1, message: `Protocol "${sm?.[1]}" not supported` };
  const slash = rest.search(/[/?#]/);
  let authority = slash < 0 ? rest : rest.slice(0, slash);
  let path = slash < 0 ? '/' : rest.slice(slash);
  if (path.startsWith('?')) path = '/' + path;
  path = path.replace(/#.*$/, '') || '/';
  let user: string | undefined;
  const at = authority.lastIndexOf('@');
  if (at >= 0) { user = authority.slice(0, at); authority = authority.slice(at + 1); }
  let host = authority;
  let portStr: string | undefined;
  const pm = /^(.*):([^:\]]*)$/.exec(authority);
  if (pm && !authority.startsWith('[')) { host = pm[1]; portStr = pm[2]; }
  if (!host) return { code: 3, message: 'URL rejected: No host part in the URL' };
  if (!/^[A-Za-z0-9._-]+$/.test(host) && !/^\[[0-9a-fA-F:]+\]$/.test(host)) return { code: 3, message: 'URL rejected: Bad hostname' };
  const defPort = scheme === 'https' ? 443 : 80;
  let port = defPort;
  if (portStr !== undefined && portStr !== '') {
    if (!/^\d+$/.test(portStr) || Number(portStr) > 65535) return { code: 3, message: 'URL rejected: Port number was not a decimal number between 0 and 65535' };
    port = Number(portStr);
  }
  return { scheme, host: host.toLowerCase(), port, path, user, explicitPort: portStr !== undefined && portStr !== '' && port !== defPort };
}

/** hostHeader is the Host header a client sends for url (the port only when it is not the scheme's default). */
export function hostHeader(u: ParsedUrl): string {
  return u.explicitPort ? `${u.host}:${u.port}` : u.host;
}

const REASONS: Record<number, string> = {
  100: 'Continue', 101: 'Switching Protocols', 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content',
  206: 'Partial Content', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified',
  307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden',
  404: 'Not Found', 405: 'Method Not Allowed', 408: 'Request Timeout', 409: 'Conflict', 413: 'Payload Too Large',
  418: "I'm a teapot", 429: 'Too Many Requests', 500: 'Internal Server Error', 501: 'Not Implemented',
  502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

/** reasonPhrase is the standard reason phrase for an HTTP status code. */
export function reasonPhrase(status: number): string {
  return REASONS[status] ?? '';
}

/** headerValue finds a response header case-insensitively. */
export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const k = Object.keys(headers).find((h) => h.toLowerCase() === name);
  return k === undefined ? undefined : headers[k];
}

/** resolveAll looks a name up through src's resolver (IPs and loopback names answer themselves). */
export function resolveAll(env: ToolEnv, name: string): { ok: true; fqdn: string; addresses: string[]; cnames: string[]; durationMs: number } | { ok: false; error: 'NXDOMAIN' | 'TIMEOUT' | 'SERVFAIL' | 'NONET'; durationMs: number } {
  if (isIPv4(name)) return { ok: true, fqdn: name, addresses: [name], cnames: [], durationMs: 0 };
  if (name === 'localhost') return { ok: true, fqdn: 'localhost', addresses: ['127.0.0.1'], cnames: [], durationMs: 0 };
  if (!env.src) return { ok: false, error: 'NONET', durationMs: 0 };
  // getaddrinfo: /etc/hosts first (localhost, the pod's own name, hostAliases), then DNS via the search path.
  const a = env.net.resolveHost ? env.net.resolveHost(env.src, name) : env.net.dns.lookup(env.src, name);
  return a.ok ? { ok: true, fqdn: a.name, addresses: a.addresses, cnames: a.cnames, durationMs: a.durationMs } : { ok: false, error: a.error, durationMs: a.durationMs };
}
