import type { CollectionDefinition, StoredRecord } from '../document-collection';
import { UniqueViolation } from '../errors';

/**
 * The in-memory indexes of one lowdb collection, so no lookup on a request
 * path scans the collection: unique key → id, and secondary key → the
 * records with that key (id → record, so a listing walks its own records
 * only). Kept in step by the collection on every change of a record.
 */
export class RecordIndexes<T extends StoredRecord> {
  private readonly unique = new Map<string, Map<string, string>>();
  private readonly secondary = new Map<string, Map<string, Map<string, T>>>();

  constructor(private readonly definition: CollectionDefinition<T>) {
    for (const name of Object.keys(definition.unique ?? {})) this.unique.set(name, new Map());
    for (const name of Object.keys(definition.indexes ?? {})) this.secondary.set(name, new Map());
  }

  /** The id holding `key` in a unique index. */
  idByUnique(index: string, key: string): string | undefined {
    return this.uniqueIndex(index).get(key);
  }

  /** The records with `key` in a secondary index (id → record, insertion order). */
  withKey(index: string, key: string): ReadonlyMap<string, T> | undefined {
    return this.secondaryIndex(index).get(key);
  }

  keys(index: string): string[] {
    return [...this.secondaryIndex(index).keys()];
  }

  /** Throws UniqueViolation when a unique key of `record` is held by another record than `ownId`. */
  assertUnique(record: T, ownId?: string): void {
    for (const [name, keyOf] of Object.entries(this.definition.unique ?? {})) {
      const key = keyOf(record);
      if (key === undefined) continue;
      const holder = this.uniqueIndex(name).get(key);
      if (holder !== undefined && holder !== ownId)
        throw new UniqueViolation(this.definition.name, name);
    }
  }

  /** Moves the indexes from `current` to `next` (either undefined for an insert or a delete). */
  replace(current: T | undefined, next: T | undefined): void {
    // An index whose key did not change keeps the record in its place: lists stay in insertion
    // order after an edit (as on PostgreSQL), instead of moving the edited record to the end.
    const kept = current && next ? this.unchangedIndexes(current, next) : new Set<string>();
    if (current) this.remove(current, kept);
    if (next) this.add(next);
  }

  add(record: T): void {
    for (const [name, keyOf] of Object.entries(this.definition.unique ?? {})) {
      const key = keyOf(record);
      if (key !== undefined) this.uniqueIndex(name).set(key, record.id);
    }
    for (const [name, keyOf] of Object.entries(this.definition.indexes ?? {})) {
      const key = keyOf(record);
      if (key === undefined) continue;
      // A kept key's entry is replaced where it stands (Map.set keeps the order of an existing key).
      const index = this.secondaryIndex(name);
      const records = index.get(key) ?? new Map<string, T>();
      records.set(record.id, record);
      index.set(key, records);
    }
  }

  private remove(record: T, kept: ReadonlySet<string>): void {
    for (const [name, keyOf] of Object.entries(this.definition.unique ?? {})) {
      const key = keyOf(record);
      if (key !== undefined && this.uniqueIndex(name).get(key) === record.id)
        this.uniqueIndex(name).delete(key);
    }
    for (const [name, keyOf] of Object.entries(this.definition.indexes ?? {})) {
      const key = keyOf(record);
      if (key === undefined || kept.has(name)) continue;
      const records = this.secondaryIndex(name).get(key);
      records?.delete(record.id);
      if (records?.size === 0) this.secondaryIndex(name).delete(key);
    }
  }

  private unchangedIndexes(before: T, after: T): Set<string> {
    const names = Object.entries(this.definition.indexes ?? {}).flatMap(([name, keyOf]) =>
      keyOf(before) === keyOf(after) ? [name] : [],
    );
    return new Set(names);
  }

  private uniqueIndex(name: string): Map<string, string> {
    const index = this.unique.get(name);
    if (!index) throw new Error(`${this.definition.name} has no unique index ${name}`);
    return index;
  }

  private secondaryIndex(name: string): Map<string, Map<string, T>> {
    const index = this.secondary.get(name);
    if (!index) throw new Error(`${this.definition.name} has no index ${name}`);
    return index;
  }
}
