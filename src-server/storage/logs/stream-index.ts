/** Where one log record lives on disk. */
export interface RecordPosition {
  readonly stream: string;
  readonly streamSeq: number;
  readonly seq: number;
  readonly segment: number;
  readonly offset: number;
  readonly length: number;
}

interface StreamEntries {
  /** Next streamSeq to hand out; ahead of `positions` while appends wait for their flush. */
  reserved: number;
  /** Sorted by streamSeq (appends arrive in order), so cursors are a binary search. */
  positions: RecordPosition[];
}

/** Per-stream positions of durable records, for cursor paging without scanning. */
export class StreamIndex {
  private readonly streams = new Map<string, StreamEntries>();

  reserve(stream: string): number {
    const entries = this.entries(stream);
    entries.reserved += 1;
    return entries.reserved;
  }

  add(position: RecordPosition): void {
    const entries = this.entries(position.stream);
    entries.positions.push(position);
    entries.reserved = Math.max(entries.reserved, position.streamSeq);
  }

  lastStreamSeq(stream: string): number {
    return this.streams.get(stream)?.positions.at(-1)?.streamSeq ?? 0;
  }

  count(stream: string): number {
    return this.streams.get(stream)?.positions.length ?? 0;
  }

  /** Up to `limit` positions before `beforeStreamSeq` (or the newest), newest first. */
  before(stream: string, beforeStreamSeq: number | undefined, limit: number): RecordPosition[] {
    const positions = this.streams.get(stream)?.positions ?? [];
    const end =
      beforeStreamSeq === undefined
        ? positions.length
        : firstIndexAtLeast(positions, beforeStreamSeq);
    return positions.slice(Math.max(0, end - limit), end).reverse();
  }

  /** Up to `limit` positions after `afterStreamSeq`, oldest first. */
  after(stream: string, afterStreamSeq: number, limit: number): RecordPosition[] {
    const positions = this.streams.get(stream)?.positions ?? [];
    const start = firstIndexAtLeast(positions, afterStreamSeq + 1);
    return positions.slice(start, start + limit);
  }

  private entries(stream: string): StreamEntries {
    let entries = this.streams.get(stream);
    if (!entries) {
      entries = { reserved: 0, positions: [] };
      this.streams.set(stream, entries);
    }
    return entries;
  }
}

function firstIndexAtLeast(positions: readonly RecordPosition[], streamSeq: number): number {
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (positions[middle]!.streamSeq < streamSeq) low = middle + 1;
    else high = middle;
  }
  return low;
}
