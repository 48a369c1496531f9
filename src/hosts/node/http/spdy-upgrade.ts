/**
 * The HTTP side of a SPDY/3.1 upgrade (k8s.io/apimachinery httpstream/spdy): recognising the
 * request and answering 101 with the negotiated X-Stream-Protocol-Version.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

/** isSpdyUpgrade reports a `Connection: Upgrade` / `Upgrade: SPDY/3.1` request. */
export function isSpdyUpgrade(req: IncomingMessage): boolean {
  return (req.headers.upgrade ?? '').toLowerCase().split(',').some((p) => p.trim() === 'spdy/3.1');
}

/** clientStreamProtocols lists the X-Stream-Protocol-Version values the client offered, in its order. */
export function clientStreamProtocols(req: IncomingMessage): string[] {
  const h = req.headers['x-stream-protocol-version'];
  return (Array.isArray(h) ? h.join(',') : h ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

/** negotiate picks the client's first protocol the server supports (httpstream.Handshake), or undefined. */
export function negotiate(req: IncomingMessage, server: readonly string[]): string | undefined {
  return clientStreamProtocols(req).find((p) => server.includes(p));
}

/** acceptSpdy writes the 101 answer that switches the connection to SPDY/3.1. */
export function acceptSpdy(socket: Duplex, protocol: string): void {
  socket.write(['HTTP/1.1 101 Switching Protocols', 'Connection: Upgrade', 'Upgrade: SPDY/3.1', `X-Stream-Protocol-Version: ${protocol}`, '', ''].join('\r\n'));
}
