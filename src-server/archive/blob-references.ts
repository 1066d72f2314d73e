import type { ArchiveCollection } from '../storage/archive-port';

/**
 * The blobs a record points at: uploads (materials, submissions, chat and
 * post attachments all go through an upload) and avatars. An archive holds
 * exactly these; a restore refuses an archive that lacks one.
 */
export function blobsOf(collection: ArchiveCollection, record: unknown): string[] {
  const value = record as { blobId?: unknown; avatar?: { blobId?: unknown } };
  if (collection === 'uploads' && typeof value.blobId === 'string') return [value.blobId];
  if (collection === 'users' && typeof value.avatar?.blobId === 'string')
    return [value.avatar.blobId];
  return [];
}
