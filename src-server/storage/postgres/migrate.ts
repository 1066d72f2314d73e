import { sql } from 'kysely';
import { Migrator, type Migration } from 'kysely/migration';
import type { Logger } from '../../logger';
import { HUB_VERSION } from '../../version';
import type { PgDatabase } from './connect';
import * as m001 from './migrations/001-collections';
import * as m002 from './migrations/002-history';
import * as m003 from './migrations/003-classroom';
import * as m004 from './migrations/004-socket-io';
import * as m005 from './migrations/005-shared-state';
import * as m006 from './migrations/006-chat-sent-once';

/**
 * Every schema change, in order. Listed here rather than read from the
 * folder, so a bundled hub carries them; a new one is the next number,
 * `NNN-what-it-does.ts`, and is never edited once released.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '001-collections': m001,
  '002-history': m002,
  '003-classroom': m003,
  '004-socket-io': m004,
  '005-shared-state': m005,
  '006-chat-sent-once': m006,
};

/**
 * Brings the database to the latest schema. Kysely's migrator holds a
 * PostgreSQL session advisory lock (pg_advisory_lock) while it runs, so hubs
 * starting together on one database migrate it once; each migration runs in
 * a transaction, so a failed one leaves the schema as it was.
 */
export async function migrateToLatest(db: PgDatabase, logger: Logger): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: 'classhub_migration_lock',
  });
  // Refused before the migrator runs: it would call a newer schema "corrupted migrations".
  const schema = await readSchema(db);
  if (schema.unknown.length > 0) throw new DatabaseSchemaError(newerSchemaMessage(schema.unknown));
  const { error, results } = await migrator.migrateToLatest();
  for (const result of results ?? []) {
    if (result.status === 'Success')
      logger.info({ migration: result.migrationName }, 'migrated the database');
    if (result.status === 'Error')
      logger.error(
        { migration: result.migrationName },
        'a database migration failed; nothing of it was kept',
      );
  }
  if (error) throw new DatabaseSchemaError(failedMigrationMessage(error), error);
}

const MIGRATION_TABLE = 'classhub_migrations';

/** Where a database's schema stands against this version's migrations. */
export interface SchemaState {
  /** False when the database has never had a ClassHub schema (no migration table). */
  readonly created: boolean;
  /** Migrations it ran that this version does not know: a newer ClassHub's. */
  readonly unknown: readonly string[];
  /** Migrations of this version it has not run yet. */
  readonly missing: readonly string[];
}

/** Reads which migrations the database has run, changing nothing. */
export async function readSchema(db: PgDatabase): Promise<SchemaState> {
  const { rows } = await sql<{ found: string | null }>`
    select to_regclass(${MIGRATION_TABLE})::text as found`.execute(db);
  const applied = rows[0]?.found
    ? (
        await sql<{ name: string }>`select name from ${sql.table(MIGRATION_TABLE)}`.execute(db)
      ).rows.map((row) => row.name)
    : [];
  return {
    created: Boolean(rows[0]?.found),
    unknown: applied.filter((name) => !Object.hasOwn(MIGRATIONS, name)).sort(),
    missing: Object.keys(MIGRATIONS).filter((name) => !applied.includes(name)),
  };
}

/** The sentence for a database a newer ClassHub has migrated. */
export function newerSchemaMessage(unknown: readonly string[]): string {
  return (
    `this PostgreSQL database was set up by a newer ClassHub (it has schema change ${unknown.join(', ')}, ` +
    `which ClassHub ${HUB_VERSION} does not know): run that newer ClassHub version on it; ` +
    'this one stops so as not to write records the newer schema does not expect.'
  );
}

/** PostgreSQL's error codes for the two failures an operator can fix. */
const DUPLICATE_TABLE = '42P07';
const INSUFFICIENT_PRIVILEGE = '42501';

function failedMigrationMessage(cause: unknown): string {
  const reason = cause instanceof Error ? cause.message : String(cause);
  const code = (cause as { code?: unknown } | undefined)?.code;
  if (code === DUPLICATE_TABLE)
    return (
      `the PostgreSQL database already holds tables ClassHub did not make (${reason}): ` +
      'give ClassHub a database of its own (createdb classhub) and start it with that one.'
    );
  if (code === INSUFFICIENT_PRIVILEGE)
    return (
      `the PostgreSQL user may not create ClassHub's tables (${reason}): make it the database's owner ` +
      '(ALTER DATABASE classhub OWNER TO classhub) or grant it CREATE on the schema, then start again.'
    );
  return (
    `the PostgreSQL database cannot be brought to this ClassHub version's schema (${reason}); ` +
    'nothing of the failed change was kept. If a newer ClassHub already used this database, run that version instead.'
  );
}

/** The database's schema cannot be brought up to date (a failed or unknown migration). */
export class DatabaseSchemaError extends Error {
  override name = 'DatabaseSchemaError';
  constructor(message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
  }
}
