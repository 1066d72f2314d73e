import { join, resolve } from 'node:path';
import type pg from 'pg';
import type { Logger } from '../logger';
import { lockDataFolder, type DataFolderLock } from './data-folder-lock';
import type { FileSystem } from './file-system';
import { openStorage } from './open-storage';
import { openPostgresStorage } from './postgres/open-postgres-storage';
import type { Storage } from './repositories';

export interface HubStorageOptions {
  readonly dataDir: string;
  /** A PostgreSQL URL; without it the data folder holds everything (lowdb). */
  readonly database?: string | undefined;
  /** Default: blobs inside the data folder. */
  readonly blobsDir?: string | undefined;
  readonly fileSystem?: FileSystem | undefined;
}

export interface HubStorage {
  readonly storage: Storage;
  /** The data folder's lock on lowdb; on PostgreSQL nothing is locked (several hubs may share it). */
  readonly lock: DataFolderLock;
  /** PostgreSQL only: the pool Socket.IO's adapter between hub nodes listens and notifies on. */
  readonly pubSubPool?: pg.Pool;
}

/**
 * The engine a hub runs on: PostgreSQL when given a database, else the
 * lowdb data folder, locked against a second hub and guarded against a full
 * disk (disk-space.ts). The lock is released again if opening fails.
 */
export async function openHubStorage(
  options: HubStorageOptions,
  logger: Logger,
): Promise<HubStorage> {
  const blobsDir = resolve(options.blobsDir ?? join(options.dataDir, 'blobs'));
  if (options.database) {
    const storage = await openPostgresStorage(options.database, {
      blobsDir,
      logger,
    });
    return {
      storage,
      lock: { announce: async () => {}, release: async () => {} },
      pubSubPool: storage.pubSubPool,
    };
  }
  const lock = await lockDataFolder(options.dataDir, logger);
  try {
    const storage = await openStorage(options.dataDir, logger, {
      blobsDir,
      ...(options.fileSystem ? { fileSystem: options.fileSystem } : {}),
    });
    return { storage, lock };
  } catch (error) {
    await lock.release();
    throw error;
  }
}
