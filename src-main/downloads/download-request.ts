import type { DownloadRequest } from '../../src-shared/bridge';

/** A request main refuses to act on; the message says what to fix. */
export class DownloadRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DownloadRequestError';
  }
}

const KINDS = new Set(['document', 'slides', 'media', 'archive', 'other']);
const SOURCES = new Set(['material', 'submission']);

/**
 * The hub's origin, e.g. http://192.168.1.20:4000. Only http(s), no user
 * name or password, no path: the access token is sent there, so it must be
 * exactly the hub and nothing the page could point elsewhere.
 */
export function hubOriginOf(hubUrl: unknown): string {
  let url: URL;
  try {
    url = new URL(String(hubUrl));
  } catch {
    throw new DownloadRequestError(`"${String(hubUrl).slice(0, 80)}" is not a hub address.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new DownloadRequestError('Downloads come from an http:// or https:// hub only.');
  if (url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search)
    throw new DownloadRequestError('Give the hub address only (scheme, host and port).');
  return url.origin;
}

/** The URL to fetch; refuses anything that is not one of the hub's /api/ paths. */
export function hubFileUrl(hubOrigin: string, path: unknown): URL {
  if (typeof path !== 'string' || !path.startsWith('/api/') || path.length > 2000)
    throw new DownloadRequestError('A download path must start with /api/.');
  let decoded: string;
  try {
    decoded = decodeURIComponent(path.split('?')[0] ?? '');
  } catch {
    throw new DownloadRequestError('A download path must be valid URL text.');
  }
  if (
    /[\\#]/.test(path) ||
    decoded.split('/').some((segment) => segment === '..' || segment === '.')
  )
    throw new DownloadRequestError('A download path cannot contain \\, # or . and .. segments.');
  const url = new URL(path, hubOrigin);
  if (url.origin !== hubOrigin || !url.pathname.startsWith('/api/'))
    throw new DownloadRequestError('A download path must stay on the hub under /api/.');
  return url;
}

function text(value: unknown, field: string, max = 300): string {
  if (typeof value !== 'string' || value.trim().length === 0 || value.length > max)
    throw new DownloadRequestError(`${field} must be text of 1 to ${max} characters.`);
  return value;
}

function optionalText(value: unknown, field: string): string | undefined {
  return value === undefined ? undefined : text(value, field);
}

/** Checks and normalises a request (hub origin, lower-case sha256) before it becomes a job. */
export function checkDownloadRequest(request: DownloadRequest): DownloadRequest {
  if (typeof request !== 'object' || request === null)
    throw new DownloadRequestError('A download request must be an object.');
  const hubUrl = hubOriginOf(request.hubUrl);
  hubFileUrl(hubUrl, request.path);
  const sha256 = typeof request.sha256 === 'string' ? request.sha256.toLowerCase() : '';
  if (!/^[0-9a-f]{64}$/.test(sha256))
    throw new DownloadRequestError('sha256 must be the hub’s 64-character hex checksum.');
  if (!Number.isSafeInteger(request.size) || request.size < 0)
    throw new DownloadRequestError('size must be a whole number of bytes.');
  if (!KINDS.has(request.kind))
    throw new DownloadRequestError(`Unknown file kind "${request.kind}".`);
  if (!SOURCES.has(request.source))
    throw new DownloadRequestError(`Unknown download source "${request.source}".`);
  const courseId = optionalText(request.courseId, 'courseId');
  const courseTitle = optionalText(request.courseTitle, 'courseTitle');
  return {
    hubUrl,
    path: request.path,
    title: text(request.title, 'title'),
    fileName: text(request.fileName, 'fileName'),
    sha256,
    size: request.size,
    kind: request.kind,
    source: request.source,
    ...(courseId !== undefined ? { courseId } : {}),
    ...(courseTitle !== undefined ? { courseTitle } : {}),
  };
}

/** Same hub, same bytes, same path: downloading it again would only duplicate it. */
export function sameDownload(
  a: Pick<DownloadRequest, 'hubUrl' | 'sha256' | 'path'>,
  b: Pick<DownloadRequest, 'hubUrl' | 'sha256' | 'path'>,
): boolean {
  return a.hubUrl === b.hubUrl && a.sha256 === b.sha256 && a.path === b.path;
}
