import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { sql, type ControlledTransaction, type RawBuilder } from 'kysely';
import type { Logger } from '../../logger';
import type { BlobId } from '../../../src-shared/ids';
import {
  ARCHIVE_COLLECTIONS,
  ARCHIVE_LOGS,
  type ArchivableStorage,
  type ArchiveLogEntry,
  type ArchiveStreamHead,
  type StorageSnapshot,
} from '../archive-port';
import type { BlobStore } from '../blobs/blob-store';
import type { StoredRecord } from '../document-collection';
import type { AuditEntry } from '../records';
import type { HistoryRepository } from '../repositories';
import type { PgCollection } from './collection';
import type { Executor } from './table-rows';
import { connectPostgres, describeDatabaseUrl, type PgDatabase } from './connect';
import { PgHistoryRepository } from './history';
import { historyTables } from './history-tables';
import { newerSchemaMessage, readSchema, type SchemaState } from './migrate';
import { tableOf } from './table-names';

/** Rows read per query: memory stays flat whatever the size of a table. */
const PAGE_ROWS = 500;

export interface PgArchiveParts {
  readonly db: PgDatabase;
  /** Every collection by name, opened by the storage (a restore fills them through their key functions). */
  readonly collections: ReadonlyMap<string, PgCollection<StoredRecord>>;
  readonly blobs: BlobReader;
}

/** What a snapshot reads of the blob folder. */
export type BlobReader = Pick<BlobStore, 'size' | 'read'>;

/**
 * Backups of a PostgreSQL hub. A snapshot is one connection in a
 * REPEATABLE READ READ ONLY transaction: every table is read as it was at
 * the transaction's first query, while the hub (or several) keeps writing
 * through its other connections. A chat message acknowledged before that
 * moment is committed, so it is in the archive; one sent after is not, and
 * none is half in it. Records come a page at a time by `seq` (keyset on its
 * index), log entries and heads through server-side cursors.
 */
export class PgArchive implements ArchivableStorage {
  readonly engine = 'postgres' as const;

  constructor(readonly parts: PgArchiveParts) {}

  async snapshot(): Promise<StorageSnapshot> {
    const trx = await this.parts.db
      .startTransaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute();
    let released = false;
    try {
      // The snapshot is taken by the first query, not by BEGIN: take it now, before handing it out.
      await sql`select 1`.execute(trx);
    } catch (error) {
      await trx.rollback().execute();
      throw error;
    }
    const { blobs } = this.parts;
    return {
      records: (name) => readRecords(trx, tableOf(name)),
      entries: (log) => readEntries(trx, historyTables(log).entries),
      heads: (log) => readHeads(trx, historyTables(log).heads),
      async blob(id) {
        const size = await blobs.size(id as BlobId);
        return size === undefined ? undefined : { size, open: () => blobs.read(id as BlobId) };
      },
      async release() {
        if (released) return;
        released = true;
        await trx.rollback().execute();
      },
    };
  }

  isEmpty(): Promise<boolean> {
    return isEmptyDatabase(this.parts.db);
  }
}

/** True when no collection table, history or head table has a row (read on `executor`). */
export async function isEmptyDatabase(executor: Executor): Promise<boolean> {
  const tables = [
    ...ARCHIVE_COLLECTIONS.map(tableOf),
    ...ARCHIVE_LOGS.flatMap((log) => Object.values(historyTables(log))),
  ];
  const probes = tables.map((table) => sql`exists (select 1 from ${sql.table(table)})`);
  const { rows } = await sql<{ found: boolean }>`
    select (${sql.join(probes, sql` or `)}) as found`.execute(executor);
  return rows[0]?.found === false;
}

async function* readRecords(
  trx: ControlledTransaction<object>,
  table: string,
): AsyncGenerator<StoredRecord> {
  let after = '0';
  for (;;) {
    const { rows } = await sql<{ seq: string; data: StoredRecord }>`
      select seq, data from ${sql.table(table)} where seq > ${after}::bigint
      order by seq limit ${PAGE_ROWS}`.execute(trx);
    for (const row of rows) yield row.data;
    if (rows.length < PAGE_ROWS) return;
    after = rows[rows.length - 1]!.seq;
  }
}

/**
 * Oldest first across the log, as the port asks: by `at`, which never goes
 * backwards within a stream (postgres/history.ts), then stream and seq, so
 * each stream's entries keep their seq order and their seq numbers — a
 * restore into either engine keeps every stream's numbering.
 */
