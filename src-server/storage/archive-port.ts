import type { StoredRecord } from './lowdb/collection';

/**
 * What hub archives (backup, restore, migrate between engines) need of a
 * storage engine: everything read as one consistent snapshot, and an empty
 * engine filled. Each engine (lowdb folder, PostgreSQL) implements it; the
 * archive format itself knows nothing of either.
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

/** A consistent view: writes made after it was taken are not in it. */
export interface StorageSnapshot {
  records(collection: ArchiveCollection): AsyncIterable<StoredRecord>;
  entries(log: ArchiveLog): AsyncIterable<ArchiveLogEntry>;
  heads(log: ArchiveLog): AsyncIterable<ArchiveStreamHead>;
  release(): Promise<void>;
}

export interface ArchivableStorage {
  snapshot(): Promise<StorageSnapshot>;
  /** True when no collection and no log holds anything (a restore target must be empty). */
  isEmpty(): Promise<boolean>;
  loadRecords(collection: ArchiveCollection, records: AsyncIterable<StoredRecord>): Promise<number>;
  loadEntries(log: ArchiveLog, entries: AsyncIterable<ArchiveLogEntry>): Promise<number>;
  loadHeads(log: ArchiveLog, heads: AsyncIterable<ArchiveStreamHead>): Promise<void>;
}
