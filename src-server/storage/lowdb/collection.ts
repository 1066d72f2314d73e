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
import { CollectionFiles, type CompactionBounds } from './collection-files';
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

/** One caller's change: what each record it touched was before, to undo it if the commit fails. */
interface PendingChange<T> {
  readonly before: { readonly id: string; readonly record: T | undefined }[];
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * One collection: records in memory with unique and secondary indexes, kept
 * on disk as a lowdb snapshot plus a journal (collection-files.ts).
 *
 * Changes are applied to memory synchronously — so check-and-insert cannot
 * interleave with another request — and the returned promise settles only
 * once a group commit has appended them to the journal and fsynced it: one
 * line and one fsync per group, holding only the records the group touched.
 * If that append fails, the group's changes and every change made after
 * them (which may build on them) are undone in memory and their callers get
 * the error: a failed write is never visible later and never written by a
 * later commit.
 */
export class LowdbCollection<T extends StoredRecord> implements DocumentCollection<T> {
  private readonly uniqueIndexes = new Map<string, Map<string, string>>();
  /** Key → the records with that key (id → record): a listing walks its own records only, never the whole collection's map. */
  private readonly secondaryIndexes = new Map<string, Map<string, Map<string, T>>>();
  private queue: PendingChange<T>[] = [];
  private running: Promise<void> | undefined;

  private constructor(
    private readonly files: CollectionFiles,
    private readonly records: Map<string, T>,
    private readonly options: CollectionOptions<T>,
  ) {
    for (const name of Object.keys(options.unique ?? {})) this.uniqueIndexes.set(name, new Map());
    for (const name of Object.keys(options.indexes ?? {}))
      this.secondaryIndexes.set(name, new Map());
    for (const record of records.values()) this.addToIndexes(record);
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
    const id = this.uniqueIndex(index).get(key);
    return id === undefined ? undefined : this.get(id);
  }

  /** Records with this key, in insertion order. */
  listByIndex(index: string, key: string): T[] {
    const records = this.secondaryIndex(index).get(key);
    return records ? [...records.values()] : [];
  }

  countByIndex(index: string, key: string): number {
    return this.secondaryIndex(index).get(key)?.size ?? 0;
  }

  /** The keys of an index (e.g. the expiry days present), in no particular order. */
  indexKeys(index: string): string[] {
    return [...this.secondaryIndex(index).keys()];
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
    const items: T[] = [];
    let total = 0;
    for (let i = 0; i < all.length; i++) {
      const candidate = record(i);
      if (!matches(candidate)) continue;
      if (total >= window.offset && items.length < window.limit) items.push(candidate);
      total++;
    }
    return { items, total };
  }

  values(): IterableIterator<T> {
    return this.records.values();
  }

  count(): number {
    return this.records.size;
  }

  async insert(record: T): Promise<T> {
    if (this.get(record.id)) throw new UniqueViolation(this.name, 'id');
    this.assertUnique(record);
    this.set(record.id, record);
    await this.commit([{ id: record.id, record: undefined }]);
    return record;
  }

  /** Replaces a record with `change(current)`; undefined if it does not exist. */
  async update(id: string, change: (current: T) => T): Promise<T | undefined> {
    const current = this.get(id);
    if (!current) return undefined;
    const next = { ...change(current), id };
    this.assertUnique(next, id);
    this.set(id, next);
    await this.commit([{ id, record: current }]);
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
    if (before.length > 0) await this.commit(before);
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
    while (this.running) await this.running;
    await this.files.idle();
  }

  /** Flushes, compacts a long journal so the next start is quick, then releases the files. */
  async close(): Promise<void> {
    await this.flush();
    try {
      // Only with nothing pending: the snapshot must hold acknowledged changes only.
      if (!this.running && this.queue.length === 0)
        await this.files.compactForShutdown(() => [...this.records.values()]);
    } finally {
      await this.files.close();
    }
  }

  private commit(before: PendingChange<T>['before']): Promise<void> {
    const done = new Promise<void>((resolve, reject) =>
      this.queue.push({ before, resolve, reject }),
    );
    this.running ??= this.run();
    return done;
  }

