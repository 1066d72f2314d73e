import { socket } from '../../app/hub-client';
import { forgetSession } from './sessions-store';
import { loadMembers, loadOnline, watch } from './session-actions';
import {
  endingByChoice,
  filtersActive,
  loseAccess,
  removeComment,
  removePost,
  sessionStore,
  setOnline,
  upsertComment,
  upsertMember,
  upsertPost,
} from './session-store';

const isOpen = (sessionId: string) => sessionStore.get().sessionId === sessionId;

/**
 * Keeps the open session fresh from the hub's events. Wired once, at import:
 * every handler checks it is about the session on screen.
 */
socket.on('session:updated', (session) => {
  if (isOpen(session.id)) sessionStore.set({ session });
});
socket.on('session:access-lost', ({ sessionId, reason }) => {
  forgetSession(sessionId);
  if (isOpen(sessionId) && !endingByChoice.has(sessionId)) loseAccess(reason);
});
socket.on('session:member-joined', ({ sessionId, member }) => {
  if (!isOpen(sessionId)) return;
  upsertMember(member);
  // They are most likely online (they just joined), but only the room summary knows for sure.
  void loadOnline();
});
socket.on('session:member-left', ({ sessionId }) => {
  // Removed and blocked look alike here; the list from the hub says which (hosts see blocked ones).
  if (isOpen(sessionId)) void loadMembers().catch(() => undefined);
});
socket.on('post:created', (post) => {
  // A filtered list only shows what matched the search; a new post waits for the filter to clear.
  if (isOpen(post.sessionId)) upsertPost(post, !filtersActive(sessionStore.get().filters));
});
socket.on('post:updated', (post) => {
  if (isOpen(post.sessionId)) upsertPost(post, false);
});
socket.on('post:deleted', ({ sessionId, postId }) => {
  if (isOpen(sessionId)) removePost(postId);
});
socket.on('comment:created', ({ sessionId, comment }) => {
  if (isOpen(sessionId)) upsertComment(comment);
});
socket.on('comment:updated', ({ sessionId, comment }) => {
  if (isOpen(sessionId)) upsertComment(comment);
});
socket.on('comment:deleted', ({ sessionId, postId, commentId }) => {
  if (isOpen(sessionId)) removeComment(postId, commentId);
});
socket.on('presence:changed', ({ online, offline }) => {
  const members = new Set(sessionStore.get().members.map((m) => m.user.id));
  for (const userId of online) if (members.has(userId)) setOnline(userId, true);
  for (const userId of offline) if (members.has(userId)) setOnline(userId, false);
});

// After a reconnect the hub has forgotten the watch: ask again (members are auto-joined anyway).
socket.status.subscribe((state, previous) => {
  const { sessionId, accessLost } = sessionStore.get();
  if (state.connection === 'connected' && previous.connection !== 'connected' && sessionId) {
    if (!accessLost) void watch(sessionId);
  }
});
