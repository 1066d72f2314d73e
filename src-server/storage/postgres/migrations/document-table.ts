import { sql, type Kysely } from 'kysely';
import { indexColumn, indexNameOf, tableOf, uniqueColumn } from '../table-names';

/** The keys of one collection as a migration names them: literal lists, never read from live code. */
export interface DocumentTableKeys {
  readonly unique?: readonly string[];
  readonly indexes?: readonly string[];
}

/**
 * Creates the table of one collection: the record whole as jsonb, the
 * insertion order, and one text column per unique key and per index, which
 * postgres/collection.ts fills from the collection's own key functions on
 * every write. A unique key is a UNIQUE index (NULL, "not in this index",
 * may repeat); an index column gets a btree index.
 */
export async function createDocumentTable(
  db: Kysely<unknown>,
  collection: string,
  keys: DocumentTableKeys = {},
): Promise<void> {
  const table = tableOf(collection);
  const uniqueColumns = (keys.unique ?? []).map(uniqueColumn);
  const indexColumns = (keys.indexes ?? []).map(indexColumn);
  let create = db.schema
    .createTable(table)
    .addColumn('id', 'text', (column) => column.primaryKey())
    // Insertion order: lists come back in the order records were added, as on lowdb.
    .addColumn('seq', 'bigserial', (column) => column.notNull())
    .addColumn('data', 'jsonb', (column) => column.notNull());
  for (const column of [...uniqueColumns, ...indexColumns])
    create = create.addColumn(column, 'text');
  await create.execute();
  await db.schema.createIndex(indexNameOf(table, 'seq')).on(table).column('seq').execute();
  for (const column of uniqueColumns)
    await db.schema
      .createIndex(indexNameOf(table, column))
      .on(table)
      .column(column)
      .unique()
      .execute();
  // (key, seq): a list by key comes back in insertion order straight from the index.
  for (const column of indexColumns)
    await db.schema
      .createIndex(indexNameOf(table, column))
      .on(table)
      .columns([column, 'seq'])
      .execute();
}

export async function dropDocumentTable(db: Kysely<unknown>, collection: string): Promise<void> {
  await sql`drop table if exists ${sql.table(tableOf(collection))}`.execute(db);
}
