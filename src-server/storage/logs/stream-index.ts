/** Where one log record lives on disk. */
export interface RecordPosition {
  readonly streamSeq: number;
  readonly segment: number;
  readonly offset: number;
  readonly length: number;
}

/** Numbers kept per record: streamSeq, segment, offset, length (16 bytes). */
const STRIDE = 4;
const FIRST_CAPACITY = 4;

/**
 * One stream's positions, oldest first, packed into a Uint32Array: a million
 * messages cost 16 MB instead of a million objects. `start` skips records
 * whose segment was pruned without copying the array.
 */
class StreamPositions {
  data = new Uint32Array(FIRST_CAPACITY * STRIDE);
  start = 0;
  end = 0;
  /** Highest durable streamSeq, kept when old records are pruned so numbering never restarts. */
  last = 0;

  get count(): number {
    return this.end - this.start;
  }

  push(streamSeq: number, segment: number, offset: number, length: number): void {
    this.reserve(1);
    const at = this.end * STRIDE;
    this.data[at] = streamSeq;
    this.data[at + 1] = segment;
    this.data[at + 2] = offset;
    this.data[at + 3] = length;
    this.end += 1;
    this.last = Math.max(this.last, streamSeq);
  }

  /** Makes room for `more` records at once (start-up knows how many a segment adds). */
  reserve(more: number): void {
    const needed = this.end + more;
    if (needed * STRIDE > this.data.length)
      this.resize(Math.max(needed, Math.ceil((this.data.length / STRIDE) * 1.125) + 8));
  }

  streamSeqAt(i: number): number {
    return this.data[i * STRIDE]!;
  }

  segmentAt(i: number): number {
    return this.data[i * STRIDE + 1]!;
  }

  position(i: number): RecordPosition {
    const at = i * STRIDE;
    return {
      streamSeq: this.data[at]!,
      segment: this.data[at + 1]!,
      offset: this.data[at + 2]!,
      length: this.data[at + 3]!,
    };
  }

  /** First index (≥ start) whose streamSeq is at least `streamSeq`; records are sorted by it. */
  firstAtLeast(streamSeq: number): number {
    let low = this.start;
    let high = this.end;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.streamSeqAt(middle) < streamSeq) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Drops every record in segments up to `segment` (segments grow with streamSeq). */
  dropThrough(segment: number): void {
    while (this.start < this.end && this.segmentAt(this.start) <= segment) this.start += 1;
    if (this.start > 0 && this.start * 2 >= this.end) this.resize(this.count + FIRST_CAPACITY);
  }

  private resize(capacity: number): void {
    const next = new Uint32Array(capacity * STRIDE);
    next.set(this.data.subarray(this.start * STRIDE, this.end * STRIDE));
    this.data = next;
    this.end -= this.start;
    this.start = 0;
  }
}

/** Per-stream positions of durable records, for cursor paging without scanning. */
export class StreamIndex {
  private readonly streams = new Map<string, StreamPositions>();

  add(stream: string, position: RecordPosition): void {
    this.positionsOf(stream).push(
      position.streamSeq,
      position.segment,
      position.offset,
      position.length,
    );
  }

  /**
   * A stream's positions, created empty, with room for `more` records; for
   * loading many records without a lookup (or a regrowth) each. Arrays grow
   * by an eighth, so at most an eighth of a stream's 16 bytes per record is spare.
   */
  positionsOf(
    stream: string,
    more = 0,
  ): {
    push(streamSeq: number, segment: number, offset: number, length: number): void;
  } {
    let positions = this.streams.get(stream);
    if (!positions) {
      positions = new StreamPositions();
      this.streams.set(stream, positions);
    }
    positions.reserve(more);
    return positions;
  }

  /** Every stream with its highest streamSeq (for a backup), pruned streams included. */
  *heads(): Generator<[string, number]> {
    for (const [stream, positions] of this.streams) yield [stream, positions.last];
  }

  lastStreamSeq(stream: string): number {
    return this.streams.get(stream)?.last ?? 0;
  }

  /** Records still stored with a streamSeq above `afterStreamSeq`. */
  countAfter(stream: string, afterStreamSeq: number): number {
    const positions = this.streams.get(stream);
    return positions ? positions.end - positions.firstAtLeast(afterStreamSeq + 1) : 0;
  }

  count(stream: string): number {
    return this.streams.get(stream)?.count ?? 0;
  }

  /** Forgets every record of the segments up to `segment` (pruning deletes the oldest first). */
  dropThrough(segment: number): void {
    for (const positions of this.streams.values()) positions.dropThrough(segment);
  }

  /** Up to `limit` positions before `beforeStreamSeq` (or the newest), newest first. */
  before(stream: string, beforeStreamSeq: number | undefined, limit: number): RecordPosition[] {
    const positions = this.streams.get(stream);
    if (!positions) return [];
    const end =
      beforeStreamSeq === undefined ? positions.end : positions.firstAtLeast(beforeStreamSeq);
    const result: RecordPosition[] = [];
    for (let i = end - 1; i >= Math.max(positions.start, end - limit); i--)
      result.push(positions.position(i));
    return result;
  }

  /** Up to `limit` positions after `afterStreamSeq`, oldest first. */
  after(stream: string, afterStreamSeq: number, limit: number): RecordPosition[] {
    const positions = this.streams.get(stream);
    if (!positions) return [];
    const first = positions.firstAtLeast(afterStreamSeq + 1);
    const result: RecordPosition[] = [];
    for (let i = first; i < Math.min(positions.end, first + limit); i++)
      result.push(positions.position(i));
    return result;
  }
}
