import type { Logger } from '../../logger';
import type {
  AllOrNone,
  CollectionDefinition,
  DocumentCollection,
  StoredRecord,
} from '../document-collection';
import { UniqueViolation } from '../errors';
import { nodeFileSystem, type FileSystem } from '../file-system';
import type { Slice, Window } from '../repositories';
import { windowOfMatches } from '../window-of-matches';
import { CollectionFiles, type CompactionBounds } from './collection-files';
import { JournalCommits } from './journal-commits';
import { RecordIndexes } from './record-indexes';
import { recordCheck } from './record-check';

export type { KeyOf, StoredRecord } from '../document-collection';

/** The name is the file name without extension; the schema is checked on every record loaded. */
export interface CollectionOptions<T> extends CollectionDefinition<T> {
  /** When the journal is folded into the snapshot; tests make it small. */
  readonly compaction?: CompactionBounds;
  /** The real file system unless a test injects faults. */
  readonly fileSystem?: FileSystem;
  /** Told of every failed commit (after it is undone), e.g. so a full disk can be noticed hub-wide. */
  readonly onWriteFailure?: (error: unknown) => void;
}

/**
 * One collection: records in memory with unique and secondary indexes
 * (record-indexes.ts), kept on disk as a lowdb snapshot plus a journal
 * (collection-files.ts) by group commits (journal-commits.ts).
 *
 * Changes are applied to memory synchronously — so check-and-insert cannot
 * interleave with another request — and the returned promise settles only
 * once a group commit has appended them to the journal and fsynced it: one
 * line and one fsync per group, holding only the records the group touched.
 * If that append fails, the group's changes and every change made after
 * them (which may build on them) are undone in memory and their callers get
 * the error: a failed write is never visible later and never written by a
 * later commit. This class holds the records and the primitives over them.
 */
export class LowdbCollection<T extends StoredRecord> implements DocumentCollection<T> {
  private readonly indexes: RecordIndexes<T>;
  private readonly journal: JournalCommits<T>;

  private constructor(
    private readonly files: CollectionFiles,
    private readonly records: Map<string, T>,
    private readonly options: CollectionOptions<T>,
  ) {
    this.indexes = new RecordIndexes(options);
    for (const record of records.values()) this.indexes.add(record);
    this.journal = new JournalCommits(
      files,
      {
        get: (id) => records.get(id),
        set: (id, record) => this.set(id, record),
        all: () => [...records.values()],
      },
      options.onWriteFailure,
    );
  }

  static async open<T extends StoredRecord>(
    directory: string,
    options: CollectionOptions<T>,
    logger: Logger,
  ): Promise<LowdbCollection<T>> {
    const { files, records } = await CollectionFiles.load(
      options.fileSystem ?? nodeFileSystem,
      directory,
      options.name,
      recordCheck(options.schema),
      logger,
      options.compaction,
    );
    return new LowdbCollection(files, records as Map<string, T>, options);
  }

  get name(): string {
    return this.options.name;
  }

  get size(): number {
    return this.records.size;
  }

  get(id: string): T | undefined {
    return this.records.get(id);
  }

  getByUnique(index: string, key: string): T | undefined {
    const id = this.indexes.idByUnique(index, key);
    return id === undefined ? undefined : this.get(id);
  }

  /** Records with this key, in insertion order. */
  listByIndex(index: string, key: string): T[] {
    const records = this.indexes.withKey(index, key);
    return records ? [...records.values()] : [];
  }

  countByIndex(index: string, key: string): number {
    return this.indexes.withKey(index, key)?.size ?? 0;
  }

  /** The keys of an index (e.g. the expiry days present), in no particular order. */
  indexKeys(index: string): string[] {
    return this.indexes.keys(index);
  }

