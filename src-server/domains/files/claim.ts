import type { UserId } from '../../../src-shared/ids';
import type { FileId } from '../../../src-shared/schemas/files';
import { fieldError } from '../../domain-error';
import type { PostFileRecord } from '../../storage/records';
import type { Storage } from '../../storage/repositories';

/**
 * Attaches the actor's uploads to a record (post, message, material,
 * submission) — all or none — and returns them as that record's files.
 * `field` names the request field to blame when an id is not theirs.
 */
export async function claimUploads(
  storage: Pick<Storage, 'uploads'>,
  actorId: UserId,
  fileIds: readonly FileId[],
  owner: string,
  field = 'fileIds',
): Promise<PostFileRecord[]> {
  if (fileIds.length === 0) return [];
  const claimed = await storage.uploads.attach(fileIds, actorId, owner);
  if (!claimed.ok)
    throw fieldError(
      field,
      `File ${claimed.badId} is not one of your unattached uploads. Upload it again.`,
    );
  return claimed.uploads.map(({ id, blobId, fileName, contentType, size }) => ({
    id,
    blobId,
    fileName,
    contentType,
    size,
  }));
}
