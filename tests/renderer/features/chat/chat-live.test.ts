import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Room } from '../../../../src-shared/schemas/chat';
import { createStore } from '../../../../src-renderer/app/createStore';
import { ben, msg, summary } from './fixtures';

type Handler = (payload: never) => void;
const handlers = new Map<string, Set<Handler>>();
const status = createStore({ connection: 'connecting' as string });
const request = vi.fn();
const call = vi.fn();
vi.mock('../../../../src-renderer/app/hub-client', () => ({
  api: { call },
  socket: {
    request,
    status,
    on(event: string, handler: Handler) {
      const set = handlers.get(event) ?? new Set();
      handlers.set(event, set);
      set.add(handler);
      return () => set.delete(handler);
    },
  },
}));
const emit = (event: string, payload: unknown) => {
  for (const handler of handlers.get(event) ?? []) handler(payload as never);
};

const { chatStore } = await import('../../../../src-renderer/features/chat/chat-store');
const { TYPING_SHOWN_MS, connectChatLive } =
  await import('../../../../src-renderer/features/chat/chat-live');
// The app's setup (app/live.ts) wires this once; here the test does.
connectChatLive();

const ready = (messages: ReturnType<typeof msg>[]) => ({
  messages,
  hasOlder: false,
  status: 'ready' as const,
  loadingOlder: false,
});

beforeEach(() => {
  request.mockReset();
  call.mockReset();
  chatStore.reset();
  status.set({ connection: 'connecting' });
});
afterEach(() => vi.useRealTimers());

describe('the hub’s chat events', () => {
  it('raise the unread count of a room that is not on screen, and read markers clear it', () => {
    chatStore.set({
      rooms: [summary('session:s1', { lastSeq: 2, readSeq: 2 })],
      roomsStatus: 'ready',
    });
    emit('chat:message', msg(3, { author: ben }, 'session:s1'));
    expect(chatStore.get().rooms[0]).toMatchObject({ lastSeq: 3, unread: 1 });
    // Read on another device:
    emit('chat:read', { room: 'session:s1', readSeq: 3 });
    expect(chatStore.get().rooms[0]).toMatchObject({ readSeq: 3, unread: 0 });
  });

  it('reload the rooms list when a message comes from a conversation it does not know', () => {
    call.mockResolvedValue({ items: [], total: 0, page: 1, pageSize: 100 });
    chatStore.set({ roomsStatus: 'ready' });
    emit('chat:message', msg(1, { author: ben }, 'dm:u-ana:u-ben'));
    expect(call).toHaveBeenCalledWith('chatRooms', expect.anything());
  });

  it('show who is typing for a few seconds', () => {
    vi.useFakeTimers();
    emit('chat:typing', { room: 'course:c1', userId: ben.id, name: 'Ben' });
    expect(chatStore.get().typing['course:c1']).toMatchObject([{ name: 'Ben' }]);
    vi.advanceTimersByTime(TYPING_SHOWN_MS + 100);
    expect(chatStore.get().typing['course:c1']).toEqual([]);
  });

  it('catch up the open histories and refresh the rooms once the connection is back', async () => {
    chatStore.set({
      conversations: { 'course:c1': ready([msg(1), msg(2)]) },
      rooms: [summary('course:c1', { lastSeq: 2, readSeq: 2 })],
      roomsStatus: 'ready',
    });
    request.mockResolvedValue({
      messages: [msg(3, { author: ben })],
      notifications: [],
      lostRooms: [],
      more: false,
    });
    call.mockResolvedValue({
      items: [summary('course:c1', { lastSeq: 3, readSeq: 2 })],
      total: 1,
      page: 1,
      pageSize: 100,
    });
    status.set({ connection: 'connected' });
    await vi.waitFor(() => expect(call).toHaveBeenCalledWith('chatRooms', expect.anything()));
    expect(request).toHaveBeenCalledWith('sync', { rooms: { 'course:c1': 2 } });
    expect(chatStore.get().conversations['course:c1']!.messages.map((m) => m.seq)).toEqual([
      1, 2, 3,
    ]);
  });

  it('close a session’s room as soon as access to the session ends', () => {
    chatStore.set({ rooms: [summary('session:s1')], viewing: 'session:s1' as Room });
    emit('session:access-lost', { sessionId: 's1', reason: 'removed' });
    expect(chatStore.get()).toMatchObject({ rooms: [], lostRoom: 'session:s1' });
  });
});
