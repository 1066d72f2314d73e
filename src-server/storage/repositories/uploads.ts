import type { UserId } from '../../../src-shared/ids';
import type { FileId } from '../../../src-shared/schemas/files';
import type { CollectionDefinition, DocumentCollection } from '../document-collection';
import { uploadRecordSchema } from '../record-schemas';
import type { UploadRecord } from '../records';
import type { UploadsRepository } from '../repositories';

export const uploadsCollectionOptions = {
  name: 'uploads',
  schema: uploadRecordSchema,
} satisfies CollectionDefinition<UploadRecord>;

/** Uploaded files' records, on either engine. */
export class DocumentUploadsRepository implements UploadsRepository {
  constructor(private readonly uploads: DocumentCollection<UploadRecord>) {}

  async get(id: FileId) {
    return this.uploads.get(id);
  }
  async insert(upload: UploadRecord) {
    return this.uploads.insert(upload);
  }

  async attach(ids: readonly FileId[], ownerId: UserId, owner: string) {
    // All or none, atomically: one upload can never end up on two posts.
    const claimed = await this.uploads.updateAllOrNone(
      ids,
      (upload) => upload.ownerId === ownerId && upload.attachedTo === undefined,
      (upload) => ({ ...upload, attachedTo: owner }),
    );
    if (!claimed.ok) return { ok: false as const, badId: claimed.badId as FileId };
    return { ok: true as const, uploads: claimed.before };
  }

  async release(ids: readonly FileId[], owner: string) {
    // Each checked under its own lock: an upload claimed by anything else is left alone.
    await Promise.all(
      [...new Set(ids)].map((id) =>
        this.uploads.update(id, (upload) => {
          if (upload.attachedTo !== owner) return upload;
          const { attachedTo: _released, ...rest } = upload;
          return rest;
        }),
      ),
    );
  }

  async deleteMany(ids: readonly FileId[]) {
    return this.uploads.deleteMany(ids);
  }

  async listAttached() {
    return [...(await this.uploads.values())].filter((u) => u.attachedTo !== undefined);
  }

  async listUnattachedBefore(before: string) {
    return [...(await this.uploads.values())].filter(
      (u) => u.attachedTo === undefined && u.createdAt < before,
    );
  }

  async referencedBlobs() {
    return new Set([...(await this.uploads.values())].map((u) => u.blobId));
  }
}
