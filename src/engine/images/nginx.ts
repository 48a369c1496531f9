import type { HttpRequest, HttpResponse, ImageSpec, ProgramContext } from './types';
import { BUSYBOX_BINARIES, DEBIAN_BINARIES, effectiveArgv, makeServer, runCommandLine } from './program';
import { accessTime, httpDate, logTime } from './log-time';

/** NGINX_INDEX is the stock /usr/share/nginx/html/index.html (615 bytes). */
export const NGINX_INDEX = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const VERSIONS: Record<string, string> = { latest: '1.27.4', mainline: '1.27.4', stable: '1.26.3', '1.27': '1.27.4', '1.26': '1.26.3', '1.25': '1.25.5', '1.24': '1.24.0', '1.23': '1.23.4' };

function version(tag: string): string {
  const base = tag.replace(/-alpine.*$|-bookworm$|-perl$|^alpine$/, '') || 'latest';
  return VERSIONS[base] ?? (/^\d+\.\d+\.\d+$/.test(base) ? base : '1.27.4');
}

const BASE_TAGS = ['1.14', '1.14.2', '1.16', '1.17', '1.18', '1.19', '1.20', '1.21', '1.22', '1.23', '1.23.4', '1.24', '1.24.0', '1.25', '1.25.5', '1.26', '1.26.3', '1.27', '1.27.4', 'mainline', 'stable', 'perl', 'bookworm'];

/** nginxEnv is the ENV of the official nginx Dockerfile for version v (njs and package release of 1.27.x). */
function nginxEnv(v: string, alpine: boolean): [string, string][] {
  const rel = alpine ? '1' : '1~bookworm';
  return [['NGINX_VERSION', v], ['NJS_VERSION', '0.8.9'], ['NJS_RELEASE', rel], ['PKG_RELEASE', rel], ['DYNPKG_RELEASE', rel]];
}

/** ENTRYPOINT_LINES are what /docker-entrypoint.sh prints before nginx starts. */
const ENTRYPOINT_LINES = [
  '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
  '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
  '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
  '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
  '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
  '/docker-entrypoint.sh: Configuration complete; ready for start up',
];

/** nginxImage builds the official nginx image (Debian or Alpine variant) for tag. */
export function nginxImage(tag: string): ImageSpec {
  const alpine = tag.includes('alpine');
  const v = version(tag);
  const image: ImageSpec = {
    repository: 'docker.io/library/nginx',
    tags: [...BASE_TAGS, 'alpine', ...BASE_TAGS.map((t) => `${t}-alpine`)],
    sizeBytes: alpine ? 20_985_623 : 72_188_133,
    defaultCommand: ['/docker-entrypoint.sh'],
    defaultArgs: ['nginx', '-g', 'daemon off;'],
    env: nginxEnv(v, alpine),
    binaries: alpine ? [...BUSYBOX_BINARIES, 'nginx', 'curl'] : [...DEBIAN_BINARIES, 'nginx', 'curl'],
    description: `nginx ${v} web server (${alpine ? 'Alpine' : 'Debian bookworm'})`,
    start: (ctx) => startNginx(ctx, image, v, alpine),
  };
  return image;
}

