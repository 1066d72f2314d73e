import { z } from 'zod';
import { userSummarySchema } from '../accounts';
import { sessionIdSchema } from '../sessions';

export const pollIdSchema = z.string().min(1).max(64).brand<'PollId'>();
export type PollId = z.infer<typeof pollIdSchema>;

export const MAX_POLL_QUESTIONS = 20;
export const MAX_POLL_OPTIONS = 10;
export const MAX_SHORT_ANSWER = 200;

export const pollQuestionTypeSchema = z
  .enum(['single', 'multiple', 'short'])
  .meta({ id: 'PollQuestionType' });
export type PollQuestionType = z.infer<typeof pollQuestionTypeSchema>;

/** A question as the teacher writes it; `correct` only for quizzes. */
export const pollQuestionInputSchema = z
  .object({
    type: pollQuestionTypeSchema,
    prompt: z.string().trim().min(1, 'Write the question.').max(500),
    options: z
      .array(z.string().trim().min(1, 'An option cannot be empty.').max(200))
      .max(MAX_POLL_OPTIONS, `At most ${MAX_POLL_OPTIONS} options.`)
      .default([]),
    /** Quizzes: the right options' indexes (choice questions) … */
    correctOptions: z.array(z.number().int().min(0)).max(MAX_POLL_OPTIONS).optional(),
    /** … or the accepted answers of a short-answer question (case and spaces ignored). */
    acceptedAnswers: z.array(z.string().trim().min(1).max(MAX_SHORT_ANSWER)).max(10).optional(),
  })
  .meta({ id: 'PollQuestionInput' });
export type PollQuestionInput = z.output<typeof pollQuestionInputSchema>;

export const pollKindSchema = z.enum(['poll', 'quiz']).meta({ id: 'PollKind' });
export type PollKind = z.infer<typeof pollKindSchema>;

export const createPollRequestSchema = z
  .object({
    kind: pollKindSchema,
    title: z.string().trim().min(1, 'Give it a title.').max(200),
    anonymous: z
      .boolean()
      .default(false)
      .meta({ description: 'Nobody sees who answered what. A quiz is never anonymous.' }),
    questions: z
      .array(pollQuestionInputSchema)
      .min(1, 'Add at least one question.')
      .max(MAX_POLL_QUESTIONS, `At most ${MAX_POLL_QUESTIONS} questions.`),
  })
  .meta({ id: 'CreatePollRequest' });

/**
 * A poll's life: written (draft, only the host sees it) → open (students
 * answer) → closed (no more answers) → revealed (students see the results,
 * and in a quiz the right answers and their score).
 */
export const pollStateSchema = z
  .enum(['draft', 'open', 'closed', 'revealed'])
  .meta({ id: 'PollState' });
export type PollState = z.infer<typeof pollStateSchema>;

export const pollQuestionSchema = z.object({
  type: pollQuestionTypeSchema,
  prompt: z.string(),
  options: z.array(z.string()),
  correctOptions: z
    .array(z.number().int())
    .optional()
    .meta({ description: 'Shown to the host always, to students once revealed.' }),
  acceptedAnswers: z.array(z.string()).optional(),
});
export type PollQuestion = z.infer<typeof pollQuestionSchema>;

/** One answer per question, in order: option indexes for choice questions, text for short ones. */
export const pollResponseSchema = z.union([z.array(z.number().int().min(0)), z.string()]);
export type PollResponse = z.infer<typeof pollResponseSchema>;

export const answerPollRequestSchema = z
  .object({
    responses: z.array(pollResponseSchema).min(1).max(MAX_POLL_QUESTIONS),
  })
  .meta({ id: 'AnswerPollRequest' });

/** Results counted on the hub: per question, a count per option or per distinct short answer. */
export const questionResultSchema = z.object({
  optionCounts: z.array(z.number().int()),
  /** Short answers grouped case-insensitively, most frequent first. */
  shortAnswers: z.array(z.object({ text: z.string(), count: z.number().int() })),
  /** Quizzes: how many got this question right. */
  correctCount: z.number().int().optional(),
});
export type QuestionResult = z.infer<typeof questionResultSchema>;

