import { LOCAL_SHELL_ORIGIN, LOCAL_SHELL_PROTOCOL } from './local-shell';

/**
 * The security decisions of the desktop shell, as plain functions: windows.ts
 * and ipc.ts apply them to Electron, and Vitest checks them without Electron.
 *
 * "Trusted origins" are the origins the window's pages may come from: the
 * app's local copy (`classhub-app://local`, start screen and offline library)
 * and the one hub the app is connected to right now. Only pages from them may
 * use the bridge, and the window never leaves them.
 */

const WEB_PROTOCOLS = new Set(['http:', 'https:']);

/** One origin, or several (local shell + connected hub). */
export type TrustedOrigins = string | readonly string[];

/** Parses a URL, or returns undefined for anything that is not one. */
function parseUrl(value: string): URL | undefined {
  return URL.canParse(value) ? new URL(value) : undefined;
}

/** The origin of an http(s) URL ("http://127.0.0.1:4000"), or undefined. */
export function webOriginOf(value: string): string | undefined {
  const url = parseUrl(value);
  if (!url || !WEB_PROTOCOLS.has(url.protocol) || url.hostname === '') return undefined;
  return url.origin;
}

/**
 * The origin of a page the window may show: http(s), or the local shell.
 * Node's URL gives custom schemes the origin "null", so the local shell's is
 * spelled out; only the host `local` counts.
 */
export function appOriginOf(value: string): string | undefined {
  const url = parseUrl(value);
  if (url?.protocol === LOCAL_SHELL_PROTOCOL) {
    return `${url.protocol}//${url.host}` === LOCAL_SHELL_ORIGIN ? LOCAL_SHELL_ORIGIN : undefined;
  }
  return webOriginOf(value);
}

function isFromTrustedOrigin(targetUrl: string, trusted: TrustedOrigins): boolean {
  const target = appOriginOf(targetUrl);
  if (target === undefined) return false;
  const list = typeof trusted === 'string' ? [trusted] : trusted;
  return list.some((origin) => appOriginOf(origin) === target);
}

/**
 * The Content-Security-Policy for pages of the app. Everything comes from the
 * page's own origin; the hub origin is named in connect-src so REST and the
 * Socket.IO websocket keep working if the page is ever served from elsewhere.
 */
export function buildContentSecurityPolicy(hubOrigin: string): string {
  const origin = webOriginOf(hubOrigin);
  if (!origin) throw new Error(`The hub origin must be an http(s) URL, got "${hubOrigin}".`);
  const socketOrigin = origin.replace(/^http/, 'ws');
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    // Mantine writes its CSS variables into a <style> tag and uses style attributes.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'media-src': ["'self'", 'blob:'],
    'connect-src': ["'self'", origin, socketOrigin],
    'worker-src': ["'self'", 'blob:'],
    'frame-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${[...new Set(sources)].join(' ')}`)
    .join('; ');
}

/**
 * The policy of a file the hub serves inline (a preview in the app): it may
 * be framed by the hub's own pages only, and runs sandboxed with nothing
 * loaded. The app policy's `frame-ancestors 'none'` would blank the preview.
 */
export function buildInlineFilePolicy(): string {
  return "default-src 'none'; frame-ancestors 'self'; sandbox";
}

/** Whether a hub response is a file shown inline (a preview), from its Content-Disposition. */
export function isInlineFileResponse(
  headers: Readonly<Record<string, string | string[]>>,
): boolean {
  return Object.entries(headers).some(
    ([name, value]) =>
      name.toLowerCase() === 'content-disposition' &&
      [value].flat().some((one) => /^\s*inline\b/i.test(one)),
  );
}

/**
 * The policy of the local shell's pages (start screen, offline library): they
 * talk to hubs only through the bridge, so nothing but their own files.
 */
export function buildLocalShellPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Response headers with our policy added. A policy the hub already sent is
 * kept: the browser enforces every policy, so a hub can only tighten ours.
 */
export function withContentSecurityPolicy(
  headers: Readonly<Record<string, string | string[]>>,
  policy: string,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  const existing: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    const values = Array.isArray(value) ? [...value] : [value];
    if (name.toLowerCase() === 'content-security-policy') existing.push(...values);
    else result[name] = values;
  }
  result['Content-Security-Policy'] = [...existing, policy];
  return result;
}

/** The window may only navigate within the trusted origins; everything else is refused. */
export function isAllowedNavigation(targetUrl: string, trusted: TrustedOrigins): boolean {
  return isFromTrustedOrigin(targetUrl, trusted);
}

/**
 * The window itself (its main frame) never shows a hub file or API answer:
 * previews live in a frame inside the page and downloads are saved, so a
 * top-level navigation to `/api/…` is refused even on the hub's origin.
 */
export function isAllowedPageNavigation(targetUrl: string, trusted: TrustedOrigins): boolean {
  if (!isAllowedNavigation(targetUrl, trusted)) return false;
  const url = parseUrl(targetUrl);
  return !(url && WEB_PROTOCOLS.has(url.protocol) && /^\/api(\/|$)/i.test(url.pathname));
}

/**
 * Whether a URL may be handed to the system browser: http or https with a
 * host, and no user name or password in it (a common phishing disguise).
 * file:, javascript:, custom schemes and the like are refused.
 */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = parseUrl(url);
  if (!parsed || !WEB_PROTOCOLS.has(parsed.protocol) || parsed.hostname === '') return false;
  return parsed.username === '' && parsed.password === '';
}

/** An IPC call is answered only if the frame that sent it shows a page of a trusted origin. */
export function isTrustedSender(senderUrl: string | undefined, trusted: TrustedOrigins): boolean {
  return senderUrl !== undefined && isFromTrustedOrigin(senderUrl, trusted);
}

/**
 * Permissions a page of the app origin gets without asking; every other
 * request (camera, location, notifications, …) is denied. OS notifications
 * are shown by the main process, not by the page.
 */
const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set([
  'clipboard-sanitized-write', // "copy the join address" buttons
  'fullscreen', // videos in materials
]);

export function isPermissionGranted(
  permission: string,
  requestingUrl: string,
  trusted: TrustedOrigins,
): boolean {
  return GRANTED_PERMISSIONS.has(permission) && isFromTrustedOrigin(requestingUrl, trusted);
}
