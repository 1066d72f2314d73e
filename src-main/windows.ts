import { BrowserWindow, shell, type Session, type WebContents } from 'electron';
import { encodeBridgeArguments } from './bridge-arguments';
import {
  buildContentSecurityPolicy,
  isAllowedNavigation,
  isPermissionGranted,
  isSafeExternalUrl,
  webOriginOf,
  withContentSecurityPolicy,
} from './security';

export interface MainWindowOptions {
  /** The page to show; its origin becomes the app origin of this window. */
  hubUrl: string;
  /** Absolute path of the bundled preload (dist-main/preload.cjs). */
  preloadPath: string;
  appVersion: string;
}

/**
 * The main window, following Electron's security checklist: isolated,
 * sandboxed, no Node in the page, strict CSP, navigation and new windows
 * locked to the app origin, permissions denied unless listed in security.ts.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const appOrigin = webOriginOf(options.hubUrl);
  if (!appOrigin) throw new Error(`Not an http(s) URL: ${options.hubUrl}`);

  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 560,
    title: 'ClassHub',
    show: false,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      additionalArguments: encodeBridgeArguments({ appVersion: options.appVersion }),
    },
  });

  hardenSession(window.webContents.session, appOrigin);
  lockNavigation(window.webContents, appOrigin);
  window.once('ready-to-show', () => window.show());
  window.loadURL(options.hubUrl).catch((error: unknown) => {
    // The hub may not be running yet; show the window anyway so the user sees Chromium's error page.
    console.error(`[classhub] could not load ${options.hubUrl}:`, error);
    if (!window.isDestroyed()) window.show();
  });
  return window;
}

/** CSP on every response from the app origin, and permissions denied by default. */
function hardenSession(session: Session, appOrigin: string): void {
  const policy = buildContentSecurityPolicy(appOrigin);
  session.webRequest.onHeadersReceived((details, callback) => {
    if (webOriginOf(details.url) !== appOrigin) {
      callback({});
      return;
    }
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders ?? {}, policy) });
  });
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl, appOrigin));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin, appOrigin),
  );
  session.setDevicePermissionHandler(() => false);
}

/** The page stays on the app origin; http(s) links elsewhere open in the system browser. */
function lockNavigation(contents: WebContents, appOrigin: string): void {
  contents.on('will-navigate', (event) => {
    if (isAllowedNavigation(event.url, appOrigin)) return;
    event.preventDefault();
    openInSystemBrowser(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url, appOrigin)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openInSystemBrowser(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Hands a link to the OS browser if it is safe to; otherwise drops it. */
export function openInSystemBrowser(url: string): void {
  if (!isSafeExternalUrl(url)) return;
  shell.openExternal(url).catch((error: unknown) => {
    console.error('[classhub] could not open an external link:', error);
  });
}
