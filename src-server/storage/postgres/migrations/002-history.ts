import { sql, type Kysely } from 'kysely';
import { HISTORY_LOGS, historyTables } from '../history-tables';

/**
 * The histories as tables: entries keyed by (stream, seq) so a page is a
 * range scan of the primary key, an index on `at` so pruning by age finds
 * old rows without a scan, and a heads table whose row per stream hands out
 * the next seq under a row lock (docs/decisions.md, PostgreSQL history tables).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const log of HISTORY_LOGS) {
    const { entries, heads } = historyTables(log);
    await sql`
      CREATE TABLE ${sql.table(entries)} (
        stream text NOT NULL,
        seq bigint NOT NULL,
        at timestamptz NOT NULL,
        entry json NOT NULL,
        PRIMARY KEY (stream, seq)
      )`.execute(db);
    await sql`CREATE INDEX ${sql.id(`${entries}_at`)} ON ${sql.table(entries)} (at)`.execute(db);
    await sql`
      CREATE TABLE ${sql.table(heads)} (
        stream text PRIMARY KEY,
        last_seq bigint NOT NULL,
        last_at timestamptz NOT NULL
      )`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const log of HISTORY_LOGS) {
    const { entries, heads } = historyTables(log);
    await sql`DROP TABLE IF EXISTS ${sql.table(entries)}`.execute(db);
    await sql`DROP TABLE IF EXISTS ${sql.table(heads)}`.execute(db);
  }
}
