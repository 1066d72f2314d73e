import type { UserId } from '../../../src-shared/ids';
import type { CourseId } from '../../../src-shared/schemas/courses';
import type { CommentId, PostId, SessionId } from '../../../src-shared/schemas/sessions';
import type { PostFileRecord } from './files';

/** Stored shapes of sessions: the session, its members, its posts and their comments. */

export interface SessionRecord {
  readonly id: SessionId;
  readonly title: string;
  readonly description: string;
  readonly hostId: UserId;
  /** A session of a course: its teacher hosts it, only its active students may be in it. */
  readonly courseId?: CourseId;
  /** Unformatted, upper case, unique among sessions. */
  readonly joinToken: string;
  readonly joinTokenExpiresAt?: string;
  /** A scheduled meeting (UTC), both or neither: shown in members' calendars. */
  readonly startsAt?: string;
  readonly endsAt?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Membership is the role: the host is a member with role "host". Blocked members keep their record. */
export interface SessionMemberRecord {
  /** `${sessionId}:${userId}` — one membership per person per session. */
  readonly id: string;
  readonly sessionId: SessionId;
  readonly userId: UserId;
  readonly role: 'host' | 'member';
  readonly status: 'active' | 'blocked';
  readonly joinedAt: string;
}

export interface PostRecord {
  readonly id: PostId;
  readonly sessionId: SessionId;
  readonly authorId: UserId;
  readonly text: string;
  readonly files: readonly PostFileRecord[];
  readonly createdAt: string;
  readonly editedAt?: string;
}

export interface CommentRecord {
  readonly id: CommentId;
  readonly postId: PostId;
  readonly sessionId: SessionId;
  readonly authorId: UserId;
  readonly text: string;
  readonly createdAt: string;
  readonly editedAt?: string;
}
