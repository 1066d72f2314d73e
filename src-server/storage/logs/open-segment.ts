import { syncDirectory, writeFileDurably } from '../durable-file';
import { writeFully, type FileHandle } from '../file-system';
import { loadSavedIndex } from './load-segments';
import { recoverSegment } from './recover-segment';
import { indexFile, segmentFile, type LogFolder } from './segment-folder';
import type { LineHead } from './segment-format';
import { SEGMENT_HEADER } from './segment-format';
import { SegmentIndex } from './segment-index';

/** The open segment's index is saved every this many records, so a restart after a crash parses at most these. */
const CHECKPOINT_EVERY = 10_000;

/**
 * The one segment a log appends to: writes land whole or not at all, a full
 * segment is sealed and the next begun, and its index is saved beside it
 * (at sealing, every few thousand records and at close) so a restart need
 * not parse it. It knows bytes and positions, not streams or sequence
 * numbers, which belong to the log.
 */
export class OpenSegment {
  /** Index files being saved, one after another so an older one never lands last. */
  private saving: Promise<void> = Promise.resolve();
  /** A rollback could not cut the file: cut it before writing anything else. */
  private mustTruncate = false;

  private constructor(
    private readonly folder: LogFolder,
    private readonly segmentBytes: number,
    /** Its number; grows by one at each rotation. */
    public segment: number,
    private writer: FileHandle,
    /** Its records, saved as its index file when it is sealed. */
    public index: SegmentIndex,
    /** Records covered by its last saved checkpoint. */
    private checkpointed: number,
  ) {}

  /** Segment 1 of a new, empty log. */
  static async create(folder: LogFolder, segmentBytes: number): Promise<OpenSegment> {
    const writer = await createSegment(folder, 1);
    const index = new SegmentIndex();
    index.size = SEGMENT_HEADER.length;
    return new OpenSegment(folder, segmentBytes, 1, writer, index, 0);
  }

  /** The last segment of an existing log, its torn tail cut off and its index brought up to date. */
  static async reopen(
    folder: LogFolder,
    segmentBytes: number,
    segment: number,
  ): Promise<OpenSegment> {
    const file = segmentFile(folder, segment);
    const checkpoint = await loadSavedIndex(folder, segment, true);
    const checkpointed = checkpoint?.records ?? 0;
    const { index, hasHeader } = await recoverSegment(file, folder.logger, folder.fs, checkpoint);
    const writer = await folder.fs.open(file, 'r+');
    if (index.size === 0 && !hasHeader) {
      // An empty (or cut-off) new segment: give it its header before any record.
      await writeFully(writer, SEGMENT_HEADER, 0);
      await writer.datasync();
      index.size = SEGMENT_HEADER.length;
    }
    return new OpenSegment(folder, segmentBytes, segment, writer, index, checkpointed);
  }

  /** Bytes of the segment holding whole, durable records; the next write starts here. */
  get size(): number {
    return this.index.size;
  }

  /** Settles once every index file begun so far is saved (or has failed). */
  get indexesSaved(): Promise<void> {
    return this.saving;
  }

  /**
   * Writes `bytes` durably at the end (of a new segment when they do not fit
   * in a non-empty one) and returns where they start; on failure nothing of
   * them stays in the file. The caller then notes each record with add().
   */
  async write(bytes: Buffer): Promise<number> {
    const writer = await this.writableWriter();
    const target =
      this.index.records > 0 && this.size + bytes.length > this.segmentBytes
        ? await this.rotate()
        : writer;
    const start = this.size;
    try {
      await writeFully(target, bytes, start);
      await target.datasync();
    } catch (error) {
      await this.rollBack(target, start);
      throw error;
    }
    return start;
  }

  /** Notes a record that write() made durable at `offset`. */
  add(head: LineHead, offset: number, length: number): void {
    this.index.add(head, offset, length);
  }

  /** Saves the index now and then, bounding what a restart after a crash parses. */
  checkpointIfDue(): void {
    if (this.index.records - this.checkpointed < CHECKPOINT_EVERY) return;
    this.saveIndex(this.segment, this.index);
    this.checkpointed = this.index.records;
  }

  async close(): Promise<void> {
    // A checkpoint of the open segment lets the next start skip parsing it.
    if (this.index.records > this.checkpointed) this.saveIndex(this.segment, this.index);
    await this.writer.close();
    await this.saving;
  }

  /** The writer, after finishing a rollback that an earlier failure could not complete. */
  private async writableWriter(): Promise<FileHandle> {
    if (this.mustTruncate) {
      await this.writer.truncate(this.size);
      this.mustTruncate = false;
      this.folder.logger.info(
        { segment: this.segment },
        'log segment cut back to its last whole record',
      );
    }
    return this.writer;
  }

  /** Cuts the segment back to where the failed write began, so no torn or unacknowledged line stays. */
  private async rollBack(writer: FileHandle, goodSize: number): Promise<void> {
    try {
      await writer.truncate(goodSize);
    } catch (error) {
      this.mustTruncate = true;
      this.folder.logger.error(
        { err: error, segment: this.segment },
        'could not cut a failed write off a log segment; appends wait until it can be cut',
      );
    }
  }

  /** Starts the next segment and saves the sealed one's index in the background. */
  private async rotate(): Promise<FileHandle> {
    const next = await createSegment(this.folder, this.segment + 1);
    const sealed = { segment: this.segment, index: this.index, writer: this.writer };
    this.writer = next;
    this.segment += 1;
    this.index = new SegmentIndex();
    this.index.size = SEGMENT_HEADER.length;
    await sealed.writer.close();
    this.saveIndex(sealed.segment, sealed.index);
    this.checkpointed = 0;
    return next;
  }

  /** Saves in the background (encoded now, so later appends do not leak into it); a failure only costs start-up time. */
  private saveIndex(segment: number, index: SegmentIndex): void {
    const target = indexFile(this.folder, segment);
    const bytes = index.encode();
    this.saving = this.saving.then(() =>
      writeFileDurably(target, bytes, this.folder.fs).catch((error: unknown) =>
        this.folder.logger.warn(
          { err: error, indexFile: target },
          'could not save a log segment index; it is rebuilt at the next start',
        ),
      ),
    );
  }
}

/** A new segment holding only its header, durable with its directory entry; removed again on failure. */
async function createSegment(folder: LogFolder, segment: number): Promise<FileHandle> {
  const file = segmentFile(folder, segment);
  const handle = await folder.fs.open(file, 'w');
  try {
    await writeFully(handle, SEGMENT_HEADER, 0);
    await handle.datasync();
    await syncDirectory(folder.directory, folder.fs);
    return handle;
  } catch (error) {
    await handle.close().catch(() => undefined);
    await folder.fs.unlink(file).catch(() => undefined);
    throw error;
  }
}
