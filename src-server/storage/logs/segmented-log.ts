import { join } from 'node:path';
import type { Logger } from '../../logger';
import type { DiskSpace } from '../disk-space';
import { syncDirectory, writeFileDurably } from '../durable-file';
import { nodeFileSystem, writeFully, type FileHandle, type FileSystem } from '../file-system';
import { GroupCommit } from '../group-commit';
import { recoverSegment } from './recover-segment';
import { indexName, SEGMENT_HEADER, SEGMENT_PATTERN, segmentName } from './segment-format';
import { SegmentIndex } from './segment-index';
import { SegmentReaders } from './segment-readers';
import { StreamIndex } from './stream-index';

/** The open segment's index is saved every this many records, so a restart after a crash parses at most these. */
const CHECKPOINT_EVERY = 10_000;

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
 */
export class SegmentedLog<T> {
  private readonly index = new StreamIndex();
  private readonly readers = new SegmentReaders((segment) =>
    this.fs.open(join(this.directory, segmentName(segment)), 'r'),
  );
  /** Newest record time per segment, for pruning whole old segments. */
  private readonly segmentLastAt = new Map<number, string>();
  /** Index files being saved, one after another so an older one never lands last. */
  private saving: Promise<void> = Promise.resolve();
  /** Records of the open segment covered by its last saved checkpoint. */
  private checkpointed = 0;
  private pending: PendingAppend<T>[] = [];
  private readonly commit = new GroupCommit(() => this.flush());
  private nextSeq = 1;
  private segment = 1;
  private segmentSize = 0;
  private writer: FileHandle | undefined;
  /** The open segment's records, saved as its index file when it is sealed. */
  private current = new SegmentIndex();
  /** A rollback could not cut the file: cut it before writing anything else. */
  private mustTruncate = false;
  private closed = false;
  /** Backups reading the segments: pruning waits until none is (see snapshot()). */
  private readersPinned = 0;

  private constructor(
    private readonly directory: string,
    private readonly logger: Logger,
    private readonly fs: FileSystem,
    private readonly options: SegmentedLogOptions,
  ) {}

  static async open<T>(
    directory: string,
    logger: Logger,
    options: SegmentedLogOptions = {},
  ): Promise<SegmentedLog<T>> {
    const log = new SegmentedLog<T>(
      directory,
      logger,
      options.fileSystem ?? nodeFileSystem,
      options,
    );
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
    await this.saving;
    let removed = 0;
    for (const [segment, at] of [...this.segmentLastAt].sort((a, b) => a[0] - b[0])) {
      if (segment === this.segment || at >= cutoff) break;
      this.readers.retire(segment);
      await this.fs.unlink(join(this.directory, segmentName(segment)));
      await this.fs.unlink(join(this.directory, indexName(segment))).catch(() => undefined);
      this.segmentLastAt.delete(segment);
      this.index.dropThrough(segment);
      removed++;
    }
    if (removed > 0) await syncDirectory(this.directory, this.fs);
    return removed;
  }

