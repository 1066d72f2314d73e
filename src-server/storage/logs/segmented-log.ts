import { join } from 'node:path';
import type { Logger } from '../../logger';
import { syncDirectory } from '../durable-file';
import { nodeFileSystem, writeFully, type FileHandle, type FileSystem } from '../file-system';
import { GroupCommit } from '../group-commit';
import { StreamIndex, type RecordPosition } from './stream-index';
import { recoverSegment } from './recover-segment';

/** One line of a log. `streamSeq` counts 1, 2, 3… within its stream (a chat room, a user's inbox). */
export interface LogRecord<T> {
  readonly seq: number;
  readonly stream: string;
  readonly streamSeq: number;
  readonly at: string;
  readonly data: T;
}

export interface SegmentedLogOptions {
  /** A segment is closed and a new one begun past this size. */
  readonly segmentBytes?: number;
  /** The real file system unless a test injects faults. */
  readonly fileSystem?: FileSystem;
}

interface PendingLine {
  readonly record: LogRecord<unknown>;
  readonly bytes: Buffer;
}

const SEGMENT_DIGITS = 8;
const segmentName = (n: number) => `${String(n).padStart(SEGMENT_DIGITS, '0')}.jsonl`;

/**
 * An append-only log of JSON lines split into segments. An append writes one
 * line (plus one fdatasync shared with every append of the same moment), so
 * its cost does not depend on how much history the log holds. An in-memory
 * index per stream lets a page of history be read by byte offsets.
 */
export class SegmentedLog<T> {
  private readonly index = new StreamIndex();
  private readonly readers = new Map<number, FileHandle>();
  private pending: PendingLine[] = [];
  private readonly commit = new GroupCommit(() => this.flush());
  private nextSeq: number;
  private closed = false;

  private constructor(
    private readonly directory: string,
    private readonly segmentBytes: number,
    private segment: number,
    private segmentSize: number,
    private writer: FileHandle,
    lastSeq: number,
    private readonly fs: FileSystem,
  ) {
    this.nextSeq = lastSeq + 1;
  }

  static async open<T>(
    directory: string,
    logger: Logger,
    options: SegmentedLogOptions = {},
  ): Promise<SegmentedLog<T>> {
    const fs = options.fileSystem ?? nodeFileSystem;
    await fs.mkdir(directory);
    const segments = (await fs.readdir(directory))
      .filter((name) => /^\d+\.jsonl$/.test(name))
      .map((name) => Number.parseInt(name, 10))
      .sort((a, b) => a - b);
    const positions: RecordPosition[] = [];
    let lastSeq = 0;
    let lastSize = 0;
    const lastAt = new Map<number, string>();
    for (const segment of segments) {
      const recovered = await recoverSegment(join(directory, segmentName(segment)), logger, fs);
      for (const position of recovered.positions) positions.push({ ...position, segment });
      if (recovered.lastAt) lastAt.set(segment, recovered.lastAt);
      lastSeq = Math.max(lastSeq, recovered.lastSeq);
      lastSize = recovered.size;
    }
    const current = segments.at(-1) ?? 1;
    const writer = await fs.open(join(directory, segmentName(current)), 'a');
    if (segments.length === 0) await syncDirectory(directory, fs);
    const log = new SegmentedLog<T>(
      directory,
      options.segmentBytes ?? 8 * 1024 * 1024,
      current,
      lastSize,
      writer,
      lastSeq,
      fs,
    );
    for (const position of positions) log.index.add(position);
    for (const [segment, at] of lastAt) log.segmentLastAt.set(segment, at);
    return log;
  }

  /** Newest record time per segment, for pruning whole old segments. */
  private readonly segmentLastAt = new Map<number, string>();

