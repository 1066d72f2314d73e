import { CorruptDataError } from '../errors';
import { migrateCollectionV1 } from './collection-v1';

export const COLLECTION_FORMAT = 'classhub-collection';
/** 2: records as a list in insertion order, a generation tying the snapshot to its journals. */
export const COLLECTION_VERSION = 2;

/** A collection's snapshot document (db/<name>.json), as lowdb reads and writes it. */
export interface CollectionDocument {
  readonly format: typeof COLLECTION_FORMAT;
  readonly version: typeof COLLECTION_VERSION;
  readonly collection: string;
  /** Journals of this generation and later hold the changes made after this snapshot. */
  readonly generation: number;
  readonly records: readonly unknown[];
}

/** One step per older version, each turning version n into n + 1. */
const MIGRATIONS: Record<
  number,
  (data: Record<string, unknown>, file: string, collection: string) => unknown
> = {
  1: migrateCollectionV1,
};

/**
 * Brings a snapshot document read from `file` to the current version, or
 * refuses it with a message naming the file. `from` is the version it was
 * written in, so the caller writes the upgraded document back once.
 */
export function upgradeCollectionDocument(
  data: Record<string, unknown>,
  file: string,
  collection: string,
): { document: CollectionDocument; from: number } {
  const from = data.version;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1)
    throw new CorruptDataError(file, 'it has no format version');
  if (from > COLLECTION_VERSION)
    throw new CorruptDataError(
      file,
      `it was written by a newer ClassHub (format ${from}; this hub reads up to ${COLLECTION_VERSION})`,
    );
  let current: Record<string, unknown> = data;
  for (let version = from; version < COLLECTION_VERSION; version++)
    current = MIGRATIONS[version]!(current, file, collection) as Record<string, unknown>;
  return { document: checkCurrent(current, file, collection), from };
}

function checkCurrent(
  data: Record<string, unknown>,
  file: string,
  collection: string,
): CollectionDocument {
  if (data.format !== COLLECTION_FORMAT) throw new CorruptDataError(file, 'unknown format');
  if (data.collection !== collection)
    throw new CorruptDataError(file, `it belongs to collection "${String(data.collection)}"`);
  if (typeof data.generation !== 'number' || !Number.isInteger(data.generation))
    throw new CorruptDataError(file, 'it has no generation number');
  if (!Array.isArray(data.records)) throw new CorruptDataError(file, 'its records are not a list');
  return data as unknown as CollectionDocument;
}