  /**
   * What a backup reads, taken at one instant with no await: each segment
   * with the bytes that were durable then (later appends are past that
   * length) and every stream's newest streamSeq. Pruning is held off until
   * `release`, so no segment listed disappears while it is read.
   */
  snapshot(): LogSnapshot {
    const sealed = [...this.segmentLastAt.keys()].filter((segment) => segment !== this.segment);
    const segments = [
      ...sealed
        .sort((a, b) => a - b)
        .map((segment) => ({
          file: join(this.directory, segmentName(segment)),
          bytes: undefined as number | undefined,
        })),
      { file: join(this.directory, segmentName(this.segment)), bytes: this.segmentSize },
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
    // A checkpoint of the open segment lets the next start skip parsing it.
    if (this.current.records > this.checkpointed) this.saveIndex(this.segment, this.current);
    await this.writer?.close();
    await this.saving;
    await this.readers.closeAll();
  }

  /** Reads sealed segments' saved indexes and parses only the open (last) segment. */
  private async load(): Promise<void> {
    await this.fs.mkdir(this.directory);
    const names = await this.fs.readdir(this.directory);
    const segments = names
      .filter((name) => SEGMENT_PATTERN.test(name))
      .map((name) => Number.parseInt(name, 10))
      .sort((a, b) => a - b);
    await this.removeOrphanIndexes(names, new Set(segments));
    // One segment's index at a time, dropped once applied: memory holds the positions, not the files.
    for (const segment of segments.slice(0, -1)) this.apply(segment, await this.sealed(segment));
    const tail = segments.at(-1);
    if (tail === undefined) {
      this.writer = await this.createSegment(1);
      this.current.size = SEGMENT_HEADER.length;
      this.segmentSize = SEGMENT_HEADER.length;
    } else {
      await this.openTail(tail);
      this.apply(tail, this.current);
    }
  }

  private async openTail(segment: number): Promise<void> {
    const file = join(this.directory, segmentName(segment));
    const checkpoint = await this.savedIndex(segment, true);
    this.checkpointed = checkpoint?.records ?? 0;
    const { index, hasHeader } = await recoverSegment(file, this.logger, this.fs, checkpoint);
    this.writer = await this.fs.open(file, 'r+');
    if (index.size === 0 && !hasHeader) {
      // An empty (or cut-off) new segment: give it its header before any record.
      await writeFully(this.writer, SEGMENT_HEADER, 0);
      await this.writer.datasync();
      index.size = SEGMENT_HEADER.length;
    }
    this.segment = segment;
    this.segmentSize = index.size;
    this.current = index;
  }

  /**
   * A sealed segment's index: its saved file, completed from the segment when
   * it is only a checkpoint (the hub stopped before saving the final one), or
   * rebuilt from the whole segment when missing or damaged — then saved.
   */
  private async sealed(segment: number): Promise<SegmentIndex> {
    const file = join(this.directory, segmentName(segment));
    const saved = await this.savedIndex(segment, false);
    if (saved && saved.size === (await this.fs.stat(file)).size) return saved;
    const { index } = await recoverSegment(file, this.logger, this.fs, saved);
    const indexFile = join(this.directory, indexName(segment));
    await writeFileDurably(indexFile, index.encode(), this.fs).catch((error: unknown) =>
      this.logger.warn({ err: error, indexFile }, 'could not save a rebuilt log index'),
    );
    return index;
  }

  /**
   * The index saved for a segment if it can be trusted (it may cover only the
   * segment's beginning); otherwise undefined, saying why in the log.
   */
  private async savedIndex(segment: number, open: boolean): Promise<SegmentIndex | undefined> {
    const file = join(this.directory, segmentName(segment));
    const indexFile = join(this.directory, indexName(segment));
    let bytes: Buffer;
    try {
      bytes = await this.fs.readFile(indexFile);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      if (!open) this.logger.info({ file, indexFile }, 'built the index of a log segment');
      return undefined;
    }
    const decoded = SegmentIndex.decode(bytes);
    const { size } = await this.fs.stat(file);
    const reason =
      typeof decoded === 'string'
        ? decoded
        : decoded.size > size
          ? `segment is ${size} bytes, index covers ${decoded.size}`
          : undefined;
    if (reason === undefined) return decoded as SegmentIndex;
    this.logger.warn(
      { file, indexFile, reason },
      'a log segment index is damaged; rebuilding it from its segment',
    );
    return undefined;
  }

  /** Index files whose segment was pruned (the hub stopped between the two unlinks). */
  private async removeOrphanIndexes(names: string[], segments: Set<number>): Promise<void> {
    for (const name of names.filter((n) => n.endsWith('.idx'))) {
      if (!segments.has(Number.parseInt(name, 10)))
        await this.fs.unlink(join(this.directory, name)).catch(() => undefined);
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
    const writer = await this.writableWriter();
    const next = new Map<string, number>();
    const records = batch.map((item, i): LogRecord<T> => {
      const streamSeq = (next.get(item.stream) ?? this.index.lastStreamSeq(item.stream)) + 1;
      next.set(item.stream, streamSeq);
      const { stream, at, data } = item;
      return { seq: this.nextSeq + i, stream, streamSeq, at, data };
    });
    const lines = records.map((record) => Buffer.from(`${JSON.stringify(record)}\n`));
    const bytes = Buffer.concat(lines);
    const target =
      this.current.records > 0 && this.segmentSize + bytes.length > this.segmentBytes
        ? await this.rotate()
        : writer;
    const start = this.segmentSize;
    try {
      await writeFully(target, bytes, start);
      await target.datasync();
    } catch (error) {
      await this.rollBack(target, start);
      throw error;
    }
    let offset = start;
    records.forEach((record, i) => {
      const length = lines[i]!.length;
      this.index.add(record.stream, { ...record, segment: this.segment, offset, length });
      this.current.add(record, offset, length);
      batch[i]!.record = record;
      offset += length;
    });
    this.segmentSize = offset;
    this.nextSeq += records.length;
    this.segmentLastAt.set(this.segment, records.at(-1)!.at);
    if (this.current.records - this.checkpointed >= CHECKPOINT_EVERY) {
      this.saveIndex(this.segment, this.current);
      this.checkpointed = this.current.records;
    }
  }

  private get segmentBytes(): number {
    return this.options.segmentBytes ?? 8 * 1024 * 1024;
  }

  /** The writer, after finishing a rollback that an earlier failure could not complete. */
  private async writableWriter(): Promise<FileHandle> {
    const writer = this.writer!;
    if (this.mustTruncate) {
      await writer.truncate(this.segmentSize);
      this.mustTruncate = false;
      this.logger.info({ segment: this.segment }, 'log segment cut back to its last whole record');
    }
    return writer;
  }

  /** Cuts the segment back to where the failed write began, so no torn or unacknowledged line stays. */
  private async rollBack(writer: FileHandle, goodSize: number): Promise<void> {
    try {
      await writer.truncate(goodSize);
    } catch (error) {
      this.mustTruncate = true;
      this.logger.error(
        { err: error, segment: this.segment },
        'could not cut a failed write off a log segment; appends wait until it can be cut',
      );
    }
  }

  /** Starts the next segment and saves the sealed one's index in the background. */
  private async rotate(): Promise<FileHandle> {
    const next = await this.createSegment(this.segment + 1);
    const sealed = { segment: this.segment, index: this.current, writer: this.writer! };
    this.writer = next;
    this.segment += 1;
    this.segmentSize = SEGMENT_HEADER.length;
    this.current = new SegmentIndex();
    this.current.size = SEGMENT_HEADER.length;
    await sealed.writer.close();
    this.saveIndex(sealed.segment, sealed.index);
    this.checkpointed = 0;
    return next;
  }

  /** Saves in the background (encoded now, so later appends do not leak into it); a failure only costs start-up time. */
  private saveIndex(segment: number, index: SegmentIndex): void {
    const indexFile = join(this.directory, indexName(segment));
    const bytes = index.encode();
    this.saving = this.saving.then(() =>
      writeFileDurably(indexFile, bytes, this.fs).catch((error: unknown) =>
        this.logger.warn(
          { err: error, indexFile },
          'could not save a log segment index; it is rebuilt at the next start',
        ),
      ),
    );
  }

  /** A new segment holding only its header, durable with its directory entry; removed again on failure. */
  private async createSegment(segment: number): Promise<FileHandle> {
    const file = join(this.directory, segmentName(segment));
    const handle = await this.fs.open(file, 'w');
    try {
      await writeFully(handle, SEGMENT_HEADER, 0);
      await handle.datasync();
      await syncDirectory(this.directory, this.fs);
      return handle;
    } catch (error) {
      await handle.close().catch(() => undefined);
      await this.fs.unlink(file).catch(() => undefined);
      throw error;
    }
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
