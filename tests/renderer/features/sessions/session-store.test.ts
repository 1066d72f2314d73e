import { beforeEach, describe, expect, it } from 'vitest';
import type { Comment, Post } from '../../../../src-shared/schemas/sessions';
import {
  filtersActive,
  loseAccess,
  noFilters,
  removeComment,
  removePost,
  sessionStore,
  setOnline,
  upsertComment,
  upsertPost,
} from '../../../../src-renderer/features/sessions/session-store';

const author = {
  id: 'u1',
  username: 'milo',
  firstName: 'Milo',
  lastName: 'Quill',
  role: 'student',
  isAdmin: false,
  avatarUrl: '/a.svg',
} as Post['author'];

function post(id: string, createdAt: string, commentCount = 0): Post {
  return {
    id,
    sessionId: 's1',
    author,
    text: id,
    files: [],
    commentCount,
    createdAt,
    permissions: { canEdit: true, canDelete: true },
  } as unknown as Post;
}

function comment(id: string, postId: string): Comment {
  return {
    id,
    postId,
    author,
    text: id,
    createdAt: '2026-11-24T10:00:00.000Z',
    permissions: { canEdit: true, canDelete: true },
  } as unknown as Comment;
}

describe('the open session store', () => {
  beforeEach(() => {
    sessionStore.reset();
    sessionStore.set({ sessionId: 's1' as Post['sessionId'] });
  });

  it('keeps posts newest first and adds a post only once (REST answer and live event)', () => {
    upsertPost(post('old', '2026-11-24T09:00:00.000Z'), true);
    upsertPost(post('new', '2026-11-24T11:00:00.000Z'), true);
    upsertPost(post('new', '2026-11-24T11:00:00.000Z'), true);
    expect(sessionStore.get().posts.map((p) => p.id)).toEqual(['new', 'old']);
    expect(sessionStore.get().postsTotal).toBe(2);
  });

  it('applies an edit to a known post but never adds one from an update', () => {
    upsertPost({ ...post('p', '2026-11-24T09:00:00.000Z'), text: 'edited' }, false);
    expect(sessionStore.get().posts).toEqual([]);
    upsertPost(post('p', '2026-11-24T09:00:00.000Z'), true);
    upsertPost({ ...post('p', '2026-11-24T09:00:00.000Z'), text: 'edited' }, false);
    expect(sessionStore.get().posts[0]!.text).toBe('edited');
  });

  it('counts comments once each, whether or not the thread is open', () => {
    upsertPost(post('p', '2026-11-24T09:00:00.000Z'), true);
    upsertComment(comment('c1', 'p'));
    expect(sessionStore.get().posts[0]!.commentCount).toBe(1);
    sessionStore.set({ comments: { p: [comment('c1', 'p')] } });
    upsertComment(comment('c2', 'p'));
    upsertComment(comment('c2', 'p'));
    expect(sessionStore.get().posts[0]!.commentCount).toBe(2);
    expect(sessionStore.get().comments.p!.map((c) => c.id)).toEqual(['c1', 'c2']);
    removeComment('p' as Post['id'], 'c1' as Comment['id']);
    removeComment('p' as Post['id'], 'c1' as Comment['id']);
    expect(sessionStore.get().posts[0]!.commentCount).toBe(1);
  });

  it('drops a deleted post with its comments', () => {
    upsertPost(post('p', '2026-11-24T09:00:00.000Z'), true);
    sessionStore.set({ comments: { p: [comment('c1', 'p')] } });
    removePost('p' as Post['id']);
    expect(sessionStore.get().posts).toEqual([]);
    expect(sessionStore.get().comments).toEqual({});
    expect(sessionStore.get().postsTotal).toBe(0);
  });

  it('keeps nothing of the session on screen once access is lost', () => {
    upsertPost(post('p', '2026-11-24T09:00:00.000Z'), true);
    setOnline('u1' as Post['author']['id'], true);
    loseAccess('blocked');
    const state = sessionStore.get();
    expect(state.accessLost).toBe('blocked');
    expect(state.posts).toEqual([]);
    expect(state.online).toEqual([]);
    expect(state.sessionId).toBe('s1');
  });

  it('knows when a filter narrows the feed', () => {
    expect(filtersActive(noFilters)).toBe(false);
    expect(filtersActive({ ...noFilters, q: '  ' })).toBe(false);
    expect(filtersActive({ ...noFilters, hasFiles: 'true' })).toBe(true);
    expect(filtersActive({ ...noFilters, from: '2026-11-01' })).toBe(true);
  });
});