  /** The group commit: every change queued while one append runs goes into the next append. */
  private async run(): Promise<void> {
    // Let the rest of this tick's changes join the first group.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.queue.length > 0) {
      const group = this.queue;
      this.queue = [];
      let state: T[] | undefined;
      try {
        const line = JSON.stringify(this.changeOf(group));
        // Taken now, before any later change: exactly the state at the end of this append.
        if (this.files.wantsCompaction(line.length)) state = [...this.records.values()];
        await this.files.append(line);
      } catch (error) {
        // Whatever failed (the disk, or a record JSON cannot hold), the group is undone and told.
        this.undo(group, error);
        this.options.onWriteFailure?.(error);
        continue;
      }
      for (const pending of group) pending.resolve();
      if (state) await this.files.compact(state);
    }
    this.running = undefined;
  }

  /** The records the group touched as they are now: written again whole, or deleted. */
  private changeOf(group: PendingChange<T>[]): { put?: T[]; del?: string[] } {
    const firstBefore = new Map<string, T | undefined>();
    for (const pending of group)
      for (const { id, record } of pending.before)
        if (!firstBefore.has(id)) firstBefore.set(id, record);
    const put: T[] = [];
    const del: string[] = [];
    for (const [id, before] of firstBefore) {
      const now = this.records.get(id);
      if (now) put.push(now);
      else if (before) del.push(id);
    }
    return { ...(put.length > 0 ? { put } : {}), ...(del.length > 0 ? { del } : {}) };
  }

  /** Undoes the failed group and everything queued after it, newest first, and fails their callers. */
  private undo(group: PendingChange<T>[], error: unknown): void {
    const failed = [...group, ...this.queue];
    this.queue = [];
    for (const pending of [...failed].reverse())
      for (const { id, record } of [...pending.before].reverse()) this.set(id, record);
    for (const pending of failed) pending.reject(error);
  }

  /** Puts `record` under `id` (undefined deletes it), keeping every index in step. */
  private set(id: string, record: T | undefined): void {
    const current = this.records.get(id);
    // An index whose key did not change keeps the record in its place: lists stay in insertion
    // order after an edit (as on PostgreSQL), instead of moving the edited record to the end.
    const kept = current && record ? this.unchangedIndexes(current, record) : new Set<string>();
    if (current) this.removeFromIndexes(current, kept);
    if (record) {
      this.records.set(id, record);
      this.addToIndexes(record);
    } else this.records.delete(id);
  }

  private unchangedIndexes(before: T, after: T): Set<string> {
    const names = Object.entries(this.options.indexes ?? {}).flatMap(([name, keyOf]) =>
      keyOf(before) === keyOf(after) ? [name] : [],
    );
    return new Set(names);
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
      // A kept key's entry is replaced where it stands (Map.set keeps the order of an existing key).
      const index = this.secondaryIndex(name);
      const records = index.get(key) ?? new Map<string, T>();
      records.set(record.id, record);
      index.set(key, records);
    }
  }

  private removeFromIndexes(record: T, kept: ReadonlySet<string>): void {
    for (const [name, keyOf] of Object.entries(this.options.unique ?? {})) {
      const key = keyOf(record);
      if (key !== undefined && this.uniqueIndex(name).get(key) === record.id)
        this.uniqueIndex(name).delete(key);
    }
    for (const [name, keyOf] of Object.entries(this.options.indexes ?? {})) {
      const key = keyOf(record);
      if (key === undefined || kept.has(name)) continue;
      const records = this.secondaryIndex(name).get(key);
      records?.delete(record.id);
      if (records?.size === 0) this.secondaryIndex(name).delete(key);
    }
  }

  private uniqueIndex(name: string): Map<string, string> {
    const index = this.uniqueIndexes.get(name);
    if (!index) throw new Error(`${this.name} has no unique index ${name}`);
    return index;
  }

  private secondaryIndex(name: string): Map<string, Map<string, T>> {
    const index = this.secondaryIndexes.get(name);
    if (!index) throw new Error(`${this.name} has no index ${name}`);
    return index;
  }
}
