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
 * Keeps the open session fresh from the hub's events: every handler checks
 * it is about the session on screen. Called once by the app's setup
 * (app/live.ts); returns the stop function.
 */
export function connectSessionLive(): () => void {
  const stops: (() => void)[] = [];
  const keep = (stop: () => void) => void stops.push(stop);
  keep(
    socket.on('session:updated', (session) => {
      if (isOpen(session.id)) sessionStore.set({ session });
    }),
  );
  keep(
    socket.on('session:access-lost', ({ sessionId, reason }) => {
      forgetSession(sessionId);
      if (isOpen(sessionId) && !endingByChoice.has(sessionId)) loseAccess(reason);
    }),
  );
  keep(
    socket.on('session:member-joined', ({ sessionId, member }) => {
      if (!isOpen(sessionId)) return;
      upsertMember(member);
      // They are most likely online (they just joined), but only the room summary knows for sure.
      void loadOnline();
    }),
  );
  keep(
    socket.on('session:member-left', ({ sessionId }) => {
      // Removed and blocked look alike here; the list from the hub says which (hosts see blocked ones).
      if (isOpen(sessionId)) void loadMembers().catch(() => undefined);
    }),
  );
  keep(
    socket.on('post:created', (post) => {
      // A filtered list only shows what matched the search; a new post waits for the filter to clear.
      if (isOpen(post.sessionId)) upsertPost(post, !filtersActive(sessionStore.get().filters));
    }),
  );
  keep(
    socket.on('post:updated', (post) => {
      if (isOpen(post.sessionId)) upsertPost(post, false);
    }),
  );
  keep(
    socket.on('post:deleted', ({ sessionId, postId }) => {
      if (isOpen(sessionId)) removePost(postId);
    }),
  );
  keep(
    socket.on('comment:created', ({ sessionId, comment }) => {
      if (isOpen(sessionId)) upsertComment(comment);
    }),
  );
  keep(
    socket.on('comment:updated', ({ sessionId, comment }) => {
      if (isOpen(sessionId)) upsertComment(comment);
    }),
  );
  keep(
    socket.on('comment:deleted', ({ sessionId, postId, commentId }) => {
      if (isOpen(sessionId)) removeComment(postId, commentId);
    }),
  );
  keep(
    socket.on('presence:changed', ({ online, offline }) => {
      const members = new Set(sessionStore.get().members.map((m) => m.user.id));
      for (const userId of online) if (members.has(userId)) setOnline(userId, true);
      for (const userId of offline) if (members.has(userId)) setOnline(userId, false);
    }),
  );
  // After a reconnect the hub has forgotten the watch: ask again (members are auto-joined anyway).
  keep(
    socket.status.subscribe((state, previous) => {
      const { sessionId, accessLost } = sessionStore.get();
      if (state.connection === 'connected' && previous.connection !== 'connected' && sessionId) {
        if (!accessLost) void watch(sessionId);
      }
    }),
  );
  return () => stops.forEach((stop) => stop());
}
