import { sql, type Kysely } from 'kysely';
import { RATE_LIMITS_TABLE, SECRETS_TABLE } from '../../coordination/pg-tables';

/**
 * State every hub node shares beyond the records (docs/decisions.md,
 * "Several hub nodes: shared state"): rate-limiter-flexible's table in the
 * exact shape RateLimiterPostgres expects (it is told `tableCreated`, so it
 * never creates tables at run time), and secrets made once for all nodes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE ${sql.table(RATE_LIMITS_TABLE)} (
      key varchar(255) PRIMARY KEY,
      points integer NOT NULL DEFAULT 0,
      expire bigint
    )`.execute(db);
  // Pruning finds expired counters without a scan.
  await sql`CREATE INDEX ${sql.id(`${RATE_LIMITS_TABLE}_expire`)} ON ${sql.table(RATE_LIMITS_TABLE)} (expire)`.execute(
    db,
  );
  await sql`
    CREATE TABLE ${sql.table(SECRETS_TABLE)} (
      name text PRIMARY KEY,
      value bytea NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS ${sql.table(RATE_LIMITS_TABLE)}`.execute(db);
  await sql`DROP TABLE IF EXISTS ${sql.table(SECRETS_TABLE)}`.execute(db);
}
