import { describe, it, expect } from 'vitest';
import { acceptKey, encodeFrame, FrameReader, OP } from './websocket';
import { execStatus } from './exec';

/** clientFrame builds a masked client frame, as kubectl's gorilla/websocket sends. */
function clientFrame(opcode: number, payload: Buffer, fin = true): Buffer {
  const mask = Buffer.from([1, 2, 3, 4]);
  const masked = Buffer.from(payload.map((b, i) => b ^ mask[i & 3]));
  const n = payload.length;
  const head = n < 126 ? Buffer.from([(fin ? 0x80 : 0) | opcode, 0x80 | n]) : Buffer.from([(fin ? 0x80 : 0) | opcode, 0x80 | 126, n >> 8, n & 255]);
  return Buffer.concat([head, mask, masked]);
}

describe('websocket framing', () => {
  it('computes the RFC 6455 accept key', () => {
    expect(acceptKey('dGhlIHNhbXBsZSBub25jZQ==')).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
  });

  it('encodes short, 16-bit and 64-bit lengths unmasked', () => {
    expect([...encodeFrame(OP.binary, Buffer.from([1, 104, 105]))]).toEqual([0x82, 3, 1, 104, 105]);
    expect([...encodeFrame(OP.binary, Buffer.alloc(300)).subarray(0, 4)]).toEqual([0x82, 126, 1, 44]);
    expect([...encodeFrame(OP.binary, Buffer.alloc(70000)).subarray(0, 10)]).toEqual([0x82, 127, 0, 0, 0, 0, 0, 1, 0x11, 0x70]);
  });

  it('reassembles masked frames split across chunks and continuation frames', () => {
    const r = new FrameReader();
    const whole = Buffer.concat([
      clientFrame(OP.binary, Buffer.from([0, 104]), false),
      clientFrame(OP.continuation, Buffer.from('ello'.padEnd(200, '!'))),
      clientFrame(OP.binary, Buffer.from([255, 0])),
    ]);
    const got = [...r.push(whole.subarray(0, 5)), ...r.push(whole.subarray(5, 150)), ...r.push(whole.subarray(150))];
    expect(got).toEqual([
      { opcode: OP.binary, data: Buffer.concat([Buffer.from([0, 104]), Buffer.from('ello'.padEnd(200, '!'))]) },
      { opcode: OP.binary, data: Buffer.from([255, 0]) },
    ]);
  });
});

describe('execStatus', () => {
  it('reports success, a non-zero exit code, and a missing binary as kubectl expects', () => {
    expect(execStatus(['ls'], { exitCode: 0, stdout: '', stderr: '' }, 'id')).toEqual({ metadata: {}, status: 'Success' });
    expect(execStatus(['sh', '-c', 'exit 3'], { exitCode: 3, stdout: '', stderr: '' }, 'id')).toEqual({
      metadata: {}, status: 'Failure', reason: 'NonZeroExitCode',
      message: 'command terminated with non-zero exit code: error executing command [sh -c exit 3], exit code 3',
      details: { causes: [{ reason: 'ExitCode', message: '3' }] },
    });
    const missing = execStatus(['nosuch'], { exitCode: 126, stdout: '', stderr: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "nosuch": executable file not found in $PATH: unknown' }, 'abc');
    expect(missing).toMatchObject({ reason: 'InternalError', code: 500,
      message: 'Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "abc": OCI runtime exec failed: exec failed: unable to start container process: exec: "nosuch": executable file not found in $PATH: unknown' });
  });
});
