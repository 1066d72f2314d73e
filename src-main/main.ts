import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { buildAppMenuTemplate } from './app-menu';
import { toBridgePlatform } from './bridge-arguments';
import { admitDeepLink } from './deep-link-trust';
import { ALL_HUBS } from './hub-scope';
import { findDeepLink, parseDeepLink, type JoinDeepLink } from './deep-links';
import {
  confirmDialog,
  createTray,
  displayWorkAreas,
  installAppMenu,
  openExternal,
  openPath,
  registerDeepLinkClient,
  registerLocalShellScheme,
  serveLocalShellFrom,
  setBadgeCount,
  showErrorMessage,
  showItemInFolder,
  showNativeNotification,
  type TrayHandle,
} from './electron-adapters';
import { registerIpcHandlers } from './ipc';
import { LOCAL_SHELL_ORIGIN, localShellUrl } from './local-shell';
import { appLog, useAppLog } from './logging/app-log';
import { installCrashHandlers } from './logging/crash-handler';
import { openLogFiles, type LogFiles } from './logging/log-files';
import { DesktopOptionsError, resolveDesktopOptions, type DesktopOptions } from './options';
import { webOriginOf } from './security';
import { createDesktopServices, type ServicesHandle } from './services';
import {
  closeBehaviour,
  decideStartup,
  loadDesktopSettings,
  probeHub,
  saveDesktopSettings,
  type StartupDecision,
} from './startup';
import { loadWindowState, restoreWindowState, saveWindowState } from './window-state';
import { createMainWindow } from './windows';

/**
 * App lifecycle: one instance; the window shows either the local shell
 * (start screen, offline library) or one hub; deep links; the tray while
 * hosting; an orderly shutdown of the services. Decisions come from plain
 * modules (startup.ts, deep-links.ts, security.ts …); this file applies them.
 */
const resourcesDir = app.isPackaged
  ? process.resourcesPath
  : path.join(app.getAppPath(), 'resources');
const iconPath = path.join(resourcesDir, app.isPackaged ? 'icon.png' : 'build/icon.png');

function readOptions(): DesktopOptions | undefined {
  try {
    return resolveDesktopOptions(process.argv, process.env);
  } catch (error) {
    if (!(error instanceof DesktopOptionsError)) throw error;
    dialog.showErrorBox('ClassHub cannot start', error.message);
    return undefined;
  }
}

