/**
 * The name an uploaded file is checked and stored under. Every check on a
 * name runs on this normalised form, never on the raw multipart name: what a
 * browser or an OS later saves ("notes.html " becomes notes.html on Windows
 * and in Chrome) must be what the hub judged.
 */

/** Browsers send `"`, CR and LF in multipart file names as %22, %0D and %0A (WHATWG); busboy leaves them so. */
function decodeBrowserEscapes(name: string): string {
  return name.replace(/%22/gi, '"').replace(/%0[ad]/gi, '');
}

/**
 * Characters that change how a name looks or where it ends without being
 * seen: C0/C1 controls, DEL, bidi overrides and isolates (the "gpj.exe" trick),
 * zero-width characters, soft hyphen, the BOM.
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Longest label kept; the extension survives the cut. */
export const MAX_FILE_NAME_LENGTH = 200;

/**
 * NFKC first (full-width "．ｂａｔ" becomes ".bat"), invisible characters out,
 * the last path segment only, and no trailing dots or spaces (Windows drops
 * them when saving, so "notes.bat. " is notes.bat). Empty becomes "file".
 */
export function normaliseFileName(raw: string): string {
  const decoded = decodeBrowserEscapes(raw).normalize('NFKC').replace(INVISIBLE, '');
  const base = decoded.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\s.]+$/u, '').replace(/^\s+/u, '');
  if (!clean) return 'file';
  if (clean.length <= MAX_FILE_NAME_LENGTH) return clean;
  const dot = clean.lastIndexOf('.');
  const extension = dot > 0 && clean.length - dot <= 16 ? clean.slice(dot) : '';
  return clean.slice(0, MAX_FILE_NAME_LENGTH - extension.length) + extension;
}

/**
 * The extensions an OS may act on when the file is saved: the last one, and
 * the last one before an NTFS stream suffix ("x.bat::$DATA" runs as x.bat).
 * Lower case, without the dot.
 */
export function extensionsOf(name: string): string[] {
  const candidates = [name, name.split(':')[0] ?? ''];
  const found = new Set<string>();
  for (const candidate of candidates) {
    const dot = candidate.lastIndexOf('.');
    if (dot >= 0 && dot < candidate.length - 1) found.add(candidate.slice(dot + 1).toLowerCase());
  }
  return [...found];
}
