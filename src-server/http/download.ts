import type { Request, Response } from 'express';
import type { BlobId } from '../../src-shared/ids';
import type { BlobStore } from '../storage/blobs/blob-store';

export interface Downloadable {
  readonly blobId: BlobId;
  readonly fileName: string;
  readonly contentType: string;
}

/** Types a browser may show inline without being able to run anything. */
const INLINE_SAFE = /^(image\/(png|jpeg|gif|webp)|application\/pdf|audio\/|video\/|text\/plain)/;

/**
 * Sends a stored file through Express's sendFile (the `send` module): HTTP
 * Range for resumable downloads, conditional GET, HEAD. The ETag is the
 * sha256 of the bytes, so a client can check what it saved.
 */
export async function sendStoredFile(
  req: Request,
  res: Response,
  blobs: BlobStore,
  file: Downloadable,
): Promise<void> {
  const inline = req.query.inline === '1' && INLINE_SAFE.test(file.contentType);
  res.attachment(file.fileName); // RFC 6266 encoding of any name
  if (inline)
    res.setHeader(
      'Content-Disposition',
      String(res.getHeader('Content-Disposition')).replace(/^attachment/, 'inline'),
    );
  res.setHeader('ETag', `"${file.blobId}"`);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  await new Promise<void>((resolve, reject) => {
    res.sendFile(
      blobs.filePath(file.blobId),
      {
        headers: { 'Content-Type': file.contentType },
        etag: false,
        lastModified: false,
        dotfiles: 'allow',
        cacheControl: false,
      },
      (error) => {
        if (!error || res.headersSent) return resolve();
        // The answer becomes a JSON error (e.g. 416), not the file: drop the file's headers.
        for (const name of ['Content-Type', 'Content-Disposition', 'ETag']) res.removeHeader(name);
        reject(error);
      },
    );
  });
}
