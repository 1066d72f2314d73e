import { sql, type RawBuilder, type Transaction } from 'kysely';
import { z } from 'zod';
import type {
  AllOrNone,
  CollectionDefinition,
  DocumentCollection,
  KeyOf,
  StoredRecord,
} from '../document-collection';
import { UniqueViolation, UnstorableTextError } from '../errors';
import type { Slice, Window } from '../repositories';
import type { PgDatabase } from './connect';
import { indexColumn, indexNameOf, tableOf, uniqueColumn } from './table-names';

interface KeyColumn<T> {
  readonly key: string;
  readonly column: string;
  readonly keyOf: KeyOf<T>;
}

export type Executor = PgDatabase | Transaction<object>;

/** How often an upsert retries when another hub inserted the same id between its read and its insert. */
const UPSERT_ATTEMPTS = 5;

/**
 * One collection as one PostgreSQL table (migrations/document-table.ts):
 * the record whole in `data` (jsonb), its insertion order in `seq`, and one
 * text column per unique key and index, filled on every write from the same
 * key functions the lowdb engine indexes by — so both engines agree on what
 * is unique and what a list contains.
 *
 * Every rule is kept by the database, so several hub processes may share
 * it: unique keys by UNIQUE indexes (a clash becomes UniqueViolation),
 * read-modify-write by SELECT … FOR UPDATE in a transaction, and counting
 * rules (capacity, numbering) under a transaction-scoped advisory lock on
 * the counted key. A write resolves once committed, i.e. durable.
 *
 * Records are checked against the collection's schema before every write;
 * reads trust the table, which only such writes and checked restores fill.
 */
export class PgCollection<T extends StoredRecord> implements DocumentCollection<T> {
  private readonly table: string;
  private readonly uniqueColumns: KeyColumn<T>[];
  private readonly indexColumns: KeyColumn<T>[];
  /** Unique index name → the key named in UniqueViolation. */
  private readonly keyOfIndexName = new Map<string, string>();

  private constructor(
    private readonly db: PgDatabase,
    private readonly definition: CollectionDefinition<T>,
  ) {
    this.table = tableOf(definition.name);
    this.uniqueColumns = Object.entries(definition.unique ?? {}).map(([key, keyOf]) => ({
      key,
      column: uniqueColumn(key),
      keyOf,
    }));
    this.indexColumns = Object.entries(definition.indexes ?? {}).map(([key, keyOf]) => ({
      key,
      column: indexColumn(key),
      keyOf,
    }));
    this.keyOfIndexName.set(`${this.table}_pkey`, 'id');
    for (const { key, column } of this.uniqueColumns)
      this.keyOfIndexName.set(indexNameOf(this.table, column), key);
  }

  /** Opens the collection after checking that its table has a column for every key it defines. */
  static async open<T extends StoredRecord>(
    db: PgDatabase,
    definition: CollectionDefinition<T>,
  ): Promise<PgCollection<T>> {
    const collection = new PgCollection<T>(db, definition);
    await collection.checkColumns();
    return collection;
  }

  get name(): string {
    return this.definition.name;
  }

  async get(id: string): Promise<T | undefined> {
    return this.one(this.db, sql`id = ${id}`);
  }

  async getByUnique(index: string, key: string): Promise<T | undefined> {
    return this.one(this.db, sql`${sql.ref(this.columnOf(this.uniqueColumns, index))} = ${key}`);
  }

  async listByIndex(index: string, key: string): Promise<T[]> {
    const column = sql.ref(this.columnOf(this.indexColumns, index));
    const { rows } = await sql<{ data: T }>`
      select data from ${sql.table(this.table)} where ${column} = ${key} order by seq`.execute(
      this.db,
    );
    return rows.map((row) => row.data);
  }

  async countByIndex(index: string, key: string): Promise<number> {
    return this.countWhere(
      this.db,
      sql`${sql.ref(this.columnOf(this.indexColumns, index))} = ${key}`,
    );
  }

  async indexKeys(index: string): Promise<string[]> {
    const column = sql.ref(this.columnOf(this.indexColumns, index));
    const { rows } = await sql<{ key: string }>`
      select distinct ${column} as key from ${sql.table(this.table)} where ${column} is not null`.execute(
      this.db,
    );
    return rows.map((row) => row.key);
  }

