import { sql, type Kysely } from 'kysely';

/**
 * Socket.IO's PostgreSQL adapter (realtime between hub nodes) sends packets
 * over NOTIFY, whose payload is capped at 8,000 bytes; a larger or binary
 * packet is stored here and only its id is notified. The adapter deletes
 * rows older than its cleanup interval (30 s), so the table stays small.
 * The name and columns are the adapter's own (its README's schema).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table if not exists socket_io_attachments (
      id bigserial unique,
      created_at timestamptz default now(),
      payload bytea
    )
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists socket_io_attachments`.execute(db);
}
