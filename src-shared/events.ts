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

export interface ServerToClientEvents {
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
}

export interface ClientToServerEvents {
  /** Round trip check used by the connection indicator; answers the hub's clock. */
  'hub:ping': (ack: (reply: Ack<{ serverTime: string }>) => void) => void;
  /** Start receiving a session's live traffic (members and admins). */
  'session:watch': (
    request: { sessionId: string },
    ack: (reply: Ack<{ sessionId: SessionId }>) => void,
  ) => void;
  'session:unwatch': (
    request: { sessionId: string },
    ack: (reply: Ack<{ sessionId: SessionId }>) => void,
  ) => void;
}

/** The handshake `auth` payload. */
export interface SocketAuth {
  token: string;
}
