import type { AuthSessionId, UserId } from '../../src-shared/ids';
import type { RevokedNotice } from '../../src-shared/events';
import type { SessionId } from '../../src-shared/schemas/sessions';
import type { ChatMessage, Room } from '../../src-shared/schemas/chat';
import type { Notification } from '../../src-shared/schemas/notifications';
import type {
  CommentRecord,
  CourseRecord,
  DeadlineRecord,
  EnrolmentRecord,
  FeedbackRecord,
  GradeRecord,
  SubmissionRecord,
  MaterialRecord,
  PostRecord,
  SessionMemberRecord,
  SessionRecord,
  StatusUpdateRecord,
  UserRecord,
} from '../storage/records';
import type { AnnouncementEvents } from '../domains/announcements/events';
import type { PrivateCommentEvents } from '../domains/private-comments/events';
import type { DeviceEvents } from '../domains/devices/events';
import type { LiveToolEvents } from '../domains/class-tools/live-tool-events';
import type { ClassToolEvents } from '../domains/class-tools/events';

/**
 * What happened in the hub, published after it is stored. Real-time delivery
 * and notifications subscribe; services never call them directly.
 * Names: `<domain>.<past-tense verb>`.
 */
export interface DomainEvents
  extends AnnouncementEvents, PrivateCommentEvents, DeviceEvents, ClassToolEvents, LiveToolEvents {
  'account.registered': { user: UserRecord };
  /** Any change to an account a client may show: profile, status, role, avatar. */
  'account.updated': { user: UserRecord };
  'account.approved': { user: UserRecord; approverId: UserId };
  'account.rejected': { user: UserRecord; approverId: UserId };
  'account.deleted': { userId: UserId };
  /** These sign-ins stopped working; open sockets using them must close. */
  'auth.revoked': { userId: UserId; sessionIds: AuthSessionId[]; reason: RevokedNotice['reason'] };
  'status-update.posted': { update: StatusUpdateRecord };
  'status-update.deleted': { update: StatusUpdateRecord };

  'session.created': { session: SessionRecord };
  'session.updated': { session: SessionRecord };
  /** `memberIds`: everyone who was in it (the records are gone). */
  'session.deleted': { session: SessionRecord; memberIds: UserId[]; actorId: UserId };
  'session.member-joined': { member: SessionMemberRecord; session: SessionRecord };
  /** Left on their own, removed by the host, or blocked. */
  'session.member-left': {
    member: SessionMemberRecord;
    reason: 'left' | 'removed' | 'blocked';
    actorId: UserId;
  };
  'session.member-unblocked': { sessionId: SessionId; userId: UserId; actorId: UserId };
  'post.created': { post: PostRecord; actorId: UserId };
  'post.updated': { post: PostRecord; actorId: UserId };
  'post.deleted': { post: PostRecord; actorId: UserId };
  'comment.created': { comment: CommentRecord; post: PostRecord; actorId: UserId };
  'comment.updated': { comment: CommentRecord; post: PostRecord; actorId: UserId };
  'comment.deleted': { comment: CommentRecord; post: PostRecord; actorId: UserId };
  /** `message`: as every member of the room may see it (no emails), ready to broadcast. */
  'chat.message-sent': { room: Room; seq: number; authorId: UserId; message: ChatMessage };
  /** Edited or deleted; `message` as in chat.message-sent. */
  'chat.message-changed': { room: Room; seq: number; message: ChatMessage };
  /** Someone else's message removed by the room's moderator; `text`: what it said. */
  'chat.message-removed': {
    room: Room;
    seq: number;
    authorId: UserId;
    actorId: UserId;
    text: string;
  };
  /** `device`: the connection that reported it (it already knows); absent when none did. */
  'chat.read': { userId: UserId; room: Room; readSeq: number; device?: string };
  'course.created': { course: CourseRecord };
  'course.updated': { course: CourseRecord };
  /** An admin deleted it with everything in it; `memberIds`: its teacher and everyone enrolled. */
  'course.deleted': { course: CourseRecord; memberIds: UserId[]; actorId: UserId };
  'enrolment.created': { enrolment: EnrolmentRecord; course: CourseRecord };
  /** Blocked, unblocked, completed or dropped. */
  'enrolment.changed': {
    enrolment: EnrolmentRecord;
    previous: EnrolmentRecord;
    course: CourseRecord;
    actorId: UserId;
  };
  'enrolment.removed': { enrolment: EnrolmentRecord; course: CourseRecord; actorId: UserId };
  'material.created': { material: MaterialRecord; course: CourseRecord; actorId: UserId };
  'material.updated': { material: MaterialRecord; course: CourseRecord; actorId: UserId };
  'material.deleted': { material: MaterialRecord; course: CourseRecord; actorId: UserId };
  'deadline.created': { deadline: DeadlineRecord; course: CourseRecord; actorId: UserId };
  'deadline.updated': { deadline: DeadlineRecord; course: CourseRecord; actorId: UserId };
  'deadline.deleted': { deadline: DeadlineRecord; course: CourseRecord; actorId: UserId };
  'submission.created': {
    submission: SubmissionRecord;
    deadline: DeadlineRecord;
    course: CourseRecord;
  };
  'grade.released': {
    grade: GradeRecord;
    deadline: DeadlineRecord;
    course: CourseRecord;
    actorId: UserId;
  };
  'feedback.given': { feedback: FeedbackRecord; course: CourseRecord };
  'feedback.removed': { feedback: FeedbackRecord; course: CourseRecord; actorId: UserId };
  'notification.created': { userId: UserId; notification: Notification };
  'notification.read': { userId: UserId; unread: number };
}
export type DomainEventName = keyof DomainEvents;
