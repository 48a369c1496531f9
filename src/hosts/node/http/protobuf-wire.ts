/**
 * A generic protobuf wire-format reader (varint, 64-bit, length-delimited, 32-bit fields) and the
 * Kubernetes envelope: the `k8s\0` magic followed by a runtime.Unknown message
 * (1: TypeMeta{1: apiVersion, 2: kind}, 2: raw, 3: contentEncoding, 4: contentType).
 */

/** WireField is one decoded field: its number, wire type and raw value. */
export interface WireField { no: number; wire: 0 | 1 | 2 | 5; varint?: bigint; bytes?: Buffer }

/** readVarint reads a base-128 varint at off; returns the value and the next offset. */
export function readVarint(buf: Buffer, off: number): [bigint, number] {
  let result = 0n, shift = 0n;
  for (;;) {
    if (off >= buf.length) throw new Error('truncated varint');
    const b = buf[off++];
    result |= BigInt(b & 0x7f) << shift;
    if ((b & 0x80) === 0) return [result, off];
    shift += 7n;
    if (shift > 70n) throw new Error('varint too long');
  }
}

/** readFields splits one message into its fields, in wire order. */
export function readFields(buf: Buffer): WireField[] {
  const out: WireField[] = [];
  let off = 0;
  while (off < buf.length) {
    const [key, o1] = readVarint(buf, off);
    off = o1;
    const no = Number(key >> 3n), wire = Number(key & 7n);
    switch (wire) {
      case 0: { const [v, o] = readVarint(buf, off); off = o; out.push({ no, wire: 0, varint: v }); break; }
      case 1: out.push({ no, wire: 1, bytes: buf.subarray(off, off + 8) }); off += 8; break;
      case 2: {
        const [len, o] = readVarint(buf, off);
        const end = o + Number(len);
        if (end > buf.length) throw new Error('truncated length-delimited field');
        out.push({ no, wire: 2, bytes: buf.subarray(o, end) });
        off = end;
        break;
      }
      case 5: out.push({ no, wire: 5, bytes: buf.subarray(off, off + 4) }); off += 4; break;
      default: throw new Error(`unsupported wire type ${wire}`);
    }
  }
  return out;
}

/** PROTOBUF_MAGIC_BYTES prefix every Kubernetes protobuf body. */
export const PROTOBUF_MAGIC_BYTES = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

/** Envelope is a decoded runtime.Unknown. */
export interface Envelope { apiVersion: string; kind: string; raw: Buffer; contentEncoding: string; contentType: string }

/** decodeEnvelope reads the magic and the runtime.Unknown around a typed message. */
export function decodeEnvelope(body: Buffer): Envelope {
  if (body.length < 4 || !body.subarray(0, 4).equals(PROTOBUF_MAGIC_BYTES)) throw new Error('provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]');
  const env: Envelope = { apiVersion: '', kind: '', raw: Buffer.alloc(0), contentEncoding: '', contentType: '' };
  for (const f of readFields(body.subarray(4))) {
    if (f.no === 1 && f.bytes) {
      for (const t of readFields(f.bytes)) {
        if (t.no === 1 && t.bytes) env.apiVersion = t.bytes.toString('utf8');
        if (t.no === 2 && t.bytes) env.kind = t.bytes.toString('utf8');
      }
    } else if (f.no === 2 && f.bytes) env.raw = f.bytes;
    else if (f.no === 3 && f.bytes) env.contentEncoding = f.bytes.toString('utf8');
    else if (f.no === 4 && f.bytes) env.contentType = f.bytes.toString('utf8');
  }
  return env;
}
