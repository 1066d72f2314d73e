import { z } from 'zod';
import { userSummarySchema } from '../accounts';
import { sessionIdSchema } from '../sessions';

/** A student's raised hand in a live class. */
export const raisedHandSchema = z
  .object({
    student: userSummarySchema,
    raisedAt: z.iso.datetime(),
    calledAt: z.iso
      .datetime()
      .optional()
      .meta({ description: 'Set while the teacher has called on this student.' }),
  })
  .meta({ id: 'RaisedHand' });
export type RaisedHand = z.infer<typeof raisedHandSchema>;

/**
 * The class's hands, the same for everyone in the session (one packet per
 * change): the queue in the order hands went up, and who is called on.
 */
export const handsSchema = z
  .object({
    sessionId: sessionIdSchema,
    queue: z.array(raisedHandSchema).meta({ description: 'Oldest first: the order to call on.' }),
  })
  .meta({ id: 'Hands' });
export type Hands = z.infer<typeof handsSchema>;

/**
 * One change to the queue, sent live to everyone in the session (one small
 * packet per change, whatever the size of the class) and answered to the
 * person who made it. `count` is the hub's count after the change: a client
 * whose queue disagrees fetches it again. Changes are idempotent, so a
 * request that changed nothing (raising a hand already up) answers the
 * same shape.
 */
const changeBase = {
  sessionId: sessionIdSchema,
  count: z.number().int().min(0).meta({ description: 'Hands up after the change.' }),
};
export const handsChangeSchema = z
  .discriminatedUnion('kind', [
    z.object({ ...changeBase, kind: z.literal('raised'), hand: raisedHandSchema }),
    z.object({
      ...changeBase,
      kind: z.literal('lowered'),
      studentIds: z.array(userSummarySchema.shape.id),
    }),
    z.object({
      ...changeBase,
      kind: z.literal('called'),
      studentId: userSummarySchema.shape.id,
      calledAt: z.iso.datetime(),
    }),
  ])
  .meta({ id: 'HandsChange' });
export type HandsChange = z.infer<typeof handsChangeSchema>;

/**
 * The queue's order, the same on the hub and in every client: oldest hand
 * first; two hands raised in the same millisecond (a class at once) by
 * student id, so a client applying changes in the order it heard them ends
 * with the hub's queue.
 */
export function byRaisedAt(
  a: { raisedAt: string; studentId: string },
  b: { raisedAt: string; studentId: string },
): number {
  return a.raisedAt.localeCompare(b.raisedAt) || a.studentId.localeCompare(b.studentId);
}

const queueOrder = (a: RaisedHand, b: RaisedHand) =>
  byRaisedAt(
    { raisedAt: a.raisedAt, studentId: a.student.id },
    { raisedAt: b.raisedAt, studentId: b.student.id },
  );

/** Applies a change to a queue (idempotent: a change already seen changes nothing). */
export function applyHandsChange(hands: Hands, change: HandsChange): Hands {
  if (change.kind === 'raised') {
    if (hands.queue.some((h) => h.student.id === change.hand.student.id)) return hands;
    const queue = [...hands.queue, change.hand].sort(queueOrder);
    return { ...hands, queue };
  }
  if (change.kind === 'lowered') {
    const gone = new Set<string>(change.studentIds);
    return { ...hands, queue: hands.queue.filter((h) => !gone.has(h.student.id)) };
  }
  return {
    ...hands,
    queue: hands.queue.map((h) => {
      if (h.student.id === change.studentId) return { ...h, calledAt: change.calledAt };
      const { calledAt: _, ...rest } = h;
      return rest;
    }),
  };
}
