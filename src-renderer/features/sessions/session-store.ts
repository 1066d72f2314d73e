import type { UserId } from '../../../src-shared/ids';
import type {
  Comment,
  Member,
  Post,
  PostId,
  Session,
  SessionId,
} from '../../../src-shared/schemas/sessions';
import { createStore } from '../../app/createStore';

export type AccessLostReason = 'left' | 'removed' | 'blocked' | 'deleted';

export interface PostFilters {
  q: string;
  authorId: UserId | '';
  hasFiles: 'any' | 'true' | 'false';
  /** `YYYY-MM-DD` from a date input, in the viewer's time zone; '' for no bound. */
  from: string;
  to: string;
}

export const noFilters: PostFilters = { q: '', authorId: '', hasFiles: 'any', from: '', to: '' };

export interface SessionState {
  sessionId: SessionId | undefined;
  session: Session | undefined;
  status: 'idle' | 'loading' | 'ready' | 'failed';
  error: unknown;
  members: readonly Member[];
  /** Members connected right now, as far as presence events tell. */
  online: readonly UserId[];
  /** Newest first, as the hub sends them. */
  posts: readonly Post[];
  postsTotal: number;
  /** The last page of posts loaded (older pages are appended). */
  postsPage: number;
  postsStatus: 'idle' | 'loading' | 'ready' | 'failed';
  postsError: unknown;
  filters: PostFilters;
  /** Comments of the posts whose thread was opened, oldest first. */
  comments: Readonly<Record<string, readonly Comment[]>>;
  /** Set when the hub said this person can no longer see the session; the page says why. */
  accessLost: AccessLostReason | undefined;
}

export const initialSessionState: SessionState = {
  sessionId: undefined,
  session: undefined,
  status: 'idle',
  error: undefined,
  members: [],
  online: [],
  posts: [],
  postsTotal: 0,
  postsPage: 1,
  postsStatus: 'idle',
  postsError: undefined,
  filters: noFilters,
  comments: {},
  accessLost: undefined,
};

/** The open session page: the session, its members, posts and opened comment threads. */
export const sessionStore = createStore<SessionState>(initialSessionState);

/**
 * Sessions this person is deleting or leaving right now: the hub's access-lost
 * notice about them is their own doing, so the page navigates instead of
 * explaining.
 */
export const endingByChoice = new Set<string>();

export const filtersActive = (f: PostFilters): boolean =>
  f.q.trim() !== '' || f.authorId !== '' || f.hasFiles !== 'any' || f.from !== '' || f.to !== '';

/** Pure updates, shared by actions (after a REST answer) and live events. */
export function upsertPost(post: Post, addIfMissing: boolean): void {
  sessionStore.set((s) => {
    if (s.posts.some((p) => p.id === post.id)) {
      return { posts: s.posts.map((p) => (p.id === post.id ? post : p)) };
    }
    if (!addIfMissing) return {};
    const posts = [post, ...s.posts].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return { posts, postsTotal: s.postsTotal + 1 };
  });
}

export function removePost(postId: PostId): void {
  sessionStore.set((s) => {
    if (!s.posts.some((p) => p.id === postId)) return {};
    const { [postId]: _gone, ...comments } = s.comments;
    return {
      posts: s.posts.filter((p) => p.id !== postId),
      postsTotal: Math.max(0, s.postsTotal - 1),
      comments,
    };
  });
}

function bumpCommentCount(postId: PostId, by: number) {
  sessionStore.set((s) => ({
    posts: s.posts.map((p) =>
      p.id === postId ? { ...p, commentCount: Math.max(0, p.commentCount + by) } : p,
    ),
  }));
}

export function upsertComment(comment: Comment): void {
  const thread = sessionStore.get().comments[comment.postId];
  const known = thread?.some((c) => c.id === comment.id) ?? false;
  if (!known) bumpCommentCount(comment.postId, 1);
  if (!thread) return;
  sessionStore.set((s) => ({
    comments: {
      ...s.comments,
      [comment.postId]: known
        ? thread.map((c) => (c.id === comment.id ? comment : c))
        : [...thread, comment],
    },
  }));
}

export function removeComment(postId: PostId, commentId: Comment['id']): void {
  const thread = sessionStore.get().comments[postId];
  if (thread && !thread.some((c) => c.id === commentId)) return;
  bumpCommentCount(postId, -1);
  if (!thread) return;
  sessionStore.set((s) => ({
    comments: { ...s.comments, [postId]: thread.filter((c) => c.id !== commentId) },
  }));
}

export function upsertMember(member: Member): void {
  sessionStore.set((s) => ({
    members: s.members.some((m) => m.user.id === member.user.id)
      ? s.members.map((m) => (m.user.id === member.user.id ? member : m))
      : [...s.members, member],
  }));
}

export function setOnline(userId: UserId, online: boolean): void {
  sessionStore.set((s) => {
    const has = s.online.includes(userId);
    if (has === online) return {};
    return { online: online ? [...s.online, userId] : s.online.filter((id) => id !== userId) };
  });
}

/** The hub stopped this person's access: keep nothing of the session on screen. */
export function loseAccess(reason: AccessLostReason): void {
  sessionStore.set({
    ...initialSessionState,
    sessionId: sessionStore.get().sessionId,
    status: 'ready',
    accessLost: reason,
  });
}
