import type { ChatMessage, Room, RoomSummary } from '../../../src-shared/schemas/chat';
import type { StoredFile } from '../../../src-shared/schemas/files';
import type { UserId } from '../../../src-shared/ids';
import { api, socket } from '../../app/hub-client';
import { authStore } from '../auth';
import {
  addMessages,
  applyRead,
  chatStore,
  loseRoom,
  setOutgoing,
  updateConversation,
  type Outgoing,
} from './chat-store';
import { contiguousUntil, mergeMessages, newestSeq } from './messages';

const PAGE = 50;
const TYPING_EVERY_MS = 2000;
/** Catch-up answers carry up to 500 messages; this many rounds is far beyond any real absence. */
const MAX_SYNC_ROUNDS = 20;

const myId = () => authStore.get().account?.id;

/** Presence as the summaries tell it: listed people are online, a listed DM peer otherwise is not. */
function onlineFrom(rooms: readonly RoomSummary[]): Record<string, boolean> {
  const online: Record<string, boolean> = {};
  for (const room of rooms) {
    if (room.peer) online[room.peer.id] = false;
    for (const id of room.online) online[id] = true;
  }
  return online;
}

let roomsInFlight: Promise<void> | undefined;

/** Every room of the signed-in person, all pages; one request at a time. */
export function loadRooms(): Promise<void> {
  roomsInFlight ??= (async () => {
    if (chatStore.get().roomsStatus !== 'ready') chatStore.set({ roomsStatus: 'loading' });
    try {
      const rooms: RoomSummary[] = [];
      for (let page = 1; ; page++) {
        const answer = await api.call('chatRooms', { query: { page, pageSize: 100 } });
        rooms.push(...answer.items);
        if (answer.items.length === 0 || rooms.length >= answer.total) break;
      }
      chatStore.set({
        rooms,
        roomsStatus: 'ready',
        roomsError: undefined,
        online: onlineFrom(rooms),
      });
    } catch (error) {
      if (chatStore.get().roomsStatus !== 'ready')
        chatStore.set({ roomsStatus: 'failed', roomsError: error });
    } finally {
      roomsInFlight = undefined;
    }
  })();
  return roomsInFlight;
}

/** For the navigation badge: load once, then live events keep the counts. */
export function ensureRooms(): void {
  if (chatStore.get().roomsStatus === 'idle') void loadRooms();
}

/** The newest page of a room's history (kept while the app runs; live events extend it). */
export async function openConversation(room: Room): Promise<void> {
  const current = chatStore.get().conversations[room];
  if (current && current.status !== 'failed') return;
  chatStore.set((s) => ({
    conversations: {
      ...s.conversations,
      [room]: { messages: [], hasOlder: false, status: 'loading', loadingOlder: false },
    },
  }));
  try {
    const page = await api.call('chatHistory', { params: { room }, query: { limit: PAGE } });
    updateConversation(room, (c) => ({
      ...c,
      // Live messages may have arrived while the page loaded.
      messages: mergeMessages(page.items.slice().reverse(), c.messages),
      hasOlder: page.nextBefore !== undefined,
      status: 'ready',
    }));
  } catch (error) {
    updateConversation(room, (c) => ({ ...c, status: 'failed', error }));
  }
}

/** The page before the oldest loaded message (scrolling up). */
export async function loadOlder(room: Room): Promise<void> {
  const current = chatStore.get().conversations[room];
  if (!current || current.status !== 'ready' || !current.hasOlder || current.loadingOlder) return;
  const before = current.messages[0]?.seq;
  if (before === undefined) return;
  updateConversation(room, (c) => ({ ...c, loadingOlder: true }));
  try {
    const page = await api.call('chatHistory', {
      params: { room },
      query: { limit: PAGE, before },
    });
    updateConversation(room, (c) => ({
      ...c,
      messages: mergeMessages(c.messages, page.items),
      hasOlder: page.nextBefore !== undefined,
      loadingOlder: false,
    }));
  } catch {
    // Scrolling up again retries; the list stays as it was.
    updateConversation(room, (c) => ({ ...c, loadingOlder: false }));
  }
}

/** Sends, or resends, one outbox entry. The same clientId makes a resend safe. */
async function deliver(outgoing: Outgoing): Promise<void> {
  const request = {
    clientId: outgoing.clientId,
    text: outgoing.text,
    fileIds: outgoing.files.map((f) => f.id),
  };
  try {
    // Over REST when the socket is down: the hub may still answer HTTP (a proxy dropped websockets).
    const message: ChatMessage =
      socket.status.get().connection === 'connected'
        ? await socket.request('chat:send', { room: outgoing.room, ...request })
        : await api.call('sendMessage', { params: { room: outgoing.room }, body: request });
    addMessages([message], myId());
    setOutgoing(outgoing.clientId, undefined);
  } catch (error) {
    setOutgoing(outgoing.clientId, { status: 'failed', error });
  }
}

