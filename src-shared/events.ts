import type { ClassToolsClientEvents, ClassToolsServerEvents } from './class-tools-events';
import type { ErrorBody } from './errors';
import type { Account } from './schemas/accounts';
import type {
  Comment,
  CommentId,
  Member,
  Post,
  PostId,
  Session,
  SessionId,
} from './schemas/sessions';
import type { UserId } from './ids';
import type { ChatMessage, Room } from './schemas/chat';
import type { CourseId } from './schemas/courses';
import type { Notification } from './schemas/notifications';
import type { ClientHello, DeviceReport } from './schemas/devices';
import type { PrivateComment } from './schemas/private-comments';
import type { HandsChange } from './schemas/class-tools/hands';
import type { ClassQuestion } from './schemas/class-tools/questions';
import type { ChatControls } from './schemas/class-tools/chat-controls';

/**
 * The Socket.IO contract. Event names: `domain:verb` for what a client asks,
 * `domain:verbed` for what the hub announces.
 */

/** Every client request is acknowledged; `ok: true` means it is stored. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody['error'] };

export interface RevokedNotice {
  /** `signed-out`: this device signed out; `signed-out-everywhere`, `password-changed`, `account-removed`: all devices. */
  reason:
    | 'signed-out'
    | 'signed-out-everywhere'
    | 'password-changed'
    | 'account-removed'
    | 'account-blocked';
}

export interface ServerToClientEvents extends ClassToolsServerEvents {
  /** Your own account changed: approved, edited on another device, role changed by an admin. */
  'account:updated': (account: Account) => void;
  /** This connection's sign-in is no longer valid; the hub disconnects right after. */
  'auth:revoked': (notice: RevokedNotice) => void;

  /** A session you watch changed (title, description, token). */
  'session:updated': (session: Session) => void;
  /** You can no longer see this session; the hub has stopped sending its traffic. */
  'session:access-lost': (notice: {
    sessionId: SessionId;
    reason: 'left' | 'removed' | 'blocked' | 'deleted';
  }) => void;
  'session:member-joined': (event: { sessionId: SessionId; member: Member }) => void;
  'session:member-left': (event: { sessionId: SessionId; userId: UserId }) => void;
  /** Posts and comments arrive as the viewer's own view (permissions and download rights included). */
  'post:created': (post: Post) => void;
  'post:updated': (post: Post) => void;
  'post:deleted': (event: { sessionId: SessionId; postId: PostId }) => void;
  'comment:created': (event: { sessionId: SessionId; comment: Comment }) => void;
  'comment:updated': (event: { sessionId: SessionId; comment: Comment }) => void;
  'comment:deleted': (event: {
    sessionId: SessionId;
    postId: PostId;
    commentId: CommentId;
  }) => void;

  /** An announcement was posted, edited or deleted: reload the stream (permissions differ per viewer). */
  'announcement:changed': (event: {
    courseId: CourseId;
    announcementId: string;
    change: 'created' | 'updated' | 'deleted';
  }) => void;

  /** A private comment on a piece of work; sent to that student's and the teacher's devices only. */
  'work-comment:added': (comment: PrivateComment) => void;

  'chat:message': (message: ChatMessage) => void;
  /** Edited or deleted (then `deleted: true` and no text). */
  'chat:message-updated': (message: ChatMessage) => void;
  'chat:typing': (event: { room: Room; userId: UserId; name: string }) => void;
  /** One of your devices read a room up to readSeq. */
  'chat:read': (event: { room: Room; readSeq: number }) => void;
  /**
   * Who came online and who went offline among the people of one of your
   * rooms, batched: at most one event per room every half second.
   */
  'presence:changed': (event: { online: UserId[]; offline: UserId[] }) => void;
  'notification:new': (notification: Notification) => void;
  /** The unread count changed on another of your devices. */
  'notification:read': (event: { unread: number }) => void;
  /** A live class's hands changed: one change (raised, lowered, called on) with the hub's count. */
  'hands:changed': (change: HandsChange) => void;
  /** An anonymous question was asked, upvoted or moderated: the class's view (no author, no voters). */
  'question:changed': (question: ClassQuestion) => void;
  /** A live class's chat controls changed (quiet, slow mode, pinned message). */
  'chat-controls:changed': (controls: ChatControls) => void;
  /** Something a screen may show changed: refetch what follows this topic (see LiveHint). */
  'live:changed': (hint: LiveHint) => void;
}

/** What a reconnecting client missed, in order per room. */
export interface SyncResult {
  messages: ChatMessage[];
  notifications: Notification[];
  /** Rooms you may no longer read (removed, blocked, deleted). */
  lostRooms: Room[];
  /** More was missed than one answer carries: sync again from the last seq received. */
  more: boolean;
}

