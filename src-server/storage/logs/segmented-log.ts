import type { Logger } from '../../logger';
import type { DiskSpace } from '../disk-space';
import { syncDirectory } from '../durable-file';
import { nodeFileSystem, type FileSystem } from '../file-system';
import { GroupCommit } from '../group-commit';
import { listSegments, loadSealedIndex } from './load-segments';
import { OpenSegment } from './open-segment';
import { indexFile, segmentFile, type LogFolder } from './segment-folder';
import type { SegmentIndex } from './segment-index';
import { SegmentReaders } from './segment-readers';
import { StreamIndex } from './stream-index';

/** One line of a log. `streamSeq` counts 1, 2, 3… within its stream (a chat room, a user's inbox). */
export interface LogRecord<T> {
  readonly seq: number;
  readonly stream: string;
  readonly streamSeq: number;
  readonly at: string;
  readonly data: T;
}

export interface SegmentedLogOptions {
  /** A segment is sealed and a new one begun past this size. */
  readonly segmentBytes?: number;
  /** The real file system unless a test injects faults. */
  readonly fileSystem?: FileSystem;
  /** Told about failed writes, so a full disk switches the hub to its disk-full mode. */
  readonly diskSpace?: Pick<DiskSpace, 'assertRoom' | 'noteWriteFailure'>;
  /**
   * Refuse appends while the disk is full (chat, notifications), leaving the
   * reserved space to what people need to keep working. The audit log leaves
   * this off: a sign-in appends to it.
   */
  readonly refuseWhenDiskFull?: boolean;
}

interface PendingAppend<T> {
  readonly stream: string;
  readonly at: string;
  readonly data: T;
  /** Set once the flush that wrote it succeeded. */
  record?: LogRecord<T>;
}

/** See SegmentedLog.snapshot(). `bytes` undefined: a sealed segment, read whole. */
export interface LogSnapshot {
  readonly segments: readonly { readonly file: string; readonly bytes: number | undefined }[];
  readonly heads: readonly [string, number][];
  release(): void;
}

/**
 * An append-only log of JSON lines split into segments. An append writes one
 * line (plus one fdatasync shared with every append of the same moment), so
 * its cost does not depend on how much history the log holds. Records get
 * their numbers when they are written, so a failed write leaves no gap and
 * nothing in memory: the caller gets the error, and the file is cut back to
 * its last good byte. Each sealed segment keeps its index in a file beside
 * it, so opening reads those and parses only the open segment.
 *
 * This class holds what spans segments: stream numbering, the stream index,
 * batching, pruning and backups. Writing the open segment is open-segment.ts,
 * reading the folder at start is load-segments.ts.
 */
export class SegmentedLog<T> {
  private readonly index = new StreamIndex();
  private readonly readers = new SegmentReaders((segment) =>
    this.folder.fs.open(segmentFile(this.folder, segment), 'r'),
  );
  /** Newest record time per segment, for pruning whole old segments. */
  private readonly segmentLastAt = new Map<number, string>();
  private pending: PendingAppend<T>[] = [];
  private readonly commit = new GroupCommit(() => this.flush());
  private nextSeq = 1;
  /** The segment appends go to; set by load() before open() returns the log. */
  private tail!: OpenSegment;
  private closed = false;
  /** Backups reading the segments: pruning waits until none is (see snapshot()). */
  private readersPinned = 0;

  private constructor(
    private readonly folder: LogFolder,
    private readonly options: SegmentedLogOptions,
  ) {}

  static async open<T>(
    directory: string,
    logger: Logger,
    options: SegmentedLogOptions = {},
  ): Promise<SegmentedLog<T>> {
    const fs = options.fileSystem ?? nodeFileSystem;
    const log = new SegmentedLog<T>({ directory, logger, fs }, options);
    await log.load();
    return log;
  }

  /**
   * Deletes whole segments whose newest record is older than `cutoff` (never
   * the segment being written). Pruning is a segment at a time: cheap, and
   * records never disappear from the middle of a stream.
   */
  async pruneBefore(cutoff: string): Promise<number> {
    // A backup is reading these segments; the next pruning pass catches up.
    if (this.readersPinned > 0) return 0;
    await this.tail.indexesSaved;
    const { fs } = this.folder;
    let removed = 0;
    for (const [segment, at] of [...this.segmentLastAt].sort((a, b) => a[0] - b[0])) {
      if (segment === this.tail.segment || at >= cutoff) break;
      this.readers.retire(segment);
      await fs.unlink(segmentFile(this.folder, segment));
      await fs.unlink(indexFile(this.folder, segment)).catch(() => undefined);
      this.segmentLastAt.delete(segment);
      this.index.dropThrough(segment);
      removed++;
    }
    if (removed > 0) await syncDirectory(this.folder.directory, fs);
    return removed;
  }

  /**
   * What a backup reads, taken at one instant with no await: each segment
   * with the bytes that were durable then (later appends are past that
   * length) and every stream's newest streamSeq. Pruning is held off until
   * `release`, so no segment listed disappears while it is read.
   */
  snapshot(): LogSnapshot {
    const open = this.tail.segment;
    const sealed = [...this.segmentLastAt.keys()].filter((segment) => segment !== open);
    const segments = [
      ...sealed
        .sort((a, b) => a - b)
        .map((segment) => ({
          file: segmentFile(this.folder, segment),
          bytes: undefined as number | undefined,
        })),
      { file: segmentFile(this.folder, open), bytes: this.tail.size },
    ];
    this.readersPinned += 1;
    let released = false;
    return {
      segments,
      heads: [...this.index.heads()],
      release: () => {
        if (!released) this.readersPinned -= 1;
        released = true;
      },
    };
  }

