// Models the registry.k8s.io/ingress-nginx/controller image (the Go controller plus its nginx) and the
// kube-webhook-certgen image its admission Jobs run. Routing itself lives in the cluster network
// (network/ingress); the controller process here logs, answers its health port and the default backend.
import type { HttpRequest, HttpResponse, ImageSpec, ProgramContext } from './types';
import { BUSYBOX_BINARIES, effectiveArgv, makeServer, runCommandLine } from './program';
import { accessTime, logTime } from './log-time';
import { hex64 } from './digest';
import { nginxErrorPage } from './nginx';

/** INGRESS_ACCESS_HEADER carries the outcome of a proxied request (JSON IngressAccess) to the controller process, which logs it. */
export const INGRESS_ACCESS_HEADER = 'x-sandbox-ingress-access';

/** IngressAccess is what the network tells the controller about one request it proxied (for the access log). */
export interface IngressAccess {
  status: number;
  bytes: number;
  /** upstream is `$proxy_upstream_name` (`default-kubia-80`, `upstream-default-backend`), '' when none. */
  upstream: string;
  /** addr is `$upstream_addr` (`10.244.1.5:8080`), '-' when nothing was contacted. */
  addr: string;
  upstreamStatus?: number;
  upstreamBytes?: number;
  durationMs: number;
}

const NGINX_VERSION = '1.25.5';
const TAGS = ['v1.10.0', 'v1.10.1', 'v1.11.0', 'v1.11.2', 'v1.11.3', 'v1.11.5',
  ...[0, 1, 2, 3, 4, 5, 6, 7, 8].map((p) => `v1.12.${p}`), ...[0, 1, 2, 3, 4].map((p) => `v1.13.${p}`), 'v1.14.0'];
const BUILDS: Record<string, string> = { 'v1.12.0': 'ba7d5c2b6f2b4c9e1e0b8b4c5b6ea0d3c4c5d5a1', 'v1.12.1': '51c2b819690bbf1709b844dbf321a9acf6eda5a7' };

const klog = (ms: number, level: 'I' | 'W', file: string, msg: string) => {
  const d = new Date(ms).toISOString();
  return `${level}${d.slice(5, 7)}${d.slice(8, 10)} ${d.slice(11, 23)}000       7 ${file}] ${msg}`;
};

/** nginxPage is nginx's built-in error page with server_tokens off (ingress-nginx hides the version). */
export function nginxPage(status: number): string { return nginxErrorPage(status, 'nginx'); }

const secs = (ms: number) => (Math.max(0, ms) / 1000).toFixed(3);

/** ingressAccessLine formats one line of ingress-nginx's `upstreaminfo` log format. */
export function ingressAccessLine(now: number, req: HttpRequest, a: IngressAccess, reqId: string): string {
  const ua = req.headers['user-agent'] ?? '-';
  const referer = req.headers.referer ?? '-';
  const reqLen = `${req.method} ${req.path} HTTP/1.1`.length + 2 + Object.entries(req.headers).filter(([k]) => k !== INGRESS_ACCESS_HEADER).reduce((n, [k, v]) => n + k.length + v.length + 4, 0) + 2;
  const up = a.addr === '-' ? '- - - -' : `${a.addr} ${a.upstreamBytes ?? 0} ${secs(a.durationMs)} ${a.upstreamStatus ?? a.status}`;
  return `${req.remoteAddr} - - ${accessTime(now)} "${req.method} ${req.path} HTTP/1.1" ${a.status} ${a.bytes} "${referer}" "${ua}" ${reqLen} ${secs(a.durationMs)} [${a.upstream}] [] ${up} ${reqId}`;
}

