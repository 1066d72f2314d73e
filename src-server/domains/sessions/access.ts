import type { SessionViewer } from '../../../src-shared/session-permissions';
import type { SessionId } from '../../../src-shared/schemas/sessions';
import { DomainError } from '../../domain-error';
import type { SessionMemberRecord, SessionRecord, UserRecord } from '../../storage/records';
import type { Storage } from '../../storage/repositories';
import { assertInCourseOf } from './course-link';

export interface SessionAccess {
  readonly session: SessionRecord;
  readonly membership: SessionMemberRecord | undefined;
  readonly viewer: SessionViewer;
}

/**
 * Who the actor is in a session, checked on every call: an active member,
 * the host, or an admin looking in. Blocked people and outsiders are refused.
 */
export async function sessionAccess(
  storage: Storage,
  actor: UserRecord,
  sessionId: SessionId,
): Promise<SessionAccess> {
  const session = await storage.sessions.get(sessionId);
  if (!session)
    throw new DomainError('NOT_FOUND', 'This session does not exist (it may have been deleted).');
  const membership = await storage.sessionMembers.get(sessionId, actor.id);
  if (membership?.status === 'blocked' && !actor.isAdmin) {
    throw new DomainError('FORBIDDEN', 'The host has blocked you from this session.');
  }
  if (!membership && !actor.isAdmin) {
    throw new DomainError(
      'FORBIDDEN',
      'You are not in this session. Join it with the token from its host.',
    );
  }
  await assertInCourseOf(storage, actor, session);
  const isMember = membership?.status === 'active';
  return {
    session,
    membership: isMember ? membership : undefined,
    viewer: { userId: actor.id, isHost: session.hostId === actor.id, isAdmin: actor.isAdmin },
  };
}

export function assertHost(access: SessionAccess, what: string): void {
  if (!access.viewer.isHost) throw new DomainError('FORBIDDEN', `Only the host can ${what}.`);
}

/** Posting and commenting are for people in the session, not for an admin looking in. */
export function assertMember(access: SessionAccess): void {
  if (!access.membership)
    throw new DomainError('FORBIDDEN', 'Only members of this session can do this.');
}