  /**
   * One window of the whole collection, newest first (reverse insertion
   * order). Without `matches` only the window's records are read (the ids
   * are listed once); with it, every record is tested, because the total
   * must count every match.
   */
  newestFirst(window: Window, matches?: (record: T) => boolean): Slice<T> {
    const all = [...this.records.values()];
    const record = (i: number) => all[all.length - 1 - i]!;
    if (!matches) {
      const end = Math.min(all.length, window.offset + window.limit);
      const items: T[] = [];
      for (let i = window.offset; i < end; i++) items.push(record(i));
      return { items, total: all.length };
    }
    return windowOfMatches(all.toReversed(), window, matches);
  }

  values(): IterableIterator<T> {
    return this.records.values();
  }

  count(): number {
    return this.records.size;
  }

  async insert(record: T): Promise<T> {
    if (this.get(record.id)) throw new UniqueViolation(this.name, 'id');
    this.indexes.assertUnique(record);
    this.set(record.id, record);
    await this.journal.commit([{ id: record.id, record: undefined }]);
    return record;
  }

  /** Replaces a record with `change(current)`; undefined if it does not exist. */
  async update(id: string, change: (current: T) => T): Promise<T | undefined> {
    const current = this.get(id);
    if (!current) return undefined;
    const next = { ...change(current), id };
    this.indexes.assertUnique(next, id);
    this.set(id, next);
    await this.journal.commit([{ id, record: current }]);
    return next;
  }

  async delete(id: string): Promise<boolean> {
    return (await this.deleteMany([id])) > 0;
  }

  async deleteMany(ids: Iterable<string>): Promise<number> {
    const before: { id: string; record: T }[] = [];
    for (const id of new Set(ids)) {
      const current = this.get(id);
      if (!current) continue;
      this.set(id, undefined);
      before.push({ id, record: current });
    }
    if (before.length > 0) await this.journal.commit(before);
    return before.length;
  }

  // The primitives below check and change memory with no await in between: nothing can interleave.

  async upsert(id: string, change: (current: T | undefined) => T): Promise<T> {
    const current = this.get(id);
    if (current) return (await this.update(id, change))!;
    return this.insert({ ...change(undefined), id });
  }

  async insertOrUpdateIfCountBelow(
    index: string,
    key: string,
    capacity: number,
    record: T,
    mayReplace: (existing: T) => boolean = () => true,
  ): Promise<boolean> {
    if (this.countByIndex(index, key) >= capacity) return false;
    const existing = this.get(record.id);
    if (existing && !mayReplace(existing)) throw new UniqueViolation(this.name, 'id');
    await (existing ? this.update(record.id, () => record) : this.insert(record));
    return true;
  }

  async insertNumbered(index: string, key: string, build: (countBefore: number) => T): Promise<T> {
    return this.insert(build(this.countByIndex(index, key)));
  }

  async insertCountingAll(build: (countBefore: number) => T): Promise<T> {
    return this.insert(build(this.records.size));
  }

  async updateAllOrNone(
    ids: readonly string[],
    accept: (current: T) => boolean,
    change: (current: T) => T,
  ): Promise<AllOrNone<T>> {
    const before: T[] = [];
    for (const id of new Set(ids)) {
      const current = this.get(id);
      if (!current || !accept(current)) return { ok: false, badId: id };
      before.push(current);
    }
    const after = await Promise.all(
      before.map(async (current) => (await this.update(current.id, change))!),
    );
    return { ok: true, before, after };
  }

  /** Waits until every change made so far is on disk, and any compaction has finished. */
  async flush(): Promise<void> {
    await this.journal.flush();
  }

  /** Flushes, compacts a long journal so the next start is quick, then releases the files. */
  async close(): Promise<void> {
    await this.flush();
    try {
      // Only with nothing pending: the snapshot must hold acknowledged changes only.
      if (this.journal.quiet) await this.files.compactForShutdown(() => [...this.records.values()]);
    } finally {
      await this.files.close();
    }
  }

  /** Puts `record` under `id` (undefined deletes it), keeping every index in step. */
  private set(id: string, record: T | undefined): void {
    this.indexes.replace(this.records.get(id), record);
    if (record) this.records.set(id, record);
    else this.records.delete(id);
  }
}
