import {
  app,
  dialog,
  Menu,
  nativeImage,
  Notification,
  protocol,
  screen,
  shell,
  Tray,
  type BrowserWindow,
  type MenuItemConstructorOptions,
} from 'electron';
import type { MenuAction, MenuItemTemplate } from './app-menu';
import type { ConfirmQuestion } from './deep-link-trust';
import { DEEP_LINK_SCHEME } from './deep-links';
import { LOCAL_SHELL_SCHEME, serveLocalShell } from './local-shell';
import { buildLocalShellPolicy } from './security';
import type { Rectangle } from './window-state';

/**
 * Thin wrappers over the Electron APIs the plain modules need. Each does one
 * Electron call and no decisions; the decisions live in plain modules
 * (local-shell.ts, app-menu.ts, window-state.ts, startup.ts) that are tested.
 */

/**
 * Must run before `app.whenReady()`. `standard` gives the local shell real
 * origins and relative URLs; `secure` makes it a secure context like https.
 * No `bypassCSP`: the local shell's own CSP applies.
 */
export function registerLocalShellScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: LOCAL_SHELL_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    },
  ]);
}

/** Serves dist-renderer on classhub-app://local/ (after ready). */
export function serveLocalShellFrom(root: string): void {
  const contentSecurityPolicy = buildLocalShellPolicy();
  protocol.handle(LOCAL_SHELL_SCHEME, async (request) => {
    const answer = await serveLocalShell(request.url, {
      root,
      contentSecurityPolicy,
      method: request.method,
    });
    return new Response(answer.body.byteLength > 0 ? answer.body : null, {
      status: answer.status,
      headers: answer.headers,
    });
  });
}

/**
 * Makes the OS send classhub:// links to this app. In development Electron
 * runs as `electron .`, so the OS must be told the script too.
 */
export function registerDeepLinkClient(): void {
  if (process.defaultApp && process.argv[1] !== undefined) {
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [process.argv[1]]);
  } else {
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  }
}

/** Opens a file with the system's default app; Electron reports failure as a string. */
export async function openPath(filePath: string): Promise<void> {
  const failure = await shell.openPath(filePath);
  if (failure !== '') throw new Error(`Could not open ${filePath}: ${failure}`);
}

/** An error the person should know of; a plain box before the app is ready (no windows yet). */
export function showErrorMessage(message: {
  title: string;
  message: string;
  detail: string;
}): void {
  if (!app.isReady()) {
    dialog.showErrorBox(message.title, `${message.message}\n\n${message.detail}`);
    return;
  }
  void dialog.showMessageBox({
    type: 'error',
    title: message.title,
    message: message.message,
    detail: message.detail,
    buttons: ['OK'],
    noLink: true,
  });
}

/** A native yes/no dialog (modal to the window when there is one); true only for the confirm button. */
export async function confirmDialog(
  question: ConfirmQuestion,
  parent?: BrowserWindow,
): Promise<boolean> {
  const options = {
    type: 'question' as const,
    title: question.title,
    message: question.message,
    detail: question.detail,
    buttons: [question.cancelLabel, question.confirmLabel],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
  const answer = parent
    ? await dialog.showMessageBox(parent, options)
    : await dialog.showMessageBox(options);
  return answer.response === 1;
}

export function showItemInFolder(filePath: string): void {
  shell.showItemInFolder(filePath);
}

export function openExternal(url: string): Promise<void> {
  return shell.openExternal(url);
}

/** A native notification; `onClick` runs when the user clicks it. False where unsupported. */
export function showNativeNotification(options: {
  title: string;
  body: string;
  onClick: () => void;
}): boolean {
  if (!Notification.isSupported()) return false;
  const notification = new Notification({ title: options.title, body: options.body });
  notification.on('click', options.onClick);
  notification.show();
  return true;
}

/** Dock (macOS) and Unity launcher (Linux) badge; Windows has none and returns false. */
export function setBadgeCount(count: number): boolean {
  return app.setBadgeCount(count);
}

/** Work areas of all displays, the primary first (what window-state.ts expects). */
export function displayWorkAreas(): Rectangle[] {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id);
  return [primary, ...others].map((display) => display.workArea);
}

/** Turns the data template into Electron's menu, wiring named actions to clicks. */
export function installAppMenu(
  template: readonly MenuItemTemplate[],
  actions: Readonly<Record<MenuAction, () => void>>,
): void {
  const toElectron = (item: MenuItemTemplate): MenuItemConstructorOptions => {
    const { action, submenu, ...rest } = item;
    return {
      ...rest,
      ...(submenu ? { submenu: submenu.map(toElectron) } : {}),
      ...(action ? { click: () => actions[action]() } : {}),
    };
  };
  Menu.setApplicationMenu(Menu.buildFromTemplate(template.map(toElectron)));
}

export interface TrayHandle {
  setTooltip(text: string): void;
  destroy(): void;
}

/** The tray icon shown while the window is closed but the hosted hub runs. */
export function createTray(options: {
  iconPath: string;
  tooltip: string;
  onShow: () => void;
  onQuit: () => void;
}): TrayHandle {
  const tray = new Tray(nativeImage.createFromPath(options.iconPath).resize({ height: 22 }));
  tray.setToolTip(options.tooltip);
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Open ClassHub', click: options.onShow },
      { type: 'separator' },
      { label: 'Stop hosting and quit', click: options.onQuit },
    ]),
  );
  tray.on('click', options.onShow);
  return {
    setTooltip: (text) => tray.setToolTip(text),
    destroy: () => tray.destroy(),
  };
}
