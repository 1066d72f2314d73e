import type { UserId } from '../../../src-shared/ids';
import type { Room } from '../../../src-shared/schemas/chat';
import type { SessionId } from '../../../src-shared/schemas/sessions';
import type { CourseId } from '../../../src-shared/schemas/courses';
import { DomainError } from '../../domain-error';
import type { UserRecord } from '../../storage/records';
import type { Storage } from '../../storage/repositories';
import { assertInCourseOf } from '../sessions/course-link';

export type ParsedRoom =
  | { kind: 'session'; sessionId: SessionId }
  | { kind: 'course'; courseId: string }
  | { kind: 'dm'; userIds: [UserId, UserId] };

export function parseRoom(room: Room): ParsedRoom {
  const [kind, a, b] = room.split(':') as [string, string, string | undefined];
  if (kind === 'session') return { kind, sessionId: a as SessionId };
  if (kind === 'course') return { kind, courseId: a };
  return { kind: 'dm', userIds: [a as UserId, b as UserId] };
}

/** Two people may message each other when they share a course or a session, or one is an admin. */
export async function mayMessage(storage: Storage, a: UserRecord, b: UserRecord): Promise<boolean> {
  if (a.isAdmin || b.isAdmin) return true;
  const coursesOf = async (user: UserRecord) =>
    new Set([
      ...(await storage.courses.listForTeacher(user.id)).map((c) => c.id as string),
      ...(await storage.enrolments.listForUser(user.id))
        .filter((e) => e.status === 'active')
        .map((e) => e.courseId as string),
    ]);
  const [aCourses, bCourses] = await Promise.all([coursesOf(a), coursesOf(b)]);
  if ([...aCourses].some((id) => bCourses.has(id))) return true;
  const theirs = new Set(
    (await storage.sessionMembers.listForUser(b.id))
      .filter((m) => m.status === 'active')
      .map((m) => m.sessionId as string),
  );
  return (await storage.sessionMembers.listForUser(a.id)).some(
    (m) => m.status === 'active' && theirs.has(m.sessionId),
  );
}

/** The same check for reading, writing and receiving: it runs on every call, not once at join. */
export async function assertInRoom(
  storage: Storage,
  actor: UserRecord,
  room: Room,
): Promise<ParsedRoom> {
  const parsed = parseRoom(room);
  if (parsed.kind === 'session') {
    const member = await storage.sessionMembers.get(parsed.sessionId, actor.id);
    if (member?.status !== 'active')
      throw new DomainError('FORBIDDEN', 'You are not a member of this session’s chat.');
    const session = await storage.sessions.get(parsed.sessionId);
    if (session) await assertInCourseOf(storage, actor, session);
    return parsed;
  }
  if (parsed.kind === 'course') {
    const course = await storage.courses.get(parsed.courseId as CourseId);
    if (!course) throw new DomainError('NOT_FOUND', 'This course does not exist.');
    const enrolment = await storage.enrolments.get(course.id, actor.id);
    if (course.teacherId !== actor.id && enrolment?.status !== 'active') {
      throw new DomainError(
        'FORBIDDEN',
        enrolment?.status === 'blocked'
          ? 'Your teacher has blocked you from this course.'
          : 'Enrol in this course to join its chat.',
      );
    }
    return parsed;
  }
  const [a, b] = parsed.userIds;
  if (a >= b || (actor.id !== a && actor.id !== b))
    throw new DomainError('FORBIDDEN', 'This is not one of your conversations.');
  const peer = await storage.users.get(actor.id === a ? b : a);
  if (!peer || peer.status !== 'active')
    throw new DomainError('NOT_FOUND', 'This person is no longer on the hub.');
  if (!(await mayMessage(storage, actor, peer))) {
    throw new DomainError(
      'FORBIDDEN',
      'You can message people you share a course or session with.',
    );
  }
  return parsed;
}
