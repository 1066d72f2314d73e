import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { createLogger } from '../../src-server/logger';
import type { Storage } from '../../src-server/storage/repositories';
import { connectPostgres } from '../../src-server/storage/postgres/connect';
import { migrateToLatest } from '../../src-server/storage/postgres/migrate';
import { openPostgresStorage } from '../../src-server/storage/postgres/open-postgres-storage';
import { createTestDatabase, type TestDatabase } from './postgres';
import { freshPostgresDatabase } from './postgres-database';

const silent = createLogger('silent');

export interface OpenedPostgresStorage {
  readonly storage: Storage;
  /** Closes the storage, drops its database and deletes its blob folder. */
  close(): Promise<void>;
}

let template: Promise<TestDatabase> | undefined;

/**
 * Storage on an empty, migrated database of its own, for contract tests
 * that want a fresh store per test: copied from a template database this
 * file migrated once (CREATE DATABASE … TEMPLATE), which is much quicker
 * than migrating each.
 */
export async function openFreshPostgresStorage(): Promise<OpenedPostgresStorage> {
  const source = await (template ??= migratedTemplate());
  const name = new URL(source.url).pathname.slice(1);
  const database = await createTestDatabase(inject('postgresUrl'), name);
  const folder = await mkdtemp(join(tmpdir(), 'classhub-pg-storage-'));
  const storage = await openPostgresStorage(database.url, {
    blobsDir: join(folder, 'blobs'),
    logger: silent,
  });
  return {
    storage,
    async close() {
      await storage.close();
      await database.drop();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

async function migratedTemplate(): Promise<TestDatabase> {
  const database = await freshPostgresDatabase();
  const connection = connectPostgres(database.url, silent);
  try {
    await migrateToLatest(connection.db, silent);
  } finally {
    // A template may have no connection open while it is copied.
    await connection.close();
  }
  return database;
}
