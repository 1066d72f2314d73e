import { Migrator, type Migration } from 'kysely/migration';
import type { Logger } from '../../logger';
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
const MIGRATIONS: Record<string, Migration> = {
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
    migrationTableName: 'classhub_migrations',
    migrationLockTableName: 'classhub_migration_lock',
  });
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
  if (error) throw new DatabaseSchemaError(error);
}

/** The database's schema cannot be brought up to date (a failed or unknown migration). */
export class DatabaseSchemaError extends Error {
  constructor(cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `the PostgreSQL database cannot be brought to this ClassHub version's schema (${reason}). ` +
        'If a newer ClassHub already used this database, run that version instead.',
      { cause },
    );
    this.name = 'DatabaseSchemaError';
  }
}
