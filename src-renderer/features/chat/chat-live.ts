import { socket } from '../../app/hub-client';
import { authStore } from '../auth/auth-store';
import { catchUp, loadRooms, resendAfterReconnect } from './chat-actions';
import { addMessages, addTyping, applyRead, chatStore, expireTyping, loseRoom } from './chat-store';
import { sessionRoom } from './room-names';
import { newestSeq } from './messages';

/** How long "… is typing" stays without a new signal (the hub relays one every 2 s at most). */
export const TYPING_SHOWN_MS = 4000;

const myId = () => authStore.get().account?.id;

/**
 * Keeps the chat store fresh from the hub's events. Wired once, at import
 * (the navigation badge imports it, so unread counts move on every page).
 */
socket.on('chat:message', (message) => {
  const state = chatStore.get();
  const known = state.rooms.some((r) => r.room === message.room);
  const conversation = state.conversations[message.room];
  // A message beyond the next seq means one went missing on the way: catch up fills the hole.
  const hole =
    conversation?.status === 'ready' &&
    conversation.messages.length > 0 &&
    message.seq > newestSeq(conversation.messages) + 1;
  addMessages([message], myId());
  if (hole) void catchUp().catch(() => undefined);
  // Someone started a conversation with you: the rooms list learns of it from the hub.
  if (!known && state.roomsStatus !== 'idle') void loadRooms();
});
socket.on('chat:message-updated', (message) => addMessages([message], myId()));
socket.on('chat:read', ({ room, readSeq }) => applyRead(room, readSeq));
socket.on('chat:typing', ({ room, userId, name }) => {
  if (userId === myId()) return;
  addTyping(room, { userId, name, until: Date.now() + TYPING_SHOWN_MS });
  scheduleExpiry();
});
// Removed, blocked, left or deleted: the session's room goes at once, not at the next sync.
socket.on('session:access-lost', ({ sessionId }) => loseRoom(sessionRoom(sessionId)));
socket.on('presence:changed', ({ online, offline }) => {
  chatStore.set((s) => ({
    online: {
      ...s.online,
      ...Object.fromEntries(online.map((id) => [id, true])),
      ...Object.fromEntries(offline.map((id) => [id, false])),
    },
  }));
});

let expiryTimer: ReturnType<typeof setTimeout> | undefined;
function scheduleExpiry(): void {
  clearTimeout(expiryTimer);
  const next = Math.min(
    ...Object.values(chatStore.get().typing).flatMap((list) => list.map((p) => p.until)),
  );
  if (!Number.isFinite(next)) return;
  expiryTimer = setTimeout(
    () => {
      expireTyping(Date.now());
      scheduleExpiry();
    },
    Math.max(50, next - Date.now()),
  );
}

// Back online: fetch what was missed in the open histories, refresh counts and presence, resend.
socket.status.subscribe((state, previous) => {
  if (state.connection !== 'connected' || previous.connection === 'connected') return;
  const { roomsStatus } = chatStore.get();
  void catchUp()
    .catch(() => undefined)
    .then(() => (roomsStatus === 'idle' ? undefined : loadRooms()));
  resendAfterReconnect();
});

// Another person signing in on this window must not see the last one's conversations.
authStore.subscribe((state, previous) => {
  if (state.account?.id !== previous.account?.id && previous.account) chatStore.reset();
});
