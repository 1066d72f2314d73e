import type { SessionId } from '../../../src-shared/schemas/sessions';
import { DomainError } from '../../domain-error';
import type { SessionRecord, UserRecord } from '../../storage/records';
import type { AccessStorage } from './ports';
import { assertStudent, assertTeacher, classRoleOf } from './class-access';
import { sessionAccess, type SessionAccess } from './session-access';

/**
 * Who does what with a session's live tools (polls, attendance, exit
 * tickets). The roles are class-access.ts's (teacher, student, observer),
 * built on the session rule (sessionAccess: active members, the
 * host, an admin looking in; blocked people, outsiders and students who
 * lost the session's course are refused there):
 * - the host runs them: opens, closes, reveals, reads every answer, exports;
 * - a member takes part: answers, checks in — and sees only what is meant
 *   for them (results once revealed, their own answer and score);
 * - an admin reads what the host reads, and acts on nothing;
 * - nobody acts in a session whose course is archived.
 */
export interface ClassToolsAccess extends SessionAccess {
  /** The host, or an admin looking in: sees every answer and count. */
  readonly readsAll: boolean;
}

type Storage = Pick<AccessStorage, 'sessions' | 'sessionMembers' | 'courses' | 'enrolments'>;

export async function classToolsAccess(
  storage: Storage,
  actor: UserRecord,
  sessionId: SessionId,
): Promise<ClassToolsAccess> {
  const access = await sessionAccess(storage, actor, sessionId);
  return { ...access, readsAll: classRoleOf(access) !== 'student' };
}

/** Opening, closing and revealing are the teacher's (class-access.ts); an admin only looks in. */
export async function assertRunsClass(
  storage: Pick<AccessStorage, 'courses'>,
  access: ClassToolsAccess,
  what: string,
): Promise<void> {
  assertTeacher(access, `run this class’s ${what}`);
  await assertCourseOpen(storage, access);
}

/** Answering and checking in are the students' (class-access.ts), not the teacher's or an admin's. */
export async function assertTakesPart(
  storage: Pick<AccessStorage, 'courses'>,
  access: ClassToolsAccess,
): Promise<void> {
  assertStudent(access, 'answer');
  await assertCourseOpen(storage, access);
}

/** Every answer, who gave it and the exports: the host and admins. */
export function assertReadsAll(access: ClassToolsAccess, what: string): void {
  if (!access.readsAll) throw new DomainError('FORBIDDEN', `Only the host and admins see ${what}.`);
}

async function assertCourseOpen(
  storage: Pick<AccessStorage, 'courses'>,
  access: ClassToolsAccess,
): Promise<void> {
  if (!access.session.courseId) return;
  const course = await storage.courses.get(access.session.courseId);
  if (course?.archived)
    throw new DomainError(
      'CONFLICT',
      `${course.code} is archived: its sessions can be read but take no new answers or check-ins.`,
    );
}

/**
 * Checking in is for the students expected in class: a course's session
 * takes its active students only (not an admin, who may otherwise join any
 * session, and not the host); a study group takes anyone who may join it.
 * Asked before the token joins anyone to the session.
 */
export async function assertMayCheckIn(
  storage: Pick<AccessStorage, 'enrolments'>,
  actor: UserRecord,
  session: SessionRecord,
): Promise<void> {
  if (session.hostId === actor.id)
    throw new DomainError('FORBIDDEN', 'You host this session; your students check in.');
  if (!session.courseId) {
    if (actor.isAdmin)
      throw new DomainError('FORBIDDEN', 'An admin can look at attendance but does not check in.');
    return;
  }
  const enrolment = await storage.enrolments.get(session.courseId, actor.id);
  if (enrolment?.status === 'active') return;
  throw new DomainError(
    'FORBIDDEN',
    enrolment?.status === 'blocked'
      ? 'Your teacher has blocked you from this course, so you cannot check in to its sessions.'
      : actor.isAdmin
        ? 'An admin can look at attendance but does not check in.'
        : 'This class is for the students of its course. Enrol in the course first.',
  );
}
