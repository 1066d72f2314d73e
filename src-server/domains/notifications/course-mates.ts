import type { UserId } from '../../../src-shared/ids';
import type { DomainDeps } from '../deps';

/** What finding someone's course mates reads. */
export const COURSE_MATES_REPOSITORIES = ['courses', 'enrolments'] as const;

/**
 * The people who share a current course with someone: the teachers and the
 * active students of every course they teach or are actively enrolled in —
 * the same people whose activity feed shows their status updates.
 */
export async function courseMatesOf(
  storage: DomainDeps<(typeof COURSE_MATES_REPOSITORIES)[number]>['storage'],
  userId: UserId,
): Promise<UserId[]> {
  const taught = await storage.courses.listForTeacher(userId);
  const enrolled = (await storage.enrolments.listForUser(userId)).filter(
    (e) => e.status === 'active',
  );
  const joined = await Promise.all(enrolled.map((e) => storage.courses.get(e.courseId)));
  const mates = new Set<UserId>();
  for (const course of [...taught, ...joined]) {
    if (!course || course.archived) continue;
    mates.add(course.teacherId);
    for (const e of await storage.enrolments.listForCourse(course.id))
      if (e.status === 'active') mates.add(e.userId);
  }
  mates.delete(userId);
  return [...mates];
}
