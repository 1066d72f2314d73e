import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Logger } from '../../logger';

/**
 * The hub's tables have no static Kysely types: each collection is one table
 * of the same shape (postgres/collection.ts), named at run time, so queries
 * are written with Kysely's `sql` tag and `sql.table`/`sql.ref`.
 */
export type PgDatabase = Kysely<object>;

export interface PgConnection {
  readonly db: PgDatabase;
  readonly pool: pg.Pool;
  close(): Promise<void>;
}

/** Connections kept open: enough for a busy classroom, well under PostgreSQL's default 100. */
const POOL_SIZE = 10;

/**
 * A pool of connections to `url` (postgres://user:password@host:port/db)
 * and the Kysely instance over it. A connection that breaks while idle
 * (server restart) is logged and replaced, not a crash of the hub.
 */
export function connectPostgres(url: string, logger: Logger): PgConnection {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  pool.on('error', (error) => logger.warn({ err: error }, 'an idle PostgreSQL connection failed'));
  const db = new Kysely<object>({ dialect: new PostgresDialect({ pool }) });
  let closing: Promise<void> | undefined;
  return {
    db,
    pool,
    // Kysely's destroy ends the pool it was given.
    close: () => (closing ??= db.destroy()),
  };
}

/** The database named in a URL without its password, for log lines and error messages. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.toString();
  } catch {
    return 'the PostgreSQL database (unreadable URL)';
  }
}
