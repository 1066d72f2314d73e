import type { UserId } from '../../../src-shared/ids';
import type { FileId } from '../../../src-shared/schemas/files';
import { fieldError } from '../../domain-error';
import type { PostFileRecord } from '../../storage/records';
import type { Storage } from '../../storage/repositories';

/**
 * Attaches the actor's uploads to the record that `save` stores, and gives
 * them back when `save` fails: otherwise an upload the hub acknowledged stays
 * claimed by a record that was never written (a full disk refusing the
 * material with 507), and every later attempt to attach it answers "not one
 * of your unattached uploads" — the acknowledged upload is lost to its owner.
 */
export async function attachUploadsTo<T>(
  storage: Pick<Storage, 'uploads'>,
  claim: { actorId: UserId; fileIds: readonly FileId[]; owner: string; field?: string },
  save: (files: PostFileRecord[]) => Promise<T>,
): Promise<T> {
  const files = await claimUploads(storage, claim.actorId, claim.fileIds, claim.owner, claim.field);
  try {
    return await save(files);
  } catch (error) {
    // Best effort: if even this small write fails, the person is told to upload again.
    await storage.uploads.release(claim.fileIds, claim.owner).catch(() => undefined);
    throw error;
  }
}

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