export const pollResultsSchema = z
  .object({
    pollId: pollIdSchema,
    sessionId: sessionIdSchema,
    answered: z.number().int(),
    questions: z.array(questionResultSchema),
  })
  .meta({ id: 'PollResults' });
export type PollResults = z.infer<typeof pollResultsSchema>;

export const pollSchema = z
  .object({
    id: pollIdSchema,
    sessionId: sessionIdSchema,
    kind: pollKindSchema,
    title: z.string(),
    anonymous: z.boolean(),
    state: pollStateSchema,
    questions: z.array(pollQuestionSchema),
    /** Counts: the host and admins always; students once revealed. */
    results: pollResultsSchema.nullable(),
    /** The viewer's own answer, if any (null for the host and admins). */
    myResponses: z.array(pollResponseSchema).nullable(),
    /** Quizzes, once revealed: the viewer's points out of the question count. */
    myScore: z.number().int().nullable(),
    /** The assignment this quiz's scores went to, if the teacher sent them to the gradebook. */
    deadlineId: z.string().nullable(),
    openedAt: z.iso.datetime().nullable(),
    closedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Poll' });
export type Poll = z.infer<typeof pollSchema>;

/** Who answered what (non-anonymous polls; host and admins). */
export const pollResponderSchema = z
  .object({
    student: userSummarySchema,
    responses: z.array(pollResponseSchema),
    score: z.number().int().nullable(),
    answeredAt: z.iso.datetime(),
  })
  .meta({ id: 'PollResponder' });
export type PollResponder = z.infer<typeof pollResponderSchema>;

export const pollParamsSchema = z.object({ pollId: pollIdSchema });

export const pollToGradebookRequestSchema = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
  })
  .meta({ id: 'PollToGradebookRequest' });

/** What the host's devices hear while answers come in: counts, at most a few times a second. */
export interface PollResultsEvent {
  readonly sessionId: string;
  readonly results: PollResults;
}

/** One answer per question, checked against the questions: the hub's and the app's rule. */
export function responseProblem(
  questions: readonly PollQuestion[],
  responses: readonly PollResponse[],
): string | undefined {
  if (responses.length !== questions.length)
    return `Answer all ${questions.length} question${questions.length === 1 ? '' : 's'}.`;
  for (const [i, question] of questions.entries()) {
    const response = responses[i]!;
    const n = i + 1;
    if (question.type === 'short') {
      if (typeof response !== 'string' || response.trim() === '')
        return `Question ${n} needs a written answer.`;
      if (response.length > MAX_SHORT_ANSWER)
        return `Question ${n}: at most ${MAX_SHORT_ANSWER} characters.`;
      continue;
    }
    if (typeof response === 'string') return `Question ${n}: choose an option.`;
    if (response.length === 0) return `Question ${n}: choose an option.`;
    if (new Set(response).size !== response.length)
      return `Question ${n}: each option counts once.`;
    if (response.some((o) => o >= question.options.length))
      return `Question ${n}: that option does not exist.`;
    if (question.type === 'single' && response.length > 1)
      return `Question ${n}: choose only one option.`;
  }
  return undefined;
}

const normalise = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** Right or wrong: all the right options and no other; a short answer matching an accepted one. */
export function isCorrect(question: PollQuestion, response: PollResponse): boolean {
  if (question.type === 'short')
    return (
      typeof response === 'string' &&
      (question.acceptedAnswers ?? []).some((a) => normalise(a) === normalise(response))
    );
  if (typeof response === 'string') return false;
  const right = new Set(question.correctOptions ?? []);
  return response.length === right.size && response.every((o) => right.has(o));
}

export function scoreOf(
  questions: readonly PollQuestion[],
  responses: readonly PollResponse[],
): number {
  return questions.filter((q, i) => responses[i] !== undefined && isCorrect(q, responses[i]!))
    .length;
}

export function shortAnswerKey(text: string): string {
  return normalise(text);
}

/** The `poll:answer` socket request: the REST body plus the poll's id. */
export const answerPollSocketSchema = answerPollRequestSchema.extend({ pollId: pollIdSchema });
