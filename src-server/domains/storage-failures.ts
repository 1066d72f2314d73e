import { DomainError } from '../domain-error';
import { BlobTooLarge } from '../storage/blobs/blob-store';
import { StorageFullError, UniqueViolation } from '../storage/errors';

/** Disk trouble: the change is not known to be stored, and retrying later may work. */
const STORAGE_CODES = new Set(['EIO', 'EROFS', 'EMFILE', 'ENFILE']);
/** A full disk (or quota): said plainly, because only freeing space helps. */
const DISK_FULL_CODES = new Set(['ENOSPC', 'EDQUOT', 'STORAGE_FULL']);

/**
 * What a repository's failure means to the person who asked. The failures are
 * part of the storage ports' contract, so the domain layer translates them and
 * the HTTP and socket edges never need to know storage exists.
 */
export function storageFailure(error: unknown): DomainError | undefined {
  if (error instanceof UniqueViolation)
    return new DomainError('CONFLICT', `That ${error.key} is already in use.`);
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
