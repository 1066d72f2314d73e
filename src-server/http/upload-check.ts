import { fileTypeFromBuffer } from 'file-type';
import { DomainError } from '../domain-error';
import type { StagedUpload } from '../domains/handlers';
import { extensionsOf, normaliseFileName } from './file-names';
import { runnableReason, textTypeOf } from './file-types';

export interface UploadTypeRules {
  readonly accept: readonly string[];
  readonly describe: string;
  /** The admin allows scripts and programs (hub setting `allowRunnableUploads`). */
  readonly allowRunnable?: boolean;
}

/**
 * Judges a staged upload by its normalised name and its bytes: the type comes
 * from the content, scripts and programs are refused unless allowed, and the
 * name kept is the one that was checked. Discards the blob when refusing.
 */
export async function checkUploadedFile(
  blob: StagedUpload,
  rawName: string,
  rules: UploadTypeRules,
): Promise<{ contentType: string; fileName: string }> {
  const fileName = normaliseFileName(rawName);
  const detected = await fileTypeFromBuffer(blob.head);
  const runnable = runnableReason(blob.head, extensionsOf(fileName), detected?.mime);
  if (runnable && !rules.allowRunnable) {
    await blob.discard();
    throw new DomainError(
      'UNSUPPORTED_MEDIA_TYPE',
      `"${fileName}" looks like a script or program (${runnable}). This hub does not accept ` +
        'those: opening one runs it on the computer of whoever downloads it. ' +
        `${rules.describe} An admin can allow scripts and programs in the hub settings.`,
    );
  }
  // An allowed program the detector does not know is still stored, as plain bytes.
  const contentType =
    detected?.mime ??
    textTypeOf(blob.head, fileName) ??
    (runnable ? 'application/octet-stream' : undefined);
  const accepted = contentType !== undefined && (rules.accept.includes(contentType) || !!runnable);
  if (!accepted) {
    await blob.discard();
    const what = detected ? `a ${detected.ext.toUpperCase()} file` : 'not a recognised file type';
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', `This file is ${what}. ${rules.describe}`);
  }
  return { contentType, fileName };
}
