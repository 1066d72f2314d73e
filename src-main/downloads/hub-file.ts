/**
 * What the hub says a file is, read from its own answer: the name from
 * `Content-Disposition` (the hub's record, set when it was uploaded) and the
 * type from `Content-Type` (detected by content on upload). The page's idea
 * of the name is never used to save or open a file.
 */
export interface HubFile {
  fileName: string;
  contentType: string;
}

/** Used when the hub names no file; the extension still comes from the type. */
const FALLBACK_NAME = 'download';

/**
 * The file name of a `Content-Disposition` header: RFC 5987 `filename*`
 * (UTF-8, percent-encoded) first, then the quoted or bare `filename`.
 */
export function fileNameOfDisposition(header: string | null): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended.trim());
    } catch {
      // A broken encoding: fall back to the plain parameter.
    }
  }
  const quoted = /filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(header)?.[1];
  if (quoted !== undefined) return quoted.replace(/\\(.)/g, '$1');
  return /filename\s*=\s*([^;\s]+)/i.exec(header)?.[1];
}

export function hubFileOf(headers: Headers): HubFile {
  return {
    fileName: fileNameOfDisposition(headers.get('content-disposition')) || FALLBACK_NAME,
    contentType: headers.get('content-type') ?? 'application/octet-stream',
  };
}
