/**
 * What may be uploaded as course or session material, by detected type.
 * Executables, scripts, HTML and SVG are never on it: a file served back from
 * the hub must not be able to run in a student's browser.
 */
export const MATERIAL_TYPES: readonly string[] = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'audio/mpeg',
  'audio/wav',
  'audio/ogg',
  'audio/x-m4a',
  'audio/mp4',
  'audio/flac',
  'video/mp4',
  'video/webm',
  'video/quicktime',
  'video/ogg',
  'application/zip',
  'application/gzip',
  'application/x-7z-compressed',
  'application/x-tar',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.presentation',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/x-cfb', // .doc, .ppt, .xls
  'application/rtf',
  'text/plain',
  'text/markdown',
  'text/csv',
];

export const IMAGE_TYPES: readonly string[] = [
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
];

/** Markup a browser runs when the saved file is opened: HTML, SVG, XML (by its start or its name). */
const MARKUP_START =
  /^\s*<(?:!doctype\s+(?:html|svg)|html|head|body|script|iframe|svg|\?xml)[\s>/]/i;
const MARKUP_NAME = /\.(?:html?|xhtml?|xht|shtml|svgz?|xml|xsl)$/i;

/**
 * Plain text has no magic bytes: it counts as text when its start is valid
 * UTF-8 without NUL bytes, and is not HTML, SVG or XML in disguise.
 */
export function textTypeOf(head: Buffer, fileName: string): string | undefined {
  if (head.length === 0 || head.includes(0)) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    return undefined;
  }
  if (MARKUP_NAME.test(fileName) || MARKUP_START.test(text)) return undefined;
  if (/\.csv$/i.test(fileName)) return 'text/csv';
  if (/\.(md|markdown)$/i.test(fileName)) return 'text/markdown';
  return 'text/plain';
}