  /** True when the log holds no record (a restore target must be empty). */
  get empty(): boolean {
    return this.segmentLastAt.size === 0;
  }

  countAfter(stream: string, afterStreamSeq: number): number {
    return this.index.countAfter(stream, afterStreamSeq);
  }

  /** The last streamSeq stored in a stream, 0 if none. */
  lastStreamSeq(stream: string): number {
    return this.index.lastStreamSeq(stream);
  }

  /** Resolves with the stored record once it is on disk; rejects if it was not stored. */
  async append(stream: string, data: T): Promise<LogRecord<T>> {
    if (this.closed) throw new Error('log is closed');
    if (this.options.refuseWhenDiskFull) await this.options.diskSpace?.assertRoom();
    if (this.closed) throw new Error('log is closed');
    const item: PendingAppend<T> = { stream, at: new Date().toISOString(), data };
    this.pending.push(item);
    await this.commit.request();
    return item.record!;
  }

  /** Newest first, strictly before `beforeStreamSeq` when given. */
  async readBackward(
    stream: string,
    limit: number,
    beforeStreamSeq?: number,
  ): Promise<LogRecord<T>[]> {
    return this.readPositions(this.index.before(stream, beforeStreamSeq, limit));
  }

  /** Oldest first, strictly after `afterStreamSeq` — what a reconnecting client missed. */
  async readForward(
    stream: string,
    afterStreamSeq: number,
    limit: number,
  ): Promise<LogRecord<T>[]> {
    return this.readPositions(this.index.after(stream, afterStreamSeq, limit));
  }

  countInStream(stream: string): number {
    return this.index.count(stream);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.commit.idle();
    await this.tail.close();
    await this.readers.closeAll();
  }

  /** Reads sealed segments' saved indexes and parses only the open (last) segment. */
  private async load(): Promise<void> {
    const segments = await listSegments(this.folder);
    // One segment's index at a time, dropped once applied: memory holds the positions, not the files.
    for (const segment of segments.slice(0, -1))
      this.apply(segment, await loadSealedIndex(this.folder, segment));
    const tail = segments.at(-1);
    if (tail === undefined) {
      this.tail = await OpenSegment.create(this.folder, this.segmentBytes);
    } else {
      this.tail = await OpenSegment.reopen(this.folder, this.segmentBytes, tail);
      this.apply(tail, this.tail.index);
    }
  }

  /** Adds a segment's records to the stream index, each stream grown once for all of its records here. */
  private apply(segment: number, index: SegmentIndex): void {
    index.raw((streams, table, count) => {
      const perStream = new Uint32Array(streams.length);
      for (let i = 0; i < count; i++) perStream[table[i * 4]!]! += 1;
      const positions = streams.map((stream, n) => this.index.positionsOf(stream, perStream[n]));
      for (let i = 0; i < count; i++) {
        const at = i * 4;
        positions[table[at]!]!.push(table[at + 1]!, segment, table[at + 2]!, table[at + 3]!);
      }
    });
    this.nextSeq = Math.max(this.nextSeq, index.lastSeq + 1);
    if (index.lastAt !== undefined) this.segmentLastAt.set(segment, index.lastAt);
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    try {
      await this.write(batch);
    } catch (error) {
      await this.options.diskSpace?.noteWriteFailure(error);
      throw error;
    }
  }

  /** Writes a batch as a whole or not at all; memory changes only after it is durable. */
  private async write(batch: PendingAppend<T>[]): Promise<void> {
    const next = new Map<string, number>();
    const records = batch.map((item, i): LogRecord<T> => {
      const streamSeq = (next.get(item.stream) ?? this.index.lastStreamSeq(item.stream)) + 1;
      next.set(item.stream, streamSeq);
      const { stream, at, data } = item;
      return { seq: this.nextSeq + i, stream, streamSeq, at, data };
    });
    const lines = records.map((record) => Buffer.from(`${JSON.stringify(record)}\n`));
    let offset = await this.tail.write(Buffer.concat(lines));
    const { segment } = this.tail;
    records.forEach((record, i) => {
      const length = lines[i]!.length;
      this.index.add(record.stream, { ...record, segment, offset, length });
      this.tail.add(record, offset, length);
      batch[i]!.record = record;
      offset += length;
    });
    this.nextSeq += records.length;
    this.segmentLastAt.set(segment, records.at(-1)!.at);
    this.tail.checkpointIfDue();
  }

  private get segmentBytes(): number {
    return this.options.segmentBytes ?? 8 * 1024 * 1024;
  }

  private async readPositions(
    positions: { segment: number; offset: number; length: number }[],
  ): Promise<LogRecord<T>[]> {
    const records: LogRecord<T>[] = [];
    for (const position of positions) {
      const bytes = await this.readers.read(position.segment, position.length, position.offset);
      records.push(JSON.parse(bytes.toString('utf8')) as LogRecord<T>);
    }
    return records;
  }
}
