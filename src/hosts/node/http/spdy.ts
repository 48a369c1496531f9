/**
 * A minimal SPDY/3.1 server session, the framing kubectl's streams use (moby/spdystream on the
 * client): control frames SYN_STREAM/SYN_REPLY/RST_STREAM/PING/GOAWAY, DATA frames, and header
 * blocks compressed with one zlib stream per direction and the SPDY/3 dictionary. Frames may be
 * split anywhere across the transport's chunks (the Go framer writes field by field), so bytes are
 * reassembled here. No flow control: kubectl's peer (spdystream) does not enforce windows.
 */
import { constants, inflateSync } from 'node:zlib';
import { adler32, SPDY3_DICTIONARY } from './spdy-dictionary';

/** FRAME are the SPDY/3 control frame types handled here. */
export const FRAME = { synStream: 1, synReply: 2, rstStream: 3, settings: 4, ping: 6, goAway: 7, headers: 8, windowUpdate: 9 } as const;

/** FLAG_FIN half-closes a stream (on SYN_STREAM, SYN_REPLY and DATA frames). */
export const FLAG_FIN = 0x01;

/** RST_CANCEL is the RST_STREAM status kubectl sends when it is done with a port-forward stream. */
export const RST_CANCEL = 5;

const MAX_DATA = 32 * 1024;

/** SpdyStream is one stream the client opened. */
export interface SpdyStream {
  /** id is the client-chosen (odd) stream id. */
  readonly id: number;
  /** headers are the SYN_STREAM headers, names lower-cased, first value only. */
  readonly headers: Readonly<Record<string, string>>;
  /** write sends DATA on the stream (nothing once it is closed locally). */
  write(data: Buffer | string): void;
  /** end half-closes the stream from the server side (empty DATA with FIN). */
  end(): void;
  /** onData registers a handler for the client's DATA payloads. */
  onData(fn: (data: Buffer) => void): void;
  /** onEnd registers a handler for the client's half-close (FIN) or reset. */
  onEnd(fn: () => void): void;
  /** remoteClosed tells whether the client has half-closed or reset the stream. */
  remoteClosed(): boolean;
}

/** encodeHeaderBlock serializes headers as SPDY/3's uncompressed name/value block. */
export function encodeHeaderBlock(headers: Record<string, string>): Buffer {
  const parts: Buffer[] = [u32(Object.keys(headers).length)];
  for (const [k, v] of Object.entries(headers)) {
    const name = Buffer.from(k.toLowerCase(), 'utf8'), value = Buffer.from(v, 'utf8');
    parts.push(u32(name.length), name, u32(value.length), value);
  }
  return Buffer.concat(parts);
}

/** decodeHeaderBlock parses an uncompressed name/value block (multi-values are NUL-separated: first wins). */
export function decodeHeaderBlock(block: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let off = 4;
  const n = block.readUInt32BE(0);
  for (let i = 0; i < n; i++) {
    const kl = block.readUInt32BE(off); off += 4;
    const k = block.subarray(off, off + kl).toString('utf8'); off += kl;
    const vl = block.readUInt32BE(off); off += 4;
    const v = block.subarray(off, off + vl).toString('utf8'); off += vl;
    out[k.toLowerCase()] = v.split('\0')[0];
  }
  return out;
}

/**
 * HeaderCompressor writes header blocks as zlib *stored* blocks on one stream: the zlib header
 * (with the dictionary id) once, then per block a stored block plus an empty one (a sync flush,
 * without which Go's flate reader holds the bytes back).
 */
export class HeaderCompressor {
  private started = false;

  /** compress returns the bytes of one header block on the shared stream. */
  compress(block: Buffer): Buffer {
    const parts: Buffer[] = [];
    if (!this.started) {
      this.started = true;
      parts.push(Buffer.from([0x78, 0xf9]), u32(adler32(SPDY3_DICTIONARY)));
    }
    for (let off = 0; off < block.length || off === 0; off += 0xffff) {
      const chunk = block.subarray(off, off + 0xffff);
      parts.push(storedHeader(chunk.length), chunk);
      if (block.length === 0) break;
    }
    parts.push(storedHeader(0));
    return Buffer.concat(parts);
  }
}

/** HeaderDecompressor reads the client's header blocks: it re-inflates the stream so far and keeps the new output. */
export class HeaderDecompressor {
  private input: Buffer[] = [];
  private produced = 0;

  /** decompress returns the uncompressed bytes of the next header block. */
  decompress(compressed: Buffer): Buffer {
    this.input.push(compressed);
    const all = inflateSync(Buffer.concat(this.input), { dictionary: SPDY3_DICTIONARY, finishFlush: constants.Z_SYNC_FLUSH });
    const fresh = all.subarray(this.produced);
    this.produced = all.length;
    return fresh;
  }
}

/** SpdySessionOptions connect a session to its transport and its stream handler. */
export interface SpdySessionOptions {
  /** write sends bytes to the client (over the socket, or inside WebSocket messages). */
  write(bytes: Buffer): void;
  /** onStream receives each new client stream after the SYN_REPLY was sent. */
  onStream(stream: SpdyStream): void;
  /** onError reports a protocol error (the session is then unusable). */
  onError?(message: string): void;
}

