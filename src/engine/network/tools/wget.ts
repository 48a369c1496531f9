// wget: busybox 1.36 (networking/wget.c, libbb/progress.c) and GNU Wget 1.21 (Debian/Ubuntu), over the simulated network.
import type { HttpResult } from '../types';
import { headerValue, hostHeader, isIPv4, parseUrl, reasonPhrase, result, type NetToolResult, type ParsedUrl, type ToolEnv } from './common';
import { utf8Length } from '../../util';

/** WgetArgs are the options both wgets understand. */
interface WgetArgs { quiet: boolean; output?: string; timeoutMs?: number; headers: string[]; spider: boolean; postData?: string; urls: string[] }

/** parseWget parses wget's short and long options (-qO- style clusters included). */
function parseWget(args: string[]): WgetArgs {
  const a: WgetArgs = { quiet: false, headers: [], spider: false, urls: [] };
  for (let i = 0; i < args.length; i++) {
    const s = args[i];
    if (s === '--quiet') a.quiet = true;
    else if (s === '--spider') a.spider = true;
    else if (s.startsWith('--output-document=')) a.output = s.slice(18);
    else if (s === '--output-document') a.output = args[++i];
    else if (s.startsWith('--timeout=')) a.timeoutMs = Number(s.slice(10)) * 1000;
    else if (s.startsWith('--header=')) a.headers.push(s.slice(9));
    else if (s === '--header') a.headers.push(args[++i] ?? '');
    else if (s.startsWith('--post-data=')) a.postData = s.slice(12);
    else if (s.startsWith('--')) continue;
    else if (s.startsWith('-') && s.length > 1) {
      for (let j = 1; j < s.length; j++) {
        const c = s[j];
        if (c === 'q') a.quiet = true;
        else if (c === 'O' || c === 'T' || c === 'U' || c === 't' || c === 'P') {
          const v = j + 1 < s.length ? s.slice(j + 1) : args[++i];
          if (c === 'O') a.output = v;
          if (c === 'T') a.timeoutMs = Number(v) * 1000;
          break;
        }
      }
    } else a.urls.push(s);
  }
  return a;
}

