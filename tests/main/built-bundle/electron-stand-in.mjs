// A stand-in for the `electron` module, for running the BUILT main bundle
// under plain Node (tests/main/built-bundle.test.ts). It records what main
// does (IPC handlers, pages loaded, dialogs) and reports it to the test over
// the child-process channel; the test drives it back (invoke a channel,
// throw an error, quit). Anything main touches that matters for nothing
// here is an inert stub.
import { EventEmitter } from 'node:events';

/** @param {Record<string, unknown>} message */
const report = (message) => process.send?.(message);

/** Any property, call or `new` gives another stub; never a thenable (so `await` on it finishes). */
/** @returns {any} anything at all, as Electron's API is to code that only passes it around */
function stub() {
  return new Proxy(function () {}, {
    get: (_target, property) => (property === 'then' ? undefined : stub()),
    apply: () => stub(),
    construct: () => stub(),
  });
}

/** @type {Map<string, string>} */
const paths = new Map();
const appEvents = new EventEmitter();
let quitting = false;

export const app = Object.assign(appEvents, {
  isPackaged: false,
  getAppPath: () => process.env.CLASSHUB_STAND_IN_APP_PATH,
  getVersion: () => '0.0.0-built-bundle-test',
  whenReady: () => Promise.resolve(),
  isReady: () => true,
  getPath: (/** @type {string} */ name) => paths.get(name) ?? process.env.CLASSHUB_USER_DATA,
  setPath: (/** @type {string} */ name, /** @type {string} */ value) => paths.set(name, value),
  requestSingleInstanceLock: () => true,
  setAsDefaultProtocolClient: () => true,
  setBadgeCount: () => true,
  exit: (/** @type {number} */ code) => {
    report({ type: 'exit', code });
    process.exit(code);
  },
  quit: () => {
    // Electron's order: before-quit, then will-quit, which main may delay (preventDefault).
    if (!quitting) {
      quitting = true;
      appEvents.emit('before-quit', { preventDefault() {} });
    }
    let delayed = false;
    appEvents.emit('will-quit', { preventDefault: () => (delayed = true) });
    if (!delayed) {
      report({ type: 'quit' });
      setImmediate(() => process.exit(0));
    }
  },
});

/** @type {Map<string, (event: unknown, ...args: unknown[]) => unknown>} */
const handlers = new Map();
export const ipcMain = {
  /**
   * @param {string} channel
   * @param {(event: unknown, ...args: unknown[]) => unknown} handler
   */
  handle(channel, handler) {
    handlers.set(channel, handler);
    report({ type: 'ipc-handle', channel });
  },
  removeHandler: (/** @type {string} */ channel) => handlers.delete(channel),
};

const display = { id: 1, workArea: { x: 0, y: 0, width: 1280, height: 800 } };
export const screen = { getPrimaryDisplay: () => display, getAllDisplays: () => [display] };

export const dialog = {
  showMessageBox: async (/** @type {{ title: string, message: string }[]} */ ...args) => {
    const options = /** @type {{ title: string, message: string }} */ (args.at(-1));
    report({ type: 'dialog', title: options.title, message: options.message });
    return { response: 0 };
  },
  showErrorBox: (/** @type {string} */ title, /** @type {string} */ content) =>
    report({ type: 'dialog', title, message: content }),
};

export const shell = {
  openPath: async () => '',
  openExternal: async () => undefined,
  showItemInFolder: () => undefined,
};

export class BrowserWindow extends EventEmitter {
  constructor() {
    super();
    this.webContents = Object.assign(new EventEmitter(), {
      session: stub(),
      setWindowOpenHandler: () => undefined,
      isDestroyed: () => false,
      getURL: () => this.url ?? '',
      send: () => undefined,
    });
  }
  /** @param {string} url */
  loadURL(url) {
    this.url = url;
    report({ type: 'load-url', url });
    return Promise.resolve();
  }
  isDestroyed = () => false;
  isMinimized = () => false;
  isFocused = () => true;
  getNormalBounds = () => ({ x: 0, y: 0, width: 1024, height: 700 });
  isMaximized = () => false;
  isFullScreen = () => false;
}
for (const name of ['show', 'hide', 'focus', 'restore', 'maximize', 'setMenuBarVisibility'])
  Object.defineProperty(BrowserWindow.prototype, name, { value: () => undefined });

export const Menu = stub();
export const Tray = stub();
export const Notification = stub();
export const nativeImage = stub();
export const protocol = stub();
export const session = stub();
export const contextBridge = stub();
export const ipcRenderer = stub();

// The test's side of the channel: call a handler as a page would, or misbehave.
process.on('message', (/** @type {any} the test's own messages */ message) => {
  if (message.type === 'invoke') {
    const handler = handlers.get(message.channel);
    const event = { senderFrame: { url: message.senderUrl } };
    Promise.resolve(handler?.(event, ...(message.args ?? [])))
      .then((result) => report({ type: 'invoked', id: message.id, result }))
      .catch((error) => report({ type: 'invoked', id: message.id, error: String(error) }));
  } else if (message.type === 'throw') {
    setTimeout(() => {
      throw new Error(message.text);
    });
  } else if (message.type === 'reject') {
    void Promise.reject(new Error(message.text));
  } else if (message.type === 'quit') {
    app.quit();
  }
});

export default { app, ipcMain, screen, dialog, shell, BrowserWindow, Menu, Tray, Notification };
