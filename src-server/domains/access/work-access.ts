import type { UserId } from '../../../src-shared/ids';
import type { DeadlineId } from '../../../src-shared/schemas/deadlines';
import { DomainError } from '../../domain-error';
import type { UserRecord } from '../../storage/records';
import { deadlineAccess } from './course-access';
import type { AccessStorage } from './ports';

/**
 * One student's work on one deadline is between that student and the
 * course's teacher. An admin may read it (moderation) but not take part;
 * another student, another teacher or a blocked student sees nothing.
 */
export async function workAccess(
  storage: Pick<AccessStorage, 'courses' | 'enrolments' | 'deadlines'>,
  actor: UserRecord,
  deadlineId: DeadlineId,
  studentId: UserId,
) {
  const { deadline, access } = await deadlineAccess(storage, actor, deadlineId);
  const isStudent = actor.id === studentId;
  if (!isStudent && !access.isTeacher && !actor.isAdmin)
    throw new DomainError('FORBIDDEN', 'Only this student and their teacher see this work.');
  const enrolment = isStudent
    ? access.enrolment
    : await storage.enrolments.get(deadline.courseId, studentId);
  if (!enrolment) throw new DomainError('NOT_FOUND', 'This student is not enrolled in the course.');
  return {
    deadline,
    course: access.course,
    /** May write in the thread: the student or the teacher, while the course is open. */
    mayWrite: (isStudent || access.isTeacher) && !access.course.archived,
  };
}
