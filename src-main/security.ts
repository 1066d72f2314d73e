/**
 * The security decisions of the desktop shell, as plain functions: windows.ts
 * and ipc.ts apply them to Electron, and Vitest checks them without Electron.
 *
 * "App origin" is the origin the window's pages come from (the hub that
 * serves the renderer). Only pages from that origin may use the bridge, and
 * the window never leaves it.
 */

const WEB_PROTOCOLS = new Set(['http:', 'https:']);

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

function isSameWebOrigin(targetUrl: string, appOrigin: string): boolean {
  const target = webOriginOf(targetUrl);
  return target !== undefined && target === webOriginOf(appOrigin);
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

/** The window may only navigate within the app origin; everything else is refused. */
export function isAllowedNavigation(targetUrl: string, appOrigin: string): boolean {
  return isSameWebOrigin(targetUrl, appOrigin);
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

/** An IPC call is answered only if the frame that sent it shows a page of the app origin. */
export function isTrustedSender(senderUrl: string | undefined, appOrigin: string): boolean {
  return senderUrl !== undefined && isSameWebOrigin(senderUrl, appOrigin);
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
  appOrigin: string,
): boolean {
  return GRANTED_PERMISSIONS.has(permission) && isSameWebOrigin(requestingUrl, appOrigin);
}