async function* readEntries(
  trx: ControlledTransaction<object>,
  table: string,
): AsyncGenerator<ArchiveLogEntry> {
  const rows = cursorRows<{ stream: string; seq: string; at: Date; entry: unknown }>(
    trx,
    sql`select stream, seq, at, entry from ${sql.table(table)} order by at, stream, seq`,
  );
  for await (const row of rows)
    yield {
      stream: row.stream,
      seq: Number(row.seq),
      at: new Date(row.at).toISOString(),
      entry: row.entry,
    };
}

async function* readHeads(
  trx: ControlledTransaction<object>,
  table: string,
): AsyncGenerator<ArchiveStreamHead> {
  const rows = cursorRows<{ stream: string; last_seq: string }>(
    trx,
    sql`select stream, last_seq from ${sql.table(table)} order by stream`,
  );
  for await (const row of rows) yield { stream: row.stream, lastSeq: Number(row.last_seq) };
}

let cursors = 0;

/** A query's rows a page at a time through a cursor of the snapshot's transaction: one sort, flat memory. */
async function* cursorRows<R>(
  trx: ControlledTransaction<object>,
  query: RawBuilder<unknown>,
): AsyncGenerator<R> {
  const name = sql.id(`archive_cursor_${++cursors}`);
  await sql`declare ${name} no scroll cursor for ${query}`.execute(trx);
  try {
    for (;;) {
      const { rows } = await sql<R>`fetch ${sql.lit(PAGE_ROWS)} from ${name}`.execute(trx);
      yield* rows;
      if (rows.length < PAGE_ROWS) return;
    }
  } finally {
    // A reader that stopped early; a failed transaction has closed its cursors already.
    await sql`close ${name}`.execute(trx).catch(() => undefined);
  }
}

/** A database read for a backup or a migration's check, and its audit log (a backup is recorded there). */
export interface PgArchiveSource {
  readonly archive: PgArchive;
  readonly audit: HistoryRepository<AuditEntry>;
  close(): Promise<void>;
}

/**
 * Opens a database only to read it, beside any hubs running on it: no
 * migration (an older hub may own the schema) and no BlobStore (opening one
 * clears the folder's unfinished uploads, which may be a running hub's).
 */
export async function openPostgresArchiveSource(
  url: string,
  options: { readonly blobsDir: string; readonly logger: Logger },
): Promise<PgArchiveSource> {
  const connection = connectPostgres(url, options.logger);
  try {
    await sql`select 1`.execute(connection.db);
  } catch (error) {
    await connection.close();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `cannot use the PostgreSQL database ${describeDatabaseUrl(url)}: ${reason}. ` +
        'Check the address, user, password and that the database exists (--database).',
      { cause: error },
    );
  }
  const { db } = connection;
  try {
    assertArchivableSchema(await readSchema(db), describeDatabaseUrl(url));
  } catch (error) {
    await connection.close();
    throw error;
  }
  return {
    archive: new PgArchive({ db, collections: new Map(), blobs: blobFolder(options.blobsDir) }),
    audit: new PgHistoryRepository<AuditEntry>(db, 'audit'),
    close: () => connection.close(),
  };
}

/**
 * A backup reads this version's tables as they are (no migration: an older
 * hub may still own the schema), so the schema must be exactly this
 * version's; otherwise a missing table would surface as a driver error.
 */
function assertArchivableSchema(schema: SchemaState, where: string): void {
  if (!schema.created)
    throw new Error(
      `${where} has no ClassHub tables, so there is nothing to back up: check the database address.`,
    );
  if (schema.unknown.length > 0)
    throw new Error(`${newerSchemaMessage(schema.unknown)} Back it up with that version.`);
  if (schema.missing.length > 0)
    throw new Error(
      `${where} is at an older ClassHub schema (it lacks ${schema.missing.join(', ')}): back it up with ` +
        'the ClassHub version its hubs run, or start this version once on it (the hub migrates at start), then back it up.',
    );
}

/** Reads blobs where BlobStore keeps them (`<root>/<first two hex>/<sha256>`). */
function blobFolder(root: string): BlobReader {
  const path = (id: string) => {
    if (!/^[a-f0-9]{64}$/.test(id)) throw new Error('not a blob id');
    return join(root, id.slice(0, 2), id);
  };
  return {
    size: async (id) => (await stat(path(id)).catch(() => undefined))?.size,
    read: (id) => createReadStream(path(id)),
  };
}
