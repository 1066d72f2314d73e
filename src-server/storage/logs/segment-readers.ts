import { readFully, type FileHandle } from '../file-system';

interface Reader {
  readonly handle: Promise<FileHandle>;
  /** Reads in progress; a reader is closed only when this is 0. */
  users: number;
  /** Removed from the pool (pruned, too many open): closed by its last user. */
  retired: boolean;
}

/**
 * Read handles of a log's segments, shared and few: concurrent first reads
 * of a segment wait for one `open` (two opens would leak one handle), and at
 * most `max` idle handles stay open, least recently used closed first — a
 * term of history must not hold a descriptor per segment next to a thousand
 * sockets.
 */
export class SegmentReaders {
  private readonly readers = new Map<number, Reader>();

  constructor(
    private readonly open: (segment: number) => Promise<FileHandle>,
    private readonly max = 8,
  ) {}

  /** Exactly `length` bytes of `segment` at `offset`. */
  async read(segment: number, length: number, offset: number): Promise<Buffer> {
    const reader = this.acquire(segment);
    try {
      return await readFully(await reader.handle, length, offset);
    } finally {
      reader.users -= 1;
      if (reader.retired) this.closeIfIdle(reader);
      else this.trim();
    }
  }

  /** The segment was deleted: its handle goes once no read uses it. */
  retire(segment: number): void {
    const reader = this.readers.get(segment);
    if (!reader) return;
    this.readers.delete(segment);
    reader.retired = true;
    this.closeIfIdle(reader);
  }

  /** How many handles are open or opening (tests). */
  get size(): number {
    return this.readers.size;
  }

  async closeAll(): Promise<void> {
    const readers = [...this.readers.values()];
    this.readers.clear();
    for (const reader of readers) await reader.handle.then((h) => h.close()).catch(() => {});
  }

  private acquire(segment: number): Reader {
    let reader = this.readers.get(segment);
    if (reader) {
      this.readers.delete(segment); // re-inserted below: the Map's order is the LRU order
    } else {
      reader = { handle: this.open(segment), users: 0, retired: false };
      const opened = reader;
      void opened.handle.catch(() => {
        if (this.readers.get(segment) === opened) this.readers.delete(segment);
      });
    }
    this.readers.set(segment, reader);
    reader.users += 1;
    return reader;
  }

  private trim(): void {
    for (const [segment, reader] of this.readers) {
      if (this.readers.size <= this.max) return;
      if (reader.users > 0) continue;
      this.readers.delete(segment);
      reader.retired = true;
      this.closeIfIdle(reader);
    }
  }

  private closeIfIdle(reader: Reader): void {
    if (reader.users === 0) void reader.handle.then((h) => h.close()).catch(() => undefined);
  }
}
