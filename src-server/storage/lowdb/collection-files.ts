import { join } from 'node:path';
import { Low } from 'lowdb';
import type { Logger } from '../../logger';
import { removeLeftoverTempFiles } from '../durable-file';
import { CorruptDataError } from '../errors';
import type { FileSystem } from '../file-system';
import {
  COLLECTION_FORMAT,
  COLLECTION_VERSION,
  upgradeCollectionDocument,
  type CollectionDocument,
} from '../migrations/collection-document';
import { DurableJsonFile } from './durable-json-file';
import { JOURNAL_FORMAT, JournalFile, readJournal } from './journal-file';

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

interface Change {
  readonly put?: unknown[];
  readonly del?: string[];
}

/** Records as read so far, each with the place it was last read from (for error messages). */
interface Loading {
  readonly logger: Logger;
  readonly values: Map<string, unknown>;
  readonly origins: Map<string, { readonly file: string; readonly where: string }>;
}

function put(loading: Loading, value: unknown, origin: { file: string; where: string }): void {
  const id = (value as { id?: unknown } | null)?.id;
  if (typeof id !== 'string' || id === '')
    throw new CorruptDataError(origin.file, `${origin.where} is not a record with an id`);
  loading.values.set(id, value);
  loading.origins.set(id, origin);
}

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
    const snapshotFile = join(directory, `${name}.json`);
    const leftovers = await removeLeftoverTempFiles(directory, snapshotFile, fs);
    if (leftovers.length > 0)
      logger.warn(
        { collection: name, leftovers },
        'removed temp files of an interrupted write; the last acknowledged version is intact',
      );
    const snapshot = await readSnapshot(fs, snapshotFile, name, logger);
    const loading: Loading = { logger, values: new Map(), origins: new Map() };
    snapshot.document.records.forEach((value, i) =>
      put(loading, value, { file: snapshotFile, where: `record ${i + 1}` }),
    );
    const journal = await replayJournals(
      fs,
      directory,
      name,
      snapshot.document.generation,
      loading,
    );
    // Checked once per live record, where it last came from: a record
    // rewritten a thousand times in the journal costs one check, not 1,000.
    const records = new Map<string, { id: string }>();
    for (const [id, value] of loading.values) {
      const origin = loading.origins.get(id)!;
      records.set(id, check(value, origin.file, origin.where));
    }
    const files = new CollectionFiles(
      fs,
      directory,
      name,
      logger,
      bounds,
      snapshot.document.generation,
      snapshot.bytes,
      journal,
    );
    return { files, records };
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
    return join(this.directory, `${this.name}.journal-${generation}.jsonl`);
  }
}

async function readSnapshot(
  fs: FileSystem,
  file: string,
  name: string,
  logger: Logger,
): Promise<{ document: CollectionDocument; bytes: number }> {
  const adapter = new DurableJsonFile<CollectionDocument>(file, fs);
  const data = await adapter.read();
  if (data === null) return { document: emptyDocument(name), bytes: 0 };
  const { document, from } = upgradeCollectionDocument(
    data as unknown as Record<string, unknown>,
    file,
    name,
  );
  if (from !== COLLECTION_VERSION) {
    await adapter.write(document);
    logger.info(
      { collection: name, from, to: COLLECTION_VERSION, records: document.records.length },
      'migrated the collection file to the current format',
    );
  }
  return { document, bytes: (await fs.stat(file)).size };
}

function emptyDocument(name: string): CollectionDocument {
  return {
    format: COLLECTION_FORMAT,
    version: COLLECTION_VERSION,
    collection: name,
    generation: 0,
    records: [],
  };
}

async function journalGenerations(
  fs: FileSystem,
  directory: string,
  name: string,
): Promise<number[]> {
  const pattern = new RegExp(
    `^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.journal-(\\d+)\\.jsonl$`,
  );
  const generations: number[] = [];
  for (const entry of await fs.readdir(directory)) {
    const match = pattern.exec(entry);
    if (match) generations.push(Number(match[1]));
  }
  return generations.sort((a, b) => a - b);
}

async function deleteJournalsBelow(
  fs: FileSystem,
  directory: string,
  name: string,
  generation: number,
) {
  const old = (await journalGenerations(fs, directory, name)).filter((g) => g < generation);
  await Promise.all(
    old.map((g) => fs.unlink(join(directory, `${name}.journal-${g}.jsonl`)).catch(() => undefined)),
  );
  return old;
}

/**
 * Applies the journals of generation ≥ the snapshot's, oldest first, and
 * reopens the newest for appending. Journals below it were folded into the
 * snapshot by a compaction cut off before it deleted them.
 */
async function replayJournals(
  fs: FileSystem,
  directory: string,
  name: string,
  snapshotGeneration: number,
  target: Loading,
): Promise<{ file: JournalFile | undefined; bytes: number }> {
  const stale = await deleteJournalsBelow(fs, directory, name, snapshotGeneration);
  if (stale.length > 0)
    target.logger.info(
      { collection: name, generations: stale },
      'removed journals already folded into the snapshot',
    );
  const generations = (await journalGenerations(fs, directory, name)).filter(
    (g) => g >= snapshotGeneration,
  );
  let bytes = 0;
  let newest: { file: string; generation: number; goodBytes: number } | undefined;
  for (const [i, generation] of generations.entries()) {
    const file = join(directory, `${name}.journal-${generation}.jsonl`);
    if (generation !== snapshotGeneration + i)
      throw new CorruptDataError(
        file,
        `journal ${snapshotGeneration + i} of this collection is missing`,
      );
    const read = await readJournal(fs, file);
    if (read.tornBytes > 0)
      target.logger.warn(
        { collection: name, file, bytes: read.tornBytes },
        'cut a torn journal tail: a write that was never acknowledged',
      );
    if (read.header && read.header.version > COLLECTION_VERSION)
      throw new CorruptDataError(
        file,
        `it was written by a newer ClassHub (format ${read.header.version})`,
      );
    if (!read.header) {
      // Created by a rotation cut off before its header was durable: never written to.
      await fs.unlink(file);
      continue;
    }
    for (const entry of read.entries) applyEntry(entry, file, target);
    bytes += read.goodBytes;
    newest = { file, generation, goodBytes: read.goodBytes };
  }
  if (!newest) return { file: undefined, bytes };
  return {
    file: await JournalFile.reopen(fs, newest.file, newest.generation, newest.goodBytes),
    bytes,
  };
}

function applyEntry(entry: { line: number; value: unknown }, file: string, target: Loading): void {
  const change = entry.value as Change | null;
  const puts = change?.put ?? [];
  const dels = change?.del ?? [];
  if (!Array.isArray(puts) || !Array.isArray(dels) || dels.some((id) => typeof id !== 'string'))
    throw new CorruptDataError(file, `line ${entry.line} is not a change of this collection`);
  for (const value of puts) put(target, value, { file, where: `line ${entry.line}` });
  for (const id of dels) {
    target.values.delete(id);
    target.origins.delete(id);
  }
}
