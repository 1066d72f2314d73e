import { beforeEach, describe, expect, it, vi } from 'vitest';
import { materialNote } from './note';
import type { ConnectionState } from '../../../../src-renderer/api/socket-client';
import { createStore } from '../../../../src-renderer/app/createStore';

const call = vi.fn();
vi.mock('../../../../src-renderer/app/hub-client', () => ({ api: { call } }));

const { connectNotifications } =
  await import('../../../../src-renderer/features/notifications/notifications-live');
const { notificationsStore, clearNotifications } =
  await import('../../../../src-renderer/features/notifications/notifications-store');

type Handler = (payload: never) => void;

/** A socket client that lets the test play the hub. */
function fakeSocket() {
  const handlers = new Map<string, Set<Handler>>();
  const status = createStore<{ connection: ConnectionState }>({ connection: 'connecting' });
  return {
    status,
    on(event: string, handler: Handler) {
      const set = handlers.get(event) ?? new Set();
      handlers.set(event, set);
      set.add(handler);
      return () => set.delete(handler);
    },
    emit(event: string, payload: unknown) {
      for (const handler of handlers.get(event) ?? []) handler(payload as never);
    },
  };
}

const note = materialNote;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the live inbox', () => {
  let socket: ReturnType<typeof fakeSocket>;
  let signedIn: boolean;
  let signInListener: (signedIn: boolean) => void;
  let stop: () => void;

  beforeEach(async () => {
    call.mockReset();
    clearNotifications();
    socket = fakeSocket();
    signedIn = true;
    call.mockResolvedValue({ items: [note(1)], unread: 1 });
    stop = connectNotifications({
      socket: socket as never,
      signedIn: () => signedIn,
      onSignInChange: (listener) => {
        signInListener = listener;
        return () => undefined;
      },
    });
    await settle();
  });

  it('loads the first page when the signed-in frame starts', () => {
    expect(call).toHaveBeenCalledWith('notifications', { query: { limit: 20 } });
    expect(notificationsStore.get().unread).toBe(1);
  });

  it('applies notification:new and notification:read from the hub', () => {
    socket.emit('notification:new', note(2));
    expect(notificationsStore.get().items.map((n) => n.seq)).toEqual([2, 1]);
    expect(notificationsStore.get().unread).toBe(2);
    socket.emit('notification:read', { unread: 0 });
    expect(notificationsStore.get().unread).toBe(0);
  });

  it('reloads the first page on every reconnect, so nothing sent while away is missed', async () => {
    call.mockResolvedValue({ items: [note(3), note(2), note(1)], unread: 3 });
    socket.status.set({ connection: 'connected' });
    await settle();
    socket.status.set({ connection: 'reconnecting' });
    socket.status.set({ connection: 'connected' });
    await settle();
    expect(call).toHaveBeenCalledTimes(3);
    expect(notificationsStore.get().items.map((n) => n.seq)).toEqual([3, 2, 1]);
  });

  it('empties the inbox on sign-out and stops listening when the frame goes', () => {
    signedIn = false;
    signInListener(false);
    expect(notificationsStore.get().items).toEqual([]);
    stop();
    socket.emit('notification:new', note(5));
    expect(notificationsStore.get().items).toEqual([]);
  });
});
