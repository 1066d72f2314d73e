import { DomainError } from '../domain-error';
import { BlobTooLarge } from '../storage/blobs/blob-store';
import { StorageFullError, UniqueViolation, UnstorableTextError } from '../storage/errors';

/**
 * Disk or database trouble: the change is not known to be stored, and
 * retrying later may work. PostgreSQL's SQLSTATEs: a lost or refused
 * connection (08…, ECONN…), the server shutting down (57P0…), too many
 * connections (53300), a read-only server (25006).
 */
const STORAGE_CODES = new Set([
  'EIO',
  'EROFS',
  'EMFILE',
  'ENFILE',
  'ECONNREFUSED',
  'ECONNRESET',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '25006',
]);
/** A full disk (or quota), the database server's too (53100): said plainly, because only freeing space helps. */
const DISK_FULL_CODES = new Set(['ENOSPC', 'EDQUOT', 'STORAGE_FULL', '53100']);

/**
 * What a repository's failure means to the person who asked. The failures are
 * part of the storage ports' contract, so the domain layer translates them and
 * the HTTP and socket edges never need to know storage exists.
 */
export function storageFailure(error: unknown): DomainError | undefined {
  if (error instanceof UniqueViolation)
    return new DomainError('CONFLICT', `That ${error.key} is already in use.`);
  if (error instanceof UnstorableTextError)
    return new DomainError(
      'BAD_REQUEST',
      'The text contains a NUL character (\\u0000), which the hub cannot store. Remove it and try again.',
    );
  if (error instanceof BlobTooLarge)
    return new DomainError(
      'PAYLOAD_TOO_LARGE',
      `The file is too large: the limit is ${formatBytes(error.limitBytes)}.`,
    );
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof StorageFullError || (typeof code === 'string' && DISK_FULL_CODES.has(code)))
    return new DomainError(
      'STORAGE_FULL',
      "The hub's disk is full, so this was not saved. Reading and signing in still work; " +
        'ask the person running the hub to free some space, then try again.',
    );
  if (typeof code === 'string' && STORAGE_CODES.has(code))
    return new DomainError(
      'STORAGE_UNAVAILABLE',
      'The hub could not save this change (its disk is failing or unavailable). Try again later.',
    );
  return undefined;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
