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
  /** Highest durable streamSeq, kept when old records are pruned so numbering never restarts. */
  last: number;
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
    entries.last = Math.max(entries.last, position.streamSeq);
  }

  lastStreamSeq(stream: string): number {
    return this.streams.get(stream)?.last ?? 0;
  }

  /** Records still stored with a streamSeq above `afterStreamSeq`. */
  countAfter(stream: string, afterStreamSeq: number): number {
    const positions = this.streams.get(stream)?.positions ?? [];
    return positions.length - firstIndexAtLeast(positions, afterStreamSeq + 1);
  }

  /** Forgets every record of a segment that was deleted (pruning). */
  dropSegment(segment: number): void {
    for (const entries of this.streams.values()) {
      if (entries.positions[0]?.segment === segment)
        entries.positions = entries.positions.filter((p) => p.segment !== segment);
    }
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
      entries = { reserved: 0, last: 0, positions: [] };
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
