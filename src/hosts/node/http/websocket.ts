/**
 * A minimal RFC 6455 WebSocket server side: the handshake, binary/close/ping frames out, and a
 * reassembling frame reader for masked client frames. Enough for kubectl's `v5.channel.k8s.io`.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** OP are the WebSocket opcodes used here. */
export const OP = { continuation: 0, text: 1, binary: 2, close: 8, ping: 9, pong: 10 } as const;

/** acceptKey computes Sec-WebSocket-Accept for a client's Sec-WebSocket-Key. */
export function acceptKey(key: string): string {
  return createHash('sha1').update(key + GUID).digest('base64');
}

/** offeredProtocols lists the subprotocols a client offered in Sec-WebSocket-Protocol. */
export function offeredProtocols(req: IncomingMessage): string[] {
  const h = req.headers['sec-websocket-protocol'];
  return (Array.isArray(h) ? h.join(',') : h ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

/** isWebSocketUpgrade reports a WebSocket upgrade request (as opposed to SPDY). */
export function isWebSocketUpgrade(req: IncomingMessage): boolean {
  return (req.headers.upgrade ?? '').toLowerCase() === 'websocket' && typeof req.headers['sec-websocket-key'] === 'string';
}

/** acceptWebSocket writes the 101 answer selecting protocol. */
export function acceptWebSocket(req: IncomingMessage, socket: Duplex, protocol: string): void {
  socket.write([
    'HTTP/1.1 101 Switching Protocols',
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Accept: ${acceptKey(String(req.headers['sec-websocket-key']))}`,
    `Sec-WebSocket-Protocol: ${protocol}`,
    '', '',
  ].join('\r\n'));
}

/** encodeFrame builds one unmasked, final server frame. */
export function encodeFrame(opcode: number, payload: Buffer): Buffer {
  const n = payload.length;
  let head: Buffer;
  if (n < 126) head = Buffer.from([0x80 | opcode, n]);
  else if (n < 65536) { head = Buffer.alloc(4); head[0] = 0x80 | opcode; head[1] = 126; head.writeUInt16BE(n, 2); }
  else { head = Buffer.alloc(10); head[0] = 0x80 | opcode; head[1] = 127; head.writeBigUInt64BE(BigInt(n), 2); }
  return Buffer.concat([head, payload]);
}

/** closeFrame builds a close frame with a status code (1000 = normal). */
export function closeFrame(code = 1000): Buffer {
  const p = Buffer.alloc(2);
  p.writeUInt16BE(code, 0);
  return encodeFrame(OP.close, p);
}

/** Message is one complete (reassembled) client message. */
export interface Message { opcode: number; data: Buffer }

/**
 * FrameReader turns the client's byte stream into messages: it unmasks, joins continuation
 * frames and keeps partial frames until the rest arrives.
 */
export class FrameReader {
  private buf: Buffer = Buffer.alloc(0);
  private parts: Buffer[] = [];
  private partOp = 0;

  /** push adds bytes and returns every message completed by them. */
  push(chunk: Buffer): Message[] {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    const out: Message[] = [];
    for (;;) {
      const f = this.next();
      if (!f) return out;
      if (f.opcode >= 8) { out.push({ opcode: f.opcode, data: f.data }); continue; }
      if (f.opcode !== OP.continuation) this.partOp = f.opcode;
      this.parts.push(f.data);
      if (f.fin) {
        out.push({ opcode: this.partOp, data: Buffer.concat(this.parts) });
        this.parts = [];
      }
    }
  }

  private next(): { fin: boolean; opcode: number; data: Buffer } | undefined {
    const b = this.buf;
    if (b.length < 2) return undefined;
    const fin = (b[0] & 0x80) !== 0, opcode = b[0] & 0x0f, masked = (b[1] & 0x80) !== 0;
    let len = b[1] & 0x7f, off = 2;
    if (len === 126) { if (b.length < 4) return undefined; len = b.readUInt16BE(2); off = 4; }
    else if (len === 127) { if (b.length < 10) return undefined; len = Number(b.readBigUInt64BE(2)); off = 10; }
    const maskOff = off;
    if (masked) off += 4;
    if (b.length < off + len) return undefined;
    const data = Buffer.from(b.subarray(off, off + len));
    if (masked) for (let i = 0; i < data.length; i++) data[i] ^= b[maskOff + (i & 3)];
    this.buf = b.subarray(off + len);
    return { fin, opcode, data };
  }
}