function startNginx(ctx: ProgramContext, image: ImageSpec, v: string, alpine: boolean) {
  const { argv, overridden } = effectiveArgv(ctx, image);
  const runsNginx = !overridden || argv.some((a) => a === 'nginx' || a.endsWith('/nginx') || a === 'nginx-debug');
  if (!runsNginx) return runCommandLine(ctx, image, alpine ? 'busybox' : 'gnu', argv);
  for (const l of ENTRYPOINT_LINES) ctx.log(l);
  const t = logTime(ctx.now());
  ctx.log(`${t} [notice] 1#1: using the "epoll" event method`);
  ctx.log(`${t} [notice] 1#1: nginx/${v}`);
  ctx.log(`${t} [notice] 1#1: built by gcc ${alpine ? '14.2.0 (Alpine 14.2.0) ' : '12.2.0 (Debian 12.2.0-14) '}`);
  ctx.log(`${t} [notice] 1#1: OS: Linux 6.8.0-1021-gcp`);
  ctx.log(`${t} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576`);
  ctx.log(`${t} [notice] 1#1: start worker processes`);
  ctx.log(`${t} [notice] 1#1: start worker process 29`);
  ctx.log(`${t} [notice] 1#1: start worker process 30`);
  ctx.fs.set('/usr/share/nginx/html/index.html', NGINX_INDEX);
  ctx.fs.set('/etc/nginx/nginx.conf', 'user  nginx;\nworker_processes  auto;\n');
  // mtime of the packaged index.html in nginx:1.27.4 (ETag "67a34638-267"), kept for every tag.
  const mtime = 1_738_753_592_000;
  const http = (req: HttpRequest): HttpResponse => {
    const path = req.path.split('?')[0];
    const file = ctx.fs.get(`/usr/share/nginx/html${path.endsWith('/') ? path + 'index.html' : path}`);
    const ok = req.method === 'GET' || req.method === 'HEAD';
    const status = file !== undefined ? (ok ? 200 : 405) : 404;
    const body = status === 200 ? file ?? '' : nginxErrorPage(status, `nginx/${v}`);
    const head = req.method === 'HEAD';
    const h = (k: string) => req.headers[k] || '-';
    // log_format main: $remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" "$http_x_forwarded_for"
    ctx.log(`${req.remoteAddr} - - ${accessTime(ctx.now())} "${req.method} ${req.path} HTTP/1.1" ${status} ${head ? 0 : body.length} "${h('referer')}" "${h('user-agent')}" "${h('x-forwarded-for')}"`);
    const headers: Record<string, string> = { Server: `nginx/${v}`, Date: httpDate(ctx.now()), 'Content-Type': 'text/html', 'Content-Length': String(body.length) };
    if (status === 200) Object.assign(headers, { 'Last-Modified': httpDate(mtime), Connection: 'keep-alive', ETag: `"${Math.floor(mtime / 1000).toString(16)}-${body.length.toString(16)}"`, 'Accept-Ranges': 'bytes' });
    else headers.Connection = 'keep-alive';
    return { status, headers, body: head ? '' : body };
  };
  return makeServer(ctx, image, alpine ? 'busybox' : 'gnu', {
    ports: [80],
    http,
    // The image's STOPSIGNAL is SIGQUIT: containerd sends it instead of SIGTERM, and nginx shuts down gracefully.
    onSignal: (sig) => sig === 'SIGINT' ? undefined : {
      afterMs: 80,
      code: 0,
      lines: [3, 29, 30].map((n) => n === 3 ? `${logTime(ctx.now())} [notice] 1#1: signal 3 (SIGQUIT) received, shutting down` : `${logTime(ctx.now())} [notice] ${n}#${n}: gracefully shutting down`)
        .concat([`${logTime(ctx.now())} [notice] 1#1: exit`]),
    },
  });
}

/** nginxErrorPage is nginx's built-in error page; server is its footer (`nginx/1.27.4`, or `nginx` with server_tokens off). */
export function nginxErrorPage(status: number, server: string): string {
  const text = `${status} ${ERROR_REASONS[status] ?? 'Error'}`;
  return `<html>\r\n<head><title>${text}</title></head>\r\n<body>\r\n<center><h1>${text}</h1></center>\r\n<hr><center>${server}</center>\r\n</body>\r\n</html>\r\n`;
}

// nginx's own reason phrases (ngx_http_special_response.c), not the RFC's.
const ERROR_REASONS: Record<number, string> = {
  301: 'Moved Permanently', 302: 'Found', 308: 'Permanent Redirect', 400: 'Bad Request', 404: 'Not Found', 405: 'Not Allowed',
  502: 'Bad Gateway', 503: 'Service Temporarily Unavailable', 504: 'Gateway Time-out',
};
