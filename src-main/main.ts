import path from 'node:path';
import { app, dialog } from 'electron';
import { buildAppMenuTemplate } from './app-menu';
import { AppWindow } from './app-window';
import { toBridgePlatform } from './bridge-arguments';
import { admitDeepLink } from './deep-link-trust';
import { ALL_HUBS } from './hub-scope';
import { findDeepLink, parseDeepLink, type JoinDeepLink } from './deep-links';
import {
  confirmDialog,
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
} from './electron-adapters';
import { registerIpcHandlers } from './ipc';
import { appLog, useAppLog } from './logging/app-log';
import { installCrashHandlers } from './logging/crash-handler';
import { openLogFiles, type LogFiles } from './logging/log-files';
import { DesktopOptionsError, resolveDesktopOptions, type DesktopOptions } from './options';
import { createDesktopServices, type ServicesHandle } from './services';
import {
  decideStartup,
  loadDesktopSettings,
  probeHub,
  saveDesktopSettings,
  type StartupDecision,
} from './startup';
import { loadWindowState } from './window-state';

/**
 * App lifecycle: one instance; the window (app-window.ts) on the local shell
 * or one hub; deep links; an orderly shutdown of the services. Decisions come from plain
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
  let settings = await loadDesktopSettings(settingsFile);
  serveLocalShellFrom(path.join(app.getAppPath(), 'dist-renderer'));
  registerDeepLinkClient();

  const updateSettings = (change: Partial<typeof settings>) => {
    settings = { ...settings, ...change };
    saveDesktopSettings(settingsFile, settings).catch((error: unknown) =>
      appLog().error({ err: error }, 'could not save the desktop settings'),
    );
  };
  const windowStateFile = path.join(userData, 'window-state.json');
  const appWindow = new AppWindow({
    preloadPath: path.join(import.meta.dirname, 'preload.cjs'),
    appVersion: app.getVersion(),
    iconPath,
    windowStateFile,
    savedState: await loadWindowState(windowStateFile),
    hostingStatus: () => services.hostingStatus(),
    rememberHub: (origin) => updateSettings({ lastHubUrl: origin }),
    quit: () => app.quit(),
  });
  const { showHub, showLocal, focus: focusWindow } = appWindow;
  const services: ServicesHandle = await createDesktopServices({
    folder: path.join(userData, 'services'),
    rendererDir: path.join(app.getAppPath(), 'dist-renderer'),
    showHub,
    showStart: () => showLocal('/start'),
    focusWindow,
    isWindowFocused: () => appWindow.isFocused(),
    // Stopping the hosted hub on purpose is not "offline": next time, open the start screen.
    onHostingChosen: (hostOnStartup) =>
      updateSettings(hostOnStartup ? { hostOnStartup } : { hostOnStartup, lastHubUrl: undefined }),
    hubLogDestination: logs.hubDestination,
    confirm: (question) => confirmDialog(question, appWindow.current),
    openPath,
    showItemInFolder,
    openExternal,
    showNativeNotification,
    setBadgeCount,
  });

  const unregisterIpc = registerIpcHandlers({
    getTrustedOrigins: appWindow.trustedOrigins,
    services: services.bridge,
    getEventTarget: () => appWindow.webContents,
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
      confirm: (question) => confirmDialog(question, appWindow.current),
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
    appWindow.quitting = true;
  });
  app.on('will-quit', (event) => {
    if (shutDown) return;
    // Stop the hosted hub and flush stores before Electron exits; then quit for real.
    event.preventDefault();
    shutDown = true;
    unregisterIpc();
    void Promise.all([services.close(), appWindow.close()])
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
