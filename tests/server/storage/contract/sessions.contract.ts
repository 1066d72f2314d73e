import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UserId } from '../../../../src-shared/ids';
import type { CommentId, PostId, SessionId } from '../../../../src-shared/schemas/sessions';
import type { CommentRecord, PostRecord } from '../../../../src-server/storage/records';
import type { OpenedRepositories } from './opened';
import { aMember, aSession, AT } from './records';

const ids = (records: readonly { id: string }[]) => records.map((record) => record.id);

const post = (id: string, sessionId: string): PostRecord => ({
  id: id as PostId,
  sessionId: sessionId as SessionId,
  authorId: 'emma' as UserId,
  text: id,
  files: [],
  createdAt: AT,
});
const comment = (id: string, postId: string, sessionId: string): CommentRecord => ({
  id: id as CommentId,
  postId: postId as PostId,
  sessionId: sessionId as SessionId,
  authorId: 'noah' as UserId,
  text: id,
  createdAt: AT,
});

/** What sessions rely on, whatever stores sessions, members, posts and comments. */
export function describeSessionsContract(engine: string, open: () => Promise<OpenedRepositories>) {
  let store: OpenedRepositories;
  beforeEach(async () => {
    store = await open();
  });
  afterEach(() => store.close());

  describe(`sessions repository (${engine})`, () => {
    it('finds a session by join token, refuses a token in use, lists newest first', async () => {
      const { sessions } = store;
      await sessions.insert(aSession('s1', 'ABC123'));
      await sessions.insert(aSession('s2', 'XYZ789'));
      await expect(sessions.insert(aSession('s3', 'ABC123'))).rejects.toMatchObject({
        name: 'UniqueViolation',
        key: 'joinToken',
      });
      expect(await sessions.findByJoinToken('XYZ789')).toMatchObject({ id: 's2' });
      // A new token frees the old one.
      await sessions.update('s1' as SessionId, (s) => ({ ...s, joinToken: 'NEW456' }));
      await sessions.insert(aSession('s3', 'ABC123'));
      expect(ids(await sessions.all())).toEqual(['s3', 's2', 's1']);
      expect(await sessions.delete('s2' as SessionId)).toBe(true);
      store = await store.reopen();
      expect(await store.sessions.findByJoinToken('NEW456')).toMatchObject({ id: 's1' });
      expect(await store.sessions.get('s2' as SessionId)).toBeUndefined();
    });
  });

  describe(`session members repository (${engine})`, () => {
    it('keeps one membership per person, counts active ones, deletes by session and by person', async () => {
      const { sessionMembers: members } = store;
      await members.insert(aMember('s1', 'emma'));
      await members.insert(aMember('s1', 'noah', 'blocked'));
      await members.insert(aMember('s2', 'emma'));
      await expect(members.insert(aMember('s1', 'emma'))).rejects.toMatchObject({
        name: 'UniqueViolation',
        key: 'id',
      });
      expect(await members.countActive('s1' as SessionId)).toBe(1);
      await members.update('s1' as SessionId, 'noah' as UserId, (m) => ({
        ...m,
        status: 'active',
      }));
      expect(await members.countActive('s1' as SessionId)).toBe(2);
      expect(ids(await members.listForUser('emma' as UserId))).toEqual(['s1:emma', 's2:emma']);
      expect(await members.deleteForSession('s1' as SessionId)).toBe(2);
      expect(await members.listForSession('s1' as SessionId)).toEqual([]);
      expect(await members.deleteForUser('emma' as UserId)).toBe(1);
      expect(await members.get('s2' as SessionId, 'emma' as UserId)).toBeUndefined();
    });
  });

  describe(`posts and comments repositories (${engine})`, () => {
    it('lists a session’s posts and a post’s comments oldest first, and deletes them together', async () => {
      await store.posts.insert(post('p1', 's1'));
      await store.posts.insert(post('p2', 's2'));
      await store.posts.insert(post('p3', 's1'));
      await store.comments.insert(comment('c1', 'p1', 's1'));
      await store.comments.insert(comment('c2', 'p3', 's1'));
      await store.comments.insert(comment('c3', 'p1', 's1'));
      await store.comments.insert(comment('c4', 'p2', 's2'));
      await store.posts.update('p1' as PostId, (p) => ({ ...p, text: 'edited', editedAt: AT }));
      // An edited post keeps its place in the feed.
      expect(ids(await store.posts.listForSession('s1' as SessionId))).toEqual(['p1', 'p3']);
      store = await store.reopen();
      const { posts, comments } = store;
      expect(ids(await posts.listForSession('s1' as SessionId))).toEqual(['p1', 'p3']);
      expect(await posts.get('p1' as PostId)).toMatchObject({ text: 'edited' });
      expect(ids(await comments.listForPost('p1' as PostId))).toEqual(['c1', 'c3']);
      expect(await comments.countForPost('p1' as PostId)).toBe(2);
      expect(await comments.deleteForPost('p1' as PostId)).toBe(2);
      expect(await comments.countForPost('p1' as PostId)).toBe(0);
      expect(await comments.deleteForSession('s1' as SessionId)).toBe(1);
      expect(await posts.deleteForSession('s1' as SessionId)).toBe(2);
      expect(ids((await posts.pageAll({ offset: 0, limit: 10 })).items)).toEqual(['p2']);
      expect(ids((await comments.pageAll({ offset: 0, limit: 10 })).items)).toEqual(['c4']);
    });
  });
}
