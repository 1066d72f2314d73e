import type { CourseId } from '../../../src-shared/schemas/courses';
import type { Session } from '../../../src-shared/schemas/sessions';
import { DomainError } from '../../domain-error';
import type { SessionRecord, UserRecord } from '../../storage/records';
import type { Storage } from '../../storage/repositories';

/**
 * A session may belong to a course: then it is that course's lesson — its
 * teacher hosts it and only its active students take part. Checked on every
 * call (sessionAccess), so a student blocked or dropped from the course loses
 * the session at once, not just at the next join.
 */
export async function assertMayHostFor(
  storage: Storage,
  actor: UserRecord,
  courseId: CourseId,
): Promise<void> {
  const course = await storage.courses.get(courseId);
  if (!course) throw new DomainError('NOT_FOUND', 'This course does not exist.');
  if (course.teacherId !== actor.id)
    throw new DomainError(
      'FORBIDDEN',
      `Only the teacher of ${course.code} can host a session for it.`,
    );
  if (course.archived)
    throw new DomainError(
      'CONFLICT',
      `${course.code} is archived; unarchive it to host a session for it.`,
    );
}

export async function assertInCourseOf(
  storage: Storage,
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

export async function courseOf(
  storage: Storage,
  session: SessionRecord,
): Promise<Session['course']> {
  if (!session.courseId) return null;
  const course = await storage.courses.get(session.courseId);
  return course ? { id: course.id, code: course.code, title: course.title } : null;
}
