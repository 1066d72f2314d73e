import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncResult } from '../../../../src-shared/events';
import type { Room } from '../../../../src-shared/schemas/chat';
import { createStore } from '../../../../src-renderer/app/createStore';
import { ben, msg, summary } from './fixtures';

const request = vi.fn();
const call = vi.fn();
const status = createStore({ connection: 'connected' as string });
vi.mock('../../../../src-renderer/app/hub-client', () => ({
  api: { call },
  socket: { request, status, on: () => () => undefined },
}));

const { catchUp, markRead, retrySend, sendMessage } =
  await import('../../../../src-renderer/features/chat/chat-actions');
const { addMessages, chatStore } =
  await import('../../../../src-renderer/features/chat/chat-store');

const ready = (messages: ReturnType<typeof msg>[]) => ({
  messages,
  hasOlder: false,
  status: 'ready' as const,
  loadingOlder: false,
});
const reply = (part: Partial<SyncResult>): SyncResult => ({
  messages: [],
  notifications: [],
  lostRooms: [],
  more: false,
  ...part,
});

beforeEach(() => {
  request.mockReset();
  call.mockReset();
  chatStore.reset();
});

describe('catching up after a reconnect', () => {
  it('asks from the last contiguous seq of each loaded room and merges without duplicates', async () => {
    chatStore.set({
      conversations: {
        'course:c1': ready([msg(1), msg(2), msg(4)]),
        'session:s1': ready([msg(7, {}, 'session:s1')]),
      },
      rooms: [summary('course:c1', { lastSeq: 4, readSeq: 4 })],
    });
    request.mockResolvedValueOnce(
      reply({ messages: [msg(3), msg(4), msg(5, { author: ben }), msg(8, {}, 'session:s1')] }),
    );
    await catchUp();
    expect(request).toHaveBeenCalledWith('sync', { rooms: { 'course:c1': 2, 'session:s1': 7 } });
    const { conversations, rooms } = chatStore.get();
    expect(conversations['course:c1']!.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(conversations['session:s1']!.messages.map((m) => m.seq)).toEqual([7, 8]);
    expect(rooms[0]).toMatchObject({ lastSeq: 5, unread: 1 });
  });

  it('asks again from the last seq received while the hub says there is more', async () => {
    chatStore.set({ conversations: { 'course:c1': ready([msg(1)]) } });
    request
      .mockResolvedValueOnce(reply({ messages: [msg(2), msg(3)], more: true }))
      .mockResolvedValueOnce(reply({ messages: [msg(4)] }));
    await catchUp();
    expect(request.mock.calls.map((c) => c[1])).toEqual([
      { rooms: { 'course:c1': 1 } },
      { rooms: { 'course:c1': 3 } },
    ]);
    expect(chatStore.get().conversations['course:c1']!.messages.map((m) => m.seq)).toEqual([
      1, 2, 3, 4,
    ]);
  });

  it('removes a room the person lost, and says so when it is on screen', async () => {
    chatStore.set({
      conversations: { 'session:s1': ready([msg(1, {}, 'session:s1')]) },
      rooms: [summary('session:s1')],
      viewing: 'session:s1' as Room,
    });
    request.mockResolvedValueOnce(reply({ lostRooms: ['session:s1' as Room] }));
    await catchUp();
    expect(chatStore.get()).toMatchObject({ rooms: [], conversations: {}, lostRoom: 'session:s1' });
  });
});

describe('live messages and read markers', () => {
  it('take a sent message out of the outbox when it comes back stored', () => {
    chatStore.set({
      conversations: { 'course:c1': ready([]) },
      outbox: [
        {
          clientId: 'c-1',
          room: 'course:c1' as Room,
          text: 'hi',
          files: [],
          status: 'sending',
          createdAt: '',
        },
      ],
      typing: { 'course:c1': [{ userId: ben.id, name: 'Ben', until: Date.now() + 4000 }] },
    });
    addMessages([msg(1, { clientId: 'c-1' })], 'u-ana');
    addMessages([msg(2, { author: ben })], 'u-ana');
    expect(chatStore.get().outbox).toEqual([]);
    // Ben's message ends his "typing…".
    expect(chatStore.get().typing['course:c1']).toEqual([]);
  });

  it('leave an edit of a message above the loaded pages for the page that brings it', () => {
    chatStore.set({
      conversations: { 'course:c1': { ...ready([msg(71), msg(72)]), hasOlder: true } },
    });
    addMessages([msg(5, { text: 'edited', editedAt: '2026-11-24T12:00:00.000Z' })], 'u-ana');
    expect(chatStore.get().conversations['course:c1']!.messages.map((m) => m.seq)).toEqual([
      71, 72,
    ]);
  });

  it('mark a room read up to the newest loaded message, once', () => {
    request.mockResolvedValue({});
    chatStore.set({
      conversations: { 'course:c1': ready([msg(1), msg(2), msg(3)]) },
      rooms: [summary('course:c1', { lastSeq: 3, readSeq: 1, unread: 2 })],
    });
    markRead('course:c1' as Room);
    markRead('course:c1' as Room);
    expect(request).toHaveBeenCalledTimes(1);
    expect(request).toHaveBeenCalledWith('chat:read', { room: 'course:c1', seq: 3 });
    expect(chatStore.get().rooms[0]).toMatchObject({ readSeq: 3, unread: 0 });
  });
});

describe('sending', () => {
  it('shows a message as pending until the ack, and as failed with the same client id to retry', async () => {
    chatStore.set({ conversations: { 'course:c1': ready([]) } });
    request.mockRejectedValueOnce(Object.assign(new Error('down'), { code: 'NETWORK' }));
    sendMessage('course:c1' as Room, 'hello', []);
    const [pending] = chatStore.get().outbox;
    expect(pending).toMatchObject({ text: 'hello', status: 'sending' });
    await vi.waitFor(() => expect(chatStore.get().outbox[0]!.status).toBe('failed'));

    request.mockImplementationOnce((_event: string, payload: { clientId: string }) =>
      Promise.resolve(msg(1, { text: 'hello', clientId: payload.clientId })),
    );
    retrySend(pending!.clientId);
    await vi.waitFor(() => expect(chatStore.get().outbox).toEqual([]));
    // Both tries carried one client id, so the hub stores the message once.
    expect(request.mock.calls.map((c) => (c[1] as { clientId: string }).clientId)).toEqual([
      pending!.clientId,
      pending!.clientId,
    ]);
    expect(chatStore.get().conversations['course:c1']!.messages.map((m) => m.text)).toEqual([
      'hello',
    ]);
  });
});
