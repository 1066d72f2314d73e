import { randomUUID } from 'node:crypto';
import { fileKindOf, type FileId, type StoredFile } from '../../../src-shared/schemas/files';
import type { HandlersFor } from '../handlers';
import type { UploadRecord } from '../../storage/records';
import type { DomainDeps } from '../deps';
import type { DownloadLinks } from '../accounts/download-links';

export function toStoredFile(
  file: Pick<UploadRecord, 'id' | 'fileName' | 'contentType' | 'size' | 'blobId'>,
): StoredFile {
  return {
    id: file.id,
    fileName: file.fileName,
    contentType: file.contentType,
    kind: fileKindOf(file.contentType),
    size: file.size,
    sha256: file.blobId,
  };
}

export function fileRoutes(
  deps: DomainDeps,
  links: DownloadLinks,
): HandlersFor<'upload' | 'downloadLink'> {
  return {
    downloadLink: ({ auth, body }) => Promise.resolve(links.sign(body.path, auth.session.id)),
    upload: async ({ auth, receiveFile }) => {
      const { uploadLimitBytes, allowRunnableUploads } = await deps.storage.settings.get();
      const file = await receiveFile(deps.storage.blobs, {
        accept: 'material',
        limitBytes: uploadLimitBytes,
        allowRunnable: allowRunnableUploads,
        describe:
          'Upload a PDF, an image, audio, video, an office document, an archive or plain text.',
      });
      const blobId = await file.blob.commit();
      const upload = await deps.storage.uploads.insert({
        id: randomUUID() as FileId,
        ownerId: auth.user.id,
        blobId,
        fileName: file.fileName,
        contentType: file.contentType,
        size: file.blob.size,
        createdAt: deps.now().toISOString(),
      });
      return toStoredFile(upload);
    },
  };
}
