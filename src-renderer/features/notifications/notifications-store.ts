import type { Notification } from '../../../src-shared/schemas/notifications';
import { createStore } from '../../app/createStore';
import { api } from '../../app/hub-client';

export interface NotificationsState {
  /** Newest first, each seq once. */
  items: readonly Notification[];
  unread: number;
  /** Pass as `before` for the next older page; undefined when the oldest is loaded. */
  nextBefore: number | undefined;
  status: 'idle' | 'loading' | 'ready' | 'failed';
  error: unknown;
  loadingOlder: boolean;
  /** The last failure of an action (mark read, load older), shown in the panel. */
  actionError: unknown;
}

const initial: NotificationsState = {
  items: [],
  unread: 0,
  nextBefore: undefined,
  status: 'idle',
  error: undefined,
  loadingOlder: false,
  actionError: undefined,
};

/** The signed-in person's notification inbox: what the bell counts and lists. */
export const notificationsStore = createStore<NotificationsState>(initial);

export const PAGE_SIZE = 20;

/** Newest first and each seq once, whichever way (page, live, reconnect) it arrived. */
function merge(...lists: (readonly Notification[])[]): Notification[] {
  const bySeq = new Map<number, Notification>();
  for (const list of lists) for (const n of list) if (!bySeq.has(n.seq)) bySeq.set(n.seq, n);
  return [...bySeq.values()].sort((a, b) => b.seq - a.seq);
}

let ticket = 0;

/**
 * Loads (or reloads) the newest page. It replaces what was loaded: older
 * pages stay reachable through nextBefore, and a reconnect that missed more
 * than a page must not leave a gap between the old list and the new one.
 */
export async function loadNotifications(): Promise<void> {
  const mine = ++ticket;
  notificationsStore.set((s) => ({
    status: s.status === 'ready' ? 'ready' : 'loading',
    error: undefined,
  }));
  try {
    const page = await api.call('notifications', { query: { limit: PAGE_SIZE } });
    // A sign-out (or a newer reload) while this was on its way wins.
    if (mine !== ticket) return;
    notificationsStore.set({
      items: merge(page.items),
      unread: page.unread,
      nextBefore: page.nextBefore,
      status: 'ready',
    });
  } catch (error) {
    if (mine === ticket) notificationsStore.set({ status: 'failed', error });
  }
}

export async function loadOlderNotifications(): Promise<void> {
  const { nextBefore, loadingOlder } = notificationsStore.get();
  if (nextBefore === undefined || loadingOlder) return;
  const mine = ticket;
  notificationsStore.set({ loadingOlder: true, actionError: undefined });
  try {
    const page = await api.call('notifications', {
      query: { before: nextBefore, limit: PAGE_SIZE },
    });
    if (mine !== ticket) return;
    notificationsStore.set((s) => ({
      items: merge(s.items, page.items),
      nextBefore: page.nextBefore,
      unread: page.unread,
    }));
  } catch (error) {
    if (mine === ticket) notificationsStore.set({ actionError: error });
  } finally {
    if (mine === ticket) notificationsStore.set({ loadingOlder: false });
  }
}

/** A live notification: on top of the list, and one more unread (unless we already had it). */
export function receiveNotification(notification: Notification): void {
  notificationsStore.set((s) => {
    if (s.items.some((n) => n.seq === notification.seq)) return {};
    // A count going up (work handed in) takes the place of the unread one it replaces.
    const replaced = s.items.find((n) => n.seq === notification.replaces && !n.read);
    return {
      items: merge(
        [notification],
        s.items.filter((n) => n.seq !== notification.replaces),
      ),
      unread: s.unread + (notification.read || replaced ? 0 : 1),
    };
  });
}

/** Another device read something: the hub's count is the truth. */
export function applyUnreadCount(unread: number): void {
  notificationsStore.set({ unread });
}

/** Marks one read at once (the count drops before the hub answers), then takes the hub's count. */
export async function markNotificationRead(seq: number): Promise<void> {
  const target = notificationsStore.get().items.find((n) => n.seq === seq);
  if (!target || target.read) return;
  notificationsStore.set((s) => ({
    items: s.items.map((n) => (n.seq === seq ? { ...n, read: true } : n)),
    unread: Math.max(0, s.unread - 1),
    actionError: undefined,
  }));
  try {
    const { unread } = await api.call('markNotificationRead', { params: { seq } });
    notificationsStore.set({ unread });
  } catch (error) {
    notificationsStore.set((s) => ({
      items: s.items.map((n) => (n.seq === seq ? { ...n, read: false } : n)),
      unread: s.unread + 1,
      actionError: error,
    }));
  }
}

export async function markAllNotificationsRead(): Promise<void> {
  const before = notificationsStore.get();
  notificationsStore.set((s) => ({
    items: s.items.map((n) => (n.read ? n : { ...n, read: true })),
    unread: 0,
    actionError: undefined,
  }));
  try {
    const { unread } = await api.call('markAllNotificationsRead');
    notificationsStore.set({ unread });
  } catch (error) {
    notificationsStore.set({ items: before.items, unread: before.unread, actionError: error });
  }
}

/** Signed out: nothing of the last person's inbox stays in memory. */
export function clearNotifications(): void {
  ticket++;
  notificationsStore.reset();
}
