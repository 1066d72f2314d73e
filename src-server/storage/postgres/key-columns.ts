import { sql } from 'kysely';
import type { CollectionDefinition, KeyOf } from '../document-collection';
import type { PgDatabase } from './connect';
import { indexColumn, indexNameOf, uniqueColumn } from './table-names';

interface KeyColumn<T> {
  readonly key: string;
  readonly column: string;
  readonly keyOf: KeyOf<T>;
}

/**
 * The text columns a collection's table holds beside the record, one per
 * unique key and index, filled on every write from the same key functions
 * the lowdb engine indexes by — so both engines agree on what is unique and
 * what a list contains.
 */
export class KeyColumns<T> {
  private readonly unique: KeyColumn<T>[];
  private readonly indexes: KeyColumn<T>[];
  /** Unique index name → the key named in UniqueViolation. */
  private readonly keyOfIndexName = new Map<string, string>();

  constructor(
    private readonly table: string,
    private readonly definition: CollectionDefinition<T>,
  ) {
    this.unique = Object.entries(definition.unique ?? {}).map(([key, keyOf]) => ({
      key,
      column: uniqueColumn(key),
      keyOf,
    }));
    this.indexes = Object.entries(definition.indexes ?? {}).map(([key, keyOf]) => ({
      key,
      column: indexColumn(key),
      keyOf,
    }));
    this.keyOfIndexName.set(`${table}_pkey`, 'id');
    for (const { key, column } of this.unique)
      this.keyOfIndexName.set(indexNameOf(table, column), key);
  }

  uniqueColumn(key: string): string {
    return this.columnOf(this.unique, key);
  }

  indexColumn(key: string): string {
    return this.columnOf(this.indexes, key);
  }

  /** The key a violated unique constraint stands for, undefined for any other constraint. */
  keyOfConstraint(constraint: string): string | undefined {
    return this.keyOfIndexName.get(constraint);
  }

  /** Every key column with the record's value (null: not in that index). */
  values(record: T): { column: string; value: string | null }[] {
    return [...this.unique, ...this.indexes].map(({ column, keyOf }) => ({
      column,
      value: keyOf(record) ?? null,
    }));
  }

  /** Fails with what to do when the table lacks a column for a key the collection defines. */
  async checkTable(db: PgDatabase): Promise<void> {
    const { rows } = await sql<{ column_name: string }>`
      select column_name from information_schema.columns
      where table_schema = current_schema() and table_name = ${this.table}`.execute(db);
    const present = new Set(rows.map((row) => row.column_name));
    const wanted = ['id', 'seq', 'data', ...this.unique, ...this.indexes].map((c) =>
      typeof c === 'string' ? c : c.column,
    );
    const missing = wanted.filter((column) => !present.has(column));
    if (missing.length > 0)
      throw new Error(
        `the PostgreSQL table ${this.table} lacks ${missing.join(', ')}: ` +
          'a key added to the collection needs a migration in storage/postgres/migrations',
      );
  }

  private columnOf(columns: KeyColumn<T>[], key: string): string {
    const found = columns.find((column) => column.key === key);
    if (!found) throw new Error(`${this.definition.name} has no index ${key}`);
    return found.column;
  }
}
