import { sql, type Kysely } from 'kysely';

/**
 * A chat message is stored once per room, author and client id, whichever
 * hub node a resend reaches (docs/decisions.md, "A resend is stored once on
 * every engine"): two key columns on history_chat and a unique index over
 * them, which postgres/chat-history.ts inserts against (ON CONFLICT DO
 * NOTHING). Entries already stored get their key — the first copy only,
 * where a resend was stored twice before this, so the index can be built
 * and the second copy keeps its seq. Written out here, not shared with the
 * repository, because a migration never changes once released.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE history_chat ADD COLUMN author_id text, ADD COLUMN client_id text`.execute(
    db,
  );
  await sql`
    UPDATE history_chat AS e SET author_id = first.author_id, client_id = first.client_id
    FROM (
      SELECT DISTINCT ON (stream, entry->>'authorId', entry->>'clientId')
        stream, seq, entry->>'authorId' AS author_id, entry->>'clientId' AS client_id
      FROM history_chat
      WHERE entry->>'authorId' IS NOT NULL AND entry->>'clientId' IS NOT NULL
      ORDER BY stream, entry->>'authorId', entry->>'clientId', seq
    ) AS first
    WHERE e.stream = first.stream AND e.seq = first.seq`.execute(db);
  // NULL keys (none given) never collide: such a message is never taken for a resend.
  await sql`
    CREATE UNIQUE INDEX history_chat_sent_once
    ON history_chat (stream, author_id, client_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS history_chat_sent_once`.execute(db);
  await sql`ALTER TABLE history_chat DROP COLUMN IF EXISTS author_id, DROP COLUMN IF EXISTS client_id`.execute(
    db,
  );
}
