import type { AuthSessionId, UserId } from '../../src-shared/ids';
import type { RevokedNotice } from '../../src-shared/events';
import type { StatusUpdateRecord, UserRecord } from '../storage/records';

/**
 * What happened in the hub, published after it is stored. Real-time delivery
 * and notifications subscribe; services never call them directly.
 * Names: `<domain>.<past-tense verb>`.
 */
export interface DomainEvents {
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
}
export type DomainEventName = keyof DomainEvents;
