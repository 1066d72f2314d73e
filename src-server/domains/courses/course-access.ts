import type { CourseId, DeadlineId } from '../../../src-shared/schemas/courses';
import { DomainError } from '../../domain-error';
import type { CourseRecord, EnrolmentRecord, UserRecord } from '../../storage/records';
import type { Storage } from '../../storage/repositories';

export interface CourseAccess {
  readonly course: CourseRecord;
  readonly enrolment: EnrolmentRecord | undefined;
  readonly isTeacher: boolean;
  /** Teacher of the course, an active student, or an admin: may see materials, deadlines and chat. */
  readonly isInside: boolean;
}

export async function courseAccess(
  storage: Storage,
  actor: UserRecord,
  courseId: CourseId,
): Promise<CourseAccess> {
  const course = await storage.courses.get(courseId);
  if (!course) throw new DomainError('NOT_FOUND', 'This course does not exist.');
  const enrolment = await storage.enrolments.get(courseId, actor.id);
  const isTeacher = course.teacherId === actor.id;
  return {
    course,
    enrolment,
    isTeacher,
    isInside: isTeacher || actor.isAdmin || enrolment?.status === 'active',
  };
}

export function assertManages(actor: UserRecord, access: CourseAccess, what: string): void {
  if (!access.isTeacher && !actor.isAdmin)
    throw new DomainError('FORBIDDEN', `Only the course’s teacher can ${what}.`);
}

/** Materials, deadlines and chat are for people inside the course; a blocked student is told so. */
export function assertInside(access: CourseAccess): void {
  if (access.isInside) return;
  if (access.enrolment?.status === 'blocked')
    throw new DomainError('FORBIDDEN', 'Your teacher has blocked you from this course.');
  throw new DomainError(
    'FORBIDDEN',
    'Enrol in this course to see its materials, deadlines and chat.',
  );
}

/** A deadline and the actor's place in its course: inside, or told why not (blocked, not enrolled). */
export async function deadlineAccess(storage: Storage, actor: UserRecord, deadlineId: DeadlineId) {
  const deadline = await storage.deadlines.get(deadlineId);
  if (!deadline)
    throw new DomainError('NOT_FOUND', 'This deadline does not exist (it may have been deleted).');
  const access = await courseAccess(storage, actor, deadline.courseId);
  if (access.enrolment?.status === 'blocked')
    throw new DomainError('FORBIDDEN', 'Your teacher has blocked you from this course.');
  if (!access.isInside)
    throw new DomainError('FORBIDDEN', 'Enrol in this course to see its deadlines.');
  return { deadline, access };
}
