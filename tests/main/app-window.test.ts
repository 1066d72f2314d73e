import { EventEmitter } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostedHubStatus } from '../../src-shared/bridge';
import { LOCAL_SHELL_ORIGIN, localShellUrl } from '../../src-main/local-shell';
import type { MainWindowOptions } from '../../src-main/windows';

/*
 * What the one main window shows and trusts, and what closing it does,
 * with Electron's window and tray replaced by small fakes (no Electron
 * binary can run here): the same AppWindow main.ts drives.
 */

class FakeWindow extends EventEmitter {
  readonly webContents = new EventEmitter();
  readonly loaded: string[] = [];
  destroyed = false;
  visible = true;
  constructor(readonly options: MainWindowOptions) {
    super();
  }
  loadURL(url: string) {
    this.loaded.push(url);
    return Promise.resolve();
  }
  isDestroyed = () => this.destroyed;
  isMinimized = () => false;
  isFocused = () => this.visible;
  restore() {}
  show() {
    this.visible = true;
  }
  focus() {}
  hide() {
    this.visible = false;
  }
  /** The person closes it; returns whether it really closed. */
  userCloses(): boolean {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (prevented) return false;
    this.destroyed = true;
    this.emit('closed');
    return true;
  }
}

const windows: FakeWindow[] = [];
const trays: { onShow(): void; onQuit(): void; destroyed: boolean }[] = [];

vi.mock('../../src-main/windows', () => ({
  createMainWindow: (options: MainWindowOptions) => {
    const window = new FakeWindow(options);
    windows.push(window);
    return window;
  },
}));
vi.mock('../../src-main/electron-adapters', () => ({
  displayWorkAreas: () => [{ x: 0, y: 0, width: 1920, height: 1080 }],
  createTray: (options: { onShow(): void; onQuit(): void }) => {
    const tray = { ...options, destroyed: false, destroy: () => (tray.destroyed = true) };
    trays.push(tray);
    return tray;
  },
}));

const { AppWindow } = await import('../../src-main/app-window');

let folder: string;
let hosting: HostedHubStatus | undefined;
let remembered: string[];
let quits: number;

function appWindow() {
  return new AppWindow({
    preloadPath: '/app/preload.cjs',
    appVersion: '1.0.0',
    iconPath: '/app/icon.png',
    windowStateFile: join(folder, 'window-state.json'),
    savedState: undefined,
    hostingStatus: () => hosting,
    rememberHub: (origin) => remembered.push(origin),
    quit: () => (quits += 1),
  });
}

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'classhub-app-window-'));
  windows.length = 0;
  trays.length = 0;
  hosting = undefined;
  remembered = [];
  quits = 0;
});
afterEach(() => rm(folder, { recursive: true, force: true }));

describe('the app window', () => {
  it('trusts a hub only while it shows it, and remembers it for next time', () => {
    const app = appWindow();
    expect(app.trustedOrigins()).toEqual([LOCAL_SHELL_ORIGIN]);
    app.showHub('http://192.168.1.20:4000/anything', '/courses');
    expect(windows[0]!.loaded).toEqual(['http://192.168.1.20:4000/courses']);
    expect(app.trustedOrigins()).toEqual([LOCAL_SHELL_ORIGIN, 'http://192.168.1.20:4000']);
    expect(windows[0]!.options.getHubOrigin()).toBe('http://192.168.1.20:4000');
    expect(remembered).toEqual(['http://192.168.1.20:4000']);
    app.showLocal('/start');
    expect(app.trustedOrigins()).toEqual([LOCAL_SHELL_ORIGIN]);
    expect(windows[0]!.options.getTrustedOrigins()).toEqual([LOCAL_SHELL_ORIGIN]);
  });

  it('shows nothing for an address that is not a web page', () => {
    const app = appWindow();
    app.showHub('file:///etc/passwd');
    expect(windows).toEqual([]);
    expect(app.trustedOrigins()).toEqual([LOCAL_SHELL_ORIGIN]);
  });

  it('switches to the offline library when the hub does not answer, not when a load is only superseded', () => {
    const app = appWindow();
    app.showHub('http://hub.school:4000');
    const window = windows[0]!;
    window.webContents.emit('did-fail-load', {}, -3, 'aborted', 'http://hub.school:4000/', true);
    expect(window.loaded).toHaveLength(1);
    window.webContents.emit('did-fail-load', {}, -102, 'refused', 'http://hub.school:4000/', true);
    expect(window.loaded.at(-1)).toBe(localShellUrl('/library'));
    expect(app.trustedOrigins()).toEqual([LOCAL_SHELL_ORIGIN]);
  });

  it('comes back on the page it last showed after being closed', () => {
    const app = appWindow();
    app.showHub('http://hub.school:4000', '/chat');
    expect(windows[0]!.userCloses()).toBe(true);
    expect(app.current).toBeUndefined();
    app.focus();
    expect(windows).toHaveLength(2);
    expect(windows[1]!.loaded).toEqual(['http://hub.school:4000/chat']);
  });

  it('hides to the tray when closed while hosting for a class, once, and the tray brings it back or quits', () => {
    const app = appWindow();
    app.showLocal('/start');
    hosting = { state: 'running', keepRunningInTray: true } as HostedHubStatus;
    expect(windows[0]!.userCloses()).toBe(false);
    expect(windows[0]!.visible).toBe(false);
    expect(windows[0]!.userCloses()).toBe(false);
    expect(trays).toHaveLength(1);
    trays[0]!.onShow();
    expect(windows[0]!.visible).toBe(true);
    expect(windows).toHaveLength(1);
    trays[0]!.onQuit();
    expect(quits).toBe(1);
  });

  it('closes for real when quitting, even while hosting, and waits for its size and place to be saved', async () => {
    const app = appWindow();
    app.showLocal('/start');
    hosting = { state: 'running', keepRunningInTray: true } as HostedHubStatus;
    windows[0]!.options.onStateChange({ width: 1000, height: 700, maximized: false });
    app.quitting = true;
    expect(windows[0]!.userCloses()).toBe(true);
    await app.close();
    expect(JSON.parse(await readFile(join(folder, 'window-state.json'), 'utf8'))).toMatchObject({
      width: 1000,
      height: 700,
    });
  });
});
