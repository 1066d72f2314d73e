import busboy from 'busboy';
import type { Request } from 'express';
import { DomainError } from '../domain-error';
import type { FileRules, ReceivedFile, StagedUpload, StagingArea } from '../domains/handlers';
import { IMAGE_TYPES, MATERIAL_TYPES } from './file-types';
import { checkUploadedFile } from './upload-check';

const ALLOWED: Record<FileRules['accept'], readonly string[]> = {
  material: MATERIAL_TYPES,
  picture: IMAGE_TYPES,
};

export interface UploadRules extends FileRules {
  /** The multipart field that carries the file (from the route table). */
  readonly field: string;
  /** The upload is cut when no bytes arrive for this long; a slow one that keeps moving is not. */
  readonly stallMs: number;
}

/**
 * Streams the one file of a multipart request into a staging area, then
 * checks its type by content. The caller commits or discards.
 */
export async function receiveFile<T extends StagedUpload>(
  req: Request,
  store: StagingArea<T>,
  rules: UploadRules,
): Promise<ReceivedFile<T>> {
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
  const { blob, fileName } = await receiveStaged(req, parser, store, rules);
  const checked = await checkUploadedFile(blob, fileName, {
    accept: ALLOWED[rules.accept],
    describe: rules.describe,
    allowRunnable: rules.allowRunnable ?? false,
  });
  return { blob, ...checked };
}

function receiveStaged<T extends StagedUpload>(
  req: Request,
  parser: busboy.Busboy,
  store: StagingArea<T>,
  rules: UploadRules,
): Promise<{ blob: T; fileName: string }> {
  const received = new Promise<{ blob: T; fileName: string }>((resolve, reject) => {
    let sawFile = false;
    parser.on('file', (name, stream, info) => {
      if (name !== rules.field || sawFile) {
        stream.resume();
        return;
      }
      sawFile = true;
      store.stage(stream, rules.limitBytes).then(
        (blob) => resolve({ blob, fileName: info.filename || 'file' }),
        (error: unknown) => {
          // Refused mid-body (full disk, too large): the rest will not be read, so this
          // connection must not be handed back to the client's pool for another request.
          if (!req.complete) req.res?.setHeader('Connection', 'close');
          reject(error);
        },
      );
    });
    parser.on('error', (error) =>
      reject(
        error instanceof DomainError
          ? error
          : new DomainError(
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
    watchForStall(req, parser, rules.stallMs);
  });
  req.pipe(parser);
  return received;
}

/**
 * Node's own request timeout would cut a big upload on a slow link however
 * well it moves; this cuts only one that has stopped. The parser fails, so
 * the staged part is discarded and the person gets a JSON answer (408).
 */
function watchForStall(req: Request, parser: busboy.Busboy, stallMs: number): void {
  let timer: NodeJS.Timeout | undefined;
  const stop = () => clearTimeout(timer);
  const arm = () => {
    stop();
    timer = setTimeout(() => {
      // The rest of the body will not be read: the connection cannot carry another request.
      req.res?.setHeader('Connection', 'close');
      req.unpipe(parser);
      parser.destroy(
        new DomainError(
          'REQUEST_TIMEOUT',
          `The upload stopped: no data arrived for ${seconds(stallMs)} seconds. Check the network connection and upload the file again.`,
        ),
      );
    }, stallMs);
  };
  arm();
  req.on('data', arm).once('end', stop).once('close', stop);
  parser.once('close', stop).once('error', stop);
}

/** 60000 → "60", 500 → "0.5": what a person reads in the message. */
function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}
