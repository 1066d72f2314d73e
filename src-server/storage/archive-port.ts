import type { Readable } from 'node:stream';
import type { StoredRecord } from './lowdb/collection';

/**
 * What hub archives (backup, restore, migrate between engines) need of a
 * storage engine: everything read as one consistent snapshot, and an empty
 * engine filled. Each engine (lowdb folder, PostgreSQL) implements it; the
 * archive format itself knows nothing of either. A snapshot is read from a
 * running Storage (`storage.archive`); a restore fills an ArchiveTarget that
 * each engine opens on an empty folder or database.
 */

/** Every collection, in the order a restore loads them. */
export const ARCHIVE_COLLECTIONS = [
  'settings',
  'users',
  'auth-sessions',
  'account-tokens',
  'status-updates',
  'uploads',
  'courses',
  'enrolments',
  'materials',
  'deadlines',
  'submissions',
  'grades',
  'feedback',
  'done-marks',
  'sessions',
  'session-members',
  'posts',
  'comments',
  'message-edits',
  'read-markers',
  'announcements',
  'work-comments',
  'polls',
  'attendance',
  'exit-tickets',
  'class-tools',
] as const;
export type ArchiveCollection = (typeof ARCHIVE_COLLECTIONS)[number];

export const ARCHIVE_LOGS = ['audit', 'chat', 'notifications'] as const;
export type ArchiveLog = (typeof ARCHIVE_LOGS)[number];

export interface ArchiveLogEntry {
  readonly stream: string;
  readonly seq: number;
  readonly at: string;
  readonly entry: unknown;
}

/** A stream's newest seq, kept even when pruning removed its entries (clients' read positions point at it). */
export interface ArchiveStreamHead {
  readonly stream: string;
  readonly lastSeq: number;
}

/** A blob as a snapshot reads it; undefined when it is gone. */
export interface ArchiveBlob {
  readonly size: number;
  open(): Readable;
}

/** A consistent view: writes made after it was taken are not in it. */
export interface StorageSnapshot {
  records(collection: ArchiveCollection): AsyncIterable<StoredRecord>;
  /** Oldest first across the whole log (a restore numbers them in this order). */
  entries(log: ArchiveLog): AsyncIterable<ArchiveLogEntry>;
  heads(log: ArchiveLog): AsyncIterable<ArchiveStreamHead>;
  /** A referenced blob's bytes (blobs never change: the id is their sha256). */
  blob(id: string): Promise<ArchiveBlob | undefined>;
  release(): Promise<void>;
}

export type ArchiveEngine = 'lowdb' | 'postgres';

export interface ArchivableStorage {
  /** Written into an archive's manifest as its source. */
  readonly engine: ArchiveEngine;
  snapshot(): Promise<StorageSnapshot>;
  /** True when no collection and no log holds anything (a restore target must be empty). */
  isEmpty(): Promise<boolean>;
}

/**
 * An empty engine being filled by a restore. Nothing loaded is visible until
 * `commit` (lowdb: a sibling temp folder renamed into place; PostgreSQL: one
 * transaction), and `abort` leaves the target as it was, so a refused or
 * interrupted restore leaves it complete or absent, never half-filled.
 */
export interface ArchiveTarget {
  readonly engine: ArchiveEngine;
  loadRecords(collection: ArchiveCollection, records: AsyncIterable<StoredRecord>): Promise<number>;
  /** Entries arrive oldest first, as the snapshot gave them. */
  loadEntries(log: ArchiveLog, entries: AsyncIterable<ArchiveLogEntry>): Promise<number>;
  loadHeads(log: ArchiveLog, heads: AsyncIterable<ArchiveStreamHead>): Promise<void>;
  /** Stores a blob's bytes; `content` fails at its end when its sha256 is not `id`. */
  storeBlob(id: string, content: Readable): Promise<void>;
  /** Makes everything loaded durable and visible at once. */
  commit(): Promise<void>;
  /** Throws away everything loaded. Safe after a failed commit. */
  abort(): Promise<void>;
}