export function sendMessage(room: Room, text: string, files: readonly StoredFile[]): void {
  const outgoing: Outgoing = {
    clientId: crypto.randomUUID(),
    room,
    text,
    files,
    status: 'sending',
    createdAt: new Date().toISOString(),
  };
  chatStore.set((s) => ({ outbox: [...s.outbox, outgoing] }));
  void deliver(outgoing);
}

export function retrySend(clientId: string): void {
  const outgoing = chatStore.get().outbox.find((o) => o.clientId === clientId);
  if (!outgoing || outgoing.status === 'sending') return;
  setOutgoing(clientId, { status: 'sending', error: undefined });
  void deliver(outgoing);
}

export function discardOutgoing(clientId: string): void {
  setOutgoing(clientId, undefined);
}

export async function editMessage(room: Room, seq: number, text: string): Promise<void> {
  addMessages([await socket.request('chat:edit', { room, seq, text })], myId());
}

export async function deleteMessage(room: Room, seq: number): Promise<void> {
  addMessages([await socket.request('chat:delete', { room, seq })], myId());
}

/** Marks the room read up to its newest loaded message, once per new message. */
export function markRead(room: Room): void {
  const conversation = chatStore.get().conversations[room];
  const summary = chatStore.get().rooms.find((r) => r.room === room);
  if (!conversation || !summary) return;
  const seq = newestSeq(conversation.messages);
  if (seq <= summary.readSeq) return;
  applyRead(room, seq);
  // Right after a page load the socket may still be connecting: REST does the same then.
  const sent =
    socket.status.get().connection === 'connected'
      ? socket.request('chat:read', { room, seq })
      : api.call('markRoomRead', { params: { room }, body: { seq } });
  // A failure only leaves the hub's count high; the list shows it again on its next load,
  // and the message list then marks it read once more.
  void sent.catch(() => undefined);
}

const typingSentAt = new Map<string, number>();

/** "I am typing", at most once every two seconds per room (the hub drops more anyway). */
export function sendTyping(room: Room): void {
  const now = Date.now();
  if (now - (typingSentAt.get(room) ?? 0) < TYPING_EVERY_MS) return;
  if (socket.status.get().connection !== 'connected') return;
  typingSentAt.set(room, now);
  socket.notify('chat:typing', { room });
}

/** Starts (or finds) the conversation with someone, and lists it. */
/**
 * A course's or session's chat the person may read without being in it (an
 * admin looking in): its summary, and its messages live while it is open.
 * Following it may fail offline; the reconnect follows it again (chat-live.ts).
 */
export async function lookInto(room: Room): Promise<void> {
  const summary = await api.call('chatRoom', { params: { room } });
  chatStore.set((s) => ({ lookedIn: { ...s.lookedIn, [room]: summary } }));
  await followLookedIn(room);
}

export function followLookedIn(room: Room): Promise<void> {
  return socket.request('chat:watch', { room }).then(
    () => undefined,
    () => undefined,
  );
}

export function stopLookingInto(room: Room): void {
  void socket.request('chat:unwatch', { room }).catch(() => undefined);
}

export async function openDirect(userId: UserId): Promise<Room> {
  const summary = await api.call('openDirect', { body: { userId } });
  chatStore.set((s) => ({
    rooms: [...s.rooms.filter((r) => r.room !== summary.room), summary],
    online: { ...s.online, ...onlineFrom([summary]) },
  }));
  return summary.room;
}

/**
 * After a reconnect: asks for everything after the last contiguous seq of
 * each loaded room, merges it by seq (no duplicates, no holes) and asks
 * again while the hub says there is more. Rooms the person lost are removed.
 */
export async function catchUp(): Promise<void> {
  const rooms: Record<string, number> = {};
  for (const [room, c] of Object.entries(chatStore.get().conversations)) {
    if (c.status === 'ready') rooms[room] = contiguousUntil(c.messages);
  }
  for (let round = 0; round < MAX_SYNC_ROUNDS && Object.keys(rooms).length > 0; round++) {
    const reply = await socket.request('sync', { rooms: { ...rooms } });
    addMessages(reply.messages, myId());
    for (const room of reply.lostRooms) {
      loseRoom(room);
      delete rooms[room];
    }
    if (!reply.more) break;
    for (const m of reply.messages) rooms[m.room] = Math.max(rooms[m.room] ?? 0, m.seq);
  }
}

/** Failed sends whose failure was the connection get another try once it is back. */
export function resendAfterReconnect(): void {
  for (const o of chatStore.get().outbox) {
    const code = (o.error as { code?: string } | undefined)?.code;
    if (o.status === 'failed' && code === 'NETWORK') retrySend(o.clientId);
  }
}
