import { endianness } from 'node:os';
import { crc32 } from 'node:zlib';
import type { LineHead } from './segment-format';

/**
 * The index of one segment: where each record's line is, by stream. The open
 * segment builds one as it is written; when the segment is sealed it is saved
 * beside it (`00000001.idx`), so a restart reads a few bytes per record
 * instead of parsing every line of the history.
 *
 * File layout (little-endian), version 1:
 *   "CHLI"  u32 version  u32 segmentSize  u32 count  f64 lastSeq
 *   u32 n + lastAt (UTF-8)   u32 streams, each u32 n + name (UTF-8)
 *   count × (u32 stream number, u32 streamSeq, u32 offset, u32 length)
 *   u32 CRC-32 of everything before it
 */
const MAGIC = 'CHLI';
export const INDEX_VERSION = 1;
const STRIDE = 4;
/** On little-endian machines (nearly all) the record table is copied as it is. */
const LITTLE_ENDIAN = endianness() === 'LE';

export class SegmentIndex {
  private readonly streams: string[] = [];
  private readonly streamNumbers = new Map<string, number>();
  private data = new Uint32Array(64 * STRIDE);
  private count = 0;
  lastSeq = 0;
  lastAt: string | undefined;
  /** Bytes of the segment this index covers (its header and whole lines). */
  size = 0;

  get records(): number {
    return this.count;
  }

  add(head: LineHead, offset: number, length: number): void {
    let number = this.streamNumbers.get(head.stream);
    if (number === undefined) {
      number = this.streams.length;
      this.streams.push(head.stream);
      this.streamNumbers.set(head.stream, number);
    }
    if ((this.count + 1) * STRIDE > this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    const at = this.count * STRIDE;
    this.data[at] = number;
    this.data[at + 1] = head.streamSeq;
    this.data[at + 2] = offset;
    this.data[at + 3] = length;
    this.count += 1;
    this.lastSeq = Math.max(this.lastSeq, head.seq);
    if (head.at !== undefined) this.lastAt = head.at;
    this.size = Math.max(this.size, offset + length);
  }

  /**
   * The records, without an object each (start-up walks millions):
   * `visit(streams, table, count)` with `table` holding, per record, the
   * stream's number in `streams`, streamSeq, offset and length.
   */
  raw<R>(visit: (streams: readonly string[], table: Uint32Array, count: number) => R): R {
    return visit(this.streams, this.data, this.count);
  }

  /** Takes over a decoded table (decode only). */
  load(streams: string[], table: Uint32Array<ArrayBuffer>, count: number): void {
    streams.forEach((stream, number) => {
      this.streams.push(stream);
      this.streamNumbers.set(stream, number);
    });
    this.data = table.length > 0 ? table : new Uint32Array(64 * STRIDE);
    this.count = count;
  }

  encode(): Buffer {
    const text = (value: string) => {
      const bytes = Buffer.from(value);
      const length = Buffer.alloc(4);
      length.writeUInt32LE(bytes.length);
      return [length, bytes];
    };
    const head = Buffer.alloc(24);
    head.write(MAGIC, 0, 'latin1');
    head.writeUInt32LE(INDEX_VERSION, 4);
    head.writeUInt32LE(this.size, 8);
    head.writeUInt32LE(this.count, 12);
    head.writeDoubleLE(this.lastSeq, 16);
    const streamCount = Buffer.alloc(4);
    streamCount.writeUInt32LE(this.streams.length);
    const records = this.data.subarray(0, this.count * STRIDE);
    const body = Buffer.concat([
      head,
      ...text(this.lastAt ?? ''),
      streamCount,
      ...this.streams.flatMap(text),
      littleEndian(records),
    ]);
    const checksum = Buffer.alloc(4);
    checksum.writeUInt32LE(crc32(body));
    return Buffer.concat([body, checksum]);
  }

  /** The index in `bytes`, or why it cannot be trusted (the caller rebuilds it from the segment). */
  static decode(bytes: Buffer): SegmentIndex | string {
    if (bytes.length < 36 || bytes.toString('latin1', 0, 4) !== MAGIC) return 'not an index file';
    const version = bytes.readUInt32LE(4);
    if (version !== INDEX_VERSION) return `index format ${version}, expected ${INDEX_VERSION}`;
    const body = bytes.subarray(0, bytes.length - 4);
    if (crc32(body) !== bytes.readUInt32LE(bytes.length - 4)) return 'checksum mismatch';
    try {
      return decodeBody(body);
    } catch {
      return 'truncated index';
    }
  }
}

function decodeBody(body: Buffer): SegmentIndex | string {
  const index = new SegmentIndex();
  const count = body.readUInt32LE(12);
  let at = 24;
  const text = () => {
    const length = body.readUInt32LE(at);
    const value = body.toString('utf8', at + 4, at + 4 + length);
    at += 4 + length;
    return value;
  };
  const lastAt = text();
  const streamCount = body.readUInt32LE(at);
  at += 4;
  const streams = Array.from({ length: streamCount }, text);
  if (body.length - at !== count * STRIDE * 4) return 'record table has the wrong size';
  const table = new Uint32Array(count * STRIDE);
  if (LITTLE_ENDIAN) new Uint8Array(table.buffer).set(body.subarray(at, at + count * STRIDE * 4));
  else for (let i = 0; i < table.length; i++) table[i] = body.readUInt32LE(at + i * 4);
  for (let i = 0; i < count; i++)
    if (table[i * STRIDE]! >= streamCount) return 'record names an unknown stream';
  index.load(streams, table, count);
  index.size = body.readUInt32LE(8);
  index.lastSeq = body.readDoubleLE(16);
  index.lastAt = lastAt === '' ? undefined : lastAt;
  return index;
}

function littleEndian(values: Uint32Array): Buffer {
  if (LITTLE_ENDIAN) return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
  const bytes = Buffer.alloc(values.length * 4);
  for (let i = 0; i < values.length; i++) bytes.writeUInt32LE(values[i]!, i * 4);
  return bytes;
}
