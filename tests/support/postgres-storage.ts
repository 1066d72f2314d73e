import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../src-server/logger';
import type { Storage } from '../../src-server/storage/repositories';
import { openPostgresStorage } from '../../src-server/storage/postgres/open-postgres-storage';
import { freshMigratedDatabase } from './postgres-database';

const silent = createLogger('silent');

export interface OpenedPostgresStorage {
  readonly storage: Storage;
  /** Closes the storage, drops its database and deletes its blob folder. */
  close(): Promise<void>;
}

/**
 * Storage on an empty, migrated database of its own, for contract tests
 * that want a fresh store per test.
 */
export async function openFreshPostgresStorage(): Promise<OpenedPostgresStorage> {
  const database = await freshMigratedDatabase();
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
