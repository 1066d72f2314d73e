/** Characters Windows, macOS or Linux refuse (or treat specially) in a file name. */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f<>:"/\\|?*]/g;
/** UTF-8 bytes kept from a name: with the prefix it stays well under the 255-byte limit. */
const MAX_NAME_BYTES = 150;

/**
 * A file name from the hub (or a title) made safe to store: the last path
 * segment only, no characters any OS refuses, no leading dots (hidden or
 * `..`), no trailing dots or spaces (Windows drops them), bounded length with
 * the extension kept. The caller always prefixes it, so reserved Windows names
 * (CON, NUL …) cannot occur either.
 */
export function safeFileName(name: string): string {
  const lastSegment = name.split(/[\\/]/).pop() ?? '';
  let clean = lastSegment
    .replace(UNSAFE, '_')
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '')
    .trim();
  if (!clean) clean = 'file';
  if (Buffer.byteLength(clean) <= MAX_NAME_BYTES) return clean;
  const dot = clean.lastIndexOf('.');
  const extension = dot > 0 && clean.length - dot <= 12 ? clean.slice(dot) : '';
  let stem = clean.slice(0, clean.length - extension.length);
  while (Buffer.byteLength(stem + extension) > MAX_NAME_BYTES)
    stem = [...stem].slice(0, -1).join('');
  return stem.trim() + extension;
}
