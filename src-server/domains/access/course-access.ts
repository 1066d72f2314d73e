import type { CourseId } from '../../../src-shared/schemas/courses';
import type { DeadlineId } from '../../../src-shared/schemas/deadlines';
import { DomainError } from '../../domain-error';
import type { CourseRecord, EnrolmentRecord, UserRecord } from '../../storage/records';
import type { AccessStorage } from './ports';

export interface CourseAccess {
  readonly course: CourseRecord;
  readonly enrolment: EnrolmentRecord | undefined;
  readonly isTeacher: boolean;
  /** The course's own people: its teacher and its active students. They write in its chat. */
  readonly isMember: boolean;
  /** A member, or an admin looking in: may see materials, deadlines and the chat's history. */
  readonly isInside: boolean;
}

export async function courseAccess(
  storage: Pick<AccessStorage, 'courses' | 'enrolments'>,
  actor: UserRecord,
  courseId: CourseId,
): Promise<CourseAccess> {
  const course = await storage.courses.get(courseId);
  if (!course) throw new DomainError('NOT_FOUND', 'This course does not exist.');
  const enrolment = await storage.enrolments.get(courseId, actor.id);
  const isTeacher = course.teacherId === actor.id;
  const isMember = isTeacher || enrolment?.status === 'active';
  return { course, enrolment, isTeacher, isMember, isInside: isMember || actor.isAdmin };
}

export function assertManages(actor: UserRecord, access: CourseAccess, what: string): void {
  if (!access.isTeacher && !actor.isAdmin)
    throw new DomainError('FORBIDDEN', `Only the course’s teacher can ${what}.`);
}

/** Materials, deadlines and chat are for people inside the course; a blocked student is told so. */
export function assertInside(
  access: CourseAccess,
  what = 'its materials, deadlines and chat',
): void {
  if (access.isInside) return;
  throw notInside(access, `Enrol in this course to see ${what}.`);
}

/** Writing in the course (its chat) is for its teacher and active students, while it is not archived. */
export function assertMember(access: CourseAccess): void {
  if (!access.isMember) {
    throw access.isInside
      ? new DomainError(
          'FORBIDDEN',
          'Only the course’s teacher and its students write in its chat.',
        )
      : notInside(access, 'Enrol in this course to join its chat.');
  }
  if (access.course.archived)
    throw new DomainError(
      'CONFLICT',
      `${access.course.code} is archived: its chat can be read but takes no new messages.`,
    );
}

function notInside(access: CourseAccess, otherwise: string): DomainError {
  return new DomainError(
    'FORBIDDEN',
    access.enrolment?.status === 'blocked'
      ? 'Your teacher has blocked you from this course.'
      : otherwise,
  );
}

/** A deadline and the actor's place in its course: inside, or told why not (blocked, not enrolled). */
export async function deadlineAccess(
  storage: Pick<AccessStorage, 'courses' | 'enrolments' | 'deadlines'>,
  actor: UserRecord,
  deadlineId: DeadlineId,
) {
  const deadline = await storage.deadlines.get(deadlineId);
  if (!deadline)
    throw new DomainError('NOT_FOUND', 'This deadline does not exist (it may have been deleted).');
  const access = await courseAccess(storage, actor, deadline.courseId);
  assertInside(access, 'its deadlines');
  return { deadline, access };
}

/** A course's session is its lesson: only its teacher hosts one, and not while it is archived. */
export async function assertMayHostFor(
  storage: Pick<AccessStorage, 'courses'>,
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

/** Announcements are the teacher's voice in a course: only its teacher posts, never while archived. */
export function assertMayAnnounce(access: CourseAccess): void {
  if (!access.isTeacher) {
    throw access.isInside
      ? new DomainError('FORBIDDEN', 'Only the course’s teacher posts announcements.')
      : notInside(access, 'Only the course’s teacher posts announcements.');
  }
  if (access.course.archived)
    throw new DomainError(
      'CONFLICT',
      `${access.course.code} is archived: its announcements can be read but takes no new ones.`,
    );
}
