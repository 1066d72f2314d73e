import { sql, type QueryExecutorProvider } from 'kysely';
import type { ChatRecord } from '../records';
import type {
  AppendedOnce,
  ChatHistoryRepository,
  ChatSender,
  HistoryEntry,
} from '../repositories';
import { PgHistoryRepository, toEntry, type EntryRow } from './history';

/** Tries of an append that lost the race to create a stream's first entry (see appendOnce). */
const FIRST_ENTRY_TRIES = 3;

/**
 * The chat log on PostgreSQL, shared by every hub node: a message is stored
 * once per (room, author, client id) by a unique index (migrations/006-chat-sent-once.ts), so a
 * resend that reaches another node after a failover — or at the same instant
 * — is answered with the first copy instead of being stored again.
 */
export class PgChatHistoryRepository
  extends PgHistoryRepository<ChatRecord>
  implements ChatHistoryRepository
{
  constructor(db: QueryExecutorProvider) {
    super(db, 'chat');
  }

  async appendOnce(
    stream: string,
    sender: ChatSender,
    prepare: () => Promise<ChatRecord>,
  ): Promise<AppendedOnce> {
    let record: ChatRecord;
    try {
      record = await prepare();
    } catch (error) {
      // A resend refused by what a new message must pass (slow mode, quiet mode, its uploads
      // already attached to the first copy) is still answered with the stored message.
      const stored = await this.sent(stream, sender).catch(() => undefined);
      if (stored) return { entry: stored, duplicate: true };
      throw error;
    }
    for (let attempt = 1; ; attempt++) {
      try {
        const added = await this.insertOnce(stream, sender, record);
        if (added) return { entry: added, duplicate: false };
        const stored = await this.sent(stream, sender);
        if (stored) return { entry: stored, duplicate: true };
        // The stored copy was pruned between the insert and the read: the loop stores it anew.
      } catch (error) {
        if (!this.lostFirstEntryRace(error) || attempt >= FIRST_ENTRY_TRIES) throw error;
      }
    }
  }

  /** The message this sender stored under this client id, if it is still kept. */
  private async sent(
    stream: string,
    sender: ChatSender,
  ): Promise<HistoryEntry<ChatRecord> | undefined> {
    const { rows } = await sql<EntryRow>`
      SELECT seq, at, entry FROM ${sql.table(this.tables.entries)}
      WHERE stream = ${stream} AND author_id = ${sender.authorId}
        AND client_id = ${sender.clientId}`.execute(this.db);
    return rows[0] && toEntry<ChatRecord>(rows[0]);
  }

  /**
   * ONE statement: lock the stream's head row, insert the entry under the
   * next seq unless the sender key is taken (ON CONFLICT DO NOTHING: the
   * unique index is the check, so two nodes inserting the same key at once
   * are decided by PostgreSQL, the second waiting for the first's commit),
   * and move the head only when the entry went in — a resend leaves no gap
   * in the seqs. Undefined when the key was taken.
   *
   * The head is locked (FOR UPDATE) rather than bumped first as `append`
   * does, because a bump cannot be taken back within the statement. Locked,
   * concurrent appends to one stream take turns as before, each reading the
   * head its predecessor committed. A stream's very first entry has no row
   * to lock: two first entries both take seq 1, and the second fails on the
   * primary key and is tried again (lostFirstEntryRace), then finding a head.
   */
  private async insertOnce(
    stream: string,
    sender: ChatSender,
    record: ChatRecord,
  ): Promise<HistoryEntry<ChatRecord> | undefined> {
    const { entries, heads } = this.tables;
    // `at` never goes backwards within a stream (GREATEST), even with clocks of several nodes.
    const { rows } = await sql<EntryRow>`
      WITH head AS (
        SELECT last_seq, last_at FROM ${sql.table(heads)} WHERE stream = ${stream} FOR UPDATE
      ), added AS (
        INSERT INTO ${sql.table(entries)} (stream, seq, at, entry, author_id, client_id)
        SELECT ${stream},
          COALESCE((SELECT last_seq FROM head), 0) + 1,
          GREATEST((SELECT last_at FROM head), ${new Date().toISOString()}::timestamptz),
          ${JSON.stringify(record)}::json, ${sender.authorId}, ${sender.clientId}
        ON CONFLICT (stream, author_id, client_id) DO NOTHING
        RETURNING seq, at, entry
      ), moved AS (
        INSERT INTO ${sql.table(heads)} (stream, last_seq, last_at)
        SELECT ${stream}, seq, at FROM added
        ON CONFLICT (stream) DO UPDATE SET last_seq = EXCLUDED.last_seq, last_at = EXCLUDED.last_at
        RETURNING last_seq
      )
      SELECT seq, at, entry FROM added`.execute(this.db);
    return rows[0] && toEntry<ChatRecord>(rows[0]);
  }

  /** Another node created the stream's first entry while this one did: seq 1 is taken. */
  private lostFirstEntryRace(error: unknown): boolean {
    const { code, constraint } = (error ?? {}) as { code?: string; constraint?: string };
    return code === '23505' && constraint === `${this.tables.entries}_pkey`;
  }
}

/**
 * Gives chat entries loaded without a sender key (a restore) the key of
 * their message, so a resend of a restored message is still recognised —
 * the first copy only where a resend was stored twice (an archive from
 * before migration 006): the index holds, and the later copy keeps its
 * place (never a gap in a room's seqs). Keys already taken stay where they are.
 */
export async function fillChatSenderKeys(db: QueryExecutorProvider): Promise<void> {
  await sql`
    UPDATE history_chat AS e SET author_id = first.author_id, client_id = first.client_id
    FROM (
      SELECT DISTINCT ON (stream, entry->>'authorId', entry->>'clientId')
        stream, seq, entry->>'authorId' AS author_id, entry->>'clientId' AS client_id
      FROM history_chat AS c
      WHERE author_id IS NULL AND entry->>'authorId' IS NOT NULL AND entry->>'clientId' IS NOT NULL
        AND NOT EXISTS (
          SELECT 1 FROM history_chat AS k WHERE k.stream = c.stream
            AND k.author_id = c.entry->>'authorId' AND k.client_id = c.entry->>'clientId')
      ORDER BY stream, entry->>'authorId', entry->>'clientId', seq
    ) AS first
    WHERE e.stream = first.stream AND e.seq = first.seq`.execute(db);
}
