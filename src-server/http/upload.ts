import busboy from 'busboy';
import type { Request } from 'express';
import { DomainError } from '../domain-error';
import type { BlobStore, StagedBlob } from '../storage/blobs/blob-store';
import { checkUploadedFile, type UploadTypeRules } from './upload-check';

export interface ReceivedFile {
  readonly blob: StagedBlob;
  /** Detected from the bytes, never taken from the client's claim. */
  readonly contentType: string;
  /** The client's file name: a label only, never a path. */
  readonly fileName: string;
}

export interface UploadRules extends UploadTypeRules {
  readonly field: string;
  readonly limitBytes: number;
}

/**
 * Streams the one file of a multipart request into the blob store's staging
 * area, then checks its type by content. The caller commits or discards.
 */
export async function receiveFile(
  req: Request,
  blobs: BlobStore,
  rules: UploadRules,
): Promise<ReceivedFile> {
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      defParamCharset: 'utf8', // browsers send file names as raw UTF-8, not latin1
      limits: { files: 1, fileSize: rules.limitBytes + 1, fields: 20, parts: 30 },
    });
  } catch {
    throw new DomainError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Send the file as multipart/form-data in a field named "${rules.field}".`,
    );
  }
  const received = new Promise<{ blob: StagedBlob; fileName: string }>((resolve, reject) => {
    let sawFile = false;
    parser.on('file', (name, stream, info) => {
      if (name !== rules.field || sawFile) {
        stream.resume();
        return;
      }
      sawFile = true;
      blobs
        .stage(stream, rules.limitBytes)
        .then((blob) => resolve({ blob, fileName: info.filename || 'file' }), reject);
    });
    parser.on('error', (error) =>
      reject(
        new DomainError(
          'BAD_REQUEST',
          `The upload could not be read: ${(error as Error).message}.`,
        ),
      ),
    );
    parser.on('close', () => {
      if (!sawFile)
        reject(
          new DomainError('VALIDATION_FAILED', `Attach a file in the field "${rules.field}".`, {
            fields: [{ path: rules.field, message: 'Choose a file.' }],
          }),
        );
    });
    req.on('aborted', () =>
      reject(new DomainError('BAD_REQUEST', 'The upload was cut off before it finished.')),
    );
  });
  req.pipe(parser);
  const { blob, fileName } = await received;
  return { blob, ...(await checkUploadedFile(blob, fileName, rules)) };
}