interface StreamState {
  stream: SpdyStream;
  localClosed: boolean;
  remoteClosed: boolean;
  data: ((d: Buffer) => void)[];
  end: (() => void)[];
  pending: Buffer[];
}

/** SpdySession is the server side of one SPDY/3.1 connection. */
export class SpdySession {
  private buf: Buffer = Buffer.alloc(0);
  private readonly streams = new Map<number, StreamState>();
  private readonly deflate = new HeaderCompressor();
  private readonly inflate = new HeaderDecompressor();
  private closed = false;

  constructor(private readonly opts: SpdySessionOptions) {}

  /** push feeds bytes received from the client. */
  push(chunk: Buffer): void {
    if (this.closed) return;
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    while (this.buf.length >= 8) {
      const len = this.buf.readUIntBE(5, 3);
      if (this.buf.length < 8 + len) return;
      const frame = this.buf.subarray(0, 8 + len);
      this.buf = this.buf.subarray(8 + len);
      try { this.frame(frame); } catch (e) {
        this.closed = true;
        this.opts.onError?.(e instanceof Error ? e.message : String(e));
        return;
      }
    }
  }

  /** goAway tells the client no new streams will be accepted (sent before closing the transport). */
  goAway(): void {
    if (this.closed) return;
    this.closed = true;
    this.opts.write(control(FRAME.goAway, 0, Buffer.concat([u32(0), u32(0)])));
  }

  private frame(f: Buffer): void {
    const flags = f[4];
    const body = f.subarray(8);
    if ((f[0] & 0x80) === 0) { this.data(f.readUInt32BE(0) & 0x7fffffff, flags, body); return; }
    switch (f.readUInt16BE(2)) {
      case FRAME.synStream: this.synStream(body.readUInt32BE(0) & 0x7fffffff, flags, body.subarray(10)); return;
      case FRAME.rstStream: this.remoteEnd(body.readUInt32BE(0) & 0x7fffffff); return;
      case FRAME.ping: this.opts.write(Buffer.from(f)); return;
      case FRAME.headers: this.inflate.decompress(body.subarray(4)); return;
      case FRAME.goAway: return;
      default: return; // SETTINGS, WINDOW_UPDATE: nothing to do without flow control.
    }
  }

  private synStream(id: number, flags: number, compressed: Buffer): void {
    const headers = decodeHeaderBlock(this.inflate.decompress(compressed));
    const st: StreamState = { stream: undefined as unknown as SpdyStream, localClosed: false, remoteClosed: false, data: [], end: [], pending: [] };
    st.stream = {
      id, headers,
      write: (data) => {
        if (st.localClosed || this.closed) return;
        const b = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
        for (let off = 0; off < b.length; off += MAX_DATA) this.opts.write(dataFrame(id, 0, b.subarray(off, off + MAX_DATA)));
      },
      end: () => {
        if (st.localClosed || this.closed) return;
        st.localClosed = true;
        this.opts.write(dataFrame(id, FLAG_FIN, Buffer.alloc(0)));
      },
      onData: (fn) => { st.data.push(fn); for (const p of st.pending.splice(0)) fn(p); },
      onEnd: (fn) => { st.end.push(fn); if (st.remoteClosed) fn(); },
      remoteClosed: () => st.remoteClosed,
    };
    this.streams.set(id, st);
    this.opts.write(control(FRAME.synReply, 0, Buffer.concat([u32(id), this.deflate.compress(encodeHeaderBlock({}))])));
    if (flags & FLAG_FIN) st.remoteClosed = true;
    this.opts.onStream(st.stream);
  }

  private data(id: number, flags: number, payload: Buffer): void {
    const st = this.streams.get(id);
    if (!st) return;
    if (payload.length) {
      const copy = Buffer.from(payload);
      if (st.data.length) for (const fn of st.data) fn(copy); else st.pending.push(copy);
    }
    if (flags & FLAG_FIN) this.remoteEnd(id);
  }

  private remoteEnd(id: number): void {
    const st = this.streams.get(id);
    if (!st || st.remoteClosed) return;
    st.remoteClosed = true;
    for (const fn of st.end) fn();
  }
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0, 0);
  return b;
}

function storedHeader(len: number): Buffer {
  // BFINAL=0, BTYPE=00 (stored), padded to a byte; then LEN and NLEN, little-endian.
  return Buffer.from([0x00, len & 0xff, len >> 8, ~len & 0xff, (~len >> 8) & 0xff]);
}

function control(type: number, flags: number, body: Buffer): Buffer {
  const h = Buffer.alloc(8);
  h.writeUInt16BE(0x8003, 0);
  h.writeUInt16BE(type, 2);
  h[4] = flags;
  h.writeUIntBE(body.length, 5, 3);
  return Buffer.concat([h, body]);
}

function dataFrame(id: number, flags: number, payload: Buffer): Buffer {
  const h = Buffer.alloc(8);
  h.writeUInt32BE(id & 0x7fffffff, 0);
  h[4] = flags;
  h.writeUIntBE(payload.length, 5, 3);
  return Buffer.concat([h, payload]);
}