  async newestFirst(window: Window, matches?: (record: T) => boolean): Promise<Slice<T>> {
    if (!matches) {
      const { rows } = await sql<{ data: T }>`
        select data from ${sql.table(this.table)} order by seq desc
        limit ${window.limit} offset ${window.offset}`.execute(this.db);
      return { items: rows.map((row) => row.data), total: await this.count() };
    }
    // The admin panel's search walks the collection (storage/README.md); the filter is JavaScript.
    const items: T[] = [];
    let total = 0;
    for (const record of await this.all(sql`order by seq desc`)) {
      if (!matches(record)) continue;
      if (total >= window.offset && items.length < window.limit) items.push(record);
      total++;
    }
    return { items, total };
  }

  async values(): Promise<T[]> {
    return this.all(sql`order by seq`);
  }

  async count(): Promise<number> {
    return this.countWhere(this.db, sql`true`);
  }

  async insert(record: T): Promise<T> {
    this.check(record);
    await this.writing(() => this.insertRow(this.db, record));
    return record;
  }

  async update(id: string, change: (current: T) => T): Promise<T | undefined> {
    return this.writing(() =>
      this.db.transaction().execute(async (trx) => {
        const current = await this.one(trx, sql`id = ${id}`, sql`for update`);
        if (!current) return undefined;
        const next = { ...change(current), id };
        this.check(next);
        await this.updateRow(trx, next);
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
    const { rows } = await sql<{ id: string }>`
      delete from ${sql.table(this.table)} where id = any(${list}::text[]) returning id`.execute(
      this.db,
    );
    return rows.length;
  }

  async upsert(id: string, change: (current: T | undefined) => T): Promise<T> {
    return this.writing(async () => {
      for (let attempt = 1; ; attempt++) {
        const stored = await this.db.transaction().execute(async (trx) => {
          const current = await this.one(trx, sql`id = ${id}`, sql`for update`);
          const next = { ...change(current), id };
          this.check(next);
          if (current) await this.updateRow(trx, next);
          // Another hub may insert the id after our read: then read again, and update theirs.
          else if (!(await this.insertRow(trx, next, sql`on conflict (id) do nothing`)))
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
    const column = sql.ref(this.columnOf(this.indexColumns, index));
    this.check(record);
    return this.writing(() =>
      this.db.transaction().execute(async (trx) => {
        await this.lockKey(trx, index, key);
        if ((await this.countWhere(trx, sql`${column} = ${key}`)) >= capacity) return false;
        const existing = await this.one(trx, sql`id = ${record.id}`, sql`for update`);
        if (existing && !mayReplace(existing)) throw new UniqueViolation(this.name, 'id');
        await (existing ? this.updateRow(trx, record) : this.insertRow(trx, record));
        return true;
      }),
    );
  }

  async insertNumbered(index: string, key: string, build: (countBefore: number) => T): Promise<T> {
    const column = sql.ref(this.columnOf(this.indexColumns, index));
    return this.writing(() =>
      this.db.transaction().execute(async (trx) => {
        await this.lockKey(trx, index, key);
        const record = build(await this.countWhere(trx, sql`${column} = ${key}`));
        this.check(record);
        await this.insertRow(trx, record);
        return record;
      }),
    );
  }

  async insertCountingAll(build: (countBefore: number) => T): Promise<T> {
    return this.writing(() =>
      this.db.transaction().execute(async (trx) => {
        await this.lockKey(trx, '', '*');
        const record = build(await this.countWhere(trx, sql`true`));
        this.check(record);
        await this.insertRow(trx, record);
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
        const { rows } = await sql<{ data: T }>`
          select data from ${sql.table(this.table)} where id = any(${wanted}::text[])
          order by id for update`.execute(trx);
        const byId = new Map(rows.map((row) => [row.data.id, row.data]));
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
          await this.updateRow(trx, next);
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
    const keyColumns = [...this.uniqueColumns, ...this.indexColumns];
    const columns = sql.join([
      sql.ref('id'),
      sql.ref('data'),
      ...keyColumns.map((k) => sql.ref(k.column)),
    ]);
    const rows = records.map(
      (record) =>
        sql`(${sql.join([
          sql`${record.id}`,
          sql`${JSON.stringify(record)}::jsonb`,
          ...this.keyValues(record).map((k) => sql`${k.value}`),
        ])})`,
    );
    await this.writing(() =>
      sql`insert into ${sql.table(this.table)} (${columns}) values ${sql.join(rows)}`.execute(
        executor,
      ),
    );
  }

  /** Nothing to release: the connection pool belongs to the storage that opened the collection. */
  async close(): Promise<void> {}

  private async one(
    executor: Executor,
    where: RawBuilder<unknown>,
    lock: RawBuilder<unknown> = sql``,
  ): Promise<T | undefined> {
    const { rows } = await sql<{ data: T }>`
      select data from ${sql.table(this.table)} where ${where} ${lock}`.execute(executor);
    return rows[0]?.data;
  }

  private async all(order: RawBuilder<unknown>): Promise<T[]> {
    const { rows } = await sql<{ data: T }>`
      select data from ${sql.table(this.table)} ${order}`.execute(this.db);
    return rows.map((row) => row.data);
  }

  private async countWhere(executor: Executor, where: RawBuilder<unknown>): Promise<number> {
    const { rows } = await sql<{ count: number }>`
      select count(*)::int as count from ${sql.table(this.table)} where ${where}`.execute(executor);
    return rows[0]?.count ?? 0;
  }

  /** Returns false when `conflict` (e.g. ON CONFLICT DO NOTHING) skipped the row. */
  private async insertRow(
    executor: Executor,
    record: T,
    conflict: RawBuilder<unknown> = sql``,
  ): Promise<boolean> {
    const keys = this.keyValues(record);
    const columns = sql.join([
      sql.ref('id'),
      sql.ref('data'),
      ...keys.map((k) => sql.ref(k.column)),
    ]);
    const values = sql.join([
      sql`${record.id}`,
      sql`${JSON.stringify(record)}::jsonb`,
      ...keys.map((k) => sql`${k.value}`),
    ]);
    const { rows } = await sql<{ id: string }>`
      insert into ${sql.table(this.table)} (${columns}) values (${values}) ${conflict}
      returning id`.execute(executor);
    return rows.length > 0;
  }

  private async updateRow(executor: Executor, record: T): Promise<void> {
    const sets = [
      sql`data = ${JSON.stringify(record)}::jsonb`,
      ...this.keyValues(record).map((k) => sql`${sql.ref(k.column)} = ${k.value}`),
    ];
    await sql`update ${sql.table(this.table)} set ${sql.join(sets)} where id = ${record.id}`.execute(
      executor,
    );
  }

  /** Serialises every counting write on one key of one index, until the transaction ends. */
  private async lockKey(trx: Transaction<object>, index: string, key: string): Promise<void> {
    const name = `${this.table}:${index}:${key}`;
    await sql`select pg_advisory_xact_lock(hashtextextended(${name}, 0))`.execute(trx);
  }

  private keyValues(record: T): { column: string; value: string | null }[] {
    return [...this.uniqueColumns, ...this.indexColumns].map(({ column, keyOf }) => ({
      column,
      value: keyOf(record) ?? null,
    }));
  }

  private columnOf(columns: KeyColumn<T>[], key: string): string {
    const found = columns.find((column) => column.key === key);
    if (!found) throw new Error(`${this.name} has no index ${key}`);
    return found.column;
  }

  private check(record: T): void {
    const result = this.definition.schema?.safeParse(record);
    if (result && !result.success)
      throw new Error(
        `${this.name}: record "${record.id}" does not fit its schema: ${z.prettifyError(result.error).replace(/\n/g, ' ')}`,
      );
  }

  /** Runs a write, turning PostgreSQL's unique violations into the UniqueViolation services expect. */
  private async writing<R>(write: () => Promise<R>): Promise<R> {
    try {
      return await write();
    } catch (error) {
      const { code, constraint } = (error ?? {}) as { code?: string; constraint?: string };
      const key = constraint === undefined ? undefined : this.keyOfIndexName.get(constraint);
      if (code === '23505' && key !== undefined) throw new UniqueViolation(this.name, key);
      // jsonb refuses \u0000 in a string (lowdb stores it): a person's input, not a hub fault.
      if (code === '22P05') throw new UnstorableTextError(this.name);
      throw error;
    }
  }

  private async checkColumns(): Promise<void> {
    const { rows } = await sql<{ column_name: string }>`
      select column_name from information_schema.columns
      where table_schema = current_schema() and table_name = ${this.table}`.execute(this.db);
    const present = new Set(rows.map((row) => row.column_name));
    const wanted = ['id', 'seq', 'data', ...this.uniqueColumns, ...this.indexColumns].map((c) =>
      typeof c === 'string' ? c : c.column,
    );
    const missing = wanted.filter((column) => !present.has(column));
    if (missing.length > 0)
      throw new Error(
        `the PostgreSQL table ${this.table} lacks ${missing.join(', ')}: ` +
          'a key added to the collection needs a migration in storage/postgres/migrations',
      );
  }
}