  /**
   * Deletes whole segments whose newest record is older than `cutoff` (never
   * the segment being written). Pruning is a segment at a time: cheap, and
   * records never disappear from the middle of a stream.
   */
  async pruneBefore(cutoff: string): Promise<number> {
    let removed = 0;
    for (const [segment, at] of [...this.segmentLastAt].sort((a, b) => a[0] - b[0])) {
      if (segment === this.segment || at >= cutoff) break;
      await this.readers.get(segment)?.close();
      this.readers.delete(segment);
      await this.fs.unlink(join(this.directory, segmentName(segment)));
      this.segmentLastAt.delete(segment);
      this.index.dropSegment(segment);
      removed++;
    }
    if (removed > 0) await syncDirectory(this.directory, this.fs);
    return removed;
  }

  countAfter(stream: string, afterStreamSeq: number): number {
    return this.index.countAfter(stream, afterStreamSeq);
  }

  /** The last streamSeq stored in a stream, 0 if none. */
  lastStreamSeq(stream: string): number {
    return this.index.lastStreamSeq(stream);
  }

  /** Resolves with the stored record once it is on disk. */
  async append(stream: string, data: T): Promise<LogRecord<T>> {
    if (this.closed) throw new Error('log is closed');
    const record: LogRecord<T> = {
      seq: this.nextSeq++,
      stream,
      streamSeq: this.index.reserve(stream),
      at: new Date().toISOString(),
      data,
    };
    this.pending.push({ record, bytes: Buffer.from(`${JSON.stringify(record)}\n`) });
    await this.commit.request();
    return record;
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
    await this.commit.idle();
    this.closed = true;
    await this.writer.close();
    for (const reader of this.readers.values()) await reader.close();
    this.readers.clear();
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    const positions: RecordPosition[] = [];
    let durable = 0;
    let chunkStart = this.segmentSize;
    try {
      for (const line of batch) {
        if (this.segmentSize > 0 && this.segmentSize + line.bytes.length > this.segmentBytes) {
          await this.writeLines(batch.slice(durable, positions.length));
          durable = positions.length;
          await this.rotate();
          chunkStart = 0;
        }
        const { stream, streamSeq, seq } = line.record;
        positions.push({
          stream,
          streamSeq,
          seq,
          segment: this.segment,
          offset: this.segmentSize,
          length: line.bytes.length,
        });
        this.segmentSize += line.bytes.length;
      }
      await this.writeLines(batch.slice(durable));
      durable = batch.length;
    } catch (error) {
      // Cut the file back to its last whole line and keep the lines for the next flush.
      this.segmentSize = chunkStart;
      await this.writer.truncate(chunkStart).catch(() => undefined);
      this.pending = [...batch.slice(durable), ...this.pending];
      throw error;
    } finally {
      for (const position of positions.slice(0, durable)) this.index.add(position);
      batch
        .slice(0, durable)
        .forEach((line, i) => this.segmentLastAt.set(positions[i]!.segment, line.record.at));
    }
  }

  private async writeLines(lines: PendingLine[]): Promise<void> {
    if (lines.length === 0) return;
    await writeFully(this.writer, Buffer.concat(lines.map((line) => line.bytes)), null);
    await this.writer.datasync();
  }

  private async rotate(): Promise<void> {
    await this.writer.close();
    this.segment += 1;
    this.segmentSize = 0;
    this.writer = await this.fs.open(join(this.directory, segmentName(this.segment)), 'a');
    await syncDirectory(this.directory, this.fs);
  }

  private async readPositions(positions: RecordPosition[]): Promise<LogRecord<T>[]> {
    const records: LogRecord<T>[] = [];
    for (const position of positions) {
      const reader = await this.reader(position.segment);
      const buffer = Buffer.alloc(position.length);
      await reader.read(buffer, 0, position.length, position.offset);
      records.push(JSON.parse(buffer.toString('utf8')) as LogRecord<T>);
    }
    return records;
  }

  private async reader(segment: number): Promise<FileHandle> {
    let reader = this.readers.get(segment);
    if (!reader) {
      reader = await this.fs.open(join(this.directory, segmentName(segment)), 'r');
      this.readers.set(segment, reader);
    }
    return reader;
  }
}
