import { extname } from 'node:path';

/**
 * Which files the app hands to the system's default app, and which extension
 * a saved file gets. The extension comes from the type the hub detected by
 * content when the file was uploaded, never from a name: the OS picks the
 * program by extension, so a file saved here can only ever start a document
 * or media viewer. Everything else is shown in its folder instead.
 */

/** Document and media types the app opens, with the extensions that mean that type (first: the default). */
const OPENABLE: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ['.pdf'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg', '.jfif'],
  'image/gif': ['.gif'],
  'image/webp': ['.webp'],
  'audio/mpeg': ['.mp3'],
  'audio/wav': ['.wav'],
  'audio/ogg': ['.ogg', '.oga', '.opus'],
  'audio/x-m4a': ['.m4a'],
  'audio/mp4': ['.m4a', '.mp4a'],
  'audio/flac': ['.flac'],
  'video/mp4': ['.mp4', '.m4v'],
  'video/webm': ['.webm'],
  'video/quicktime': ['.mov'],
  'video/ogg': ['.ogv'],
  'text/plain': ['.txt', '.text', '.log'],
  'text/markdown': ['.md', '.markdown'],
  'text/csv': ['.csv'],
  'application/rtf': ['.rtf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['.pptx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
  'application/vnd.oasis.opendocument.text': ['.odt'],
  'application/vnd.oasis.opendocument.presentation': ['.odp'],
  'application/vnd.oasis.opendocument.spreadsheet': ['.ods'],
  // Old binary Office files share one container format; whichever of the three, Office opens it.
  'application/x-cfb': ['.doc', '.xls', '.ppt'],
};

/** Kept with a useful extension, but shown in their folder rather than opened. */
const KEPT_ONLY: Readonly<Record<string, readonly string[]>> = {
  'application/zip': ['.zip'],
  'application/gzip': ['.gz', '.tgz'],
  'application/x-7z-compressed': ['.7z'],
  'application/x-tar': ['.tar'],
};

/** Any other type: bytes under a name no OS runs. */
const UNKNOWN_EXTENSION = '.bin';

/** The bare media type, lower case ("text/plain; charset=utf-8" → "text/plain"). */
export function mediaTypeOf(contentType: string | null | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase() || 'application/octet-stream';
}

function extensionsFor(contentType: string): readonly string[] {
  const type = mediaTypeOf(contentType);
  return OPENABLE[type] ?? KEPT_ONLY[type] ?? [UNKNOWN_EXTENSION];
}

/**
 * The name a hub file is saved under: the hub's name when its extension
 * already means the detected type ("Week 1.pdf"), otherwise the hub's name
 * with that type's extension added ("notes.bat" as text → "notes.bat.txt").
 */
export function savedFileName(hubName: string, contentType: string): string {
  const allowed = extensionsFor(contentType);
  const extension = extname(hubName).toLowerCase();
  if (allowed.includes(extension)) return hubName;
  return `${hubName}${allowed[0]}`;
}

/** True when the app may open this file itself: a document or media type, saved under its extension. */
export function mayOpen(contentType: string | undefined, storedName: string): boolean {
  if (contentType === undefined) return false;
  const allowed = OPENABLE[mediaTypeOf(contentType)];
  return allowed !== undefined && allowed.includes(extname(storedName).toLowerCase());
}