/** fileName is the local name wget saves url to (the last path segment, or index.html). */
function fileName(u: ParsedUrl): string {
  const last = u.path.replace(/[?#].*$/, '').split('/').pop();
  return last || 'index.html';
}

/** absolute resolves a Location header against the URL that answered. */
function absolute(u: ParsedUrl, location: string): string {
  if (/^[a-z]+:\/\//i.test(location)) return location;
  return `${u.scheme}://${hostHeader(u)}${location.startsWith('/') ? '' : '/'}${location}`;
}

/** fetch sends the GET wget sends (User-Agent Wget, Connection: close). */
function fetch(env: ToolEnv, u: ParsedUrl, a: WgetArgs, gnu: boolean): HttpResult | undefined {
  if (!env.src) return undefined;
  const headers: Record<string, string> = { host: hostHeader(u), 'user-agent': gnu ? 'Wget/1.21.3' : 'Wget', accept: '*/*', connection: gnu ? 'Keep-Alive' : 'close' };
  for (const h of a.headers) { const m = /^([^:]+):\s*(.*)$/.exec(h); if (m) headers[m[1].toLowerCase()] = m[2]; }
  return env.net.http(env.src, { method: a.postData !== undefined ? 'POST' : 'GET', host: u.host, port: u.port, path: u.path, headers, body: a.postData, scheme: u.scheme === 'https' ? 'https' : 'http', timeoutMs: a.timeoutMs });
}

/** busyboxBar is libbb's progress line when stderr is not a terminal (80 columns assumed, ends with a newline). */
function busyboxBar(name: string, size: number, total: number | undefined): string {
  let s = name.slice(0, 20).padEnd(20);
  if (total) s += ` 100% |${'*'.repeat(31)}|`;
  let n = size, scale = 0;
  while (n >= 100000) { n = Math.floor(n / 1024); scale++; }
  s += `${String(n).padStart(6)}${' kMGTPEZY'[scale]}`;
  return s + (total && size ? '  0:00:00 ETA\n' : ' --:--:-- ETA\n');
}

/** busyboxWget runs busybox's wget: terse messages on stderr, `wget: …` errors and exit status 1. */
function busyboxWget(env: ToolEnv, a: WgetArgs): NetToolResult {
  if (!a.urls.length) return result(1, '', 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n\nRetrieve files via HTTP or FTP\n');
  let out = '', err = '', ms = 0;
  const files: Record<string, string> = {};
  const queue = [...a.urls];
  let redirects = 0;
  while (queue.length) {
    const raw = queue.shift() as string;
    const u = parseUrl(raw);
    if ('code' in u) return result(1, out, `${err}wget: not an http or ftp url: ${raw}\n`, ms);
    const r = fetch(env, u, a, false);
    if (!r || (!r.ok && (r.error === 'resolve' || r.error === 'dns-timeout'))) return result(1, out, `${err}wget: bad address '${u.host}'\n`, ms + (r?.durationMs ?? 0));
    ms += r.durationMs;
    const ip = r.ip ?? u.host;
    if (!a.quiet) err += `Connecting to ${u.host}${u.explicitPort || u.port !== 80 ? `:${u.port}` : ''} (${ip}:${u.port})\n`;
    if (!r.ok) {
      const why = r.error === 'refused' ? 'Connection refused' : r.error === 'unreachable' ? 'Host is unreachable' : r.error === 'reset' ? 'Connection reset by peer' : undefined;
      if (why) return result(1, out, `${err}wget: can't connect to remote host (${ip}): ${why}\n`, ms);
      return result(1, out, `${err}wget: ${a.timeoutMs !== undefined ? 'download timed out' : `can't connect to remote host (${ip}): Operation timed out`}\n`, ms);
    }
    const location = headerValue(r.headers, 'location');
    if (r.status >= 300 && r.status <= 303 && location) {
      if (++redirects > 20) return result(1, out, `${err}wget: too many redirections\n`, ms);
      queue.unshift(absolute(u, location));
      continue;
    }
    if (r.status >= 400 || (r.status >= 205 && r.status < 300 && r.status !== 206) || (r.status >= 304 && r.status < 400)) return result(1, out, `${err}wget: server returned error: HTTP/1.1 ${r.status} ${reasonPhrase(r.status)}\n`, ms);
    if (a.spider) { if (!a.quiet) err += 'remote file exists\n'; continue; }
    const toStdout = a.output === '-';
    const name = a.output ?? fileName(u);
    const size = utf8Length(r.body);
    const clen = headerValue(r.headers, 'content-length');
    if (!a.quiet) err += toStdout ? 'writing to stdout\n' : `saving to '${name}'\n`;
    if (!a.quiet) err += busyboxBar(toStdout ? '-' : name, size, clen === undefined ? undefined : Number(clen));
    if (toStdout) out += r.body; else files[name] = r.body;
    if (!a.quiet) err += toStdout ? 'written to stdout\n' : `'${name}' saved\n`;
  }
  return withFiles(result(0, out, err, ms), files);
}

/** gnuStamp formats a virtual time as GNU wget's `2025-03-10 09:00:12`. */
function gnuStamp(t: number): string {
  return new Date(t).toISOString().replace('T', ' ').slice(0, 19);
}

/** gnuRate formats bytes per second as wget's dot progress does (`300K`, `1.36M`). */
function gnuRate(bytes: number, ms: number, long: boolean): string {
  let rate = bytes / (Math.max(ms, 1) / 1000);
  const units = long ? ['B/s', 'KB/s', 'MB/s', 'GB/s'] : ['', 'K', 'M', 'G'];
  let i = 0;
  while (rate >= 1024 && i < 3) { rate /= 1024; i++; }
  const p = rate >= 99.95 ? 0 : rate >= 9.995 ? 1 : 2;
  return `${rate.toFixed(p)}${long ? ' ' : ''}${units[i]}`;
}

/** gnuWget runs GNU Wget: the whole log on stderr; exit 4 for network failures, 8 for server errors. */
function gnuWget(env: ToolEnv, a: WgetArgs): NetToolResult {
  if (!a.urls.length) return result(1, '', "wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n");
  const utf8 = env.opts.host === 'workstation';
  const files: Record<string, string> = {};
  const q = (s: string) => (utf8 ? `‘${s}’` : `'${s}'`);
  let out = '', err = '', ms = 0;
  const queue = [...a.urls];
  let redirects = 0;
  while (queue.length) {
    const raw = queue.shift() as string;
    const u = parseUrl(raw);
    if ('code' in u) return result(1, out, `${err}${raw}: Unsupported scheme.\n`, ms);
    const r = fetch(env, u, a, true);
    const t = r?.trace.t ?? 0;
    const url = `${u.scheme}://${hostHeader(u)}${u.path}`;
    const log = (s: string) => { if (!a.quiet) err += s; };
    log(`--${gnuStamp(t)}--  ${url}\n`);
    if (!r || (!r.ok && (r.error === 'resolve' || r.error === 'dns-timeout'))) {
      log(`Resolving ${u.host} (${u.host})... failed: ${r && !r.ok && r.error === 'dns-timeout' ? 'Temporary failure in name resolution' : 'Name or service not known'}.\n`);
      // -q silences even the errors; only the exit status tells.
      return result(4, out, a.quiet ? err : `${err}wget: unable to resolve host address ${q(u.host)}\n`, ms + (r?.durationMs ?? 0));
    }
    ms += r.durationMs;
    const ip = r.ip ?? u.host;
    if (!isIPv4(u.host)) log(`Resolving ${u.host} (${u.host})... ${ip}\n`);
    const conn = isIPv4(u.host) ? `Connecting to ${u.host}:${u.port}...` : `Connecting to ${u.host} (${u.host})|${ip}|:${u.port}...`;
    if (!r.ok) {
      const why = r.error === 'refused' ? 'Connection refused' : r.error === 'unreachable' ? 'No route to host' : r.error === 'reset' ? 'Connection reset by peer' : 'Connection timed out';
      return result(4, out, a.quiet ? err : `${err}${conn} failed: ${why}.\n${r.error === 'refused' || r.error === 'unreachable' ? '' : 'Retrying.\n\n'}`, ms);
    }
    log(`${conn} connected.\nHTTP request sent, awaiting response... ${r.status} ${reasonPhrase(r.status)}\n`);
    const location = headerValue(r.headers, 'location');
    if (r.status >= 300 && r.status < 400 && location) {
      if (++redirects > 20) return result(8, out, `${err}20 redirections exceeded.\n`, ms);
      const next = absolute(u, location);
      log(`Location: ${location} [following]\n`);
      queue.unshift(next);
      continue;
    }
    if (r.status >= 400) {
      err += a.quiet ? '' : `${gnuStamp(t)} ERROR ${r.status}: ${reasonPhrase(r.status)}.\n\n`;
      return result(8, out, err, ms);
    }
    const size = utf8Length(r.body);
    const clen = headerValue(r.headers, 'content-length');
    const ctype = (headerValue(r.headers, 'content-type') ?? '').split(';')[0];
    const toStdout = a.output === '-';
    const name = toStdout ? 'STDOUT' : a.output ?? fileName(u);
    log(`Length: ${clen ?? 'unspecified'}${ctype ? ` [${ctype}]` : ''}\n`);
    if (a.spider) { log('Remote file exists.\n\n'); continue; }
    log(`Saving to: ${q(name)}\n\n`);
    log(`     0K${' '.repeat(55)}100% ${gnuRate(size, r.durationMs, false)}=0s\n\n`);
    log(`${gnuStamp(t + r.durationMs)} (${gnuRate(size, r.durationMs, true)}) - ${toStdout ? `written to stdout` : q(name) + ' saved'} [${size}${clen !== undefined ? `/${clen}` : ''}]\n\n`);
    if (toStdout) out += r.body; else files[name] = r.body;
  }
  return withFiles(result(0, out, err, ms), files);
}

/** withFiles attaches the files wget saved to its result. */
function withFiles(r: NetToolResult, files: Record<string, string>): NetToolResult {
  if (Object.keys(files).length) r.files = files;
  return r;
}

/** wget runs busybox or GNU wget according to flavor. */
export function wget(env: ToolEnv): NetToolResult {
  const a = parseWget(env.argv.slice(1));
  return env.flavor === 'busybox' ? busyboxWget(env, a) : gnuWget(env, a);
}
