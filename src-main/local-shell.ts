import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * The local shell: the renderer's own copy (dist-renderer, shipped inside the
 * app) served through a privileged custom protocol. The start screen and the
 * offline library come from here, so the app opens with no hub and no network.
 * The renderer tells it is the local shell by `location.protocol`.
 *
 * A protocol rather than file:// because file:// pages share one opaque
 * origin with every file on the disk, cannot use history routing, and would
 * make "only the app may use the bridge" meaningless.
 */
export const LOCAL_SHELL_SCHEME = 'classhub-app';
export const LOCAL_SHELL_PROTOCOL = `${LOCAL_SHELL_SCHEME}:`;
export const LOCAL_SHELL_HOST = 'local';
export const LOCAL_SHELL_ORIGIN = `${LOCAL_SHELL_PROTOCOL}//${LOCAL_SHELL_HOST}`;

/** `classhub-app://local/start` etc.; `appPath` must start with a slash. */
export function localShellUrl(appPath: string): string {
  if (!appPath.startsWith('/') || appPath.startsWith('//')) {
    throw new Error(`An app path starts with one slash, got "${appPath}".`);
  }
  return `${LOCAL_SHELL_ORIGIN}${appPath}`;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export type LocalShellTarget =
  | { status: 200; filePath: string; contentType: string; spaFallback: boolean }
  | { status: 400 | 403 | 404 | 405 };

/**
 * Which file answers a request, without touching the disk: the file under
 * `root` named by the path, or index.html for an app route (a path whose last
 * segment has no extension — React Router handles it). Anything that would
 * leave `root` — `..` (also percent-encoded), backslashes, NUL — is 403.
 */
export function resolveLocalShellTarget(
  requestUrl: string,
  root: string,
  method = 'GET',
): LocalShellTarget {
  if (method !== 'GET' && method !== 'HEAD') return { status: 405 };
  if (!URL.canParse(requestUrl)) return { status: 400 };
  const url = new URL(requestUrl);
  if (url.protocol !== LOCAL_SHELL_PROTOCOL || url.host !== LOCAL_SHELL_HOST) {
    return { status: 404 };
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { status: 400 };
  }
  if (/[\\\0]/.test(pathname) || pathname.split('/').some((part) => part === '..')) {
    return { status: 403 };
  }
  const absoluteRoot = path.resolve(root);
  const extension = path.posix.extname(pathname).toLowerCase();
  const spaFallback = pathname === '/' || extension === '';
  const filePath = spaFallback
    ? path.join(absoluteRoot, 'index.html')
    : path.resolve(absoluteRoot, `.${pathname}`);
  // Belt and braces: whatever the checks above missed, nothing outside root is served.
  if (filePath !== absoluteRoot && !filePath.startsWith(absoluteRoot + path.sep)) {
    return { status: 403 };
  }
  const contentType =
    CONTENT_TYPES[spaFallback ? '.html' : extension] ?? 'application/octet-stream';
  return { status: 200, filePath, contentType, spaFallback };
}

export interface LocalShellResponse {
  status: number;
  headers: Record<string, string>;
  /** Empty for errors and HEAD. */
  body: Uint8Array;
}

/** Answers one request of the local shell: electron-adapters.ts turns it into a Response. */
export async function serveLocalShell(
  requestUrl: string,
  options: { root: string; contentSecurityPolicy: string; method?: string },
): Promise<LocalShellResponse> {
  const target = resolveLocalShellTarget(requestUrl, options.root, options.method);
  const headers: Record<string, string> = {
    'Content-Security-Policy': options.contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
  };
  if (target.status !== 200) {
    return { status: target.status, headers, body: new Uint8Array() };
  }
  try {
    const info = await stat(target.filePath);
    if (!info.isFile()) return { status: 404, headers, body: new Uint8Array() };
    const body = options.method === 'HEAD' ? new Uint8Array() : await readFile(target.filePath);
    headers['Content-Type'] = target.contentType;
    // The files change with every app update; reading them from the disk is cheap.
    headers['Cache-Control'] = 'no-cache';
    return { status: 200, headers, body };
  } catch {
    return { status: 404, headers, body: new Uint8Array() };
  }
}