function startLines(ctx: ProgramContext, version: string): string[] {
  const t = ctx.now();
  const ns = ctx.env.POD_NAMESPACE ?? 'ingress-nginx';
  return [
    '-------------------------------------------------------------------------------',
    'NGINX Ingress controller',
    `  Release:       ${version}`,
    `  Build:         ${BUILDS[version] ?? hex64(version).slice(0, 40)}`,
    '  Repository:    https://github.com/kubernetes/ingress-nginx',
    `  nginx version: nginx/${NGINX_VERSION}`,
    '',
    '-------------------------------------------------------------------------------',
    '',
    klog(t, 'W', 'client_config.go:667', 'Neither --kubeconfig nor --master was specified.  Using the inClusterConfig.  This might not work.'),
    klog(t, 'I', 'main.go:205', '"Creating API client" host="https://10.96.0.1:443"'),
    klog(t, 'I', 'main.go:248', '"Running in Kubernetes cluster" major="1" minor="32" git="v1.32.4" state="clean" commit="59526cd4867447956156ae3a602fcbac10a2c335" platform="linux/amd64"'),
    klog(t, 'I', 'main.go:101', '"SSL fake certificate created" file="/etc/ingress-controller/ssl/default-fake-certificate.pem"'),
    klog(t, 'I', 'ssl.go:535', '"loading tls certificate" path="/usr/local/certificates/cert" key="/usr/local/certificates/key"'),
    klog(t, 'I', 'nginx.go:271', '"Starting NGINX Ingress controller"'),
    klog(t, 'I', 'event.go:377', `Event(v1.ObjectReference{Kind:"ConfigMap", Namespace:"${ns}", Name:"ingress-nginx-controller", APIVersion:"v1", FieldPath:""}): type: 'Normal' reason: 'CREATE' ConfigMap ${ns}/ingress-nginx-controller`),
    klog(t, 'I', 'nginx.go:317', '"Starting NGINX process"'),
    klog(t, 'I', 'leaderelection.go:257', `attempting to acquire leader lease ${ns}/ingress-nginx-leader...`),
    klog(t, 'I', 'nginx.go:337', '"Starting validation webhook" address=":8443" certPath="/usr/local/certificates/cert" keyPath="/usr/local/certificates/key"'),
    klog(t, 'I', 'controller.go:196', '"Configuration changes detected, backend reload required"'),
    klog(t, 'I', 'leaderelection.go:271', `successfully acquired lease ${ns}/ingress-nginx-leader`),
    klog(t, 'I', 'status.go:85', `"New leader elected" identity="${ctx.hostname}"`),
    klog(t, 'I', 'controller.go:216', '"Backend successfully reloaded"'),
    klog(t, 'I', 'controller.go:227', '"Initial sync, sleeping for 1 second"'),
    klog(t, 'I', 'event.go:377', `Event(v1.ObjectReference{Kind:"Pod", Namespace:"${ns}", Name:"${ctx.hostname}", UID:"", APIVersion:"v1", FieldPath:""}): type: 'Normal' reason: 'RELOAD' NGINX reload triggered due to a change in configuration`),
  ];
}

function startController(ctx: ProgramContext, image: ImageSpec, version: string) {
  const { argv } = effectiveArgv(ctx, image);
  if (!argv.some((a) => a.endsWith('nginx-ingress-controller'))) return runCommandLine(ctx, image, 'busybox', argv);
  for (const l of startLines(ctx, version)) ctx.log(l);
  let requests = 0;
  const log = (req: HttpRequest, a: IngressAccess) => ctx.log(ingressAccessLine(ctx.now(), req, a, hex64(`${ctx.hostname}/${ctx.now()}/${++requests}`).slice(0, 32)));
  const http = (req: HttpRequest): HttpResponse => {
    const path = req.path.split('?')[0];
    if (req.port === 10254) {
      if (path === '/healthz') return { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: 'ok' };
      if (path === '/metrics') return { status: 200, headers: { 'Content-Type': 'text/plain; version=0.0.4' }, body: '# HELP nginx_ingress_controller_success Cumulative number of Ingress controller reload operations\n# TYPE nginx_ingress_controller_success counter\nnginx_ingress_controller_success 1\n' };
      return { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: '404 page not found\n' };
    }
    if (req.port === 8443) return { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: 'Client sent an HTTP request to an HTTPS server.\n' };
    const outcome = req.headers[INGRESS_ACCESS_HEADER];
    if (outcome) {
      // The network proxied this request already (network/ingress serve): only the access log line is ours.
      const a = JSON.parse(outcome) as IngressAccess;
      log(req, a);
      return { status: a.status, body: '' };
    }
    // Reached without the network's routing: the catch-all server's default backend answers 404.
    const body = nginxPage(404);
    log(req, { status: 404, bytes: body.length, upstream: 'upstream-default-backend', addr: '127.0.0.1:8181', upstreamStatus: 404, upstreamBytes: body.length, durationMs: 0 });
    return { status: 404, headers: { 'Content-Type': 'text/html' }, body };
  };
  return makeServer(ctx, image, 'busybox', {
    ports: [80, 443, 8443, 10254],
    http,
    onSignal: (sig) => sig === 'SIGINT' ? undefined : {
      afterMs: 1_000,
      code: 0,
      lines: [
        klog(ctx.now(), 'I', 'sigterm.go:36', '"Received SIGTERM, shutting down"'),
        klog(ctx.now(), 'I', 'nginx.go:393', '"Shutting down controller queues"'),
        klog(ctx.now(), 'I', 'nginx.go:401', '"Stopping admission controller"'),
        klog(ctx.now(), 'I', 'nginx.go:409', '"Stopping NGINX process"'),
        `${logTime(ctx.now())} [notice] 28#28: signal process started`,
        klog(ctx.now(), 'I', 'nginx.go:422', '"NGINX process has stopped"'),
        klog(ctx.now(), 'I', 'sigterm.go:44', '"Handled quit, delaying controller exit for 10 seconds"'),
      ],
    },
  });
}

