/**
 * Raw HTTP/1.1 bytes ↔ a simulated program's HTTP handler, for port-forwarded TCP connections:
 * requests are parsed as they arrive (keep-alive, Content-Length bodies), each becomes one
 * handler call, and the answer is serialized the way the program's real server would write it.
 */

/** BridgeRequest is what the handler receives (the engine's images HttpRequest shape). */
export interface BridgeRequest { method: string; path: string; headers: Record<string, string>; remoteAddr: string; port: number }

/** BridgeResponse is the handler's answer (the engine's images HttpResponse shape). */
export interface BridgeResponse { status: number; headers?: Record<string, string>; body: string; delayMs?: number }

/** HttpHandler answers one request. */
export type HttpHandler = (req: BridgeRequest) => BridgeResponse;

const STATUS_TEXT: Record<number, string> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified',
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Not Allowed',
  500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable',
};

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** httpDate formats ms as an IMF-fixdate (`Sun, 22 Nov 2026 17:05:00 GMT`). */
export function httpDate(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} GMT`;
}

/** serializeResponse writes one HTTP/1.1 response (headers in the handler's order, then Date, Content-Length, Connection). */
export function serializeResponse(res: BridgeResponse, method: string, now: number, keepAlive: boolean): Buffer {
  const body = Buffer.from(res.body, 'utf8');
  const lines = [`HTTP/1.1 ${res.status} ${STATUS_TEXT[res.status] ?? 'Unknown'}`];
  const given = Object.entries(res.headers ?? {});
  const server = given.find(([k]) => k.toLowerCase() === 'server');
  if (server) lines.push(`Server: ${server[1]}`);
  lines.push(`Date: ${httpDate(now)}`);
  for (const [k, v] of given) if (k.toLowerCase() !== 'server' && k.toLowerCase() !== 'content-length') lines.push(`${k}: ${v}`);
  lines.push(`Content-Length: ${body.length}`, `Connection: ${keepAlive ? 'keep-alive' : 'close'}`, '', '');
  return Buffer.concat([Buffer.from(lines.join('\r\n'), 'utf8'), method === 'HEAD' ? Buffer.alloc(0) : body]);
}

/** HttpConnection is one forwarded TCP connection to an HTTP server program. */
export class HttpConnection {
  private buf: Buffer = Buffer.alloc(0);
  private closed = false;

  constructor(private readonly o: {
    handler: HttpHandler;
    port: number;
    now(): number;
    /** write sends bytes back to the client. */
    write(b: Buffer): void;
    /** close ends the connection from the server side (after `Connection: close`). */
    close(): void;
  }) {}

  /** push feeds client bytes; complete requests are answered in order. */
  push(chunk: Buffer): void {
    if (this.closed) return;
    this.buf = Buffer.concat([this.buf, chunk]);
    for (;;) {
      const end = this.buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = this.buf.subarray(0, end).toString('latin1').split('\r\n');
      const [method = 'GET', path = '/', version = 'HTTP/1.1'] = (head[0] ?? '').split(' ');
      const headers: Record<string, string> = {};
      for (const line of head.slice(1)) {
        const i = line.indexOf(':');
        if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      const len = Number(headers['content-length'] ?? 0) || 0;
      if (this.buf.length < end + 4 + len) return;
      this.buf = this.buf.subarray(end + 4 + len);
      const keepAlive = version === 'HTTP/1.1' ? headers.connection?.toLowerCase() !== 'close' : headers.connection?.toLowerCase() === 'keep-alive';
      const res = this.o.handler({ method, path, headers, remoteAddr: '127.0.0.1', port: this.o.port });
      this.o.write(serializeResponse(res, method, this.o.now(), keepAlive));
      if (!keepAlive) { this.closed = true; this.o.close(); return; }
    }
  }
}
