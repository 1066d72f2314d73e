import type { DesktopServices } from './desktop-services';
import type { HubScope } from './hub-scope';
import { ipcChannels, type IpcChannel } from './ipc-channels';
import type { IpcArgs } from './ipc-validation';

/**
 * The work behind one channel, given arguments already checked by
 * ipc-validation.ts and the scope of the page that called (hub-scope.ts).
 */
export type IpcRoute<C extends IpcChannel> = (
  args: IpcArgs<C>,
  scope: HubScope,
) => Promise<unknown>;
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
    [c.hostingStart]: (_, scope) => services.hosting.start(scope),
    [c.hostingStop]: () => services.hosting.stop(),
    [c.hostingSetKeepRunningInTray]: ([enabled]) => services.hosting.setKeepRunningInTray(enabled),

    [c.hubsKnown]: () => services.hubs.known(),
    [c.hubsConnect]: ([url]) => services.hubs.connect(url),
    [c.hubsForget]: ([url]) => services.hubs.forget(url),
    [c.hubsLeave]: () => services.hubs.leave(),

    [c.downloadsList]: (_, scope) => services.downloads.list(scope),
    [c.downloadsEnqueue]: ([requests], scope) => services.downloads.enqueue(scope, requests),
    [c.downloadsPause]: ([id], scope) => services.downloads.pause(scope, id),
    [c.downloadsResume]: ([id], scope) => services.downloads.resume(scope, id),
    [c.downloadsCancel]: ([id], scope) => services.downloads.cancel(scope, id),

    [c.libraryList]: (_, scope) => services.library.list(scope),
    [c.libraryUsage]: (_, scope) => services.library.usage(scope),
    [c.libraryOpen]: ([id], scope) => services.library.open(scope, id),
    [c.libraryRemove]: ([id], scope) => services.library.remove(scope, id),
    [c.librarySaveSnapshot]: ([key, data], scope) =>
      services.library.saveSnapshot(scope, key, data),
    [c.libraryReadSnapshot]: ([key], scope) => services.library.readSnapshot(scope, key),

    [c.outboxList]: (_, scope) => services.outbox.list(scope),
    [c.outboxEnqueue]: ([request], scope) => services.outbox.enqueue(scope, request),
    [c.outboxDiscard]: ([id], scope) => services.outbox.discard(scope, id),

    [c.notificationsShow]: ([notification]) => services.notifications.show(notification),
    [c.notificationsSetBadgeCount]: ([count]) => services.notifications.setBadgeCount(count),
  };
}
