import type { ClassHubBridge } from '../../../src-shared/bridge';
import type { Notification } from '../../../src-shared/schemas/notifications';
import { createStore } from '../../app/createStore';
import { languageStore, t } from '../../app/i18n';
import { notificationPath } from './notification-link';
import { notificationText } from './notification-text';
import { notificationsStore } from './notifications-store';

/**
 * Who on this computer switched OS notifications off. Per user, because a
 * classroom laptop is often shared; on is the default, as FEATURES §5 asks.
 */
export const desktopNotificationPrefs = createStore<{ off: readonly string[] }>(
  { off: [] },
  {
    key: 'classhub.desktop-notifications',
    pick: (state) => ({ off: state.off }),
    restore: (saved) => {
      const off = (saved as { off?: unknown } | null)?.off;
      return Array.isArray(off) && off.every((id) => typeof id === 'string') ? { off } : undefined;
    },
  },
);

export function desktopNotificationsOn(userId: string | undefined): boolean {
  return userId !== undefined && !desktopNotificationPrefs.get().off.includes(userId);
}

export function setDesktopNotificationsOn(userId: string, on: boolean): void {
  desktopNotificationPrefs.set((s) => ({
    off: on
      ? s.off.filter((id) => id !== userId)
      : [...s.off.filter((id) => id !== userId), userId],
  }));
}

export interface DesktopNotificationDeps {
  readonly bridge: Pick<ClassHubBridge, 'notifications'>;
  /** Live notifications only (the socket's notification:new): a loaded page is not news. */
  onNotification(listener: (notification: Notification) => void): () => void;
  /** Opens an app path (the router's navigate). */
  navigate(link: string): void;
  userId(): string | undefined;
}

/**
 * The desktop side of the bell: each live notification as an OS
 * notification (main shows it only while the window is unfocused), the
 * unread count on the dock/taskbar badge, and a click on an OS notification
 * opening its page. Returns the stop function, which clears the badge.
 */
export function startDesktopNotifications(deps: DesktopNotificationDeps): () => void {
  const { notifications } = deps.bridge;
  let shownBadge: number | undefined;
  const updateBadge = () => {
    const count = desktopNotificationsOn(deps.userId()) ? notificationsStore.get().unread : 0;
    if (count === shownBadge) return;
    shownBadge = count;
    void notifications.setBadgeCount(count).catch(() => undefined);
  };
  const stops = [
    deps.onNotification((n) => {
      if (!desktopNotificationsOn(deps.userId())) return;
      // A failed OS notification must not break the in-app one.
      const { title, body } = notificationText(n, t, { language: languageStore.get().language });
      const link = notificationPath(n.target);
      void notifications.show({ title, body, link }).catch(() => undefined);
    }),
    notificationsStore.subscribe(updateBadge),
    desktopNotificationPrefs.subscribe(updateBadge),
    // Only app paths: the link came across the bridge and must not lead out of the app.
    notifications.onOpen((link) => {
      if (link.startsWith('/') && !link.startsWith('//')) deps.navigate(link);
    }),
  ];
  updateBadge();
  return () => {
    stops.forEach((stop) => stop());
    void notifications.setBadgeCount(0).catch(() => undefined);
  };
}
