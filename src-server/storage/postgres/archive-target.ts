import type { Readable } from 'node:stream';
import { sql, type ControlledTransaction } from 'kysely';
import type { Logger } from '../../logger';
import type {
  ArchiveCollection,
  ArchiveLog,
  ArchiveLogEntry,
  ArchiveStreamHead,
  ArchiveTarget,
} from '../archive-port';
import { TargetNotEmptyError } from '../lowdb/archive-target';
import type { StoredRecord } from '../document-collection';
import { ARCHIVE_LOGS } from '../archive-port';
import { isEmptyDatabase, PgArchive } from './archive';
import { fillChatSenderKeys } from './chat-history';
import { describeDatabaseUrl } from './connect';
import { historyTables } from './history-tables';
import { openPostgresStorage } from './open-postgres-storage';

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters with every key column filled. */
const BATCH_ROWS = 500;

/** Serialises restores into one database, so two cannot both find it empty. */
const RESTORE_LOCK = 'classhub:restore';

export interface PostgresTargetOptions {
  /** The blob folder the restored hub will use (--blobs). */
  readonly blobsDir: string;
  readonly logger: Logger;
}

/**
 * A restore into a PostgreSQL database: migrated to the latest schema, then
 * refused unless it holds no record, entry or head. Everything is loaded in
 * ONE transaction on one connection — records through the collections' own
 * key functions (PgCollection.insertBatch), entries with their seq numbers,
 * heads — and is visible only at `commit`. Killed at any moment, the
 * connection drops, PostgreSQL rolls the transaction back, and the database
 * is as empty as before. Blobs go into the blob folder as uploads do
 * (content-addressed, so a blob of an aborted restore is harmless and the
 * garbage collector removes it).
 */
export async function openPostgresArchiveTarget(
  url: string,
  options: PostgresTargetOptions,
): Promise<ArchiveTarget> {
  // The blob folder may be running hubs' (--blobs): their staged uploads are theirs to sweep.
  const storage = await openPostgresStorage(url, { ...options, keepStagedUploads: true });
  let trx: ControlledTransaction<object> | undefined;
  try {
    const archive = storage.archive;
    if (!(archive instanceof PgArchive))
      throw new Error('a PostgreSQL storage without its PostgreSQL archive');
    const { db, collections } = archive.parts;
    const { blobs } = storage;
    const open = await db.startTransaction().execute();
    trx = open;
    await sql`select pg_advisory_xact_lock(hashtextextended(${RESTORE_LOCK}, 0))`.execute(open);
    if (!(await isEmptyDatabase(open)))
      throw new TargetNotEmptyError(
        `${describeDatabaseUrl(url)} is not empty (it holds a hub's records): ` +
          'a restore goes into a new or empty database only, so no hub is overwritten or mixed with another.',
      );
    let ended = false;
    const end = async (how: 'commit' | 'rollback') => {
      if (ended) return;
      ended = true;
      try {
        await (how === 'commit' ? open.commit() : open.rollback()).execute();
      } finally {
        await storage.close();
      }
    };
    return {
      engine: 'postgres',
      async loadRecords(name: ArchiveCollection, records: AsyncIterable<StoredRecord>) {
        const collection = collections.get(name);
        if (!collection) throw new Error(`the PostgreSQL engine has no collection ${name}`);
        return inBatches(records, (batch) => collection.insertBatch(open, batch));
      },
      loadEntries: (log, entries) => loadEntries(open, log, entries),
      loadHeads: (log, heads) => loadHeads(open, log, heads),
      async storeBlob(id: string, content: Readable) {
        const staged = await blobs.stage(content, Infinity);
        if (staged.id !== id) {
          await staged.discard();
          throw new Error(`the stored file ${id} has sha256 ${staged.id}`);
        }
        await staged.commit();
      },
      async commit() {
        for (const log of ARCHIVE_LOGS) await headsFromEntries(open, log);
        // Restored messages keep answering resends of themselves (postgres/chat-history.ts).
        await fillChatSenderKeys(open);
        await end('commit');
      },
      async abort() {
        await end('rollback').catch(() => undefined);
      },
    };
  } catch (error) {
    await trx
      ?.rollback()
      .execute()
      .catch(() => undefined);
    await storage.close();
    throw error;
  }
}

async function inBatches<T>(
  values: AsyncIterable<T>,
  write: (batch: T[]) => Promise<void>,
): Promise<number> {
  let batch: T[] = [];
  let count = 0;
  for await (const value of values) {
    batch.push(value);
    count++;
    if (batch.length >= BATCH_ROWS) {
      await write(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await write(batch);
  return count;
}

/** Entries keep their stream and seq, so every client's read position stays valid. */
function loadEntries(
  trx: ControlledTransaction<object>,
  log: ArchiveLog,
  entries: AsyncIterable<ArchiveLogEntry>,
): Promise<number> {
  const table = sql.table(historyTables(log).entries);
  return inBatches(entries, async (batch) => {
    const rows = batch.map(
      (e) => sql`(${e.stream}, ${e.seq}, ${e.at}::timestamptz, ${JSON.stringify(e.entry)}::json)`,
    );
    await sql`insert into ${table} (stream, seq, at, entry) values ${sql.join(rows)}`.execute(trx);
  });
}

/**
 * Heads are kept as the archive gives them (a stream pruned empty goes on
 * from its old seq, not from 1); its `at` is unknown, so the epoch, which
 * the next append's GREATEST passes at once.
 */
async function loadHeads(
  trx: ControlledTransaction<object>,
  log: ArchiveLog,
  heads: AsyncIterable<ArchiveStreamHead>,
): Promise<void> {
  const table = sql.table(historyTables(log).heads);
  await inBatches(heads, async (batch) => {
    const rows = batch.map((h) => sql`(${h.stream}, ${h.lastSeq}, 'epoch'::timestamptz)`);
    await sql`insert into ${table} (stream, last_seq, last_at) values ${sql.join(rows)}`.execute(
      trx,
    );
  });
}

/** Every stream's head at least its newest entry (an archive from lowdb may not name every head). */
async function headsFromEntries(trx: ControlledTransaction<object>, log: ArchiveLog) {
  const { entries, heads } = historyTables(log);
  await sql`
    insert into ${sql.table(heads)} as h (stream, last_seq, last_at)
    select stream, max(seq), max(at) from ${sql.table(entries)} group by stream
    on conflict (stream) do update
      set last_seq = greatest(h.last_seq, excluded.last_seq),
          last_at = greatest(h.last_at, excluded.last_at)`.execute(trx);
}
