import { BrowserWindow, shell, type Session, type WebContents } from 'electron';
import { encodeBridgeArguments } from './bridge-arguments';
import {
  buildContentSecurityPolicy,
  buildInlineFilePolicy,
  isAllowedNavigation,
  isAllowedPageNavigation,
  isInlineFileResponse,
  isPermissionGranted,
  isSafeExternalUrl,
  webOriginOf,
  withContentSecurityPolicy,
  type TrustedOrigins,
} from './security';
import { captureWindowState, MIN_WINDOW_SIZE, type WindowState } from './window-state';
import { appLog } from './logging/app-log';

export interface MainWindowOptions {
  /** Absolute path of the bundled preload (dist-main/preload.cjs). */
  preloadPath: string;
  appVersion: string;
  /** Size and position to open with (window-state.ts: restoreWindowState). */
  initialState: WindowState;
  /** The local shell and the connected hub; read on every check, as the hub changes. */
  getTrustedOrigins(): TrustedOrigins;
  /** Origin of the connected hub, whose responses get our CSP; undefined in the local shell. */
  getHubOrigin(): string | undefined;
  /** Called with the state to remember, on move, resize and close. */
  onStateChange(state: WindowState): void;
  /** Icon of the window on Linux (Windows and macOS take the app's icon). */
  iconPath?: string;
}

/**
 * The main window, following Electron's security checklist: isolated,
 * sandboxed, no Node in the page, strict CSP, navigation and new windows
 * locked to the trusted origins, permissions denied unless listed in
 * security.ts. It loads nothing itself: main.ts decides what to show.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const { initialState } = options;
  const window = new BrowserWindow({
    ...(initialState.x === undefined ? {} : { x: initialState.x, y: initialState.y }),
    width: initialState.width,
    height: initialState.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'ClassHub',
    show: false,
    ...(options.iconPath ? { icon: options.iconPath } : {}),
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableBlinkFeatures: '',
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      additionalArguments: encodeBridgeArguments({ appVersion: options.appVersion }),
    },
  });
  if (initialState.maximized) window.maximize();

  hardenSession(window.webContents.session, options);
  lockNavigation(window.webContents, options.getTrustedOrigins);
  rememberState(window, options.onStateChange);
  window.once('ready-to-show', () => window.show());
  return window;
}

/** CSP on every response from the connected hub, and permissions denied by default. */
function hardenSession(session: Session, options: MainWindowOptions): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const hubOrigin = options.getHubOrigin();
    if (!hubOrigin || webOriginOf(details.url) !== hubOrigin) {
      callback({});
      return;
    }
    const headers = details.responseHeaders ?? {};
    // A previewed file gets a policy of its own: framed by the hub's page, never a page itself.
    const policy = isInlineFileResponse(headers)
      ? buildInlineFilePolicy()
      : buildContentSecurityPolicy(hubOrigin);
    callback({ responseHeaders: withContentSecurityPolicy(headers, policy) });
  });
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl, options.getTrustedOrigins()));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin, options.getTrustedOrigins()),
  );
  session.setDevicePermissionHandler(() => false);
}

/** The page stays on the trusted origins; http(s) links elsewhere open in the system browser. */
function lockNavigation(contents: WebContents, getTrustedOrigins: () => TrustedOrigins): void {
  contents.on('will-navigate', (event) => {
    if (isAllowedPageNavigation(event.url, getTrustedOrigins())) return;
    event.preventDefault();
    // A hub file opens in the app's preview, not in the window nor outside it.
    if (!isAllowedNavigation(event.url, getTrustedOrigins())) openInSystemBrowser(event.url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame || isAllowedNavigation(event.url, getTrustedOrigins())) return;
    event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url, getTrustedOrigins())) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openInSystemBrowser(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Saves size and position shortly after the user stops moving, and on close. */
function rememberState(window: BrowserWindow, onStateChange: (state: WindowState) => void): void {
  let timer: NodeJS.Timeout | undefined;
  const capture = () => {
    if (window.isDestroyed() || window.isMinimized()) return;
    onStateChange(captureWindowState(window.getNormalBounds(), window.isMaximized()));
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(capture, 500);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('close', () => {
    clearTimeout(timer);
    capture();
  });
}

/** Hands a link to the OS browser if it is safe to; otherwise drops it. */
export function openInSystemBrowser(url: string): void {
  if (!isSafeExternalUrl(url)) return;
  shell.openExternal(url).catch((error: unknown) => {
    appLog().warn({ err: error }, 'could not open an external link');
  });
}
