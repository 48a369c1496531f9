// curl 8.12.1 (curlimages/curl, Alpine): one HTTP transfer per URL over the simulated network, with
// curl's own verbose trace, progress meter and error wording (lib/connect.c, lib/multi.c, src/tool_operate.c).
import type { HttpCall, HttpResult } from '../types';
import { parseCurlArgs, type CurlArgs } from './curl-args';
import { createMeter } from './curl-progress';
import {
  headerValue, hostHeader, isIPv4, isLoopback, parseUrl, reasonPhrase, resolveAll, result,
  type NetToolResult, type ParsedUrl, type TimelineChunk, type ToolEnv,
} from './common';
import { base64Encode, utf8Length } from '../../util';

/** CURL_VERSION is the curl release the simulated images ship (User-Agent `curl/8.12.1`). */
export const CURL_VERSION = '8.12.1';

/** Transfer is what one URL produced. */
interface Transfer { io: Streams; ms: number; code: number; files?: Record<string, string> }

/** Streams collects stdout and stderr in the order and at the virtual time curl writes them. */
class Streams {
  readonly chunks: TimelineChunk[] = [];
  /** t is the current offset (ms) from the start of the whole curl run. */
  constructor(public t: number) {}
  err(s: string): void { if (s) this.chunks.push({ atMs: this.t, err: s }); }
  out(s: string): void { if (s) this.chunks.push({ atMs: this.t, out: s }); }
  /** lines writes timed progress lines (relative to start) and moves the clock to their time. */
  lines(start: number, ls: Array<{ atMs: number; text: string }>): void { for (const l of ls) { this.t = start + l.atMs; this.err(l.text); } }
  append(o: Streams): void { this.chunks.push(...o.chunks); this.t = o.t; }
  get stdout(): string { return this.chunks.map((c) => c.out ?? '').join(''); }
  get stderr(): string { return this.chunks.map((c) => c.err ?? '').join(''); }
}

/** ephemeralPort is a stable pseudo-random client port for verbose "from ... port N" lines. */
function ephemeralPort(seed: string): number {
  let h = 0;
  for (const c of seed) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return 32768 + (h % 28000);
}

/** requestHeaders builds the request header lines in curl's order (Host, Authorization, User-Agent, Accept, custom, body). */
function requestHeaders(a: CurlArgs, u: ParsedUrl, method: string): Array<[string, string]> {
  const custom: Array<[string, string]> = [];
  const removed = new Set<string>();
  for (const h of a.headers) {
    const m = /^([^:;]+)([:;])\s*(.*)$/.exec(h);
    if (!m) continue;
    if (m[2] === ':' && m[3] === '') { removed.add(m[1].toLowerCase()); continue; }
    custom.push([m[1], m[2] === ';' ? '' : m[3]]);
  }
  const has = (n: string) => custom.some(([k]) => k.toLowerCase() === n) || removed.has(n);
  const out: Array<[string, string]> = [];
  const hostH = custom.find(([k]) => k.toLowerCase() === 'host');
  if (hostH) out.push(hostH);
  else if (!removed.has('host')) out.push(['Host', hostHeader(u)]);
  const user = a.user ?? u.user;
  if (user && !has('authorization')) out.push(['Authorization', `Basic ${base64Encode(user.includes(':') ? user : `${user}:`)}`]);
  if (!has('user-agent')) out.push(['User-Agent', a.userAgent ?? `curl/${CURL_VERSION}`]);
  if (!has('accept')) out.push(['Accept', '*/*']);
  out.push(...custom.filter(([k]) => k.toLowerCase() !== 'host'));
  if (a.data !== undefined && method !== 'GET' && method !== 'HEAD') {
    if (!has('content-length')) out.push(['Content-Length', String(utf8Length(a.data))]);
    if (!has('content-type')) out.push(['Content-Type', 'application/x-www-form-urlencoded']);
  }
  return out;
}

/** writeOut expands a -w template (%{http_code}, %{time_total}, …) for one transfer. */
function writeOut(tpl: string, v: Record<string, string>): { out: string; err: string } {
  let err = '';
  const out = tpl.replace(/\\([ntr\\])|%\{([a-z_]+)\}|%%/g, (m, esc: string | undefined, name: string | undefined) => {
    if (esc) return esc === 'n' ? '\n' : esc === 't' ? '\t' : esc === 'r' ? '\r' : '\\';
    if (m === '%%') return '%';
    if (name && name in v) return v[name];
    err += `curl: unknown --write-out variable: '${name}'\n`;
    return '';
  });
  return { out, err };
}

