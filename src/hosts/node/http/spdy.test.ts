import { describe, it, expect } from 'vitest';
import { constants, createDeflate, inflateSync } from 'node:zlib';
import { decodeHeaderBlock, encodeHeaderBlock, FLAG_FIN, FRAME, HeaderCompressor, SpdySession } from './spdy';
import type { SpdyStream } from './spdy';
import { adler32, SPDY3_DICTIONARY } from './spdy-dictionary';

/** goCompressor mimics Go's spdystream: one zlib stream with the dictionary, sync-flushed per header block. */
function goCompressor() {
  const z = createDeflate({ dictionary: SPDY3_DICTIONARY });
  return (block: Buffer) => new Promise<Buffer>((resolve) => {
    const parts: Buffer[] = [];
    const onData = (c: Buffer) => parts.push(c);
    z.on('data', onData);
    z.write(block);
    z.flush(constants.Z_SYNC_FLUSH, () => { z.off('data', onData); resolve(Buffer.concat(parts)); });
  });
}

function control(type: number, flags: number, body: Buffer): Buffer {
  const h = Buffer.alloc(8);
  h.writeUInt16BE(0x8003, 0); h.writeUInt16BE(type, 2); h[4] = flags; h.writeUIntBE(body.length, 5, 3);
  return Buffer.concat([h, body]);
}

function synStream(id: number, compressed: Buffer, flags = 0): Buffer {
  const b = Buffer.alloc(10);
  b.writeUInt32BE(id, 0);
  return control(FRAME.synStream, flags, Buffer.concat([b, compressed]));
}

function data(id: number, payload: Buffer, flags = 0): Buffer {
  const h = Buffer.alloc(8);
  h.writeUInt32BE(id, 0); h[4] = flags; h.writeUIntBE(payload.length, 5, 3);
  return Buffer.concat([h, payload]);
}

describe('SPDY/3.1', () => {
  it('has the SPDY/3 dictionary (1423 bytes, zlib id e3c6a7c2)', () => {
    expect(SPDY3_DICTIONARY.length).toBe(1423);
    expect(adler32(SPDY3_DICTIONARY).toString(16)).toBe('e3c6a7c2');
  });

  it('writes header blocks as stored deflate blocks on one shared stream that zlib reads back', () => {
    const c = new HeaderCompressor();
    const a = c.compress(encodeHeaderBlock({ streamtype: 'error' }));
    const b = c.compress(encodeHeaderBlock({ port: '80', requestid: '0' }));
    const all = inflateSync(Buffer.concat([a, b]), { dictionary: SPDY3_DICTIONARY, finishFlush: constants.Z_SYNC_FLUSH });
    const first = encodeHeaderBlock({ streamtype: 'error' });
    expect(decodeHeaderBlock(all.subarray(0, first.length))).toEqual({ streamtype: 'error' });
    expect(decodeHeaderBlock(all.subarray(first.length))).toEqual({ port: '80', requestid: '0' });
  });

  it('reassembles frames split byte by byte, replies to SYN_STREAM and delivers DATA and FIN', async () => {
    const compress = goCompressor();
    const out: Buffer[] = [];
    const streams: SpdyStream[] = [];
    const got: string[] = [];
    const s = new SpdySession({ write: (b) => out.push(b), onStream: (st) => { streams.push(st); st.onData((d) => got.push(d.toString())); st.onEnd(() => got.push('<fin>')); } });
    const wire = Buffer.concat([
      synStream(1, await compress(encodeHeaderBlock({ streamtype: 'error', port: '80', requestid: '0' }))),
      synStream(3, await compress(encodeHeaderBlock({ streamtype: 'data', port: '80', requestid: '0' }))),
      data(3, Buffer.from('GET / HTTP/1.1\r\n')),
      data(3, Buffer.alloc(0), FLAG_FIN),
      control(FRAME.ping, 0, Buffer.from([0, 0, 0, 7])),
    ]);
    for (const byte of wire) s.push(Buffer.from([byte]));
    expect(streams.map((x) => [x.id, x.headers])).toEqual([[1, { streamtype: 'error', port: '80', requestid: '0' }], [3, { streamtype: 'data', port: '80', requestid: '0' }]]);
    expect(got).toEqual(['GET / HTTP/1.1\r\n', '<fin>']);
    // Two SYN_REPLYs, then the PING echoed.
    expect(out.map((b) => b.readUInt16BE(2))).toEqual([FRAME.synReply, FRAME.synReply, FRAME.ping]);
    streams[1].write('hi');
    streams[1].end();
    expect(out.slice(3).map((b) => [b.readUInt32BE(0), b[4], b.subarray(8).toString()])).toEqual([[3, 0, 'hi'], [3, FLAG_FIN, '']]);
  });
});
