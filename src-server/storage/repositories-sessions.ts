import type { UserId } from '../../src-shared/ids';
import type { CommentId, PostId, SessionId } from '../../src-shared/schemas/sessions';
import type { SessionRecord, SessionMemberRecord, PostRecord, CommentRecord } from './records';
import type { PagesEverything } from './repositories-courses';

/** Sessions, members, posts and comments (part of repositories.ts, which re-exports it). */

export interface SessionsRepository {
  get(id: SessionId): Promise<SessionRecord | undefined>;
  findByJoinToken(token: string): Promise<SessionRecord | undefined>;
  /** Every session (admin), newest first. */
  all(): Promise<SessionRecord[]>;
  insert(session: SessionRecord): Promise<SessionRecord>;
  update(
    id: SessionId,
    change: (current: SessionRecord) => SessionRecord,
  ): Promise<SessionRecord | undefined>;
  delete(id: SessionId): Promise<boolean>;
}

export interface SessionMembersRepository {
  get(sessionId: SessionId, userId: UserId): Promise<SessionMemberRecord | undefined>;
  listForSession(sessionId: SessionId): Promise<SessionMemberRecord[]>;
  listForUser(userId: UserId): Promise<SessionMemberRecord[]>;
  countActive(sessionId: SessionId): Promise<number>;
  /** Throws UniqueViolation('id') when the person already has a membership. */
  insert(member: SessionMemberRecord): Promise<SessionMemberRecord>;
  update(
    sessionId: SessionId,
    userId: UserId,
    change: (current: SessionMemberRecord) => SessionMemberRecord,
  ): Promise<SessionMemberRecord | undefined>;
  delete(sessionId: SessionId, userId: UserId): Promise<boolean>;
  deleteForSession(sessionId: SessionId): Promise<number>;
  deleteForUser(userId: UserId): Promise<number>;
}

export interface PostsRepository extends PagesEverything<PostRecord> {
  get(id: PostId): Promise<PostRecord | undefined>;
  /** Oldest first; callers page from the end. */
  listForSession(sessionId: SessionId): Promise<PostRecord[]>;
  insert(post: PostRecord): Promise<PostRecord>;
  update(id: PostId, change: (current: PostRecord) => PostRecord): Promise<PostRecord | undefined>;
  delete(id: PostId): Promise<boolean>;
  deleteForSession(sessionId: SessionId): Promise<number>;
}

export interface CommentsRepository extends PagesEverything<CommentRecord> {
  get(id: CommentId): Promise<CommentRecord | undefined>;
  /** Oldest first. */
  listForPost(postId: PostId): Promise<CommentRecord[]>;
  countForPost(postId: PostId): Promise<number>;
  insert(comment: CommentRecord): Promise<CommentRecord>;
  update(
    id: CommentId,
    change: (current: CommentRecord) => CommentRecord,
  ): Promise<CommentRecord | undefined>;
  delete(id: CommentId): Promise<boolean>;
  deleteForPost(postId: PostId): Promise<number>;
  deleteForSession(sessionId: SessionId): Promise<number>;
}
