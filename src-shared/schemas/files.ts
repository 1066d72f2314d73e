import { z } from 'zod';

export const fileIdSchema = z.string().min(1).max(64).brand<'FileId'>();
export type FileId = z.infer<typeof fileIdSchema>;

/** How a file is shown and filed (icons, the resource spectrum). */
export const fileKinds = ['document', 'slides', 'media', 'archive', 'other'] as const;
export const fileKindSchema = z.enum(fileKinds).meta({ id: 'FileKind' });
export type FileKind = z.infer<typeof fileKindSchema>;

/** A stored file as clients see it: content type detected by the hub, never taken from the client. */
export const storedFileSchema = z
  .object({
    id: fileIdSchema,
    fileName: z.string(),
    contentType: z.string(),
    kind: fileKindSchema,
    size: z.number().int(),
    sha256: z.string().meta({ description: 'Checksum of the bytes; also the download ETag.' }),
  })
  .meta({ id: 'StoredFile' });
export type StoredFile = z.infer<typeof storedFileSchema>;

export const downloadLinkRequestSchema = z
  .object({
    path: z
      .string()
      .startsWith('/api/', 'Give the path of a file download, starting with /api/.')
      .max(500),
  })
  .meta({ id: 'DownloadLinkRequest' });
export const downloadLinkSchema = z
  .object({
    url: z.string().meta({ description: 'Path with a signed ticket; GET it without a token.' }),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'DownloadLink' });

export const fileIdParamsSchema = z.object({ fileId: fileIdSchema });

export function fileKindOf(contentType: string): FileKind {
  if (
    contentType.startsWith('image/') ||
    contentType.startsWith('audio/') ||
    contentType.startsWith('video/')
  )
    return 'media';
  if (/presentation|powerpoint/.test(contentType)) return 'slides';
  if (/zip|gzip|7z|x-tar|rar/.test(contentType)) return 'archive';
  if (/pdf|word|document|text\/|rtf|spreadsheet|x-cfb/.test(contentType)) return 'document';
  return 'other';
}
