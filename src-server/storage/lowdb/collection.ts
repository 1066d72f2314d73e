import { join } from 'node:path';
import { Low } from 'lowdb';
import type { Logger } from '../../logger';
import { removeLeftoverTempFiles } from '../durable-file';
import { CorruptDataError, UniqueViolation } from '../errors';
import { GroupCommit } from '../group-commit';
import type { Slice, Window } from '../repositories';
import { DurableJsonFile } from './durable-json-file';

export interface StoredRecord {
  readonly id: string;
}

/** Extracts an index key from a record; undefined means "not in this index". */
export type KeyOf<T> = (record: T) => string | undefined;

export interface CollectionOptions<T> {
  /** File name without extension; one lowdb file per collection keeps each write small. */
  readonly name: string;
  readonly unique?: Record<string, KeyOf<T>>;
  readonly indexes?: Record<string, KeyOf<T>>;
}

interface CollectionFile<T> {
  version: 1;
  records: Record<string, T>;
}

/**
 * One collection in one lowdb file, with in-memory unique and secondary
 * indexes. Changes are applied to memory synchronously — so check-and-insert
 * cannot interleave with another request — and the returned promise settles
 * only once a group commit has made the change durable.
 */
export class LowdbCollection<T extends StoredRecord> {
  private readonly uniqueIndexes = new Map<string, Map<string, string>>();
  private readonly secondaryIndexes = new Map<string, Map<string, Set<string>>>();
  private readonly commit: GroupCommit;
  private count = 0;

  private constructor(
    private readonly db: Low<CollectionFile<T>>,
    private readonly options: CollectionOptions<T>,
  ) {
    this.commit = new GroupCommit(() => this.db.write());
    for (const name of Object.keys(options.unique ?? {})) this.uniqueIndexes.set(name, new Map());
    for (const name of Object.keys(options.indexes ?? {}))
      this.secondaryIndexes.set(name, new Map());
    for (const record of Object.values(db.data.records)) this.addToIndexes(record);
    this.count = Object.keys(db.data.records).length;
  }

  static async open<T extends StoredRecord>(
    directory: string,
    options: CollectionOptions<T>,
    logger: Logger,
  ): Promise<LowdbCollection<T>> {
    const file = join(directory, `${options.name}.json`);
    const leftovers = await removeLeftoverTempFiles(directory, file);
    if (leftovers.length > 0) {
      logger.warn(
        { collection: options.name, leftovers },
        'removed temp files of an interrupted write; the last acknowledged version is intact',
      );
    }
    const db = new Low<CollectionFile<T>>(new DurableJsonFile(file), { version: 1, records: {} });
    await db.read();
    if (db.data?.version !== 1 || typeof db.data.records !== 'object' || db.data.records === null) {
      throw new CorruptDataError(file, 'unknown format');
    }
    return new LowdbCollection(db, options);
  }

  get name(): string {
    return this.options.name;
  }

  get size(): number {
    return this.count;
  }

  get(id: string): T | undefined {
    return Object.hasOwn(this.db.data.records, id) ? this.db.data.records[id] : undefined;
  }

  getByUnique(index: string, key: string): T | undefined {
    const id = this.uniqueIndex(index).get(key);
    return id === undefined ? undefined : this.get(id);
  }

  /** Records with this key, in insertion order. */
  listByIndex(index: string, key: string): T[] {
    const ids = this.secondaryIndex(index).get(key);
    return ids ? [...ids].map((id) => this.db.data.records[id]!) : [];
  }

  countByIndex(index: string, key: string): number {
    return this.secondaryIndex(index).get(key)?.size ?? 0;
  }

