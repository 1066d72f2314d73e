import type { UserId } from '../../../src-shared/ids';
import type { CommentId, PostId, SessionId } from '../../../src-shared/schemas/sessions';
import type { CollectionDefinition, DocumentCollection } from '../document-collection';
import {
  commentRecordSchema,
  postRecordSchema,
  sessionMemberRecordSchema,
  sessionRecordSchema,
} from '../record-schemas';
import type { CommentRecord, PostRecord, SessionMemberRecord, SessionRecord } from '../records';
import type {
  CommentsRepository,
  PostsRepository,
  SessionMembersRepository,
  SessionsRepository,
  Window,
} from '../repositories';

export const sessionsCollectionOptions: CollectionDefinition<SessionRecord> = {
  name: 'sessions',
  schema: sessionRecordSchema,
  unique: { joinToken: (session) => session.joinToken },
};

export class DocumentSessionsRepository implements SessionsRepository {
  constructor(private readonly sessions: DocumentCollection<SessionRecord>) {}
  async get(id: SessionId) {
    return this.sessions.get(id);
  }
  async findByJoinToken(token: string) {
    return this.sessions.getByUnique('joinToken', token);
  }
  async all() {
    return [...(await this.sessions.values())].reverse();
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

export const sessionMembersCollectionOptions: CollectionDefinition<SessionMemberRecord> = {
  name: 'session-members',
  schema: sessionMemberRecordSchema,
  indexes: {
    session: (member) => member.sessionId,
    user: (member) => member.userId,
    activeInSession: (member) => (member.status === 'active' ? member.sessionId : undefined),
  },
};

/** One membership per person and session: the id is (session, person), so the engine's key refuses a second. */
export class DocumentSessionMembersRepository implements SessionMembersRepository {
  constructor(private readonly members: DocumentCollection<SessionMemberRecord>) {}
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
    return deleteListed(this.members, 'session', sessionId);
  }
  async deleteForUser(userId: UserId) {
    return deleteListed(this.members, 'user', userId);
  }
}

export const postsCollectionOptions: CollectionDefinition<PostRecord> = {
  name: 'posts',
  schema: postRecordSchema,
  indexes: { session: (post) => post.sessionId },
};

export class DocumentPostsRepository implements PostsRepository {
  constructor(private readonly posts: DocumentCollection<PostRecord>) {}
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
    return deleteListed(this.posts, 'session', sessionId);
  }
}

export const commentsCollectionOptions: CollectionDefinition<CommentRecord> = {
  name: 'comments',
  schema: commentRecordSchema,
  indexes: {
    post: (comment) => comment.postId,
    session: (comment) => comment.sessionId,
  },
};

export class DocumentCommentsRepository implements CommentsRepository {
  constructor(private readonly comments: DocumentCollection<CommentRecord>) {}
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
    return deleteListed(this.comments, 'post', postId);
  }
  async deleteForSession(sessionId: SessionId) {
    return deleteListed(this.comments, 'session', sessionId);
  }
}

/** Deletes every record with `key` in `index`; returns how many went. */
async function deleteListed<T extends { id: string }>(
  collection: DocumentCollection<T>,
  index: string,
  key: string,
): Promise<number> {
  const listed = await collection.listByIndex(index, key);
  return collection.deleteMany(listed.map((record) => record.id));
}
