import { z } from 'zod';
import { userSummarySchema } from './accounts';
import { deadlineIdSchema } from './deadlines';
import { userIdSchema } from '../ids';

/** One message of the private thread between a student and the course's teacher on a piece of work. */
export const privateCommentSchema = z
  .object({
    id: z.string(),
    deadlineId: deadlineIdSchema,
    studentId: userIdSchema.meta({ description: 'Whose work the thread is about.' }),
    author: userSummarySchema,
    text: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'PrivateComment' });
export type PrivateComment = z.infer<typeof privateCommentSchema>;

export const privateCommentRequestSchema = z
  .object({
    text: z
      .string()
      .trim()
      .min(1, 'Write a comment first.')
      .max(5000, 'A comment can be at most 5000 characters.'),
  })
  .meta({ id: 'PrivateCommentRequest' });
