import type { HostedHubStatus } from '../src-shared/bridge';
import { createTray, displayWorkAreas, type TrayHandle } from './electron-adapters';
import { LOCAL_SHELL_ORIGIN, localShellUrl } from './local-shell';
import { appLog } from './logging/app-log';
import { webOriginOf } from './security';
import { closeBehaviour } from './startup';
import { restoreWindowState, saveWindowState } from './window-state';
import { createMainWindow } from './windows';

/** Electron's BrowserWindow, named without importing Electron here (only the adapters do). */
type BrowserWindow = ReturnType<typeof createMainWindow>;

export interface AppWindowOptions {
  preloadPath: string;
  appVersion: string;
  iconPath: string;
  windowStateFile: string;
  /** The window's last size and position (window-state.ts loadWindowState). */
  savedState: unknown;
  /** Whether this app is hosting a hub now: closing the window then hides it to the tray. */
  hostingStatus(): HostedHubStatus | undefined;
  /** A hub shown is remembered, to open on it next time. */
  rememberHub(origin: string): void;
  quit(): void;
}

/**
 * The one main window and what it shows: the local shell (start screen,
 * offline library) or one hub, whose origin is then the only one trusted
 * besides the shell. Closed, it comes back where it was (macOS dock, tray);
 * closed while hosting, it hides to the tray so the class keeps its hub.
 */
export class AppWindow {
  /** The hub the window may show now; undefined while in the local shell. */
  private hubOrigin: string | undefined;
  private window: BrowserWindow | undefined;
  private tray: TrayHandle | undefined;
  private lastUrl: string | undefined;
  private savedState: unknown;
  private stateSaved: Promise<void> = Promise.resolve();
  /** Set once the app quits for real: closing then closes. */
  quitting = false;

  constructor(private readonly options: AppWindowOptions) {
    this.savedState = options.savedState;
  }

  trustedOrigins = (): string[] =>
    this.hubOrigin ? [LOCAL_SHELL_ORIGIN, this.hubOrigin] : [LOCAL_SHELL_ORIGIN];

  get webContents() {
    return this.window?.webContents;
  }

  /** The window itself, for dialogs to sit on; undefined while it is closed. */
  get current(): BrowserWindow | undefined {
    return this.window && !this.window.isDestroyed() ? this.window : undefined;
  }

  isFocused(): boolean {
    return this.window?.isFocused() ?? false;
  }

  /** Opens the window on a hub page and remembers the hub for next time. */
  showHub = (hubUrl: string, appPath = '/'): void => {
    const origin = webOriginOf(hubUrl);
    if (!origin) return;
    this.hubOrigin = origin;
    this.options.rememberHub(origin);
    this.load(`${origin}${appPath}`);
  };

  /** The local shell: the hub is no longer trusted until the user connects again. */
  showLocal = (appPath: '/start' | '/library'): void => {
    this.hubOrigin = undefined;
    this.load(localShellUrl(appPath));
  };

  /** Brings the window to the front, re-created on the page it last showed if it was closed. */
  focus = (): void => {
    const reopened = this.current === undefined;
    const window = this.ensure();
    if (reopened) this.load(this.lastUrl ?? localShellUrl('/start'));
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };

  /** Quitting: the tray goes, and this waits for the window's last size and place to be saved. */
  async close(): Promise<void> {
    this.tray?.destroy();
    await this.stateSaved;
  }

  private load(url: string): void {
    this.lastUrl = url;
    this.ensure()
      .loadURL(url)
      .catch((error: unknown) => {
        // did-fail-load switches to the library; this only keeps the log honest.
        appLog().warn({ err: error, url }, 'could not load a page');
      });
  }

  private ensure(): BrowserWindow {
    if (this.current) return this.current;
    const { options } = this;
    const window = createMainWindow({
      preloadPath: options.preloadPath,
      appVersion: options.appVersion,
      initialState: restoreWindowState(this.savedState, displayWorkAreas()),
      getTrustedOrigins: this.trustedOrigins,
      getHubOrigin: () => this.hubOrigin,
      onStateChange: (state) => {
        this.savedState = state;
        // Chained, so writes land in order; quitting waits for the last one.
        this.stateSaved = this.stateSaved
          .then(() => saveWindowState(options.windowStateFile, state))
          .catch(() => {});
      },
      iconPath: options.iconPath,
    });
    window.webContents.on('did-fail-load', (_event, code, _description, url, isMainFrame) => {
      // -3 is "aborted" (a newer navigation won). A hub that does not answer means offline.
      if (!isMainFrame || code === -3 || webOriginOf(url) === undefined) return;
      this.showLocal('/library');
    });
    window.on('close', (event) => {
      if (this.quitting) return;
      if (closeBehaviour(options.hostingStatus(), process.platform) !== 'hide-to-tray') return;
      event.preventDefault();
      window.hide();
      this.tray ??= createTray({
        iconPath: options.iconPath,
        tooltip: 'ClassHub is hosting a hub',
        onShow: () => this.focus(),
        onQuit: () => options.quit(),
      });
    });
    window.on('closed', () => {
      if (this.window === window) this.window = undefined;
    });
    this.window = window;
    return window;
  }
}