/** ingressNginxController builds registry.k8s.io/ingress-nginx/controller for tag (tags v1.10.0 … v1.14.0, no latest). */
export function ingressNginxController(tag: string): ImageSpec {
  const version = TAGS.includes(tag) ? tag : 'v1.12.0';
  const image: ImageSpec = {
    repository: 'registry.k8s.io/ingress-nginx/controller',
    tags: TAGS,
    noLatest: true,
    sizeBytes: 105_734_528,
    defaultCommand: ['/usr/bin/dumb-init', '--'],
    defaultArgs: ['/nginx-ingress-controller'],
    binaries: [...BUSYBOX_BINARIES, 'nginx', 'nginx-ingress-controller', 'dbg', 'wait-shutdown', 'dumb-init', 'curl'],
    description: `ingress-nginx controller ${version} with nginx ${NGINX_VERSION}`,
    start: (ctx) => startController(ctx, image, version),
  };
  return image;
}

/** KUBE_WEBHOOK_CERTGEN is registry.k8s.io/ingress-nginx/kube-webhook-certgen: the admission Jobs' one-shot program. */
export const KUBE_WEBHOOK_CERTGEN: ImageSpec = {
  repository: 'registry.k8s.io/ingress-nginx/kube-webhook-certgen',
  tags: ['v1.4.4', 'v1.5.0', 'v1.5.1', 'v1.5.2'],
  noLatest: true,
  sizeBytes: 28_435_112,
  defaultCommand: ['/kube-webhook-certgen'],
  defaultArgs: [],
  binaries: ['kube-webhook-certgen'],
  description: 'creates and patches the ingress-nginx admission webhook certificate',
  start(ctx) {
    const { argv } = effectiveArgv(ctx, KUBE_WEBHOOK_CERTGEN);
    const time = () => new Date(ctx.now()).toISOString().replace(/\.\d+Z$/, 'Z');
    const line = (msg: string, source: string) => `{"level":"info","msg":"${msg}","source":"${source}","time":"${time()}"}`;
    const ns = ctx.env.POD_NAMESPACE ?? 'ingress-nginx';
    const lines = argv.includes('patch')
      ? [line("patching webhook configurations 'ingress-nginx-admission' mutating=false, validating=true, failurePolicy=Fail", 'k8s/k8s.go:118'), line('Patched hook(s)', 'k8s/k8s.go:138')]
      : [line('creating new secret', 'cmd/create.go:28'), line(`secret ${ns}/ingress-nginx-admission created`, 'k8s/k8s.go:227')];
    const proc = makeServer(ctx, KUBE_WEBHOOK_CERTGEN, 'gnu', { ports: [] });
    ctx.after(800, () => { for (const l of lines) ctx.log(l); ctx.exit(0); });
    return proc;
  },
};

/** ingressNginxLookup is the catalog's entry for the ingress-nginx repositories (undefined for any other repository). */
export function ingressNginxLookup(repo: string, tag: string): { image: ImageSpec; strictTags: true } | undefined {
  if (repo === 'registry.k8s.io/ingress-nginx/controller') return { image: ingressNginxController(tag), strictTags: true };
  if (repo === 'registry.k8s.io/ingress-nginx/kube-webhook-certgen') return { image: KUBE_WEBHOOK_CERTGEN, strictTags: true };
  return undefined;
}
