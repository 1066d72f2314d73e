import type { UserId } from '../../../../src-shared/ids';
import type { SessionRecord } from '../../../storage/records';
import type { AccessStorage } from '../../access/ports';

/**
 * Who is expected in class: a course's session expects the course's active
 * students (whether they have joined the session yet or not, so someone
 * who never came shows as absent); a study group expects its members.
 */
export async function rosterOf(
  storage: Pick<AccessStorage, 'enrolments' | 'sessionMembers'>,
  session: SessionRecord,
): Promise<UserId[]> {
  if (session.courseId)
    return (await storage.enrolments.listForCourse(session.courseId))
      .filter((e) => e.status === 'active')
      .map((e) => e.userId);
  return (await storage.sessionMembers.listForSession(session.id))
    .filter((m) => m.status === 'active' && m.role === 'member')
    .map((m) => m.userId);
}
