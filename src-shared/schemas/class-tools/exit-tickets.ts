import { z } from 'zod';
import { userSummarySchema } from '../accounts';
import { sessionIdSchema } from '../sessions';

export const exitTicketIdSchema = z.string().min(1).max(64).brand<'ExitTicketId'>();
export type ExitTicketId = z.infer<typeof exitTicketIdSchema>;

export const MAX_EXIT_ANSWER = 2000;

export const createExitTicketRequestSchema = z
  .object({ question: z.string().trim().min(1, 'Write the question.').max(500) })
  .meta({ id: 'CreateExitTicketRequest' });

export const answerExitTicketRequestSchema = z
  .object({
    text: z
      .string()
      .trim()
      .min(1, 'Write your answer.')
      .max(MAX_EXIT_ANSWER, `At most ${MAX_EXIT_ANSWER} characters.`),
  })
  .meta({ id: 'AnswerExitTicketRequest' });

export const exitTicketSchema = z
  .object({
    id: exitTicketIdSchema,
    sessionId: sessionIdSchema,
    question: z.string(),
    state: z.enum(['open', 'closed']),
    answered: z.number().int().meta({ description: 'How many students answered.' }),
    /** The viewer's own answer (students). */
    myAnswer: z.string().nullable(),
    createdAt: z.iso.datetime(),
    closedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ExitTicket' });
export type ExitTicket = z.infer<typeof exitTicketSchema>;

export const exitTicketAnswerSchema = z
  .object({ student: userSummarySchema, text: z.string(), answeredAt: z.iso.datetime() })
  .meta({ id: 'ExitTicketAnswer' });
export type ExitTicketAnswer = z.infer<typeof exitTicketAnswerSchema>;

export const exitTicketParamsSchema = z.object({ ticketId: exitTicketIdSchema });
