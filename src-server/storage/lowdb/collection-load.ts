import { join } from 'node:path';
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
import type { RecordCheck } from './collection-files';
import { DurableJsonFile } from './durable-json-file';
import { JournalFile, readJournal } from './journal-file';
import { deleteJournalsBelow, journalGenerations, journalPath } from './journal-generations';

/** A collection as read back at start: its records, and where appending and compaction go on. */
export interface LoadedCollection {
  readonly records: Map<string, { id: string }>;
  readonly generation: number;
  readonly snapshotBytes: number;
  readonly journal: { file: JournalFile | undefined; bytes: number };
}

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
 * Reads a collection's snapshot and journals into records (insertion order
 * kept), migrating an older snapshot, cutting a torn journal tail and
 * letting go of the files an interrupted write or compaction left.
 */
export async function loadCollection(
  fs: FileSystem,
  directory: string,
  name: string,
  check: RecordCheck,
  logger: Logger,
): Promise<LoadedCollection> {
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
  const journal = await replayJournals(fs, directory, name, snapshot.document.generation, loading);
  // Checked once per live record, where it last came from: a record
  // rewritten a thousand times in the journal costs one check, not 1,000.
  const records = new Map<string, { id: string }>();
  for (const [id, value] of loading.values) {
    const origin = loading.origins.get(id)!;
    records.set(id, check(value, origin.file, origin.where));
  }
  return {
    records,
    generation: snapshot.document.generation,
    snapshotBytes: snapshot.bytes,
    journal,
  };
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
    const file = journalPath(directory, name, generation);
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
