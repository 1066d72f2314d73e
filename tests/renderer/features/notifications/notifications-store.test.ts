import { beforeEach, describe, expect, it, vi } from 'vitest';
import { materialNote } from './note';

// The store talks to the hub only through api.call: a fake answers like the hub would.
const call = vi.fn();
vi.mock('../../../../src-renderer/app/hub-client', () => ({ api: { call } }));

const store = await import('../../../../src-renderer/features/notifications/notifications-store');
const { notificationsStore } = store;

const note = materialNote;
const seqs = () => notificationsStore.get().items.map((n) => n.seq);

describe('the notifications inbox', () => {
  beforeEach(() => {
    call.mockReset();
    store.clearNotifications();
  });

  it('loads the newest page of 20 with the unread count', async () => {
    call.mockResolvedValueOnce({ items: [note(3), note(2, true)], unread: 1, nextBefore: 2 });
    await store.loadNotifications();
    expect(call).toHaveBeenCalledWith('notifications', { query: { limit: 20 } });
    expect(seqs()).toEqual([3, 2]);
    expect(notificationsStore.get()).toMatchObject({ unread: 1, nextBefore: 2, status: 'ready' });
  });

  it('pages older notifications with nextBefore, after the ones it has, and stops at the oldest', async () => {
    call.mockResolvedValueOnce({ items: [note(30), note(29)], unread: 2, nextBefore: 29 });
    await store.loadNotifications();
    call.mockResolvedValueOnce({ items: [note(28), note(27)], unread: 2 });
    await store.loadOlderNotifications();
    expect(call).toHaveBeenLastCalledWith('notifications', { query: { before: 29, limit: 20 } });
    expect(seqs()).toEqual([30, 29, 28, 27]);
    expect(notificationsStore.get().nextBefore).toBeUndefined();
    await store.loadOlderNotifications();
    expect(call).toHaveBeenCalledTimes(2);
  });

  it('puts a live notification on top and counts it once, even if it arrives twice', async () => {
    call.mockResolvedValueOnce({ items: [note(1)], unread: 1 });
    await store.loadNotifications();
    store.receiveNotification(note(2));
    store.receiveNotification(note(2));
    expect(seqs()).toEqual([2, 1]);
    expect(notificationsStore.get().unread).toBe(2);
  });

  it('shows a count going up in place of the unread one it replaces, counting it once', async () => {
    call.mockResolvedValueOnce({ items: [note(4), note(3)], unread: 2 });
    await store.loadNotifications();
    store.receiveNotification({ ...note(5), replaces: 4 });
    expect(seqs()).toEqual([5, 3]);
    expect(notificationsStore.get().unread).toBe(2);
  });

  it('takes the count another device reports', () => {
    store.receiveNotification(note(1));
    store.applyUnreadCount(0);
    expect(notificationsStore.get().unread).toBe(0);
  });

  it('marks one read at once, then keeps the hub’s count', async () => {
    call.mockResolvedValueOnce({ items: [note(2), note(1)], unread: 2 });
    await store.loadNotifications();
    let answer: (value: { unread: number }) => void = () => undefined;
    call.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const marking = store.markNotificationRead(2);
    expect(notificationsStore.get().unread).toBe(1);
    expect(notificationsStore.get().items[0]!.read).toBe(true);
    answer({ unread: 1 });
    await marking;
    expect(call).toHaveBeenLastCalledWith('markNotificationRead', { params: { seq: 2 } });
    // Already read: no second request, no second drop.
    await store.markNotificationRead(2);
    expect(call).toHaveBeenCalledTimes(2);
    expect(notificationsStore.get().unread).toBe(1);
  });

  it('puts a notification back to unread when the hub refuses', async () => {
    call.mockResolvedValueOnce({ items: [note(1)], unread: 1 });
    await store.loadNotifications();
    call.mockRejectedValueOnce(new Error('offline'));
    await store.markNotificationRead(1);
    expect(notificationsStore.get().unread).toBe(1);
    expect(notificationsStore.get().items[0]!.read).toBe(false);
    expect(notificationsStore.get().actionError).toBeInstanceOf(Error);
  });

  it('marks all read, and restores them if that fails', async () => {
    call.mockResolvedValueOnce({ items: [note(2), note(1)], unread: 2 });
    await store.loadNotifications();
    call.mockRejectedValueOnce(new Error('offline'));
    await store.markAllNotificationsRead();
    expect(notificationsStore.get().unread).toBe(2);
    call.mockResolvedValueOnce({ unread: 0 });
    await store.markAllNotificationsRead();
    expect(call).toHaveBeenLastCalledWith('markAllNotificationsRead');
    expect(notificationsStore.get().unread).toBe(0);
    expect(notificationsStore.get().items.every((n) => n.read)).toBe(true);
  });

  it('replaces the list on reload, so what was missed while offline appears in order', async () => {
    call.mockResolvedValueOnce({ items: [note(1)], unread: 1 });
    await store.loadNotifications();
    call.mockResolvedValueOnce({ items: [note(4), note(3), note(2), note(1, true)], unread: 3 });
    await store.loadNotifications();
    expect(seqs()).toEqual([4, 3, 2, 1]);
    expect(notificationsStore.get().unread).toBe(3);
  });

  it('forgets everything on sign-out, even an answer still on its way', async () => {
    let answer: (value: unknown) => void = () => undefined;
    call.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const loading = store.loadNotifications();
    store.clearNotifications();
    answer({ items: [note(1)], unread: 1 });
    await loading;
    expect(seqs()).toEqual([]);
    expect(notificationsStore.get().unread).toBe(0);
  });
});
