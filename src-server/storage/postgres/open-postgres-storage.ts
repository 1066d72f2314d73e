import { sql } from 'kysely';
import type pg from 'pg';
import type { Logger } from '../../logger';
import { BlobStore } from '../blobs/blob-store';
import type { CollectionDefinition, StoredRecord } from '../document-collection';
import { releaseOrphanClaims } from '../orphan-claims';
import type { AuditEntry, NotificationRecord } from '../records';
import type { Storage } from '../repositories';
import {
  openClassroomRepositories,
  openCourseAndSessionRepositories,
} from '../repositories/open-repositories';
import {
  DocumentDoneMarksRepository,
  doneMarksCollectionOptions,
} from '../repositories/done-marks';
import { DocumentSettingsRepository, settingsCollectionOptions } from '../repositories/settings';
import {
  accountTokensCollectionOptions,
  authSessionsCollectionOptions,
  DocumentAccountTokensRepository,
  DocumentAuthSessionsRepository,
} from '../repositories/sign-ins';
import {
  DocumentStatusUpdatesRepository,
  statusUpdatesCollectionOptions,
} from '../repositories/status-updates';
import { DocumentUploadsRepository, uploadsCollectionOptions } from '../repositories/uploads';
import { DocumentUsersRepository, usersCollectionOptions } from '../repositories/users';
import { PgArchive } from './archive';
import { postgresCoordination } from '../coordination/pg-coordination';
import { PgCollection } from './collection';
import { connectPostgres, describeDatabaseUrl, type PgConnection } from './connect';
import { PgChatHistoryRepository } from './chat-history';
import { PgHistoryRepository } from './history';
import { migrateToLatest } from './migrate';
import { TrigramUserSearch } from './users-search';

/** The database cannot be used at all: unreachable, refused the sign-in, or does not exist. */
export class DatabaseUnreachableError extends Error {
  override name = 'DatabaseUnreachableError';
}

/** One query first, so a wrong address or password stops the start with a message that says so. */
async function reach(connection: PgConnection, url: string): Promise<void> {
  try {
    await sql`select 1`.execute(connection.db);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseUnreachableError(
      `cannot use the PostgreSQL database ${describeDatabaseUrl(url)}: ${reason}. ` +
        'Check the address, user, password and that the database exists (--database / CLASSHUB_DATABASE_URL).',
      { cause: error },
    );
  }
}

/**
 * The storage, and the connection pool for the one thing outside storage
 * that needs PostgreSQL itself: Socket.IO's adapter between hub nodes
 * (LISTEN/NOTIFY). Everything else reaches the data through the repositories.
 */
export interface PostgresStorage extends Storage {
  readonly pubSubPool: pg.Pool;
}

export interface PostgresStorageOptions {
  /** The content-addressed blob folder (uploads stay files; several hubs may share the folder). */
  readonly blobsDir: string;
  readonly logger: Logger;
  /** A command, not a hub node (a restore): leaves the blob folder's staged uploads alone. */
  readonly keepStagedUploads?: boolean;
}

/**
 * The hub's storage on PostgreSQL: the database at `url` (migrated to the
 * latest schema first, under an advisory lock) and the blob folder. The
 * repositories are the same classes as on lowdb, over PgCollection.
 */
export async function openPostgresStorage(
  url: string,
  options: PostgresStorageOptions,
): Promise<PostgresStorage> {
  const { logger } = options;
  const connection = connectPostgres(url, logger);
  try {
    await reach(connection, url);
    await migrateToLatest(connection.db, logger);
    const { db } = connection;
    const collections = new Map<string, PgCollection<StoredRecord>>();
    const open = async <T extends StoredRecord>(definition: CollectionDefinition<T>) => {
      const collection = await PgCollection.open<T>(db, definition);
      collections.set(definition.name, collection as unknown as PgCollection<StoredRecord>);
      return collection;
    };

    const users = new DocumentUsersRepository(
      await open(usersCollectionOptions),
      new TrigramUserSearch(db),
    );
    const authSessions = new DocumentAuthSessionsRepository(
      await open(authSessionsCollectionOptions),
    );
    const accountTokens = new DocumentAccountTokensRepository(
      await open(accountTokensCollectionOptions),
    );
    const statusUpdates = new DocumentStatusUpdatesRepository(
      await open(statusUpdatesCollectionOptions),
    );
    const settings = new DocumentSettingsRepository(await open(settingsCollectionOptions));
    const uploads = new DocumentUploadsRepository(await open(uploadsCollectionOptions));
    const doneMarks = new DocumentDoneMarksRepository(await open(doneMarksCollectionOptions));

    const courseAndSessions = await openCourseAndSessionRepositories(open);
    const classroom = await openClassroomRepositories(open);

    // Every node mounts the same blob folder (docs/decisions.md, "Several hub nodes: shared state").
    const blobs = await BlobStore.open(options.blobsDir, logger, {
      shared: true,
      keepStaged: options.keepStagedUploads === true,
    });
    const coordination = postgresCoordination(url, connection.pool, logger);
    const storage: PostgresStorage = {
      pubSubPool: connection.pool,
      users,
      authSessions,
      accountTokens,
      statusUpdates,
      settings,
      uploads,
      doneMarks,
      ...courseAndSessions,
      ...classroom,
      audit: new PgHistoryRepository<AuditEntry>(db, 'audit'),
      chat: new PgChatHistoryRepository(db),
      notifications: new PgHistoryRepository<NotificationRecord>(db, 'notifications'),
      blobs,
      coordination,
      archive: new PgArchive({ db, collections, blobs }),
      close: async () => {
        await coordination.close();
        await connection.close();
      },
    };
    await releaseOrphanClaims(storage, logger);
    logger.info({ database: describeDatabaseUrl(url) }, 'storage is PostgreSQL');
    return storage;
  } catch (error) {
    await connection.close();
    throw error;
  }
}
