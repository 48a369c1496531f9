/**
 * The HTTP API host: serves the in-process ApiServer over plain HTTP on 127.0.0.1 so the real
 * kubectl (and curl) can drive a sandbox cluster. A thin mapping: every request becomes one
 * ApiServer.handle call; watch and log streams become chunked responses.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { ApiRequest, ApiResponse, ApiServer } from '../../../engine/api';
import { encodeBody } from '../../../engine/api';
import { failure, toApiRequest, warningHeader } from './request';
import { handleUpgrade } from './exec';
import type { ExecProvider } from './exec';
import type { PortForwardProvider } from './portforward';

/** LOOPBACK is the only address the host ever listens on: the sandbox has no auth and no TLS. */
export const LOOPBACK = '127.0.0.1';

/** MAX_BODY_BYTES mirrors the apiserver's 3 MiB request size limit. */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

/** HttpServerOptions configure startHttpServer. */
export interface HttpServerOptions {
  /** api is the in-process API server every request is handed to. */
  api: Pick<ApiServer, 'handle'>;
  /** port to listen on; 0 picks a free one (tests). */
  port: number;
  /** host must be 127.0.0.1 (anything else is refused). */
  host?: typeof LOOPBACK;
  /** beforeRequest runs before each handle() (the host brings virtual time up to date). */
  beforeRequest?: () => void;
  /** afterRequest runs after each handle() (the host runs timers that became due). */
  afterRequest?: () => void;
  /** exec runs `kubectl exec` commands (WebSocket v5.channel.k8s.io); without it exec upgrades get 400. */
  exec?: ExecProvider;
  /** portForward serves `kubectl port-forward` (SPDY, plain or inside a WebSocket); without it those upgrades get 400. */
  portForward?: PortForwardProvider;
  /** log receives one access-log line per request (method, URL, code, ms), when set. */
  log?: (line: string) => void;
}

/** HttpHost is a listening HTTP API host. */
export interface HttpHost {
  /** port is the port actually bound. */
  port: number;
  /** url is `http://127.0.0.1:<port>`. */
  url: string;
  /** server is the underlying Node server. */
  server: Server;
  /** close ends every open watch/log stream and stops listening. */
  close(): Promise<void>;
}

/** startHttpServer listens on 127.0.0.1:port and serves api until closed. */
export function startHttpServer(opts: HttpServerOptions): Promise<HttpHost> {
  const host = opts.host ?? LOOPBACK;
  if (host !== LOOPBACK) return Promise.reject(new Error(`refusing to listen on ${String(host)}: the sandbox API host listens on ${LOOPBACK} only`));
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => { void serveOne(opts, req, res); });
  server.on('upgrade', (req, socket, head) => handleUpgrade(opts, req, socket, head));
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  // Watches are long-lived: no request/headers timeout may cut them.
  server.requestTimeout = 0;
  server.headersTimeout = 60_000;
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => {
      server.off('error', reject);
      const port = (server.address() as AddressInfo).port;
      resolve({
        port, url: `http://${host}:${port}`, server,
        close: () => new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
          for (const s of sockets) s.destroy();
        }),
      });
    });
  });
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) { resolve(undefined); req.destroy(); return; }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function serveOne(opts: HttpServerOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = performance.now();
  let code = 500;
  try {
    const body = await readBody(req);
    let out: ApiResponse;
    let apiReq: ApiRequest | undefined;
    if (body === undefined) {
      out = failure(413, 'RequestEntityTooLarge', 'Request entity too large: limit is 3145728');
    } else {
      const mapped = toApiRequest({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body });
      if (!('error' in mapped)) apiReq = mapped.req;
      out = apiReq ? handle(opts, apiReq) : (mapped as { error: ApiResponse }).error;
    }
    code = out.code;
    writeResponse(req, res, out, apiReq);
  } catch (e) {
    if (!res.headersSent) writeResponse(req, res, failure(500, 'InternalError', `Internal error occurred: ${e instanceof Error ? e.message : String(e)}`));
    else res.destroy();
  } finally {
    opts.log?.(`${req.method} ${req.url} ${code} ${(performance.now() - started).toFixed(1)}ms`);
  }
}

function handle(opts: HttpServerOptions, req: ApiRequest): ApiResponse {
  opts.beforeRequest?.();
  try {
    return opts.api.handle(req);
  } finally {
    opts.afterRequest?.();
  }
}

function baseHeaders(out: ApiResponse, fallbackType: string): Record<string, string | string[]> {
  const h: Record<string, string | string[]> = { 'Cache-Control': 'no-cache, private' };
  let hasType = false;
  for (const [k, v] of Object.entries(out.headers ?? {})) {
    h[k] = v;
    if (k.toLowerCase() === 'content-type') hasType = true;
  }
  if (!hasType) h['Content-Type'] = fallbackType;
  if (out.warnings?.length) h['Warning'] = out.warnings.map(warningHeader);
  return h;
}

/** writeResponse writes one ApiResponse: JSON, text, a watch stream or a text stream. */
function writeResponse(req: IncomingMessage, res: ServerResponse, out: ApiResponse, apiReq?: ApiRequest): void {
  if (out.watch) {
    const watch = out.watch;
    res.writeHead(out.code, baseHeaders(out, 'application/json'));
    // Send headers now: kubectl's informers block on the round trip until they arrive.
    res.flushHeaders();
    let open = true;
    res.on('close', () => { if (open) { open = false; watch.close(); } });
    watch.onEvent((ev) => { if (open) res.write(JSON.stringify(ev) + '\n'); });
    watch.onClose(() => { if (open) { open = false; res.end(); } });
    return;
  }
  if (out.stream) {
    const stream = out.stream;
    res.writeHead(out.code, baseHeaders(out, 'text/plain'));
    res.flushHeaders();
    if (out.text) res.write(out.text);
    let open = true;
    res.on('close', () => { if (open) { open = false; stream.close(); } });
    stream.onData((chunk) => { if (open) res.write(chunk); });
    stream.onClose(() => { if (open) { open = false; res.end(); } });
    return;
  }
  if (out.text !== undefined) {
    const payload = Buffer.from(out.text, 'utf8');
    res.writeHead(out.code, { ...baseHeaders(out, 'text/plain'), 'Content-Length': String(payload.length) });
    res.end(req.method === 'HEAD' ? undefined : payload);
    return;
  }
  const payload = Buffer.from(encodeBody(apiReq ?? { method: 'GET', path: '' }, out), 'utf8');
  res.writeHead(out.code, { ...baseHeaders(out, 'application/json'), 'Content-Length': String(payload.length) });
  res.end(payload);
}
