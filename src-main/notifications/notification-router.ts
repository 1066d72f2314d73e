import type { ClassHubBridge, NativeNotificationRequest } from '../../src-shared/bridge';

export interface NotificationRouterOptions {
  readonly isWindowFocused: () => boolean;
  /**
   * Shows an OS notification (Electron's Notification in electron-adapters).
   * Do-not-disturb / focus modes are the OS's to honour: it silences native
   * notifications itself, so nothing here needs to ask.
   */
  readonly showNative: (notification: NativeNotificationRequest, onClick: () => void) => void;
  readonly focusWindow: () => void;
  /**
   * Called on every click with the checked link. The IPC layer wires either
   * this (e.g. webContents.send to the page) or an onOpen subscription, not
   * both, or the page would be told twice.
   */
  readonly navigate: (link: string) => void;
  /** Dock / taskbar badge (app.setBadgeCount). */
  readonly setBadge: (count: number) => void;
  /** The per-user "show desktop notifications" setting; on when absent. */
  readonly isEnabled?: () => boolean;
}

export type NotificationRouter = ClassHubBridge['notifications'];

/**
 * An app path the window may open: starts with one '/', no '//' (which a
 * browser reads as another host), no scheme, no backslash (Windows turns it
 * into '/'), no control characters. Anything else in a notification is dropped.
 */
export function isAppLink(link: string): boolean {
  return (
    link.startsWith('/') &&
    !link.includes('//') &&
    !link.includes('\\') &&
    !/^\/[^/?#]*:/.test(link) &&
    ![...link].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f) &&
    link.length <= 2000
  );
}

/**
 * Decides which notifications become native ones and where a click leads.
 * A click that arrives before the page has subscribed (the window was being
 * reloaded) is kept and handed to the first listener, so it is not lost.
 */
export function createNotificationRouter(options: NotificationRouterOptions): NotificationRouter {
  const listeners = new Set<(link: string) => void>();
  let pendingLink: string | undefined;

  function open(link: string): void {
    options.focusWindow();
    options.navigate(link);
    if (listeners.size === 0) {
      pendingLink = link;
      return;
    }
    for (const listener of listeners) listener(link);
  }

  return {
    async show(notification) {
      if (options.isWindowFocused()) return; // the page shows it itself
      if (options.isEnabled && !options.isEnabled()) return;
      const link = isAppLink(notification.link) ? notification.link : '/';
      options.showNative({ ...notification, link }, () => open(link));
    },
    async setBadgeCount(count) {
      options.setBadge(Number.isFinite(count) ? Math.max(0, Math.floor(count)) : 0);
    },
    onOpen(listener) {
      listeners.add(listener);
      if (pendingLink !== undefined) {
        const link = pendingLink;
        pendingLink = undefined;
        listener(link);
      }
      return () => listeners.delete(listener);
    },
  };
}
