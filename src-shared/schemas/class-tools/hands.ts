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
