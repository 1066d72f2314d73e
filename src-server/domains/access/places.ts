import type { CourseId } from '../../../src-shared/schemas/courses';
import type { CourseRecord, SessionRecord, UserRecord } from '../../storage/records';
import type { AccessStorage } from './ports';

/** Where a person belongs right now: the rooms their devices are in and their chats are listed from. */
export interface Places {
  /** Courses they teach or actively study, archived ones included (their pages stay live). */
  readonly courses: readonly CourseRecord[];
  /** Sessions they take part in: an active membership whose course (if any) still holds them. */
  readonly sessions: readonly SessionRecord[];
}

export async function placesOf(
  storage: Pick<AccessStorage, 'courses' | 'enrolments' | 'sessions' | 'sessionMembers'>,
  user: UserRecord,
): Promise<Places> {
  const enrolled = (await storage.enrolments.listForUser(user.id))
    .filter((e) => e.status === 'active')
    .map((e) => e.courseId);
  const studied = await Promise.all(enrolled.map((id) => storage.courses.get(id)));
  const courses = [...(await storage.courses.listForTeacher(user.id)), ...studied].filter(
    (c) => c !== undefined,
  );
  const inCourse = new Set<CourseId>(courses.map((c) => c.id));
  const memberships = (await storage.sessionMembers.listForUser(user.id)).filter(
    (m) => m.status === 'active',
  );
  const sessions = (await Promise.all(memberships.map((m) => storage.sessions.get(m.sessionId))))
    .filter((s) => s !== undefined)
    // The same rule as assertInCourseOf, on data already loaded.
    .filter((s) => !s.courseId || s.hostId === user.id || user.isAdmin || inCourse.has(s.courseId));
  return { courses, sessions };
}

/**
 * Two people may message each other when they share a course that is not
 * archived or a session they both take part in, or one of them is an admin.
 */
export async function mayMessage(
  storage: Pick<AccessStorage, 'courses' | 'enrolments' | 'sessions' | 'sessionMembers'>,
  a: UserRecord,
  b: UserRecord,
): Promise<boolean> {
  if (a.isAdmin || b.isAdmin) return true;
  const [mine, theirs] = await Promise.all([placesOf(storage, a), placesOf(storage, b)]);
  const shared = new Set<string>([
    ...theirs.courses.filter((c) => !c.archived).map((c) => c.id),
    ...theirs.sessions.map((s) => s.id),
  ]);
  return (
    mine.courses.some((c) => !c.archived && shared.has(c.id)) ||
    mine.sessions.some((s) => shared.has(s.id))
  );
}