  /**
   * One window of the whole collection, newest first (reverse insertion
   * order). Without `matches` only the window's records are read (the ids
   * are listed once); with it, every record is tested, because the total
   * must count every match.
   */
  newestFirst(window: Window, matches?: (record: T) => boolean): Slice<T> {
    const ids = Object.keys(this.db.data.records);
    const record = (i: number) => this.db.data.records[ids[ids.length - 1 - i]!]!;
    if (!matches) {
      const end = Math.min(ids.length, window.offset + window.limit);
      const items: T[] = [];
      for (let i = window.offset; i < end; i++) items.push(record(i));
      return { items, total: ids.length };
    }
    const items: T[] = [];
    let total = 0;
    for (let i = 0; i < ids.length; i++) {
      const candidate = record(i);
      if (!matches(candidate)) continue;
      if (total >= window.offset && items.length < window.limit) items.push(candidate);
      total++;
    }
    return { items, total };
  }

  values(): IterableIterator<T> {
    return Object.values(this.db.data.records)[Symbol.iterator]();
  }

  async insert(record: T): Promise<T> {
    if (this.get(record.id)) throw new UniqueViolation(this.name, 'id');
    this.assertUnique(record);
    this.db.data.records[record.id] = record;
    this.count++;
    this.addToIndexes(record);
    await this.commit.request();
    return record;
  }

  /** Replaces a record with `change(current)`; undefined if it does not exist. */
  async update(id: string, change: (current: T) => T): Promise<T | undefined> {
    const current = this.get(id);
    if (!current) return undefined;
    const next = { ...change(current), id };
    this.assertUnique(next, id);
    this.removeFromIndexes(current);
    this.db.data.records[id] = next;
    this.addToIndexes(next);
    await this.commit.request();
    return next;
  }

  async delete(id: string): Promise<boolean> {
    return (await this.deleteMany([id])) > 0;
  }

  async deleteMany(ids: Iterable<string>): Promise<number> {
    let removed = 0;
    for (const id of ids) {
      const current = this.get(id);
      if (!current) continue;
      this.removeFromIndexes(current);
      delete this.db.data.records[id];
      this.count--;
      removed++;
    }
    if (removed > 0) await this.commit.request();
    return removed;
  }

  /** Waits until every change made so far is on disk. */
  flush(): Promise<void> {
    return this.commit.idle();
  }

  private assertUnique(record: T, ownId?: string): void {
    for (const [name, keyOf] of Object.entries(this.options.unique ?? {})) {
      const key = keyOf(record);
      if (key === undefined) continue;
      const holder = this.uniqueIndex(name).get(key);
      if (holder !== undefined && holder !== ownId) throw new UniqueViolation(this.name, name);
    }
  }

  private addToIndexes(record: T): void {
    for (const [name, keyOf] of Object.entries(this.options.unique ?? {})) {
      const key = keyOf(record);
      if (key !== undefined) this.uniqueIndex(name).set(key, record.id);
    }
    for (const [name, keyOf] of Object.entries(this.options.indexes ?? {})) {
      const key = keyOf(record);
      if (key === undefined) continue;
      const index = this.secondaryIndex(name);
      const ids = index.get(key) ?? new Set<string>();
      ids.add(record.id);
      index.set(key, ids);
    }
  }

  private removeFromIndexes(record: T): void {
    for (const [name, keyOf] of Object.entries(this.options.unique ?? {})) {
      const key = keyOf(record);
      if (key !== undefined && this.uniqueIndex(name).get(key) === record.id)
        this.uniqueIndex(name).delete(key);
    }
    for (const [name, keyOf] of Object.entries(this.options.indexes ?? {})) {
      const key = keyOf(record);
      if (key === undefined) continue;
      const ids = this.secondaryIndex(name).get(key);
      ids?.delete(record.id);
      if (ids?.size === 0) this.secondaryIndex(name).delete(key);
    }
  }

  private uniqueIndex(name: string): Map<string, string> {
    const index = this.uniqueIndexes.get(name);
    if (!index) throw new Error(`${this.name} has no unique index ${name}`);
    return index;
  }

  private secondaryIndex(name: string): Map<string, Set<string>> {
    const index = this.secondaryIndexes.get(name);
    if (!index) throw new Error(`${this.name} has no index ${name}`);
    return index;
  }
}
