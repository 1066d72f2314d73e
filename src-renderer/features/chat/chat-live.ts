import { socket } from '../../app/hub-client';
import { authStore } from '../auth';
import { catchUp, followLookedIn, loadRooms, resendAfterReconnect } from './chat-actions';
import { addMessages, addTyping, applyRead, chatStore, expireTyping, loseRoom } from './chat-store';
import { sessionRoom } from './room-names';
import { newestSeq } from './messages';

/** How long "… is typing" stays without a new signal (the hub relays one every 2 s at most). */
export const TYPING_SHOWN_MS = 4000;

const myId = () => authStore.get().account?.id;

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

/**
 * Keeps the chat store fresh from the hub's events, on every page (unread
 * counts move in the navigation). Called once by the app's setup (app/live.ts);
 * returns the stop function.
 */
export function connectChatLive(): () => void {
  const stops: (() => void)[] = [];
  const keep = (stop: () => void) => void stops.push(stop);
  keep(
    socket.on('chat:message', (message) => {
      const state = chatStore.get();
      const known =
        state.rooms.some((r) => r.room === message.room) || message.room in state.lookedIn;
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
    }),
  );
  keep(socket.on('chat:message-updated', (message) => addMessages([message], myId())));
  keep(socket.on('chat:read', ({ room, readSeq }) => applyRead(room, readSeq)));
  keep(
    socket.on('chat:typing', ({ room, userId, name }) => {
      if (userId === myId()) return;
      addTyping(room, { userId, name, until: Date.now() + TYPING_SHOWN_MS });
      scheduleExpiry();
    }),
  );
  // Removed, blocked, left or deleted: the session's room goes at once, not at the next sync.
  keep(socket.on('session:access-lost', ({ sessionId }) => loseRoom(sessionRoom(sessionId))));
  keep(
    socket.on('presence:changed', ({ online, offline }) => {
      chatStore.set((s) => ({
        online: {
          ...s.online,
          ...Object.fromEntries(online.map((id) => [id, true])),
          ...Object.fromEntries(offline.map((id) => [id, false])),
        },
      }));
    }),
  );
  // Back online: fetch what was missed in the open histories, refresh counts and presence, resend.
  keep(
    socket.status.subscribe((state, previous) => {
      if (state.connection !== 'connected' || previous.connection === 'connected') return;
      const { roomsStatus, viewing, lookedIn } = chatStore.get();
      // A new connection is in its own rooms only: a chat looked into is followed again.
      if (viewing && viewing in lookedIn) void followLookedIn(viewing);
      void catchUp()
        .catch(() => undefined)
        .then(() => (roomsStatus === 'idle' ? undefined : loadRooms()));
      resendAfterReconnect();
    }),
  );
  // Another person signing in on this window must not see the last one's conversations.
  keep(
    authStore.subscribe((state, previous) => {
      if (state.account?.id !== previous.account?.id && previous.account) chatStore.reset();
    }),
  );
  return () => stops.forEach((stop) => stop());
}
