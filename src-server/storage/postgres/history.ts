import { sql, type QueryExecutorProvider } from 'kysely';
import type { HistoryEntry, HistoryRepository } from '../repositories';
import { historyTables, type HistoryLog, type HistoryTables } from './history-tables';

/** Rows deleted per statement when pruning, so no single delete holds locks for long. */
const PRUNE_BATCH = 5_000;

export interface EntryRow {
  readonly seq: string | number;
  readonly at: Date | string;
  readonly entry: unknown;
}

/**
 * A HistoryRepository on two PostgreSQL tables (migrations/002-history.ts).
 * An append is one statement: it bumps the stream's head row — whose row
 * lock makes concurrent appends to one stream take turns — and inserts the
 * entry under the seq it got, so the seq is assigned atomically and a failed
 * insert leaves no gap. It returns only after the commit (synchronous_commit
 * on: flushed to the WAL), so a chat send is durable before its ack. Pages
 * read a range of the (stream, seq) primary key.
 */
export class PgHistoryRepository<T> implements HistoryRepository<T> {
  protected readonly tables: HistoryTables;

  constructor(
    protected readonly db: QueryExecutorProvider,
    log: HistoryLog,
    private readonly options: { readonly pruneBatch?: number } = {},
  ) {
    this.tables = historyTables(log);
  }

  async append(stream: string, entry: T): Promise<HistoryEntry<T>> {
    const { entries, heads } = this.tables;
    // `at` never goes backwards within a stream (GREATEST), even with clocks of several nodes,
    // so pruning by age removes the oldest entries of a stream and never one from its middle.
    const { rows } = await sql<EntryRow>`
      WITH head AS (
        INSERT INTO ${sql.table(heads)} AS h (stream, last_seq, last_at)
        VALUES (${stream}, 1, ${new Date().toISOString()}::timestamptz)
        ON CONFLICT (stream) DO UPDATE
          SET last_seq = h.last_seq + 1, last_at = GREATEST(h.last_at, EXCLUDED.last_at)
        RETURNING last_seq, last_at
      )
      INSERT INTO ${sql.table(entries)} (stream, seq, at, entry)
      SELECT ${stream}, last_seq, last_at, ${JSON.stringify(entry)}::json FROM head
      RETURNING seq, at, entry`.execute(this.db);
    return toEntry<T>(rows[0]!);
  }

  async page(stream: string, limit: number, beforeSeq?: number): Promise<HistoryEntry<T>[]> {
    const { rows } = await sql<EntryRow>`
      SELECT seq, at, entry FROM ${sql.table(this.tables.entries)}
      WHERE stream = ${stream} AND seq < ${beforeSeq ?? Number.MAX_SAFE_INTEGER}
      ORDER BY seq DESC LIMIT ${limit}`.execute(this.db);
    return rows.map((row) => toEntry<T>(row));
  }

  async since(stream: string, afterSeq: number, limit: number): Promise<HistoryEntry<T>[]> {
    const { rows } = await sql<EntryRow>`
      SELECT seq, at, entry FROM ${sql.table(this.tables.entries)}
      WHERE stream = ${stream} AND seq > ${afterSeq}
      ORDER BY seq ASC LIMIT ${limit}`.execute(this.db);
    return rows.map((row) => toEntry<T>(row));
  }

  async get(stream: string, seq: number): Promise<HistoryEntry<T> | undefined> {
    const { rows } = await sql<EntryRow>`
      SELECT seq, at, entry FROM ${sql.table(this.tables.entries)}
      WHERE stream = ${stream} AND seq = ${seq}`.execute(this.db);
    return rows[0] && toEntry<T>(rows[0]);
  }

  async lastSeq(stream: string): Promise<number> {
    const { rows } = await sql<{ last_seq: string | number }>`
      SELECT last_seq FROM ${sql.table(this.tables.heads)} WHERE stream = ${stream}`.execute(
      this.db,
    );
    return rows[0] ? Number(rows[0].last_seq) : 0;
  }

  async countAfter(stream: string, afterSeq: number): Promise<number> {
    const { rows } = await sql<{ n: string | number }>`
      SELECT count(*) AS n FROM ${sql.table(this.tables.entries)}
      WHERE stream = ${stream} AND seq > ${afterSeq}`.execute(this.db);
    return Number(rows[0]?.n ?? 0);
  }

  /** Deletes entries older than `cutoff` a batch at a time (each its own commit); returns how many. */
  async pruneBefore(cutoff: string): Promise<number> {
    const { entries } = this.tables;
    const batch = this.options.pruneBatch ?? PRUNE_BATCH;
    let removed = 0;
    for (;;) {
      const result = await sql`
        DELETE FROM ${sql.table(entries)} AS e USING (
          SELECT stream, seq FROM ${sql.table(entries)}
          WHERE at < ${cutoff}::timestamptz ORDER BY at LIMIT ${batch}
        ) AS old
        WHERE e.stream = old.stream AND e.seq = old.seq`.execute(this.db);
      const count = Number(result.numAffectedRows ?? 0);
      removed += count;
      if (count < batch) return removed;
    }
  }
}

export function toEntry<T>(row: EntryRow): HistoryEntry<T> {
  return {
    seq: Number(row.seq),
    at: new Date(row.at).toISOString(),
    entry: row.entry as T,
  };
}