/** failure turns a network error into curl's exit code, error text and verbose lines. */
function failure(r: Extract<HttpResult, { ok: false }>, u: ParsedUrl, timeoutMs: number | undefined, srcIp: string): { code: number; msg: string; verbose: string; ms: number } {
  const ms = Math.round(r.durationMs);
  const ip = r.ip ?? u.host;
  const trying = `*   Trying ${ip}:${u.port}...\n`;
  switch (r.error) {
    case 'resolve': return { code: 6, msg: `Could not resolve host: ${u.host}`, verbose: `* Could not resolve host: ${u.host}\n`, ms };
    case 'dns-timeout':
      if (timeoutMs !== undefined && ms >= timeoutMs) return { code: 28, msg: `Resolving timed out after ${timeoutMs + 1} milliseconds`, verbose: `* Resolving timed out after ${timeoutMs + 1} milliseconds\n`, ms: timeoutMs + 1 };
      return { code: 6, msg: `Could not resolve host: ${u.host}`, verbose: `* Could not resolve host: ${u.host}\n`, ms };
    case 'refused': case 'unreachable': {
      const why = r.error === 'refused' ? 'Connection refused' : 'No route to host';
      const msg = `Failed to connect to ${u.host} port ${u.port} after ${ms} ms: Couldn't connect to server`;
      return { code: 7, msg, verbose: `${trying}* connect to ${ip} port ${u.port} from ${srcIp} port ${ephemeralPort(ip + ms)} failed: ${why}\n* ${msg}\n`, ms };
    }
    case 'timeout': {
      const answered = !!r.trace.answeredBy;
      if (timeoutMs !== undefined) {
        const t = timeoutMs + 1;
        const msg = answered ? `Operation timed out after ${t} milliseconds with 0 bytes received` : `Connection timed out after ${t} milliseconds`;
        return { code: 28, msg, verbose: `${answered ? '' : trying}* ${msg}\n`, ms: t };
      }
      const msg = `Failed to connect to ${u.host} port ${u.port} after ${ms} ms: Couldn't connect to server`;
      return { code: 28, msg, verbose: `${trying}* connect to ${ip} port ${u.port} from ${srcIp} port ${ephemeralPort(ip + ms)} failed: Connection timed out\n* ${msg}\n`, ms };
    }
    case 'reset': return { code: 56, msg: 'Recv failure: Connection reset by peer', verbose: `* Recv failure: Connection reset by peer\n`, ms };
  }
}

