import { sql, type RawBuilder, type Transaction } from 'kysely';
import type { StoredRecord } from '../document-collection';
import type { PgDatabase } from './connect';
import type { KeyColumns } from './key-columns';

/** The pool, or a transaction when several statements must be one step. */
export type Executor = PgDatabase | Transaction<object>;

/**
 * The SQL of one collection's table (migrations/document-table.ts): the
 * record whole in `data` (jsonb), its insertion order in `seq`, and its key
 * columns. Each statement runs on the executor it is given, so the
 * collection decides what shares a transaction.
 */
export class TableRows<T extends StoredRecord> {
  constructor(
    private readonly table: string,
    private readonly columns: KeyColumns<T>,
  ) {}

  async one(
    executor: Executor,
    where: RawBuilder<unknown>,
    lock: RawBuilder<unknown> = sql``,
  ): Promise<T | undefined> {
    const { rows } = await sql<{ data: T }>`
      select data from ${sql.table(this.table)} where ${where} ${lock}`.execute(executor);
    return rows[0]?.data;
  }

  /** The records `rest` (a where clause and/or order, limit, lock) selects. */
  async all(executor: Executor, rest: RawBuilder<unknown>): Promise<T[]> {
    const { rows } = await sql<{ data: T }>`
      select data from ${sql.table(this.table)} ${rest}`.execute(executor);
    return rows.map((row) => row.data);
  }

  /** The distinct values of a key column, nulls (records outside that index) left out. */
  async distinctKeys(executor: Executor, column: string): Promise<string[]> {
    const ref = sql.ref(column);
    const { rows } = await sql<{ key: string }>`
      select distinct ${ref} as key from ${sql.table(this.table)} where ${ref} is not null`.execute(
      executor,
    );
    return rows.map((row) => row.key);
  }

  /** Deletes the rows of these ids; returns how many there were. */
  async deleteIds(executor: Executor, ids: readonly string[]): Promise<number> {
    const { rows } = await sql<{ id: string }>`
      delete from ${sql.table(this.table)} where id = any(${ids}::text[]) returning id`.execute(
      executor,
    );
    return rows.length;
  }

  async countWhere(executor: Executor, where: RawBuilder<unknown>): Promise<number> {
    const { rows } = await sql<{ count: number }>`
      select count(*)::int as count from ${sql.table(this.table)} where ${where}`.execute(executor);
    return rows[0]?.count ?? 0;
  }

  /** Returns false when `conflict` (e.g. ON CONFLICT DO NOTHING) skipped the row. */
  async insert(
    executor: Executor,
    record: T,
    conflict: RawBuilder<unknown> = sql``,
  ): Promise<boolean> {
    const { rows } = await sql<{ id: string }>`
      insert into ${sql.table(this.table)} (${this.columnList(record)})
      values (${this.valueList(record)}) ${conflict}
      returning id`.execute(executor);
    return rows.length > 0;
  }

  /** Inserts several records in one multi-row statement (a restore). */
  async insertMany(executor: Executor, records: readonly T[]): Promise<void> {
    const rows = records.map((record) => sql`(${this.valueList(record)})`);
    await sql`insert into ${sql.table(this.table)} (${this.columnList(records[0]!)})
      values ${sql.join(rows)}`.execute(executor);
  }

  async update(executor: Executor, record: T): Promise<void> {
    const sets = [
      sql`data = ${JSON.stringify(record)}::jsonb`,
      ...this.columns.values(record).map((k) => sql`${sql.ref(k.column)} = ${k.value}`),
    ];
    await sql`update ${sql.table(this.table)} set ${sql.join(sets)} where id = ${record.id}`.execute(
      executor,
    );
  }

  /** Serialises every counting write on one key of one index, until the transaction ends. */
  async lockKey(trx: Transaction<object>, index: string, key: string): Promise<void> {
    const name = `${this.table}:${index}:${key}`;
    await sql`select pg_advisory_xact_lock(hashtextextended(${name}, 0))`.execute(trx);
  }

  /** The columns every row is written with; the key columns are the same for every record. */
  private columnList(record: T): RawBuilder<unknown> {
    const keys = this.columns.values(record);
    return sql.join([sql.ref('id'), sql.ref('data'), ...keys.map((k) => sql.ref(k.column))]);
  }

  private valueList(record: T): RawBuilder<unknown> {
    return sql.join([
      sql`${record.id}`,
      sql`${JSON.stringify(record)}::jsonb`,
      ...this.columns.values(record).map((k) => sql`${k.value}`),
    ]);
  }
}
