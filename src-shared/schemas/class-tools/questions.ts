import { z } from 'zod';
import { userSummarySchema } from '../accounts';
import { sessionIdSchema } from '../sessions';

export const questionIdSchema = z.string().min(1).max(64).brand<'QuestionId'>();
export type QuestionId = z.infer<typeof questionIdSchema>;

export const questionStatusSchema = z
  .enum(['open', 'answered', 'dismissed'])
  .meta({ id: 'QuestionStatus' });
export type QuestionStatus = z.infer<typeof questionStatusSchema>;

/** What everyone in the class may see of an anonymous question: never who asked or who upvoted. */
export const classQuestionSchema = z
  .object({
    id: questionIdSchema,
    sessionId: sessionIdSchema,
    text: z.string(),
    upvotes: z.number().int(),
    status: questionStatusSchema,
    pinned: z.boolean(),
    answer: z.string().nullable(),
    answeredAt: z.iso.datetime().optional(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ClassQuestion' });
export type ClassQuestion = z.infer<typeof classQuestionSchema>;

/** A question as one viewer sees it: whether it is theirs and whether they upvoted it. */
export const questionSchema = classQuestionSchema
  .extend({
    mine: z.boolean(),
    upvotedByMe: z.boolean(),
    author: userSummarySchema.optional().meta({
      description: 'Present for an admin only (moderation); nobody else learns who asked.',
    }),
  })
  .meta({ id: 'Question' });
export type Question = z.infer<typeof questionSchema>;

export const questionListSchema = z
  .object({ items: z.array(questionSchema) })
  .meta({ id: 'QuestionList' });

export const askQuestionRequestSchema = z
  .object({
    text: z
      .string()
      .trim()
      .min(1, 'Write your question first.')
      .max(500, 'A question can be at most 500 characters.'),
  })
  .meta({ id: 'AskQuestionRequest' });

/** The teacher's moderation: answer, pin or unpin, dismiss or bring back. */
export const moderateQuestionRequestSchema = z
  .object({
    answer: z
      .string()
      .trim()
      .min(1, 'Write the answer first.')
      .max(2000, 'An answer can be at most 2000 characters.')
      .optional(),
    pinned: z.boolean().optional(),
    dismissed: z.boolean().optional(),
  })
  .refine((b) => b.answer !== undefined || b.pinned !== undefined || b.dismissed !== undefined, {
    message: 'Say what to change: answer, pinned or dismissed.',
  })
  .meta({ id: 'ModerateQuestionRequest' });

export const questionParamsSchema = z.object({
  sessionId: sessionIdSchema,
  questionId: questionIdSchema,
});
