import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { registerIpcHandlers } from './ipc';
import { DesktopOptionsError, resolveDesktopOptions, type DesktopOptions } from './options';
import { webOriginOf } from './security';
import { createMainWindow } from './windows';

/**
 * App lifecycle: one instance, one main window showing the hub, quit when
 * the last window closes (except on macOS, where apps stay in the dock).
 */
function readOptions(): DesktopOptions | undefined {
  try {
    return resolveDesktopOptions(process.argv, process.env);
  } catch (error) {
    if (!(error instanceof DesktopOptionsError)) throw error;
    dialog.showErrorBox('ClassHub cannot start', error.message);
    return undefined;
  }
}

function start(options: DesktopOptions): void {
  const appOrigin = webOriginOf(options.hubUrl) ?? options.hubUrl;
  const preloadPath = path.join(import.meta.dirname, 'preload.cjs');
  let mainWindow: BrowserWindow | undefined;

  const openMainWindow = (): void => {
    mainWindow = createMainWindow({
      hubUrl: options.hubUrl,
      preloadPath,
      appVersion: app.getVersion(),
    });
    mainWindow.on('closed', () => {
      mainWindow = undefined;
    });
  };

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
  app.on('web-contents-created', (_event, contents) => {
    // Any web contents, not only our window: no <webview>, no pop-ups. windows.ts loosens the latter for links.
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  app
    .whenReady()
    .then(() => {
      registerIpcHandlers({ getAppOrigin: () => appOrigin });
      openMainWindow();
    })
    .catch((error: unknown) => {
      console.error('[classhub] startup failed:', error);
      app.exit(1);
    });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const options = readOptions();
  if (options) start(options);
  else app.exit(1);
}
