import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ClassHubBridge } from '../../src-shared/bridge';
import { ipcChannels, ipcEventChannels } from '../../src-main/ipc-channels';

/**
 * The preload runs against a stand-in for Electron's contextBridge and
 * ipcRenderer (there is no Electron here): it must expose exactly one
 * object, call the right channel for every method and hand listeners the
 * payload only.
 */
const exposed = new Map<string, unknown>();
const handlers = new Map<string, Set<(...args: unknown[]) => void>>();
const invoke = vi.fn(async (_channel: string, ..._args: unknown[]) => ({
  ok: true,
  data: 'answer',
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: {
    invoke,
    on: (channel: string, handler: (...args: unknown[]) => void) => {
      if (!handlers.has(channel)) handlers.set(channel, new Set());
      handlers.get(channel)!.add(handler);
    },
    removeListener: (channel: string, handler: (...args: unknown[]) => void) => {
      handlers.get(channel)?.delete(handler);
    },
  },
}));

let bridge: ClassHubBridge;
beforeAll(async () => {
  await import('../../src-main/preload');
  bridge = exposed.get('classhub') as ClassHubBridge;
});

describe('preload', () => {
  it('exposes window.classhub and nothing else', () => {
    expect([...exposed.keys()]).toEqual(['classhub']);
    expect(bridge.platform).toMatch(/^(darwin|win32|linux)$/);
  });

  const c = ipcChannels;
  const calls: [string, (b: ClassHubBridge) => Promise<unknown>, string, unknown[]][] = [
    ['openExternal', (b) => b.openExternal('https://x.org/'), c.openExternal, ['https://x.org/']],
    ['setCredentials', (b) => b.setCredentials(null), c.setCredentials, [null]],
    ['hosting.status', (b) => b.hosting.status(), c.hostingStatus, []],
    ['hosting.start', (b) => b.hosting.start(), c.hostingStart, []],
    ['hosting.stop', (b) => b.hosting.stop(), c.hostingStop, []],
    [
      'hosting.setKeepRunningInTray',
      (b) => b.hosting.setKeepRunningInTray(true),
      c.hostingSetKeepRunningInTray,
      [true],
    ],
    ['hubs.known', (b) => b.hubs.known(), c.hubsKnown, []],
    ['hubs.connect', (b) => b.hubs.connect('http://h'), c.hubsConnect, ['http://h']],
    ['hubs.forget', (b) => b.hubs.forget('http://h'), c.hubsForget, ['http://h']],
    ['hubs.leave', (b) => b.hubs.leave(), c.hubsLeave, []],
    ['downloads.list', (b) => b.downloads.list(), c.downloadsList, []],
    ['downloads.enqueue', (b) => b.downloads.enqueue([]), c.downloadsEnqueue, [[]]],
    ['downloads.pause', (b) => b.downloads.pause('j'), c.downloadsPause, ['j']],
    ['downloads.resume', (b) => b.downloads.resume('j'), c.downloadsResume, ['j']],
    ['downloads.cancel', (b) => b.downloads.cancel('j'), c.downloadsCancel, ['j']],
    ['library.list', (b) => b.library.list(), c.libraryList, []],
    ['library.usage', (b) => b.library.usage(), c.libraryUsage, []],
    ['library.open', (b) => b.library.open('i'), c.libraryOpen, ['i']],
    ['library.remove', (b) => b.library.remove('i'), c.libraryRemove, ['i']],
    [
      'library.saveSnapshot',
      (b) => b.library.saveSnapshot('k:1', { a: 1 }),
      c.librarySaveSnapshot,
      ['k:1', { a: 1 }],
    ],
    ['library.readSnapshot', (b) => b.library.readSnapshot('k:1'), c.libraryReadSnapshot, ['k:1']],
    ['outbox.list', (b) => b.outbox.list(), c.outboxList, []],
    ['outbox.discard', (b) => b.outbox.discard('o'), c.outboxDiscard, ['o']],
    [
      'notifications.setBadgeCount',
      (b) => b.notifications.setBadgeCount(2),
      c.notificationsSetBadgeCount,
      [2],
    ],
  ];

  it.each(calls)(
    '%s invokes its channel and unwraps the answer',
    async (_name, run, channel, args) => {
      invoke.mockClear();
      await expect(run(bridge)).resolves.toBe('answer');
      expect(invoke).toHaveBeenCalledWith(channel, ...args);
    },
  );

  it('throws the error main answered with', async () => {
    invoke.mockResolvedValueOnce({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'No.' },
    } as never);
    await expect(bridge.hubs.known()).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'No.' });
  });

  it.each([
    [
      'hosting.onStatus',
      (b: ClassHubBridge, l: (p: unknown) => void) => b.hosting.onStatus(l),
      ipcEventChannels.hostingStatus,
    ],
    [
      'hubs.onChanged',
      (b: ClassHubBridge, l: (p: unknown) => void) => b.hubs.onChanged(l),
      ipcEventChannels.hubsChanged,
    ],
    [
      'downloads.onChanged',
      (b: ClassHubBridge, l: (p: unknown) => void) => b.downloads.onChanged(l),
      ipcEventChannels.downloadsChanged,
    ],
    [
      'outbox.onChanged',
      (b: ClassHubBridge, l: (p: unknown) => void) => b.outbox.onChanged(l),
      ipcEventChannels.outboxChanged,
    ],
    [
      'notifications.onOpen',
      (b: ClassHubBridge, l: (p: unknown) => void) => b.notifications.onOpen(l),
      ipcEventChannels.notificationOpen,
    ],
  ] as const)('%s hands the payload only, and unsubscribes', (_name, subscribe, channel) => {
    const listener = vi.fn();
    const unsubscribe = subscribe(bridge, listener);
    const fakeEvent = { sender: 'the ipcRenderer' };
    for (const handler of handlers.get(channel) ?? []) handler(fakeEvent, { payload: 1 });
    expect(listener).toHaveBeenCalledWith({ payload: 1 });
    expect(listener.mock.calls[0]).toHaveLength(1);
    unsubscribe();
    expect(handlers.get(channel)?.size).toBe(0);
  });
});
