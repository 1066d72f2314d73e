import { describe, expect, it, vi } from 'vitest';
import { forwardBridgeEvents } from '../../src-main/bridge-events';
import type { DesktopServices } from '../../src-main/desktop-services';
import { ipcChannels, ipcEventChannels, type IpcChannel } from '../../src-main/ipc-channels';
import { createIpcRoutes } from '../../src-main/ipc-routes';

/** Every service method a spy that answers with its own name; every onX keeps its listener. */
function fakeServices() {
  const listeners = new Map<string, (payload: unknown) => void>();
  const unsubscribe = vi.fn();
  const method = (name: string) => vi.fn(async () => name);
  const on = (name: string) =>
    vi.fn((listener: (payload: unknown) => void) => {
      listeners.set(name, listener);
      return unsubscribe;
    });
  const services = {
    openExternal: method('openExternal'),
    setCredentials: method('setCredentials'),
    hosting: {
      status: method('hosting.status'),
      start: method('hosting.start'),
      stop: method('hosting.stop'),
      setKeepRunningInTray: method('hosting.setKeepRunningInTray'),
      onStatus: on('hosting'),
    },
    hubs: {
      known: method('hubs.known'),
      connect: method('hubs.connect'),
      forget: method('hubs.forget'),
      leave: method('hubs.leave'),
      onChanged: on('hubs'),
    },
    downloads: {
      list: method('downloads.list'),
      enqueue: method('downloads.enqueue'),
      pause: method('downloads.pause'),
      resume: method('downloads.resume'),
      cancel: method('downloads.cancel'),
      onChanged: on('downloads'),
    },
    library: {
      list: method('library.list'),
      usage: method('library.usage'),
      open: method('library.open'),
      remove: method('library.remove'),
      saveSnapshot: method('library.saveSnapshot'),
      readSnapshot: method('library.readSnapshot'),
    },
    outbox: {
      list: method('outbox.list'),
      enqueue: method('outbox.enqueue'),
      discard: method('outbox.discard'),
      onChanged: on('outbox'),
    },
    notifications: {
      show: method('notifications.show'),
      setBadgeCount: method('notifications.setBadgeCount'),
      onOpen: on('notifications'),
    },
  } as unknown as DesktopServices;
  return { services, listeners, unsubscribe };
}

const c = ipcChannels;
const expected: Record<IpcChannel, [string, unknown[]]> = {
  [c.openExternal]: ['openExternal', ['https://example.org/']],
  [c.setCredentials]: ['setCredentials', [null]],
  [c.hostingStatus]: ['hosting.status', []],
  [c.hostingStart]: ['hosting.start', []],
  [c.hostingStop]: ['hosting.stop', []],
  [c.hostingSetKeepRunningInTray]: ['hosting.setKeepRunningInTray', [true]],
  [c.hubsKnown]: ['hubs.known', []],
  [c.hubsConnect]: ['hubs.connect', ['http://10.0.0.2:4000']],
  [c.hubsForget]: ['hubs.forget', ['http://10.0.0.2:4000']],
  [c.hubsLeave]: ['hubs.leave', []],
  [c.downloadsList]: ['downloads.list', []],
  [c.downloadsEnqueue]: ['downloads.enqueue', [[{ title: 'x' }]]],
  [c.downloadsPause]: ['downloads.pause', ['j1']],
  [c.downloadsResume]: ['downloads.resume', ['j1']],
  [c.downloadsCancel]: ['downloads.cancel', ['j1']],
  [c.libraryList]: ['library.list', []],
  [c.libraryUsage]: ['library.usage', []],
  [c.libraryOpen]: ['library.open', ['i1']],
  [c.libraryRemove]: ['library.remove', ['i1']],
  [c.librarySaveSnapshot]: ['library.saveSnapshot', ['course:1', { a: 1 }]],
  [c.libraryReadSnapshot]: ['library.readSnapshot', ['course:1']],
  [c.outboxList]: ['outbox.list', []],
  [c.outboxEnqueue]: ['outbox.enqueue', [{ kind: 'chat-message' }]],
  [c.outboxDiscard]: ['outbox.discard', ['o1']],
  [c.notificationsShow]: ['notifications.show', [{ title: 't' }]],
  [c.notificationsSetBadgeCount]: ['notifications.setBadgeCount', [4]],
};

/** The groups that hold one hub's data, and hosting.start, get the calling page's scope first (hub-scope.ts). */
const SCOPED_GROUPS = new Set(['downloads', 'library', 'outbox']);
const PAGE_SCOPE = { kind: 'hub', origin: 'http://10.0.0.2:4000' } as const;

describe('createIpcRoutes', () => {
  it.each(Object.entries(expected))(
    'forwards %s to %j with its arguments',
    async (channel, [name, args]) => {
      const { services } = fakeServices();
      const routes = createIpcRoutes(services) as unknown as Record<
        string,
        (a: unknown[], scope: unknown) => Promise<unknown>
      >;
      await expect(routes[channel]!(args, PAGE_SCOPE)).resolves.toBe(name);
      const [group, member] = name.includes('.') ? name.split('.') : [undefined, name];
      const target = (
        group
          ? (services as unknown as Record<string, Record<string, unknown>>)[group]![member!]
          : (services as unknown as Record<string, unknown>)[member!]
      ) as ReturnType<typeof vi.fn>;
      if ((group && SCOPED_GROUPS.has(group)) || name === 'hosting.start')
        expect(target).toHaveBeenCalledWith(PAGE_SCOPE, ...args);
      else expect(target).toHaveBeenCalledWith(...args);
    },
  );

  it('has a route for every channel and nothing else', () => {
    const { services } = fakeServices();
    expect(Object.keys(createIpcRoutes(services)).sort()).toEqual(
      Object.values(ipcChannels).sort(),
    );
  });
});

describe('forwardBridgeEvents', () => {
  it('sends each service event to the page on its channel, and unsubscribes all', () => {
    const { services, listeners, unsubscribe } = fakeServices();
    const send = vi.fn();
    const stop = forwardBridgeEvents(services, send);
    listeners.get('hosting')!({ state: 'running' });
    listeners.get('hubs')!([]);
    listeners.get('downloads')!({ id: 'j1' });
    listeners.get('outbox')!([{ id: 'o1' }]);
    listeners.get('notifications')!('/courses/1');
    expect(send.mock.calls).toEqual([
      [ipcEventChannels.hostingStatus, { state: 'running' }],
      [ipcEventChannels.hubsChanged, []],
      [ipcEventChannels.downloadsChanged, { id: 'j1' }],
      [ipcEventChannels.outboxChanged, [{ id: 'o1' }]],
      [ipcEventChannels.notificationOpen, '/courses/1'],
    ]);
    stop();
    expect(unsubscribe).toHaveBeenCalledTimes(5);
  });
});
