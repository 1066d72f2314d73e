/**
 * The application menu as data. Items are Electron roles (which bring the
 * platform's own labels and shortcuts: copy, paste, zoom, quit …) or app
 * actions by name; electron-adapters.ts maps the names to clicks. Shape
 * matches Electron's MenuItemConstructorOptions, minus `click`.
 */
export type MenuRole =
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'close'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'delete'
  | 'selectAll'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'minimize'
  | 'zoom'
  | 'front'
  | 'window'
  | 'appMenu'
  | 'editMenu'
  | 'viewMenu'
  | 'windowMenu'
  | 'help';

/** What the app itself does from the menu. */
export type MenuAction = 'open-start' | 'open-library';

export interface MenuItemTemplate {
  role?: MenuRole;
  label?: string;
  type?: 'separator' | 'submenu';
  accelerator?: string;
  action?: MenuAction;
  submenu?: MenuItemTemplate[];
}

export interface AppMenuOptions {
  platform: 'darwin' | 'win32' | 'linux';
  appName: string;
  /** Developer tools only in development builds. */
  isPackaged: boolean;
}

const separator: MenuItemTemplate = { type: 'separator' };

export function buildAppMenuTemplate(options: AppMenuOptions): MenuItemTemplate[] {
  const mac = options.platform === 'darwin';
  const appMenu: MenuItemTemplate = {
    label: options.appName,
    submenu: [
      { role: 'about' },
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };
  const fileMenu: MenuItemTemplate = {
    label: mac ? 'File' : '&File',
    submenu: [
      // Leaves the hub for the start screen (host or connect) or the offline library.
      { label: 'Start Screen', accelerator: 'CmdOrCtrl+Shift+H', action: 'open-start' },
      { label: 'Offline Library', accelerator: 'CmdOrCtrl+Shift+L', action: 'open-library' },
      separator,
      // On macOS Cmd+W closes the window and Cmd+Q (app menu) quits; elsewhere File › Quit.
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const editMenu: MenuItemTemplate = {
    label: mac ? 'Edit' : '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      separator,
      { role: 'selectAll' },
    ],
  };
  const viewMenu: MenuItemTemplate = {
    label: mac ? 'View' : '&View',
    submenu: [
      { role: 'reload' },
      { role: 'forceReload' },
      ...(options.isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };
  const windowMenu: MenuItemTemplate = {
    label: mac ? 'Window' : '&Window',
    submenu: mac
      ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  };
  const helpMenu: MenuItemTemplate = {
    role: 'help',
    label: mac ? 'Help' : '&Help',
    // macOS has About in the app menu; elsewhere it lives here (Electron draws the panel).
    submenu: mac ? [] : [{ role: 'about' }],
  };
  return [
    ...(mac ? [appMenu] : []),
    fileMenu,
    editMenu,
    viewMenu,
    windowMenu,
    ...(mac ? [] : [helpMenu]),
  ];
}

/** Every action used in a template, depth first (tests and the adapter's exhaustiveness check). */
export function menuActions(template: readonly MenuItemTemplate[]): MenuAction[] {
  return template.flatMap((item) => [
    ...(item.action ? [item.action] : []),
    ...menuActions(item.submenu ?? []),
  ]);
}
