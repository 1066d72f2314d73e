import { z } from 'zod';
import type { UserId } from '../../../../src-shared/ids';
import {
  byRaisedAt,
  type Hands,
  type RaisedHand,
} from '../../../../src-shared/schemas/class-tools/hands';
import type { SessionId } from '../../../../src-shared/schemas/sessions';
import type { ClassToolRecord } from '../../../storage/records';
import type { Storage } from '../../../storage/repositories';
import { formerMember, toSummary } from '../../accounts/views';
import { EVERY_MEMBER } from '../../chat/message-view';
import { stateOf } from '../tool-state';

export const HANDS_TOOL = 'hands';

/** One raised hand as stored (its key is the student's id). */
export const handStateSchema = z.object({
  studentId: z.string(),
  raisedAt: z.string(),
  calledAt: z.string().optional(),
});
export type HandState = z.infer<typeof handStateSchema>;

export const handOf = (record: ClassToolRecord): HandState => stateOf(handStateSchema, record);

/**
 * The queue as everyone in the class sees it — the same packet for all, so
 * no email addresses — oldest hand first (byRaisedAt). A hand whose student has since
 * left the session, or lost its course (blocked, dropped), is not shown.
 */
export async function handsView(
  storage: Pick<Storage, 'classTools' | 'users' | 'sessionMembers' | 'sessions' | 'enrolments'>,
  sessionId: SessionId,
): Promise<Hands> {
  const courseId = (await storage.sessions.get(sessionId))?.courseId;
  const hands = (await storage.classTools.listForTool(sessionId, HANDS_TOOL)).map(handOf);
  hands.sort(byRaisedAt);
  const queue: RaisedHand[] = [];
  for (const hand of hands) {
    const studentId = hand.studentId as UserId;
    const member = await storage.sessionMembers.get(sessionId, studentId);
    if (member?.status !== 'active') continue;
    if (courseId && (await storage.enrolments.get(courseId, studentId))?.status !== 'active')
      continue;
    const student = (await storage.users.get(studentId)) ?? formerMember(studentId);
    queue.push({
      student: toSummary(student, EVERY_MEMBER),
      raisedAt: hand.raisedAt,
      ...(hand.calledAt ? { calledAt: hand.calledAt } : {}),
    });
  }
  return { sessionId, queue };
}
