import { sql } from 'kysely';
import type {
  AllOrNone,
  CollectionDefinition,
  DocumentCollection,
  StoredRecord,
} from '../document-collection';
import { UniqueViolation } from '../errors';
import type { Slice, Window } from '../repositories';
import { windowOfMatches } from '../window-of-matches';
import type { PgDatabase } from './connect';
import { KeyColumns } from './key-columns';
import { TableRows, type Executor } from './table-rows';
import { tableOf } from './table-names';
import { checkRecord, writeTranslatingErrors } from './write-checks';

/** How often an upsert retries when another hub inserted the same id between its read and its insert. */
const UPSERT_ATTEMPTS = 5;

/**
 * One collection as one PostgreSQL table (migrations/document-table.ts):
 * the record whole in `data` (jsonb), its insertion order in `seq`, and one
 * text column per unique key and index (key-columns.ts). The statements are
 * table-rows.ts; this class decides which of them form one atomic step.
 *
 * Every rule is kept by the database, so several hub processes may share
 * it: unique keys by UNIQUE indexes (a clash becomes UniqueViolation),
 * read-modify-write by SELECT … FOR UPDATE in a transaction, and counting
 * rules (capacity, numbering) under a transaction-scoped advisory lock on
 * the counted key. A write resolves once committed, i.e. durable, and
 * only after its record fits the schema (write-checks.ts).
 */
export class PgCollection<T extends StoredRecord> implements DocumentCollection<T> {
  private readonly columns: KeyColumns<T>;
  private readonly rows: TableRows<T>;

  private constructor(
    private readonly db: PgDatabase,
    private readonly definition: CollectionDefinition<T>,
  ) {
    const table = tableOf(definition.name);
    this.columns = new KeyColumns(table, definition);
    this.rows = new TableRows(table, this.columns);
  }

  /** Opens the collection after checking that its table has a column for every key it defines. */
  static async open<T extends StoredRecord>(
    db: PgDatabase,
    definition: CollectionDefinition<T>,
  ): Promise<PgCollection<T>> {
    const collection = new PgCollection<T>(db, definition);
    await collection.columns.checkTable(db);
    return collection;
  }

  get name(): string {
    return this.definition.name;
  }

  async get(id: string): Promise<T | undefined> {
    return this.rows.one(this.db, sql`id = ${id}`);
  }

  async getByUnique(index: string, key: string): Promise<T | undefined> {
    return this.rows.one(this.db, sql`${sql.ref(this.columns.uniqueColumn(index))} = ${key}`);
  }

  async listByIndex(index: string, key: string): Promise<T[]> {
    const column = sql.ref(this.columns.indexColumn(index));
    return this.rows.all(this.db, sql`where ${column} = ${key} order by seq`);
  }

  async countByIndex(index: string, key: string): Promise<number> {
    return this.rows.countWhere(this.db, sql`${sql.ref(this.columns.indexColumn(index))} = ${key}`);
  }

  async indexKeys(index: string): Promise<string[]> {
    return this.rows.distinctKeys(this.db, this.columns.indexColumn(index));
  }

  async newestFirst(window: Window, matches?: (record: T) => boolean): Promise<Slice<T>> {
    if (!matches) {
      const order = sql`order by seq desc limit ${window.limit} offset ${window.offset}`;
      return { items: await this.rows.all(this.db, order), total: await this.count() };
    }
    // The admin panel's search walks the collection (storage/README.md); the filter is JavaScript.
    return windowOfMatches(await this.rows.all(this.db, sql`order by seq desc`), window, matches);
  }

  async values(): Promise<T[]> {
    return this.rows.all(this.db, sql`order by seq`);
  }

  async count(): Promise<number> {
    return this.rows.countWhere(this.db, sql`true`);
  }

  async insert(record: T): Promise<T> {
    this.check(record);
    await this.writing(() => this.rows.insert(this.db, record));
    return record;
  }

  async update(id: string, change: (current: T) => T): Promise<T | undefined> {
    return this.writing(() =>
      this.db.transaction().execute(async (trx) => {
        const current = await this.rows.one(trx, sql`id = ${id}`, sql`for update`);
        if (!current) return undefined;
        const next = { ...change(current), id };
        this.check(next);
        await this.rows.update(trx, next);
        return next;
      }),
    );
  }

  async delete(id: string): Promise<boolean> {
    return (await this.deleteMany([id])) > 0;
  }

