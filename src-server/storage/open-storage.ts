import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../logger';
import { BlobStore } from './blobs/blob-store';
import {
  accountTokensCollectionOptions,
  authSessionsCollectionOptions,
  DocumentAccountTokensRepository,
  DocumentAuthSessionsRepository,
} from './repositories/sign-ins';
import {
  DocumentStatusUpdatesRepository,
  statusUpdatesCollectionOptions,
} from './repositories/status-updates';
import { LowdbCollection, type StoredRecord } from './lowdb/collection';
import { doneMarksCollectionOptions, DocumentDoneMarksRepository } from './repositories/done-marks';
import { DocumentSettingsRepository, settingsCollectionOptions } from './repositories/settings';
import { DocumentUploadsRepository, uploadsCollectionOptions } from './repositories/uploads';
import { DocumentUsersRepository, usersCollectionOptions } from './repositories/users';
import { MiniSearchUserSearch } from './lowdb/users-search';
import { lowdbArchive, type LowdbArchiveParts } from './lowdb/archive';
import { memoryCoordination } from './coordination/memory-coordination';
import { DiskSpace } from './disk-space';
import type { FileSystem } from './file-system';
import { LogChatHistoryRepository } from './logs/chat-history';
import { LogHistoryRepository } from './logs/history';
import { releaseOrphanClaims } from './orphan-claims';
import { SegmentedLog } from './logs/segmented-log';
import type { AuditEntry, ChatRecord, NotificationRecord } from './records';
import type { Storage } from './repositories';
import {
  openClassroomRepositories,
  openCourseAndSessionRepositories,
} from './repositories/open-repositories';

/**
 * The data folder:
 *   db/<collection>.json                 lowdb snapshot per collection (format version inside)
 *   db/<collection>.journal-<g>.jsonl    its changes since, one line per group commit
 *   logs/<name>/*.jsonl    append-only segmented logs (audit, chat, notifications), each with a *.idx
 *   reserved-space         8 MB released when the disk fills, so sign-ins keep working
 *   blobs/ab/<sha256>      uploaded files, content-addressed
 */
export async function openStorage(
  dataDir: string,
  logger: Logger,
  options: { fileSystem?: FileSystem; blobsDir?: string } = {},
): Promise<Storage> {
  const dbDir = join(dataDir, 'db');
  await mkdir(dbDir, { recursive: true });
  const { fileSystem } = options;
  const diskSpace = await DiskSpace.open(dataDir, logger, {
    ...(fileSystem ? { fileSystem } : {}),
  });
  // Chat and notifications give way on a full disk; the audit log does not (a sign-in writes to it).
  const logOptions = (refuseWhenDiskFull: boolean) => ({
    diskSpace,
    refuseWhenDiskFull,
    ...(fileSystem ? { fileSystem } : {}),
  });
  const collections: LowdbCollection<StoredRecord>[] = [];
  const open = async <T extends StoredRecord>(
    options: Parameters<typeof LowdbCollection.open<T>>[1],
  ) => {
    const collection = await LowdbCollection.open<T>(
      dbDir,
      // A collection that meets a full disk tells the guard, so chat gives way before sign-ins do.
      { ...options, fileSystem, onWriteFailure: (error) => void diskSpace.noteWriteFailure(error) },
      logger,
    );
    collections.push(collection as unknown as LowdbCollection<StoredRecord>);
    return collection;
  };

  const userCollection = await open(usersCollectionOptions);
  const users = new DocumentUsersRepository(
    userCollection,
    new MiniSearchUserSearch(userCollection),
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
  const auditLog = await SegmentedLog.open<AuditEntry>(
    join(dataDir, 'logs', 'audit'),
    logger,
    logOptions(false),
  );
  const doneMarks = new DocumentDoneMarksRepository(
    await open<{ id: string; at: string }>(doneMarksCollectionOptions),
  );
  const chatLog = await SegmentedLog.open<ChatRecord>(
    join(dataDir, 'logs', 'chat'),
    logger,
    logOptions(true),
  );
  const notificationLog = await SegmentedLog.open<NotificationRecord>(
    join(dataDir, 'logs', 'notifications'),
    logger,
    logOptions(true),
  );
  const teaching = await openCourseAndSessionRepositories(open);
  const classroom = await openClassroomRepositories(open);
  const blobs = await BlobStore.open(options.blobsDir ?? join(dataDir, 'blobs'), logger);
  await releaseOrphanClaims({ uploads, ...teaching }, logger);

  return {
    users,
    authSessions,
    accountTokens,
    statusUpdates,
    settings,
    audit: new LogHistoryRepository(auditLog),
    uploads,
    chat: new LogChatHistoryRepository(chatLog),
    notifications: new LogHistoryRepository(notificationLog),
    doneMarks,
    ...teaching,
    ...classroom,
    blobs,
    coordination: memoryCoordination(),
    archive: lowdbArchive({
      collections: new Map(collections.map((collection) => [collection.name, collection])),
      logs: {
        audit: auditLog,
        chat: chatLog,
        notifications: notificationLog,
      } as LowdbArchiveParts['logs'],
      blobs,
    }),
    async close() {
      await Promise.all(collections.map((collection) => collection.close()));
      await Promise.all([auditLog.close(), chatLog.close(), notificationLog.close()]);
      await diskSpace.close();
    },
  };
}
