import type { DesktopServices } from './desktop-services';
import { ipcEventChannels, type IpcEventChannel } from './ipc-channels';

/** Sends one event to the page (ipc.ts: `webContents.send`, only to a trusted page). */
export type SendBridgeEvent = (channel: IpcEventChannel, payload: unknown) => void;

/**
 * Subscribes to every service event the bridge exposes and forwards it to
 * the page. Returns one function that unsubscribes them all (on quit, or
 * when the window is gone).
 */
export function forwardBridgeEvents(services: DesktopServices, send: SendBridgeEvent): () => void {
  const unsubscribers = [
    services.hosting.onStatus((status) => send(ipcEventChannels.hostingStatus, status)),
    services.hubs.onChanged((hubs) => send(ipcEventChannels.hubsChanged, hubs)),
    services.downloads.onChanged((job) => send(ipcEventChannels.downloadsChanged, job)),
    services.outbox.onChanged((items) => send(ipcEventChannels.outboxChanged, items)),
    services.notifications.onOpen((link) => send(ipcEventChannels.notificationOpen, link)),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