  async deleteMany(ids: Iterable<string>): Promise<number> {
    const list = [...new Set(ids)];
    if (list.length === 0) return 0;
    return this.rows.deleteIds(this.db, list);
  }

  async upsert(id: string, change: (current: T | undefined) => T): Promise<T> {
    return this.writing(async () => {
      for (let attempt = 1; ; attempt++) {
        const stored = await this.db.transaction().execute(async (trx) => {
          const current = await this.rows.one(trx, sql`id = ${id}`, sql`for update`);
          const next = { ...change(current), id };
          this.check(next);
          if (current) await this.rows.update(trx, next);
          // Another hub may insert the id after our read: then read again, and update theirs.
          else if (!(await this.rows.insert(trx, next, sql`on conflict (id) do nothing`)))
            return undefined;
          return next;
        });
        if (stored) return stored;
        if (attempt >= UPSERT_ATTEMPTS) throw new UniqueViolation(this.name, 'id');
      }
    });
  }

  async insertOrUpdateIfCountBelow(
    index: string,
    key: string,
    capacity: number,
    record: T,
    mayReplace: (existing: T) => boolean = () => true,
  ): Promise<boolean> {
    const column = sql.ref(this.columns.indexColumn(index));
    this.check(record);
    return this.writing(() =>
      this.db.transaction().execute(async (trx) => {
        await this.rows.lockKey(trx, index, key);
        if ((await this.rows.countWhere(trx, sql`${column} = ${key}`)) >= capacity) return false;
        const existing = await this.rows.one(trx, sql`id = ${record.id}`, sql`for update`);
        if (existing && !mayReplace(existing)) throw new UniqueViolation(this.name, 'id');
        await (existing ? this.rows.update(trx, record) : this.rows.insert(trx, record));
        return true;
      }),
    );
  }

  async insertNumbered(index: string, key: string, build: (countBefore: number) => T): Promise<T> {
    const column = sql.ref(this.columns.indexColumn(index));
    return this.writing(() =>
      this.db.transaction().execute(async (trx) => {
        await this.rows.lockKey(trx, index, key);
        const record = build(await this.rows.countWhere(trx, sql`${column} = ${key}`));
        this.check(record);
        await this.rows.insert(trx, record);
        return record;
      }),
    );
  }

  async insertCountingAll(build: (countBefore: number) => T): Promise<T> {
    return this.writing(() =>
      this.db.transaction().execute(async (trx) => {
        await this.rows.lockKey(trx, '', '*');
        const record = build(await this.rows.countWhere(trx, sql`true`));
        this.check(record);
        await this.rows.insert(trx, record);
        return record;
      }),
    );
  }

  async updateAllOrNone(
    ids: readonly string[],
    accept: (current: T) => boolean,
    change: (current: T) => T,
  ): Promise<AllOrNone<T>> {
    const wanted = [...new Set(ids)];
    return this.writing(() =>
      this.db.transaction().execute(async (trx): Promise<AllOrNone<T>> => {
        // Locked in id order, so two claims over the same records cannot deadlock.
        const locked = await this.rows.all(
          trx,
          sql`where id = any(${wanted}::text[]) order by id for update`,
        );
        const byId = new Map(locked.map((record) => [record.id, record]));
        const before: T[] = [];
        for (const id of wanted) {
          const current = byId.get(id);
          if (!current || !accept(current)) return { ok: false, badId: id };
          before.push(current);
        }
        const after: T[] = [];
        for (const current of before) {
          const next = { ...change(current), id: current.id };
          this.check(next);
          await this.rows.update(trx, next);
          after.push(next);
        }
        return { ok: true, before, after };
      }),
    );
  }

  /**
   * Inserts records in one multi-row statement on `executor` (a restore's
   * transaction, postgres/archive-target.ts), each checked against the schema
   * and its key columns filled as every other write fills them.
   */
  async insertBatch(executor: Executor, records: readonly T[]): Promise<void> {
    if (records.length === 0) return;
    for (const record of records) this.check(record);
    await this.writing(() => this.rows.insertMany(executor, records));
  }

  /** Nothing to release: the connection pool belongs to the storage that opened the collection. */
  async close(): Promise<void> {}

  private check(record: T): void {
    checkRecord(this.definition, record);
  }

  /** Runs a write, turning PostgreSQL's unique violations into the UniqueViolation services expect. */
  private writing<R>(write: () => Promise<R>): Promise<R> {
    return writeTranslatingErrors(this.name, this.columns, write);
  }
}