export interface ClientToServerEvents extends ClassToolsClientEvents {
  /** Round trip check used by the connection indicator; answers the hub's clock and which node answered. */
  'hub:ping': (ack: (reply: Ack<{ serverTime: string; node: string }>) => void) => void;
  /** Start receiving a session's live traffic (members and admins). */
  'session:watch': (
    request: { sessionId: string },
    ack: (reply: Ack<{ sessionId: SessionId }>) => void,
  ) => void;
  'session:unwatch': (
    request: { sessionId: string },
    ack: (reply: Ack<{ sessionId: SessionId }>) => void,
  ) => void;
  /**
   * Follow a chat live from its page without being in it (an admin looking into a
   * course's or a session's chat); your own rooms are followed already.
   */
  'chat:watch': (request: { room: string }, ack: (reply: Ack<{ room: Room }>) => void) => void;
  'chat:unwatch': (request: { room: string }, ack: (reply: Ack<{ room: Room }>) => void) => void;
  /** Stored before the ack; resending with the same clientId is safe. */
  'chat:send': (
    request: { room: string; clientId: string; text?: string; fileIds?: string[] },
    ack: (reply: Ack<ChatMessage>) => void,
  ) => void;
  /** The author only. */
  'chat:edit': (
    request: { room: string; seq: number; text: string },
    ack: (reply: Ack<ChatMessage>) => void,
  ) => void;
  /** The author, or the room's moderator: the course's teacher, the session's host, an admin. */
  'chat:delete': (
    request: { room: string; seq: number },
    ack: (reply: Ack<ChatMessage>) => void,
  ) => void;
  'chat:read': (
    request: { room: string; seq: number },
    ack: (reply: Ack<{ room: Room; readSeq: number }>) => void,
  ) => void;
  /** Throttled by the hub; no answer. */
  'chat:typing': (request: { room: string }) => void;
  /**
   * The desktop app's offline library and outbox for this hub, sent on
   * connect and when they change (debounced). Only from a connection that
   * declared `client.kind: 'desktop'` at the handshake; the report replaces
   * the device's previous one.
   */
  'device:report': (
    request: DeviceReport,
    ack: (reply: Ack<{ receivedAt: string }>) => void,
  ) => void;
  /** After a reconnect: the last seq you have per room and in your notifications. */
  sync: (
    request: { rooms: Record<string, number>; notificationsSeq?: number },
    ack: (reply: Ack<SyncResult>) => void,
  ) => void;
}

/** The handshake `auth` payload. */
export interface SocketAuth {
  token: string;
  /** What this connection is (desktop app or browser, version, device id): the device board's source. */
  client?: ClientHello;
}

/**
 * Live hints: one mechanism that keeps every screen in step with the hub.
 * A hint carries no data, only which topic changed and what about it; the
 * screen refetches through REST, where every permission is checked. Who
 * receives a topic (src-server/realtime/live-hints.ts):
 * - `course:<id>` — course-wide things (materials, deadlines, roster, seats,
 *   feedback) to the course's teacher and active students; the work and
 *   grades of a course only to its teacher.
 * - `person:<id>` — one person's own data (their hand-ins, grades,
 *   enrolments, account, the students of their courses) to that person only.
 * - `session:<id>` — a session's members and watchers.
 * - `devices:<courseId>` — the course's device board, to its teacher and admins
 *   only (its own topic, so screens following `course:*` do not refetch for it).
 * - `staff` — accounts and approvals, to the people who may approve them.
 * - `admin` — anything the admin panel lists, to admins only.
 * - `catalogue`, `people`, `sessions` — public lists every signed-in person sees.
 */
export type LiveTopic =
  | `course:${string}`
  | `person:${string}`
  | `session:${string}`
  | `devices:${string}`
  | 'staff'
  | 'admin'
  | 'catalogue'
  | 'people'
  | 'sessions';

export type LiveWhat =
  | 'course'
  | 'materials'
  | 'deadlines'
  | 'students'
  | 'submissions'
  | 'grades'
  | 'feedback'
  | 'enrolments'
  | 'accounts'
  | 'approvals'
  | 'sessions'
  | 'members'
  /** The device board of a course: to its teacher and admins only. */
  | 'devices'
  /** A course's attendance history (a check-in window opened or closed, a student checked in): its teacher and admins. */
  | 'attendance';

export interface LiveHint {
  topic: LiveTopic;
  what: LiveWhat;
}

/** Topic names, built in one place on both sides. */
export const liveTopics = {
  course: (courseId: string): LiveTopic => `course:${courseId}`,
  person: (userId: string): LiveTopic => `person:${userId}`,
  session: (sessionId: string): LiveTopic => `session:${sessionId}`,
  devices: (courseId: string): LiveTopic => `devices:${courseId}`,
} as const;
