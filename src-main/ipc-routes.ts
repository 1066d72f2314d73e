import type { DesktopServices } from './desktop-services';
import { ipcChannels, type IpcChannel } from './ipc-channels';
import type { IpcArgs } from './ipc-validation';

/** The work behind one channel, given arguments already checked by ipc-validation.ts. */
export type IpcRoute<C extends IpcChannel> = (args: IpcArgs<C>) => Promise<unknown>;
export type IpcRoutes = { [C in IpcChannel]: IpcRoute<C> };

/**
 * Which service method answers which channel. Plain data so a test can check
 * every channel reaches the right method; ipc.ts registers them with Electron.
 * A missing channel does not compile (mapped type over IpcChannel).
 */
export function createIpcRoutes(services: DesktopServices): IpcRoutes {
  const c = ipcChannels;
  return {
    [c.openExternal]: ([url]) => services.openExternal(url),
    [c.setCredentials]: ([credentials]) => services.setCredentials(credentials),

    [c.hostingStatus]: () => services.hosting.status(),
    [c.hostingStart]: () => services.hosting.start(),
    [c.hostingStop]: () => services.hosting.stop(),
    [c.hostingSetKeepRunningInTray]: ([enabled]) => services.hosting.setKeepRunningInTray(enabled),

    [c.hubsKnown]: () => services.hubs.known(),
    [c.hubsConnect]: ([url]) => services.hubs.connect(url),
    [c.hubsForget]: ([url]) => services.hubs.forget(url),
    [c.hubsLeave]: () => services.hubs.leave(),

    [c.downloadsList]: () => services.downloads.list(),
    [c.downloadsEnqueue]: ([requests]) => services.downloads.enqueue(requests),
    [c.downloadsPause]: ([id]) => services.downloads.pause(id),
    [c.downloadsResume]: ([id]) => services.downloads.resume(id),
    [c.downloadsCancel]: ([id]) => services.downloads.cancel(id),

    [c.libraryList]: () => services.library.list(),
    [c.libraryUsage]: () => services.library.usage(),
    [c.libraryOpen]: ([id]) => services.library.open(id),
    [c.libraryRemove]: ([id]) => services.library.remove(id),
    [c.librarySaveSnapshot]: ([key, data]) => services.library.saveSnapshot(key, data),
    [c.libraryReadSnapshot]: ([key]) => services.library.readSnapshot(key),

    [c.outboxList]: () => services.outbox.list(),
    [c.outboxEnqueue]: ([request]) => services.outbox.enqueue(request),
    [c.outboxDiscard]: ([id]) => services.outbox.discard(id),

    [c.notificationsShow]: ([notification]) => services.notifications.show(notification),
    [c.notificationsSetBadgeCount]: ([count]) => services.notifications.setBadgeCount(count),
  };
}
