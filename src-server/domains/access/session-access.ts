import type { SessionViewer } from '../../../src-shared/session-permissions';
import type { SessionId } from '../../../src-shared/schemas/sessions';
import { DomainError } from '../../domain-error';
import type { SessionMemberRecord, SessionRecord, UserRecord } from '../../storage/records';
import type { AccessStorage } from './ports';

export interface SessionAccess {
  readonly session: SessionRecord;
  /** Set for an active member (the host included); an admin looking in has none. */
  readonly membership: SessionMemberRecord | undefined;
  readonly viewer: SessionViewer;
}

type SessionStorage = Pick<AccessStorage, 'sessions' | 'sessionMembers' | 'courses' | 'enrolments'>;

/**
 * Who the actor is in a session, checked on every call: an active member,
 * the host, or an admin looking in. Blocked people and outsiders are refused,
 * and so is a member who has lost the session's course.
 */
export async function sessionAccess(
  storage: SessionStorage,
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

/** Posting, commenting and chatting are for people in the session, not for an admin looking in. */
export function assertMember(access: SessionAccess): void {
  if (!access.membership)
    throw new DomainError('FORBIDDEN', 'Only members of this session can do this.');
}

/**
 * A session may belong to a course: then it is that course's lesson — its
 * teacher hosts it and only its active students take part. Checked on every
 * call, so a student blocked or dropped from the course loses the session at
 * once, not just at the next join.
 */
export async function assertInCourseOf(
  storage: Pick<AccessStorage, 'courses' | 'enrolments'>,
  actor: UserRecord,
  session: SessionRecord,
): Promise<void> {
  if (!session.courseId || session.hostId === actor.id || actor.isAdmin) return;
  const enrolment = await storage.enrolments.get(session.courseId, actor.id);
  if (enrolment?.status === 'active') return;
  const course = await storage.courses.get(session.courseId);
  const name = course ? `${course.code} ${course.title}` : 'its course';
  throw new DomainError(
    'FORBIDDEN',
    enrolment?.status === 'blocked'
      ? `Your teacher has blocked you from ${name}, so you cannot take part in its sessions.`
      : `This session is for students of ${name}. Enrol in the course first.`,
  );
}
