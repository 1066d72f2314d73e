import { join } from 'node:path';
import { Low } from 'lowdb';
import type { Logger } from '../../logger';
import type { FileSystem } from '../file-system';
import {
  COLLECTION_FORMAT,
  COLLECTION_VERSION,
  type CollectionDocument,
} from '../migrations/collection-document';
import { loadCollection } from './collection-load';
import { DurableJsonFile } from './durable-json-file';
import { JOURNAL_FORMAT, JournalFile } from './journal-file';
import { deleteJournalsBelow, journalPath } from './journal-generations';

/** Turns a stored value into a record, or throws naming the file and the record. */
export type RecordCheck = (value: unknown, file: string, where: string) => { id: string };

/** When the journals together outgrow this share of the snapshot, they are folded into it. */
export interface CompactionBounds {
  /** Never compact below this many journal bytes (small collections). */
  readonly minJournalBytes: number;
  /** Compact once the journals exceed this many times the snapshot's bytes. */
  readonly journalToSnapshot: number;
}

/** Below this, a journal is cheaper to replay than a snapshot is to rewrite at shutdown. */
const MIN_SHUTDOWN_COMPACTION = 64 * 1024;

export const DEFAULT_COMPACTION: CompactionBounds = {
  minJournalBytes: 1024 * 1024,
  journalToSnapshot: 5,
};

/**
 * The files of one collection:
 *   <name>.json                 lowdb snapshot {format, version, collection, generation, records}
 *   <name>.journal-<g>.jsonl    changes after snapshot generation ≤ g, one line per group commit
 *
 * A commit appends one line to the newest journal and fsyncs it: O(change).
 * Compaction, off the commit path: open journal g+1 (appends go there from
 * then on), write the state as of the end of journal g as snapshot g+1
 * (temp + fsync + rename + dir fsync), then delete journals below g+1.
 * Cut off at any step, the folder still loads: the old snapshot with every
 * journal, or the new snapshot with the journals left over (older ones are
 * deleted on load).
 */
export class CollectionFiles {
  private journal: JournalFile | undefined;
  private journalBytes: number;
  private compacting: Promise<void> | undefined;
  private compactAt: number;

  private constructor(
    private readonly fs: FileSystem,
    private readonly directory: string,
    private readonly name: string,
    private readonly logger: Logger,
    private readonly bounds: CompactionBounds,
    private generation: number,
    private snapshotBytes: number,
    journal: { file: JournalFile | undefined; bytes: number },
  ) {
    this.journal = journal.file;
    this.journalBytes = journal.bytes;
    this.compactAt = this.boundFor(snapshotBytes);
  }

  /** Reads snapshot and journals into `records` (insertion order kept), migrating an older snapshot. */
  static async load(
    fs: FileSystem,
    directory: string,
    name: string,
    check: RecordCheck,
    logger: Logger,
    bounds: CompactionBounds = DEFAULT_COMPACTION,
  ): Promise<{ files: CollectionFiles; records: Map<string, { id: string }> }> {
    const loaded = await loadCollection(fs, directory, name, check, logger);
    const files = new CollectionFiles(
      fs,
      directory,
      name,
      logger,
      bounds,
      loaded.generation,
      loaded.snapshotBytes,
      loaded.journal,
    );
    return { files, records: loaded.records };
  }

  /** Appends one commit's changes (a JSON `{put, del}` line) durably; the journal is created on the first commit. */
  async append(line: string): Promise<void> {
    this.journal ??= await this.createJournal(this.generation);
    this.journalBytes += await this.journal.append(line);
  }

  /** Whether the journals will have outgrown their bound once `bytes` more are appended. */
  wantsCompaction(bytes: number): boolean {
    return !this.compacting && this.journalBytes + bytes > this.compactAt;
  }

  /**
   * Starts a compaction to `records` — the state as of the last append, taken
   * by the caller before any later change. Resolves once appends go to the
   * new journal; the snapshot is written in the background.
   */
  async compact(records: readonly unknown[]): Promise<void> {
    const next = (this.journal?.generation ?? this.generation) + 1;
    let journal: JournalFile;
    try {
      journal = await this.createJournal(next);
    } catch (error) {
      this.postpone(error);
      return;
    }
    const previous = this.journal;
    const folded = this.journalBytes;
    this.journal = journal;
    this.journalBytes += journal.bytes;
    // Nothing is appended to the previous journal any more, whatever the snapshot's fate.
    void previous?.close().catch(() => undefined);
    this.compacting = this.writeSnapshot(next, records, folded)
      .catch((error: unknown) => this.postpone(error))
      .finally(() => {
        this.compacting = undefined;
      });
  }

  /** Resolves when no compaction is running. */
  async idle(): Promise<void> {
    while (this.compacting) await this.compacting;
  }

  /**
   * Compacts at a clean shutdown once the journals outweigh the snapshot, so
   * the next start reads one snapshot instead of replaying a long journal.
   * `records` must be the state after the last append (nothing pending).
   */
  async compactForShutdown(records: () => readonly unknown[]): Promise<void> {
    if (
      this.compacting ||
      !this.journal ||
      this.journalBytes <= Math.max(this.snapshotBytes, MIN_SHUTDOWN_COMPACTION)
    )
      return;
    await this.compact(records());
    await this.idle();
  }

  async close(): Promise<void> {
    await this.idle();
    await this.journal?.close();
    this.journal = undefined;
  }

  private createJournal(generation: number): Promise<JournalFile> {
    return JournalFile.create(this.fs, this.journalPath(generation), {
      format: JOURNAL_FORMAT,
      version: COLLECTION_VERSION,
      collection: this.name,
      generation,
    });
  }

  /** `folded`: bytes of the journals this snapshot replaces. */
  private async writeSnapshot(
    generation: number,
    records: readonly unknown[],
    folded: number,
  ): Promise<void> {
    const file = join(this.directory, `${this.name}.json`);
    const db = new Low<CollectionDocument>(new DurableJsonFile(file, this.fs), {
      format: COLLECTION_FORMAT,
      version: COLLECTION_VERSION,
      collection: this.name,
      generation,
      records,
    });
    await db.write();
    const written = (await this.fs.stat(file)).size;
    this.generation = generation;
    this.snapshotBytes = written;
    this.journalBytes -= folded;
    this.compactAt = this.boundFor(written);
    await deleteJournalsBelow(this.fs, this.directory, this.name, generation);
  }

  private postpone(error: unknown): void {
    this.compactAt = this.journalBytes + this.boundFor(this.snapshotBytes);
    this.logger.error(
      { err: error, collection: this.name },
      'compacting the collection failed; its journal keeps every change and it will try again',
    );
  }

  private boundFor(snapshotBytes: number): number {
    return Math.max(this.bounds.minJournalBytes, snapshotBytes * this.bounds.journalToSnapshot);
  }

  private journalPath(generation: number): string {
    return journalPath(this.directory, this.name, generation);
  }
}
