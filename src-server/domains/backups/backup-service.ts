import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import type { BackupStatus } from '../../../src-shared/schemas/backups';
import { writeArchive } from '../../archive/write-archive';
import type { UserRecord } from '../../storage/records';
import type { DomainDeps } from '../deps';
import type { StreamedFileReply } from '../file-reply';

/** The repositories BackupService uses (createHub hands it exactly these). */
export const BACKUP_REPOSITORIES = ['archive', 'audit'] as const;

/** Completed backups are audit entries in this stream: who, and when (the panel shows the last). */
export const BACKUP_AUDIT_STREAM = 'backups';

/**
 * Backups of the running hub. The archive is made while it is sent: the
 * snapshot is taken when the response opens (signing a download link runs
 * the route without opening it), and a backup counts as made only once its
 * last byte has been handed over.
 */
export class BackupService {
  constructor(private readonly deps: DomainDeps<(typeof BACKUP_REPOSITORIES)[number]>) {}

  download(actor: UserRecord | undefined): StreamedFileReply {
    return {
      kind: 'stream',
      contentType: 'application/gzip',
      fileName: `classhub-backup-${this.deps.now().toISOString().slice(0, 19).replace(/[T:]/g, '-')}.tar.gz`,
      open: () => {
        const body = new PassThrough();
        void this.stream(body, actor);
        return body;
      },
    };
  }

  async status(): Promise<BackupStatus> {
    const [last] = await this.deps.storage.audit.page(BACKUP_AUDIT_STREAM, 1);
    return { lastBackupAt: last?.at ?? null };
  }

  private async stream(body: PassThrough, actor: UserRecord | undefined): Promise<void> {
    const { storage, logger } = this.deps;
    try {
      const snapshot = await storage.archive.snapshot();
      try {
        const writing = writeArchive(snapshot, storage.archive.engine);
        const ended = once(writing.stream, 'end');
        ended.catch(() => undefined);
        // The last byte waits for the record: once a client has the whole archive, the panel shows it.
        writing.stream.pipe(body, { end: false });
        body.once('close', () => writing.stream.destroy());
        const manifest = await writing.done;
        await ended;
        await recordBackup(storage.audit, actor, 'download');
        body.end();
        logger.info({ files: manifest.files.length }, 'backup downloaded');
      } finally {
        await snapshot.release();
      }
    } catch (error) {
      logger.warn({ err: error }, 'a backup download stopped before it was complete');
      body.destroy(error as Error);
    }
  }
}

/** Notes a completed backup in the audit log, where the admin panel finds the last one. */
export async function recordBackup(
  audit: DomainDeps<'audit'>['storage']['audit'],
  actor: UserRecord | undefined,
  how: 'download' | 'cli',
): Promise<void> {
  await audit.append(BACKUP_AUDIT_STREAM, {
    action: `backup-${how}`,
    ...(actor ? { actorId: actor.id } : {}),
  });
}