async function start(options: DesktopOptions): Promise<void> {
  // A link from the command line, or from macOS's open-url before the window is ready.
  const deepLinks: { pending?: JoinDeepLink; open?: (link: JoinDeepLink) => void } = {};
  const fromArgv = findDeepLink(process.argv);
  if (fromArgv) deepLinks.pending = fromArgv;
  app.on('open-url', (event, url) => {
    event.preventDefault();
    const link = parseDeepLink(url);
    if (!link) return;
    if (deepLinks.open) deepLinks.open(link);
    else deepLinks.pending = link;
  });

  await app.whenReady();
  const userData = app.getPath('userData');
  const logs: LogFiles = await openLogFiles(path.join(userData, 'logs'));
  useAppLog(logs.main);
  logFolder.path = logs.folder;
  appLog().info({ version: app.getVersion(), platform: process.platform }, 'ClassHub starting');
  const settingsFile = path.join(userData, 'desktop-settings.json');
  const windowStateFile = path.join(userData, 'window-state.json');
  let settings = await loadDesktopSettings(settingsFile);
  serveLocalShellFrom(path.join(app.getAppPath(), 'dist-renderer'));
  registerDeepLinkClient();

  /** The hub the window may show now; undefined while in the local shell. */
  let hubOrigin: string | undefined;
  let mainWindow: BrowserWindow | undefined;
  let tray: TrayHandle | undefined;
  let quitting = false;
  const trustedOrigins = () => (hubOrigin ? [LOCAL_SHELL_ORIGIN, hubOrigin] : [LOCAL_SHELL_ORIGIN]);
  const updateSettings = (change: Partial<typeof settings>) => {
    settings = { ...settings, ...change };
    saveDesktopSettings(settingsFile, settings).catch((error: unknown) =>
      appLog().error({ err: error }, 'could not save the desktop settings'),
    );
  };

  // The latest state, so a window re-created later (macOS dock) opens where the last one was.
  let savedState: unknown = await loadWindowState(windowStateFile);
  let stateSaved: Promise<void> = Promise.resolve();
  const ensureWindow = (): BrowserWindow => {
    if (mainWindow && !mainWindow.isDestroyed()) return mainWindow;
    const window = createMainWindow({
      preloadPath: path.join(import.meta.dirname, 'preload.cjs'),
      appVersion: app.getVersion(),
      initialState: restoreWindowState(savedState, displayWorkAreas()),
      getTrustedOrigins: trustedOrigins,
      getHubOrigin: () => hubOrigin,
      onStateChange: (state) => {
        savedState = state;
        // Chained, so writes land in order; quitting waits for the last one.
        stateSaved = stateSaved.then(() => saveWindowState(windowStateFile, state)).catch(() => {});
      },
      iconPath,
    });
    window.webContents.on('did-fail-load', (_event, code, _description, url, isMainFrame) => {
      // -3 is "aborted" (a newer navigation won). A hub that does not answer means offline.
      if (!isMainFrame || code === -3 || webOriginOf(url) === undefined) return;
      showLocal('/library');
    });
    window.on('close', (event) => {
      if (quitting) return;
      if (closeBehaviour(services.hostingStatus(), process.platform) !== 'hide-to-tray') return;
      event.preventDefault();
      window.hide();
      tray ??= createTray({
        iconPath,
        tooltip: 'ClassHub is hosting a hub',
        onShow: () => focusWindow(),
        onQuit: () => app.quit(),
      });
    });
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = undefined;
    });
    mainWindow = window;
    return window;
  };

  const focusWindow = () => {
    const reopened = !mainWindow || mainWindow.isDestroyed();
    const window = ensureWindow();
    // A window closed earlier (macOS dock, tray) comes back where the app was.
    if (reopened) load(lastUrl ?? localShellUrl('/start'));
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };

  let lastUrl: string | undefined;
  const load = (url: string) => {
    lastUrl = url;
    ensureWindow()
      .loadURL(url)
      .catch((error: unknown) => {
        // did-fail-load switches to the library; this only keeps the log honest.
        appLog().warn({ err: error, url }, 'could not load a page');
      });
  };

  /** Opens the window on a hub page and remembers the hub for next time. */
  const showHub = (hubUrl: string, appPath = '/') => {
    const origin = webOriginOf(hubUrl);
    if (!origin) return;
    hubOrigin = origin;
    updateSettings({ lastHubUrl: origin });
    load(`${origin}${appPath}`);
  };
  /** The local shell: the hub is no longer trusted until the user connects again. */
  const showLocal = (appPath: '/start' | '/library') => {
    hubOrigin = undefined;
    load(localShellUrl(appPath));
  };

  const services: ServicesHandle = await createDesktopServices({
    folder: path.join(userData, 'services'),
    rendererDir: path.join(app.getAppPath(), 'dist-renderer'),
    showHub,
    showStart: () => showLocal('/start'),
    focusWindow,
    isWindowFocused: () => mainWindow?.isFocused() ?? false,
    // Stopping the hosted hub on purpose is not "offline": next time, open the start screen.
    onHostingChosen: (hostOnStartup) =>
      updateSettings(hostOnStartup ? { hostOnStartup } : { hostOnStartup, lastHubUrl: undefined }),
    hubLogDestination: logs.hubDestination,
    confirm: (question) => confirmDialog(question, mainWindow),
    openPath,
    showItemInFolder,
    openExternal,
    showNativeNotification,
    setBadgeCount,
  });

  const unregisterIpc = registerIpcHandlers({
    getTrustedOrigins: trustedOrigins,
    services: services.bridge,
    getEventTarget: () => mainWindow?.webContents,
  });

  installAppMenu(
    buildAppMenuTemplate({
      platform: toBridgePlatform(process.platform),
      appName: 'ClassHub',
      isPackaged: app.isPackaged,
    }),
    { 'open-start': () => showLocal('/start'), 'open-library': () => showLocal('/library') },
  );

  const apply = async (decision: StartupDecision) => {
    if (decision.kind === 'open-hub') showHub(decision.hubUrl, decision.appPath);
    else if (decision.kind === 'local-shell') showLocal(decision.appPath);
    else {
      showLocal('/start'); // the start screen shows the hub starting, then services opens it
      await services.bridge.hosting.start(ALL_HUBS);
    }
  };

  /** A hub never used here opens only after the person says yes (deep-link-trust.ts). */
  const admit = (link: JoinDeepLink) =>
    admitDeepLink(link, {
      usedBefore: async (url) => url === settings.lastHubUrl || services.hubUsedBefore(url),
      confirm: (question) => confirmDialog(question, mainWindow),
      remember: (url) => services.rememberHub(url),
    });
  const openDeepLink = (link: JoinDeepLink) => {
    admit(link)
      .then((admitted) => {
        if (!admitted) return;
        showHub(link.hubUrl, link.appPath);
        focusWindow();
      })
      .catch((error: unknown) => appLog().error({ err: error }, 'could not open a deep link'));
  };
  app.on('second-instance', (_event, argv) => {
    const link = findDeepLink(argv);
    if (link) openDeepLink(link);
    else focusWindow();
  });
  app.on('activate', () => focusWindow());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let shutDown = false;
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('will-quit', (event) => {
    if (shutDown) return;
    // Stop the hosted hub and flush stores before Electron exits; then quit for real.
    event.preventDefault();
    shutDown = true;
    unregisterIpc();
    tray?.destroy();
    void Promise.all([services.close(), stateSaved])
      .catch((error: unknown) => appLog().error({ err: error }, 'shutdown failed'))
      .then(() => appLog().info('ClassHub stopped'))
      .then(() => logs.close())
      .finally(() => app.quit());
  });

  const pendingLink =
    deepLinks.pending && (await admit(deepLinks.pending)) ? deepLinks.pending : undefined;
  deepLinks.open = openDeepLink;
  const decision = await decideStartup({
    ...(pendingLink ? { deepLink: pendingLink } : {}),
    ...(options.hubUrl ? { commandLineHubUrl: options.hubUrl } : {}),
    settings,
    isReachable: (url) => probeHub(url),
  });
  await apply(decision);
}

// Every web contents, not only the main window: no <webview>, no pop-ups (windows.ts sends links out).
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});
/** Where the logs are; known once the user-data folder is (start()). */
const logFolder = { path: 'the app’s user-data folder (logs)' };
// First, so nothing thrown later — even before the window exists — stops the app or a hosted hub.
installCrashHandlers({
  process,
  log: { error: (details, message) => appLog().error(details, message) },
  showOnce: showErrorMessage,
  get logFolder() {
    return logFolder.path;
  },
});
registerLocalShellScheme();
const options = readOptions();
if (!options) {
  app.exit(1);
} else {
  // Before the lock: the single-instance lock belongs to the user-data folder.
  if (options.userDataDir) app.setPath('userData', options.userDataDir);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
  } else {
    start(options).catch((error: unknown) => {
      appLog().fatal({ err: error }, 'startup failed');
      showErrorMessage({
        title: 'ClassHub cannot start',
        message: 'ClassHub could not start.',
        detail: `${error instanceof Error ? error.message : String(error)}\n\nLogs: ${logFolder.path}`,
      });
      app.exit(1);
    });
  }
}
