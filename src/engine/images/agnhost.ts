import type { HttpRequest, HttpResponse, ImageSpec, Process, ProgramContext } from './types';
import { BUSYBOX_BINARIES, effectiveArgv, makeServer, runCommandLine } from './program';
import { logTime } from './log-time';
import { parseQuery } from '../util';

/** parseFlags reads cobra-style `--name=value` / `--name value` / `--flag` arguments. */
function parseFlags(args: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const m = /^--?([\w-]+)(?:=(.*))?$/.exec(args[i]);
    if (!m) continue;
    if (m[2] !== undefined) out.set(m[1], m[2]);
    else if (args[i + 1] !== undefined && !args[i + 1].startsWith('-') && !['http', 'tcp', 'udp', 'close'].includes(m[1])) out.set(m[1], args[++i]);
    else out.set(m[1], 'true');
  }
  return out;
}

/** query parses a URL query string (form values, `+` as space). */
function query(path: string): Map<string, string> {
  const i = path.indexOf('?');
  return new Map(Object.entries(parseQuery(i < 0 ? '' : path.slice(i + 1))));
}

/** goJson is JSON as Go's encoding/json writes a map[string]string (sorted keys, HTML characters escaped). */
function goJson(m: Record<string, string>): string {
  const sorted = Object.fromEntries(Object.keys(m).sort().map((k) => [k, m[k]]));
  return JSON.stringify(sorted).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** AGNHOST is registry.k8s.io/e2e-test-images/agnhost: the Kubernetes e2e test server (ENTRYPOINT /agnhost, CMD pause). */
export const AGNHOST: ImageSpec = {
  repository: 'registry.k8s.io/e2e-test-images/agnhost',
  tags: Array.from({ length: 15 }, (_, i) => `2.${39 + i}`),
  noLatest: true,
  sizeBytes: 51_983_116,
  defaultCommand: ['/agnhost'],
  defaultArgs: ['pause'],
  binaries: [...BUSYBOX_BINARIES, 'agnhost', 'agnhost-2', 'bash', 'curl', 'dig', 'nc', 'ss', 'iperf', 'coredns'],
  description: 'Kubernetes e2e test image agnhost (serve-hostname, netexec, pause)',
  start: startAgnhost,
};

/** SERVE_HOSTNAME is registry.k8s.io/serve_hostname, the older single-purpose image (the docs' "Debug Services" page). */
export const SERVE_HOSTNAME: ImageSpec = {
  repository: 'registry.k8s.io/serve_hostname',
  tags: ['1.4', 'v1.4'],
  sizeBytes: 2_353_182,
  defaultCommand: ['/serve_hostname'],
  defaultArgs: [],
  binaries: ['serve_hostname'],
  description: 'serve_hostname: answers its hostname over HTTP on 9376',
  start: (ctx) => {
    const { argv } = effectiveArgv(ctx, SERVE_HOSTNAME);
    if ((argv[0] ?? '').split('/').pop() !== 'serve_hostname') return runCommandLine(ctx, SERVE_HOSTNAME, 'busybox', argv);
    return runAgnhost(ctx, SERVE_HOSTNAME, 'serve-hostname', argv.slice(1));
  },
};

function startAgnhost(ctx: ProgramContext): Process {
  const { argv } = effectiveArgv(ctx, AGNHOST);
  const bin = (argv[0] ?? '').split('/').pop() ?? '';
  if (bin !== 'agnhost' && bin !== 'agnhost-2') return runCommandLine(ctx, AGNHOST, 'busybox', argv);
  return runAgnhost(ctx, AGNHOST, argv[1] ?? '', argv.slice(2));
}

/** runAgnhost runs one agnhost subcommand with its flags. */
function runAgnhost(ctx: ProgramContext, image: ImageSpec, sub: string, rest: string[]): Process {
  const flags = parseFlags(rest);
  const log = (msg: string) => ctx.log(`${logTime(ctx.now())} ${msg}`);
  let clientPort = 40_000 + (ctx.podIP.split('.').reduce((a, o) => a + parseInt(o, 10), 0) * 97) % 20_000;
  const remote = (req: HttpRequest) => `${req.remoteAddr}:${clientPort = clientPort >= 60_999 ? 32_768 : clientPort + 1}`;
  const shutdown = { afterMs: 0, code: 2 };
  switch (sub) {
    case 'pause':
      ctx.log('Paused');
      return makeServer(ctx, image, 'busybox', { ports: [], onSignal: (sig) => sig === 'SIGINT' ? { afterMs: 0, code: 1 } : shutdown });
    case 'serve-hostname': {
      const port = parseInt(flags.get('port') ?? '9376', 10) || 9376;
      const http = flags.get('http') !== 'false';
      const tcp = flags.get('tcp') === 'true' || flags.get('udp') === 'true';
      if (http && tcp) { log("Can't server TCP/UDP mode and HTTP mode at the same time"); ctx.after(0, () => ctx.exit(1)); return makeServer(ctx, image, 'busybox', { ports: [] }); }
      log(`Serving on port ${port}.`);
      return makeServer(ctx, image, 'busybox', {
        ports: [port],
        http: (req) => { log(`HTTP request from ${remote(req)}`); return { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: ctx.hostname }; },
        onSignal: (sig) => {
          if (sig !== 'SIGTERM') return undefined;
          log('Shutting down after receiving signal: terminated.');
          log('Awaiting pod deletion.');
          return { afterMs: 60_000, code: 0 };
        },
      });
    }
    case 'netexec': return netexec(ctx, image, flags, log, remote);
    default:
      ctx.log(`Error: unknown command "${sub}" for "agnhost"`);
      ctx.log("Run 'agnhost --help' for usage.");
      ctx.after(0, () => ctx.exit(1));
      return makeServer(ctx, image, 'busybox', { ports: [] });
  }
}

/** netexec models agnhost netexec's HTTP endpoints (/, /hostname, /echo, /clientip, /shell, /exit, /healthz, /redirect). */
function netexec(ctx: ProgramContext, image: ImageSpec, flags: Map<string, string>, log: (m: string) => void, remote: (r: HttpRequest) => string): Process {
  const port = parseInt(flags.get('http-port') ?? '8080', 10) || 8080;
  const udp = parseInt(flags.get('udp-port') ?? '8081', 10);
  const started = ctx.now();
  log(`Started HTTP server on port ${port}`);
  if (udp !== -1) log(`Started UDP server on port  ${udp}`);
  const text = (body: string, status = 200): HttpResponse => ({ status, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body });
  const http = (req: HttpRequest): HttpResponse => {
    const route = req.path.split('?')[0];
    const q = query(req.path);
    switch (route) {
      case '/hostname': case '/hostName': log(`GET ${route}`); return text(ctx.hostname);
      case '/clientip': log('GET /clientip'); return text(remote(req));
      case '/healthz': log('GET /healthz'); return text('');
      case '/echo': {
        const msg = q.get('msg') ?? '', code = q.get('code') ?? '';
        log(`GET /echo?msg=${msg}&code=${code}`);
        if (code && !/^-?\d+$/.test(code)) return text(`argument 'code' must be an integer or empty, got "${code}"\n`);
        return text(msg, code ? parseInt(code, 10) : 200);
      }
      case '/shell': {
        const cmd = q.get('shellCommand') || q.get('cmd') || '';
        log(`GET /shell?cmd=${cmd}`);
        const r = proc.exec(['/bin/sh', '-c', cmd]);
        const out: Record<string, string> = {};
        if (r.stdout + r.stderr) out.output = r.stdout + r.stderr;
        if (r.exitCode !== 0) out.error = `exit status ${r.exitCode}`;
        log(`Output: map[${Object.keys(out).sort().map((k) => `${k}:${out[k]}`).join(' ')}]`);
        return text(goJson(out), r.exitCode === 0 ? 200 : 417);
      }
      case '/exit': case '/shutdown': {
        const code = route === '/exit' ? parseInt(q.get('code') ?? '0', 10) || 0 : 0;
        if (route === '/exit') {
          log(`GET /exit?code=${q.get('code') ?? ''}&timeout=${q.get('timeout') ?? ''}&wait=${q.get('wait') ?? ''}`);
          log(`Will begin shutdown in 0s, allowing 0s for connections to close, then will exit with ${code}`);
        } else log('GET /shutdown');
        ctx.after(0, () => ctx.exit(code));
        return text('');
      }
      case '/redirect': {
        const loc = q.get('location') ?? '', code = q.get('code') ?? '';
        log(`${req.method} /redirect?msg=${loc}&code=${code}`);
        return { status: code ? parseInt(code, 10) || 302 : 302, headers: { Location: loc, 'Content-Type': 'text/html; charset=utf-8' }, body: '' };
      }
      default: {
        log('GET /');
        const now = ctx.now();
        const d = new Date(now).toISOString();
        const mono = ((now - started) / 1000).toFixed(9);
        return text(`NOW: ${d.slice(0, 10)} ${d.slice(11, 19)}.${d.slice(20, 23)}000000 +0000 UTC m=+${mono}`);
      }
    }
  };
  // netexec installs no SIGTERM handler: Go's default disposition kills it at once (containerd reports 128+15).
  const proc = makeServer(ctx, image, 'busybox', { ports: [port], http, onSignal: (sig) => sig === 'SIGINT' ? undefined : { afterMs: 0, code: 143 } });
  return proc;
}
