import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { FileReply } from '../domains/file-reply';
import { DomainError } from '../domain-error';
import { sendFileReply } from './download';

/** The header carrying the data folder's backup key (see storage/backup-key.ts). */
export const BACKUP_KEY_HEADER = 'x-classhub-backup-key';
export const LOCAL_BACKUP_PATH = '/api/hub/backup';

/**
 * `npm run hub -- backup` on a folder a running hub holds: the CLI cannot
 * open the locked folder, so it asks the hub. It proves it may by the key
 * the hub wrote into its data folder at start — whoever can read that file
 * can read every other file there too, so it grants nothing new — and only
 * from this computer. No account is involved.
 */
export function localBackupRoute(key: string, reply: () => FileReply): RequestHandler {
  const expected = Buffer.from(key);
  return (req, res, next) => {
    const given = Buffer.from(String(req.headers[BACKUP_KEY_HEADER] ?? ''));
    const loopback = ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(
      req.socket.remoteAddress ?? '',
    );
    if (!loopback || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      next(
        new DomainError(
          'FORBIDDEN',
          'A backup through this address needs the key in the hub’s data folder, from the same computer.',
        ),
      );
      return;
    }
    sendFileReply(req, res, reply()).catch(next);
  };
}