/** transfer runs one URL (following redirects with -L). */
function transfer(env: ToolEnv, a: CurlArgs, url: string, showMeter: boolean, start: number, redirects = 0): Transfer {
  const showErr = !a.silent || a.showError;
  const parsed = parseUrl(url);
  const io = new Streams(start);
  if ('code' in parsed) { if (showErr) io.err(`curl: (${parsed.code}) ${parsed.message}\n`); return { io, ms: 0, code: parsed.code }; }
  const u = parsed;
  const method = a.method ?? (a.head ? 'HEAD' : a.data !== undefined ? 'POST' : 'GET');
  const reqHeaders = requestHeaders(a, u, method);
  const meter = createMeter(a.data !== undefined ? utf8Length(a.data) : undefined);
  const srcIp = env.src?.ip ?? '0.0.0.0';
  const timeoutMs = a.maxTimeMs ?? a.connectTimeoutMs;
  if (showMeter) io.err(meter.start());
  const v = (s: string) => { if (a.verbose) io.err(s); };
  const vars = (code: number, status: number, ip: string, size: number, ms: number, ctype: string, msg: string): Record<string, string> => ({
    http_code: String(status).padStart(3, '0'), response_code: String(status).padStart(3, '0'), url_effective: `${u.scheme}://${hostHeader(u)}${u.path}`,
    remote_ip: ip, remote_port: ip ? String(u.port) : '', size_download: String(size), content_type: ctype, exitcode: String(code), errormsg: msg,
    method, num_redirects: String(redirects), time_total: (ms / 1000).toFixed(6), time_connect: (ms / 2000).toFixed(6),
    time_namelookup: (ms / 4000).toFixed(6), time_starttransfer: (ms / 1000).toFixed(6), scheme: u.scheme, http_version: status ? '1.1' : '0',
  });
  const finishError = (code: number, msg: string, ms: number): Transfer => {
    if (showMeter) io.lines(start, meter.waited(0, ms));
    io.t = start + ms;
    v('* closing connection #0\n');
    if (showErr) io.err(`curl: (${code}) ${msg}\n`);
    const w = a.writeOut ? writeOut(a.writeOut, vars(code, 0, '', 0, ms, '', msg)) : { out: '', err: '' };
    io.out(w.out);
    io.err(w.err);
    return { io, ms, code };
  };

  // Verbose name resolution (curl 8 prints the answer; IP literals skip it).
  if (a.verbose && !isIPv4(u.host)) {
    if (isLoopback(u.host)) v(`* Host ${u.host}:${u.port} was resolved.\n* IPv6: ::1\n* IPv4: 127.0.0.1\n`);
    else {
      const res = resolveAll(env, u.host);
      if (res.ok) v(`* Host ${u.host}:${u.port} was resolved.\n* IPv6: (none)\n* IPv4: ${res.addresses.join(', ')}\n`);
    }
  }
  if (!env.src) {
    if (!isIPv4(u.host) && !isLoopback(u.host)) { v(`* Could not resolve host: ${u.host}\n`); return finishError(6, `Could not resolve host: ${u.host}`, 0); }
    const msg = `Failed to connect to ${u.host} port ${u.port} after 0 ms: Couldn't connect to server`;
    v(`*   Trying ${u.host}:${u.port}...\n* Immediate connect fail for ${u.host}: Network unreachable\n* ${msg}\n`);
    return finishError(7, msg, 0);
  }
  const headers: Record<string, string> = {};
  for (const [k, val] of reqHeaders) headers[k.toLowerCase()] = val;
  const call: HttpCall = { method, host: u.host, port: u.port, path: u.path, headers, scheme: u.scheme === 'https' ? 'https' : 'http', timeoutMs };
  if (a.data !== undefined) call.body = a.data;
  const r = env.net.http(env.src, call);
  if (!r.ok) {
    const f = failure(r, u, timeoutMs, srcIp);
    v(f.verbose);
    return finishError(f.code, f.msg, f.ms);
  }
  const loop6 = isLoopback(u.host) && u.host === 'localhost';
  v(`*   Trying ${loop6 ? '[::1]' : r.ip}:${u.port}...\n* Connected to ${u.host} (${loop6 ? '::1' : r.ip}) port ${u.port}\n`);
  if (u.scheme === 'https') {
    v('* ALPN: curl offers h2,http/1.1\n* TLSv1.3 (OUT), TLS handshake, Client hello (1):\n* TLSv1.3 (IN), TLS handshake, Server hello (2):\n');
    const external = r.trace.answeredBy?.kind === 'external';
    if (!external && !a.insecure) {
      v('* TLSv1.3 (OUT), TLS alert, unknown CA (560):\n* SSL certificate problem: self-signed certificate\n');
      return finishError(60, 'SSL certificate problem: self-signed certificate\nMore details here: https://curl.se/docs/sslcerts.html\n\ncurl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the webpage mentioned above.', r.durationMs);
    }
    v('* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384 / x25519 / RSASSA-PSS\n* ALPN: server accepted http/1.1\n');
    if (!external) v('* Server certificate:\n*  subject: O=Acme Co; CN=Kubernetes Ingress Controller Fake Certificate\n*  SSL certificate verify result: self-signed certificate (18), continuing anyway.\n');
  }
  v('* using HTTP/1.x\n');
  v(`> ${method} ${u.path} HTTP/1.1\r\n${reqHeaders.map(([k, val]) => `> ${k}: ${val}\r\n`).join('')}> \r\n`);
  if (a.data !== undefined) v(`} [${utf8Length(a.data)} bytes data]\n`);
  v('* Request completely sent off\n');
  const statusLine = `HTTP/1.1 ${r.status} ${reasonPhrase(r.status)}`.trimEnd();
  const headerLines = [statusLine, ...Object.entries(r.headers).map(([k, val]) => `${k}: ${val}`)];
  const headerBlock = headerLines.map((l) => `${l}\r\n`).join('') + '\r\n';
  v(headerLines.map((l) => `< ${l}\r\n`).join('') + '< \r\n');
  if (showMeter) io.lines(start, meter.waited(0, r.durationMs));
  io.t = start + r.durationMs;
  const body = method === 'HEAD' ? '' : r.body;
  const size = utf8Length(body);
  const clen = headerValue(r.headers, 'content-length');
  const ctype = headerValue(r.headers, 'content-type') ?? '';
  const location = headerValue(r.headers, 'location');
  if (a.location && location && r.status >= 300 && r.status < 400 && redirects < 50) {
    const next = /^[a-z]+:\/\//i.test(location) ? location : `${u.scheme}://${hostHeader(u)}${location.startsWith('/') ? '' : '/'}${location}`;
    if (size && !env.opts.tty) v(`{ [${size} bytes data]\n`);
    if (showMeter) io.err(meter.done(r.durationMs, size, clen === undefined ? undefined : Number(clen), a.data ? utf8Length(a.data) : 0));
    v(`* Connection #0 to host ${u.host} left intact\n* Issue another request to this URL: '${next}'\n`);
    if (a.include) io.out(headerBlock);
    const rest = transfer(env, a, next, showMeter, io.t, redirects + 1);
    io.append(rest.io);
    return { io, ms: r.durationMs + rest.ms, code: rest.code, files: rest.files };
  }
  if (a.fail && r.status >= 400) {
    v(`* The requested URL returned error: ${r.status}\n`);
    return finishError(22, `The requested URL returned error: ${r.status}`, r.durationMs);
  }
  if (size && a.verbose && (!env.opts.tty || a.output !== undefined)) io.err(`{ [${size} bytes data]\n`);
  const toStdout = (a.output === undefined || a.output === '-') && !a.remoteName;
  const saved = (a.include || a.head ? headerBlock : '') + body;
  if (toStdout) io.out(saved);
  if (showMeter) io.err(meter.done(r.durationMs, size, clen === undefined ? undefined : Number(clen), a.data ? utf8Length(a.data) : 0));
  v(`* Connection #0 to host ${u.host} left intact\n`);
  let files: Record<string, string> | undefined;
  const target = a.remoteName ? u.path.replace(/[?#].*$/, '').split('/').pop() ?? '' : a.output;
  if (!toStdout && target && target !== '/dev/null') files = { [target]: saved };
  if (a.writeOut) {
    const w = writeOut(a.writeOut, vars(0, r.status, r.ip, size, r.durationMs, ctype, ''));
    io.out(w.out);
    io.err(w.err);
  }
  return files ? { io, ms: r.durationMs, code: 0, files } : { io, ms: r.durationMs, code: 0 };
}

/**
 * curl runs `curl [options] URL...`: the body on stdout (the file for -o), the progress meter on stderr
 * when the body does not go to a terminal, and curl's exit code of the last failed transfer.
 */
export function curl(env: ToolEnv): NetToolResult {
  const a = parseCurlArgs(env.argv.slice(1));
  if ('error' in a) return result(a.code, '', `${a.error}\n`);
  const toFile = (a.output !== undefined && a.output !== '-') || a.remoteName;
  const showMeter = !a.silent && !a.noProgress && (toFile || !env.opts.tty);
  const io = new Streams(0);
  let ms = 0, code = 0;
  const files: Record<string, string> = {};
  for (const url of a.urls) {
    if (a.remoteName && !/[^/]$/.test(url.replace(/^[a-z]+:\/\/[^/]*/i, '') || '/')) {
      io.err('curl: Remote file name has no length!\ncurl: (23) Failed writing received data to disk/application\n');
      code = 23;
      continue;
    }
    const t = transfer(env, a, url, showMeter, ms);
    io.append(t.io);
    ms += t.ms;
    Object.assign(files, t.files);
    if (t.code) code = t.code;
  }
  const r = result(code, io.stdout, io.stderr, ms);
  if (Object.keys(files).length) r.files = files;
  // The timeline lets the workstation show the meter ticking and the body between -v's headers and trailer.
  r.timeline = io.chunks;
  return r;
}
