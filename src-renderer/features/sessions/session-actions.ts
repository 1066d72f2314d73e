import type { UserId } from '../../../src-shared/ids';
import type { FileId } from '../../../src-shared/schemas/files';
import type { Comment, PostId, SessionId } from '../../../src-shared/schemas/sessions';
import { ApiError } from '../../api/api-error';
import { api, socket } from '../../app/hub-client';
import { forgetSession } from './sessions-store';
import {
  endingByChoice,
  initialSessionState,
  loseAccess,
  removeComment,
  removePost,
  sessionStore,
  upsertComment,
  upsertMember,
  upsertPost,
} from './session-store';

const ALL = { page: 1, pageSize: 100 } as const;

/** Opens a session page: the session, its members and posts, and its live traffic. */
export async function openSession(sessionId: SessionId): Promise<void> {
  sessionStore.set({ ...initialSessionState, sessionId, status: 'loading' });
  try {
    const session = await api.call('session', { params: { sessionId } });
    if (sessionStore.get().sessionId !== sessionId) return;
    sessionStore.set({ session, status: 'ready' });
    await Promise.all([watch(sessionId), loadMembers(), loadPosts(), loadOnline()]);
  } catch (error) {
    if (sessionStore.get().sessionId === sessionId) sessionStore.set({ status: 'failed', error });
  }
}

export function closeSession(sessionId: SessionId): void {
  if (sessionStore.get().sessionId !== sessionId) return;
  sessionStore.reset();
  socket.request('session:unwatch', { sessionId }).catch(() => {
    // Not connected: the hub forgets the watch with the connection anyway.
  });
}

/** Asks the hub for the room's traffic; on a reconnect the page calls it again. */
export async function watch(sessionId: SessionId): Promise<void> {
  try {
    await socket.request('session:watch', { sessionId });
  } catch (error) {
    // Offline now: the reconnect watches again. Refused: the access-lost path explains.
    if (error instanceof ApiError && error.code === 'FORBIDDEN') loseAccess('removed');
  }
}

export async function loadMembers(): Promise<void> {
  const sessionId = sessionStore.get().sessionId;
  if (!sessionId) return;
  const page = await api.call('members', { params: { sessionId }, query: ALL });
  if (sessionStore.get().sessionId === sessionId) sessionStore.set({ members: page.items });
}

/** Who is online comes with the chat room summary of the session; without it, no dots. */
export async function loadOnline(): Promise<void> {
  const sessionId = sessionStore.get().sessionId;
  try {
    const rooms = await api.call('chatRooms', { query: ALL });
    const room = rooms.items.find((r) => r.room === `session:${sessionId}`);
    if (room && sessionStore.get().sessionId === sessionId)
      sessionStore.set({ online: room.online });
  } catch {
    // Presence is a nicety: the member list works without it.
  }
}

function dayStart(date: string, nextDay = false): string | undefined {
  if (!date) return undefined;
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y!, m! - 1, d! + (nextDay ? 1 : 0)).toISOString();
}

const POSTS_PAGE = 20;

/** The first page for these filters, or (`more`) the next older page appended below. */
export async function loadPosts(filters = sessionStore.get().filters, more = false): Promise<void> {
  const sessionId = sessionStore.get().sessionId;
  if (!sessionId) return;
  const page = more ? sessionStore.get().postsPage + 1 : 1;
  sessionStore.set({ filters, postsStatus: 'loading', postsError: undefined });
  try {
    const answer = await api.call('posts', {
      params: { sessionId },
      query: {
        page,
        pageSize: POSTS_PAGE,
        q: filters.q.trim() || undefined,
        authorId: filters.authorId || undefined,
        hasFiles: filters.hasFiles === 'any' ? undefined : filters.hasFiles,
        from: dayStart(filters.from),
        to: dayStart(filters.to, true),
      },
    });
    if (sessionStore.get().sessionId !== sessionId || sessionStore.get().filters !== filters)
      return;
    sessionStore.set((s) => {
      // Posts that arrived live meanwhile shift the pages: skip what is already shown.
      const known = new Set(s.posts.map((p) => p.id));
      const posts = more
        ? [...s.posts, ...answer.items.filter((p) => !known.has(p.id))]
        : answer.items;
      return { posts, postsTotal: answer.total, postsPage: page, postsStatus: 'ready' };
    });
  } catch (postsError) {
    sessionStore.set({ postsStatus: 'failed', postsError });
  }
}

function currentId(): SessionId {
  const id = sessionStore.get().sessionId;
  if (!id) throw new Error('No session is open.');
  return id;
}

export async function updateSession(body: {
  title?: string;
  description?: string;
  joinTokenExpiresAt?: string | null;
  startsAt?: string | null;
  endsAt?: string | null;
}) {
  const session = await api.call('updateSession', { params: { sessionId: currentId() }, body });
  sessionStore.set({ session });
}

export async function regenerateToken() {
  const session = await api.call('regenerateJoinToken', { params: { sessionId: currentId() } });
  sessionStore.set({ session });
}

export async function deleteSession() {
  await endByChoice((sessionId) => api.call('deleteSession', { params: { sessionId } }));
}

export async function leaveSession() {
  await endByChoice((sessionId) => api.call('leaveSession', { params: { sessionId } }));
}

async function endByChoice(end: (sessionId: SessionId) => Promise<void>) {
  const sessionId = currentId();
  endingByChoice.add(sessionId);
  try {
    await end(sessionId);
    forgetSession(sessionId);
  } finally {
    // The hub's notice may trail the answer a little: keep ignoring it for a moment.
    setTimeout(() => endingByChoice.delete(sessionId), 5_000);
  }
}

export async function setMemberAccess(userId: UserId, action: 'remove' | 'block' | 'unblock') {
  const params = { sessionId: currentId(), userId };
  if (action === 'block') upsertMember(await api.call('blockMember', { params }));
  else {
    await api.call(action === 'remove' ? 'removeMember' : 'unblockMember', { params });
    sessionStore.set((s) => ({ members: s.members.filter((m) => m.user.id !== userId) }));
  }
}

export async function createPost(text: string, fileIds: FileId[]) {
  const post = await api.call('createPost', {
    params: { sessionId: currentId() },
    body: { text, fileIds },
  });
  upsertPost(post, true);
}

export async function editPost(postId: PostId, text: string) {
  upsertPost(await api.call('updatePost', { params: { postId }, body: { text } }), false);
}

export async function addPostFiles(postId: PostId, fileIds: FileId[]) {
  upsertPost(
    await api.call('updatePost', { params: { postId }, body: { addFileIds: fileIds } }),
    false,
  );
}

export async function deletePost(postId: PostId) {
  await api.call('deletePost', { params: { postId } });
  removePost(postId);
}

export async function removePostFile(postId: PostId, fileId: FileId) {
  upsertPost(await api.call('removePostFile', { params: { postId, fileId } }), false);
}

export async function loadComments(postId: PostId) {
  const page = await api.call('comments', { params: { postId }, query: ALL });
  sessionStore.set((s) => ({ comments: { ...s.comments, [postId]: page.items } }));
}

export async function addComment(postId: PostId, text: string) {
  upsertComment(await api.call('createComment', { params: { postId }, body: { text } }));
}

export async function editComment(commentId: Comment['id'], text: string) {
  upsertComment(await api.call('updateComment', { params: { commentId }, body: { text } }));
}

export async function deleteComment(comment: Comment) {
  await api.call('deleteComment', { params: { commentId: comment.id } });
  removeComment(comment.postId, comment.id);
}
