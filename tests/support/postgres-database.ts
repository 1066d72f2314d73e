import { inject } from 'vitest';
import { createLogger } from '../../src-server/logger';
import { connectPostgres } from '../../src-server/storage/postgres/connect';
import { migrateToLatest } from '../../src-server/storage/postgres/migrate';
import { createTestDatabase, type TestDatabase } from './postgres';

/**
 * A fresh, empty database on the run's PostgreSQL server
 * (postgres-global-setup.ts). Throws, naming the fix, when the run started
 * without one.
 */
export async function freshPostgresDatabase(): Promise<TestDatabase> {
  return createTestDatabase(serverUrl());
}

let template: Promise<TestDatabase> | undefined;

/**
 * A fresh database already at the latest schema: a copy (CREATE DATABASE …
 * TEMPLATE) of the one the run migrated once (postgres-global-setup.ts) —
 * or, on a server given without it, of one this test file migrated — much
 * quicker than migrating each. A hub started on it still runs the
 * migrator, which finds nothing to do.
 */
export async function freshMigratedDatabase(): Promise<TestDatabase> {
  const runTemplate = inject('postgresTemplate');
  if (runTemplate) return createTestDatabase(serverUrl(), runTemplate);
  const source = await (template ??= migratedTemplate());
  return createTestDatabase(serverUrl(), new URL(source.url).pathname.slice(1));
}

async function migratedTemplate(): Promise<TestDatabase> {
  const database = await freshPostgresDatabase();
  const silent = createLogger('silent');
  const connection = connectPostgres(database.url, silent);
  try {
    await migrateToLatest(connection.db, silent);
  } finally {
    // A template may have no connection open while it is copied.
    await connection.close();
  }
  return database;
}

function serverUrl(): string {
  const url = inject('postgresUrl');
  if (!url)
    throw new Error(
      'this test needs PostgreSQL, but the run started none: name a *.postgres.test.ts file, ' +
        'set CLASSHUB_TEST_ENGINE=postgres, or give a server in CLASSHUB_TEST_DATABASE_URL',
    );
  return url;
}
