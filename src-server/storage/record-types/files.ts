import type { BlobId, UserId } from '../../../src-shared/ids';
import type { FileId } from '../../../src-shared/schemas/files';

/** Stored shapes of files: an upload, and the copy of it a post, message or material carries. */

/** An uploaded file. Owned by its uploader until attached (attachedTo set); then it belongs to that record. */
export interface UploadRecord {
  readonly id: FileId;
  readonly ownerId: UserId;
  readonly blobId: BlobId;
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  readonly createdAt: string;
  readonly attachedTo?: string;
}

/** An upload as attached to a record: copied, so showing the record needs no lookup. */
export interface PostFileRecord {
  readonly id: FileId;
  readonly blobId: BlobId;
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
}
