import type { UserId } from '../../../src-shared/ids';
import type { CommentId, PostId, SessionId } from '../../../src-shared/schemas/sessions';
import type { CommentRecord, PostRecord, SessionMemberRecord, SessionRecord } from '../records';
import type {
  CommentsRepository,
  PostsRepository,
  SessionMembersRepository,
  SessionsRepository,
  Window,
} from '../repositories';
import type { LowdbCollection } from './collection';
import {
  sessionRecordSchema,
  sessionMemberRecordSchema,
  postRecordSchema,
  commentRecordSchema,
} from '../record-schemas';

export const sessionsCollectionOptions = {
  name: 'sessions',
  schema: sessionRecordSchema,
  unique: { joinToken: (session: SessionRecord) => session.joinToken },
};

export class LowdbSessionsRepository implements SessionsRepository {
  constructor(private readonly sessions: LowdbCollection<SessionRecord>) {}
  async get(id: SessionId) {
    return this.sessions.get(id);
  }
  async findByJoinToken(token: string) {
    return this.sessions.getByUnique('joinToken', token);
  }
  async all() {
    return [...this.sessions.values()].reverse();
  }
  async insert(session: SessionRecord) {
    return this.sessions.insert(session);
  }
  async update(id: SessionId, change: (current: SessionRecord) => SessionRecord) {
    return this.sessions.update(id, change);
  }
  async delete(id: SessionId) {
    return this.sessions.delete(id);
  }
}

const memberId = (sessionId: SessionId, userId: UserId) => `${sessionId}:${userId}`;

export const sessionMembersCollectionOptions = {
  name: 'session-members',
  schema: sessionMemberRecordSchema,
  indexes: {
    session: (member: SessionMemberRecord) => member.sessionId,
    user: (member: SessionMemberRecord) => member.userId,
    activeInSession: (member: SessionMemberRecord) =>
      member.status === 'active' ? member.sessionId : undefined,
  },
};

export class LowdbSessionMembersRepository implements SessionMembersRepository {
  constructor(private readonly members: LowdbCollection<SessionMemberRecord>) {}
  async get(sessionId: SessionId, userId: UserId) {
    return this.members.get(memberId(sessionId, userId));
  }
  async listForSession(sessionId: SessionId) {
    return this.members.listByIndex('session', sessionId);
  }
  async listForUser(userId: UserId) {
    return this.members.listByIndex('user', userId);
  }
  async countActive(sessionId: SessionId) {
    return this.members.countByIndex('activeInSession', sessionId);
  }
  async insert(member: SessionMemberRecord) {
    return this.members.insert({ ...member, id: memberId(member.sessionId, member.userId) });
  }
  async update(
    sessionId: SessionId,
    userId: UserId,
    change: (current: SessionMemberRecord) => SessionMemberRecord,
  ) {
    return this.members.update(memberId(sessionId, userId), change);
  }
  async delete(sessionId: SessionId, userId: UserId) {
    return this.members.delete(memberId(sessionId, userId));
  }
  async deleteForSession(sessionId: SessionId) {
    return this.members.deleteMany(this.members.listByIndex('session', sessionId).map((m) => m.id));
  }
  async deleteForUser(userId: UserId) {
    return this.members.deleteMany(this.members.listByIndex('user', userId).map((m) => m.id));
  }
}

export const postsCollectionOptions = {
  name: 'posts',
  schema: postRecordSchema,
  indexes: { session: (post: PostRecord) => post.sessionId },
};

export class LowdbPostsRepository implements PostsRepository {
  constructor(private readonly posts: LowdbCollection<PostRecord>) {}
  async get(id: PostId) {
    return this.posts.get(id);
  }
  async listForSession(sessionId: SessionId) {
    return this.posts.listByIndex('session', sessionId);
  }
  async pageAll(window: Window, matches?: (record: PostRecord) => boolean) {
    return this.posts.newestFirst(window, matches);
  }
  async insert(post: PostRecord) {
    return this.posts.insert(post);
  }
  async update(id: PostId, change: (current: PostRecord) => PostRecord) {
    return this.posts.update(id, change);
  }
  async delete(id: PostId) {
    return this.posts.delete(id);
  }
  async deleteForSession(sessionId: SessionId) {
    return this.posts.deleteMany(this.posts.listByIndex('session', sessionId).map((p) => p.id));
  }
}

export const commentsCollectionOptions = {
  name: 'comments',
  schema: commentRecordSchema,
  indexes: {
    post: (comment: CommentRecord) => comment.postId,
    session: (comment: CommentRecord) => comment.sessionId,
  },
};

export class LowdbCommentsRepository implements CommentsRepository {
  constructor(private readonly comments: LowdbCollection<CommentRecord>) {}
  async get(id: CommentId) {
    return this.comments.get(id);
  }
  async listForPost(postId: PostId) {
    return this.comments.listByIndex('post', postId);
  }
  async pageAll(window: Window, matches?: (record: CommentRecord) => boolean) {
    return this.comments.newestFirst(window, matches);
  }
  async countForPost(postId: PostId) {
    return this.comments.countByIndex('post', postId);
  }
  async insert(comment: CommentRecord) {
    return this.comments.insert(comment);
  }
  async update(id: CommentId, change: (current: CommentRecord) => CommentRecord) {
    return this.comments.update(id, change);
  }
  async delete(id: CommentId) {
    return this.comments.delete(id);
  }
  async deleteForPost(postId: PostId) {
    return this.comments.deleteMany(this.comments.listByIndex('post', postId).map((c) => c.id));
  }
  async deleteForSession(sessionId: SessionId) {
    return this.comments.deleteMany(
      this.comments.listByIndex('session', sessionId).map((c) => c.id),
    );
  }
}
