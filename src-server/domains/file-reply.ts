import type { Readable } from 'node:stream';
import type { BlobId } from '../../src-shared/ids';

/**
 * What a download route returns instead of writing a response: the HTTP
 * layer (http/download.ts) turns it into headers, Range answers and bytes,
 * so a service never sees a request or a response.
 */
export type FileReply = StoredFileReply | StreamedFileReply;

/** A file on disk: served with HTTP Range, conditional GET and HEAD. */
export interface StoredFileReply {
  readonly kind: 'stored';
  readonly path: string;
  /** A label for Content-Disposition, never a path. */
  readonly fileName: string;
  readonly contentType: string;
  /** The sha256 of the bytes, so a client can check what it saved. */
  readonly etag: string;
}

/** Bytes made on request (a zip, a CSV, an avatar): no Range, streamed as they come. */
export interface StreamedFileReply {
  readonly kind: 'stream';
  /** Called once, when the response is ready to take the bytes. */
  readonly open: () => Readable | string;
  readonly contentType: string;
  /** Offered as a download under this name; absent for images shown in place. */
  readonly fileName?: string;
  readonly size?: number;
  /** `immutable`: the address changes with the content (avatars carry a version). */
  readonly cache?: 'immutable';
}

/** The stored-file reply for a record that points at a blob. */
export function storedFile(
  blobs: { filePath(id: BlobId): string },
  file: { readonly blobId: BlobId; readonly fileName: string; readonly contentType: string },
): StoredFileReply {
  return {
    kind: 'stored',
    path: blobs.filePath(file.blobId),
    fileName: file.fileName,
    contentType: file.contentType,
    etag: file.blobId,
  };
}
