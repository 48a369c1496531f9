/**
 * pods/portforward: SPDY/3.1, either inside a WebSocket (subprotocol `SPDY/3.1+portforward.k8s.io`,
 * kubectl 1.31+: binary messages carry the raw SPDY byte stream) or as a plain SPDY upgrade
 * (`X-Stream-Protocol-Version: portforward.k8s.io`). Each local connection is a pair of streams
 * sharing a `requestid`: `error` and `data` for one `port`. Models the kubelet's
 * cri/streaming/portforward httpStreamHandler (error text written on the error stream, then both
 * streams closed).
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Status } from '../../../engine/api';
import { badRequest, writeHttpError } from './exec';
import type { UpgradeOptions } from './exec';
import { HttpConnection } from './http-bridge';
import type { HttpHandler } from './http-bridge';
import { SpdySession } from './spdy';
import type { SpdyStream } from './spdy';
import { acceptSpdy, isSpdyUpgrade, negotiate } from './spdy-upgrade';
import { acceptWebSocket, closeFrame, encodeFrame, FrameReader, isWebSocketUpgrade, OP, offeredProtocols } from './websocket';

/** PORT_FORWARD_PROTOCOL is the stream protocol of port-forwarding over SPDY. */
export const PORT_FORWARD_PROTOCOL = 'portforward.k8s.io';

/** PORT_FORWARD_WS_PROTOCOL is the WebSocket subprotocol that tunnels the SPDY session. */
export const PORT_FORWARD_WS_PROTOCOL = 'SPDY/3.1+portforward.k8s.io';

/** Dialed is the outcome of connecting to a port in the pod: an HTTP server, a non-HTTP listener, or the runtime's error. */
export type Dialed = { http?: HttpHandler } | { error: string };

/** PortForwardTarget is a pod's network namespace: dial connects to a port inside it. */
export interface PortForwardTarget { dial(port: number): Dialed; now(): number }

/** PortForwardProvider resolves namespace/pod to a target, or the HTTP error the apiserver/kubelet gives before the upgrade. */
export type PortForwardProvider = (ns: string, pod: string) => PortForwardTarget | { code: number; status?: Status; text?: string };

/** handlePortForward serves one pods/portforward upgrade request. */
export function handlePortForward(opts: UpgradeOptions, req: IncomingMessage, socket: Duplex, head: Buffer, ns: string, pod: string, done: (code: number) => void): void {
  if (!opts.portForward) { done(400); writeHttpError(socket, 400, { status: badRequest('pods/portforward streams are not served by this host') }); return; }
  opts.beforeRequest?.();
  let target: ReturnType<PortForwardProvider>;
  try { target = opts.portForward(ns, pod); } finally { opts.afterRequest?.(); }
  if (!('dial' in target)) { done(target.code); writeHttpError(socket, target.code, target); return; }
  const t = target;
  const sync = <T>(fn: () => T): T => { opts.beforeRequest?.(); try { return fn(); } finally { opts.afterRequest?.(); } };
  const dial = (port: number) => sync(() => t.dial(port));

  if (isWebSocketUpgrade(req) && offeredProtocols(req).includes(PORT_FORWARD_WS_PROTOCOL)) {
    acceptWebSocket(req, socket, PORT_FORWARD_WS_PROTOCOL);
    done(101);
    let open = true;
    const session = portForwardSession((b) => { if (open) socket.write(encodeFrame(OP.binary, b)); }, dial, () => t.now(), sync);
    const reader = new FrameReader();
    const onBytes = (chunk: Buffer) => {
      for (const msg of reader.push(chunk)) {
        if (msg.opcode === OP.close) { if (open) { open = false; socket.write(closeFrame(1000)); socket.end(); } return; }
        if (msg.opcode === OP.ping) { socket.write(encodeFrame(OP.pong, msg.data)); continue; }
        if (msg.opcode === OP.binary || msg.opcode === OP.text) session.push(msg.data);
      }
    };
    socket.on('data', onBytes);
    socket.on('close', () => { open = false; });
    if (head.length) onBytes(head);
    return;
  }
  const protocol = isSpdyUpgrade(req) ? negotiate(req, [PORT_FORWARD_PROTOCOL]) : undefined;
  if (!protocol) { done(400); writeHttpError(socket, 400, { status: badRequest(`pods/portforward needs a WebSocket (${PORT_FORWARD_WS_PROTOCOL}) or SPDY/3.1 (${PORT_FORWARD_PROTOCOL}) upgrade`) }); return; }
  acceptSpdy(socket, protocol);
  done(101);
  let open = true;
  const session = portForwardSession((b) => { if (open) socket.write(b); }, dial, () => t.now(), sync);
  socket.on('data', (chunk: Buffer) => session.push(chunk));
  socket.on('close', () => { open = false; });
  if (head.length) session.push(head);
}

/** portForwardSession pairs each request's error and data streams and connects them to the pod's port. */
export function portForwardSession(write: (b: Buffer) => void, dial: (port: number) => Dialed, now: () => number, sync: <T>(fn: () => T) => T): SpdySession {
  const pairs = new Map<string, { error?: SpdyStream; data?: SpdyStream }>();
  return new SpdySession({
    write,
    onStream: (s) => {
      const id = s.headers.requestid ?? '';
      const pair = pairs.get(id) ?? {};
      pairs.set(id, pair);
      if (s.headers.streamtype === 'error') pair.error = s;
      else if (s.headers.streamtype === 'data') pair.data = s;
      else { s.end(); return; }
      if (!pair.error || !pair.data) return;
      pairs.delete(id);
      forward(pair.error, pair.data, Number(s.headers.port), dial, now, sync);
    },
  });
}

function forward(error: SpdyStream, data: SpdyStream, port: number, dial: (port: number) => Dialed, now: () => number, sync: <T>(fn: () => T) => T): void {
  const close = () => { data.end(); error.end(); };
  const d = dial(port);
  if ('error' in d) { error.write(d.error); close(); return; }
  if (!d.http) {
    // A listener that is not an HTTP server: accept the bytes, say nothing, close with the client.
    data.onEnd(close);
    return;
  }
  const handler = d.http;
  const conn = new HttpConnection({ handler: (r) => sync(() => handler(r)), port, now, write: (b) => data.write(b), close });
  data.onData((chunk) => conn.push(chunk));
  data.onEnd(close);
}
