import type { ZodType } from 'zod';
import type { Slice, Window } from './repositories';

/**
 * What a repository needs of one collection of records, whatever keeps it:
 * the lowdb engine (lowdb/collection.ts, everything in memory, so reads
 * answer synchronously) or PostgreSQL (postgres/collection.ts, one table per
 * collection, so reads answer with a promise). Repositories `await` every
 * read, so one repository class serves both engines.
 *
 * Rules a repository cannot write as "read, check, then write" — on
 * PostgreSQL another hub process may write between the read and the write —
 * are primitives here, each atomic in both engines: the lowdb engine checks
 * and changes memory with no await in between, PostgreSQL uses row locks and
 * transaction-scoped advisory locks (never an in-process mutex).
 */

export interface StoredRecord {
  readonly id: string;
}

/** Extracts an index key from a record; undefined means "not in this index". */
export type KeyOf<T> = (record: T) => string | undefined;

/** What both engines need to know of a collection: its name, keys and schema. */
export interface CollectionDefinition<T> {
  /** The collection's name: lowdb file name, PostgreSQL table (with - as _), archive entry. */
  readonly name: string;
  /** Each key at most once in the collection; a clash throws UniqueViolation naming the key. */
  readonly unique?: Record<string, KeyOf<T>>;
  /** Secondary indexes that queries list and count by. */
  readonly indexes?: Record<string, KeyOf<T>>;
  /** Every record fits it (checked at load by lowdb, at write by PostgreSQL). */
  readonly schema?: ZodType;
}

/** A read that the lowdb engine answers at once and PostgreSQL with a promise. */
export type MaybePromise<T> = T | Promise<T>;

/** The outcome of an all-or-none change of several records. */
export type AllOrNone<T> = { ok: true; before: T[]; after: T[] } | { ok: false; badId: string };

export interface DocumentCollection<T extends StoredRecord> {
  readonly name: string;

  get(id: string): MaybePromise<T | undefined>;
  getByUnique(index: string, key: string): MaybePromise<T | undefined>;
  /** Records with this key, in insertion order. */
  listByIndex(index: string, key: string): MaybePromise<T[]>;
  countByIndex(index: string, key: string): MaybePromise<number>;
  /** The keys of an index (e.g. the expiry days present), in no particular order. */
  indexKeys(index: string): MaybePromise<string[]>;
  /**
   * One window of the whole collection, newest first (reverse insertion
   * order). With `matches`, every record is tested (the admin panel's record
   * lists: the one deliberate whole-collection walk, see storage/README.md).
   */
  newestFirst(window: Window, matches?: (record: T) => boolean): MaybePromise<Slice<T>>;
  /** Every record in insertion order: for start-up checks and the garbage collector, never a request path. */
  values(): MaybePromise<Iterable<T>>;
  /** How many records the collection holds. */
  count(): MaybePromise<number>;

  insert(record: T): Promise<T>;
  /** Replaces a record with `change(current)`; undefined if it does not exist. */
  update(id: string, change: (current: T) => T): Promise<T | undefined>;
  delete(id: string): Promise<boolean>;
  deleteMany(ids: Iterable<string>): Promise<number>;

  /**
   * Inserts the record `change(undefined)` or replaces the existing one with
   * `change(current)`, atomically: two callers at once never both insert
   * (and so never fail on the id) and never lose each other's change.
   */
  upsert(id: string, change: (current: T | undefined) => T): Promise<T>;

  /**
   * Stores `record` (inserting it, or replacing the record with its id) only
   * while fewer than `capacity` records have `key` in `index`: counted and
   * written as one step, so two callers can never both take the last place.
   * Returns false, changing nothing, when full. When a record with the id
   * exists and `mayReplace(existing)` is false, throws UniqueViolation on
   * 'id' instead (e.g. an enrolment that is already active).
   */
  insertOrUpdateIfCountBelow(
    index: string,
    key: string,
    capacity: number,
    record: T,
    mayReplace?: (existing: T) => boolean,
  ): Promise<boolean>;

  /**
   * Inserts `build(n)` where n is how many records have `key` in `index`,
   * counted and inserted as one step: two callers at once get n and n+1
   * (e.g. submission versions).
   */
  insertNumbered(index: string, key: string, build: (countBefore: number) => T): Promise<T>;

  /**
   * Inserts `build(n)` where n is how many records the collection holds,
   * counted and inserted as one step among callers of this method (e.g. the
   * first account becomes the admin: two at once never both see 0).
   */
  insertCountingAll(build: (countBefore: number) => T): Promise<T>;

  /**
   * Changes every record of `ids` with `change`, all or none: if one is
   * missing or `accept` refuses it, nothing changes and its id is returned
   * (e.g. claiming uploads for a post: one upload never lands on two posts).
   */
  updateAllOrNone(
    ids: readonly string[],
    accept: (current: T) => boolean,
    change: (current: T) => T,
  ): Promise<AllOrNone<T>>;

  /** Waits for pending writes and releases what the collection holds. */
  close(): Promise<void>;
}
