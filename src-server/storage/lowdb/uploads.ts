import type { UserId } from '../../../src-shared/ids';
import type { FileId } from '../../../src-shared/schemas/files';
import type { UploadRecord } from '../records';
import type { UploadsRepository } from '../repositories';
import type { LowdbCollection } from './collection';
import { uploadRecordSchema } from '../record-schemas';

export const uploadsCollectionOptions = { name: 'uploads', schema: uploadRecordSchema };

export class LowdbUploadsRepository implements UploadsRepository {
  constructor(private readonly uploads: LowdbCollection<UploadRecord>) {}

  async get(id: FileId) {
    return this.uploads.get(id);
  }
  async insert(upload: UploadRecord) {
    return this.uploads.insert(upload);
  }

  async attach(ids: readonly FileId[], ownerId: UserId, owner: string) {
    // Checked and marked in one synchronous step, so one upload can never end up on two posts.
    const uploads: UploadRecord[] = [];
    for (const id of new Set(ids)) {
      const upload = this.uploads.get(id);
      if (!upload || upload.ownerId !== ownerId || upload.attachedTo !== undefined)
        return { ok: false as const, badId: id };
      uploads.push(upload);
    }
    const marked = uploads.map((upload) =>
      this.uploads.update(upload.id, (u) => ({ ...u, attachedTo: owner })),
    );
    await Promise.all(marked);
    return { ok: true as const, uploads };
  }

  async release(ids: readonly FileId[], owner: string) {
    const claimed = [...new Set(ids)].filter((id) => this.uploads.get(id)?.attachedTo === owner);
    await Promise.all(
      claimed.map((id) =>
        this.uploads.update(id, ({ attachedTo: _released, ...upload }) => upload),
      ),
    );
  }

  async deleteMany(ids: readonly FileId[]) {
    return this.uploads.deleteMany(ids);
  }

  async listAttached() {
    return [...this.uploads.values()].filter((u) => u.attachedTo !== undefined);
  }

  async listUnattachedBefore(before: string) {
    return [...this.uploads.values()].filter(
      (u) => u.attachedTo === undefined && u.createdAt < before,
    );
  }

  async referencedBlobs() {
    return new Set([...this.uploads.values()].map((u) => u.blobId));
  }
}
