import { z } from 'zod';
import type { UserId } from '../../../../src-shared/ids';
import type {
  ClassQuestion,
  Question,
  QuestionId,
} from '../../../../src-shared/schemas/class-tools/questions';
import type { ClassToolRecord, UserRecord } from '../../../storage/records';
import type { Storage } from '../../../storage/repositories';
import { formerMember, toSummary } from '../../accounts/views';
import { stateOf } from '../tool-state';

export const QUESTIONS_TOOL = 'questions';

/** One question as stored: its author is kept for moderation and never leaves the hub but to an admin. */
export const questionStateSchema = z.object({
  questionId: z.string(),
  authorId: z.string(),
  text: z.string(),
  upvoterIds: z.array(z.string()),
  status: z.enum(['open', 'answered', 'dismissed']),
  pinned: z.boolean(),
  answer: z.string().nullable(),
  answeredAt: z.string().optional(),
  createdAt: z.string(),
});
export type QuestionState = z.infer<typeof questionStateSchema>;

export const questionOf = (record: ClassToolRecord): QuestionState =>
  stateOf(questionStateSchema, record);

/** What everyone in the class may see: no author, no voters, only the count. */
export function classQuestion(record: ClassToolRecord): ClassQuestion {
  const q = questionOf(record);
  return {
    id: q.questionId as QuestionId,
    sessionId: record.sessionId,
    text: q.text,
    upvotes: q.upvoterIds.length,
    status: q.status,
    pinned: q.pinned,
    answer: q.answer,
    ...(q.answeredAt ? { answeredAt: q.answeredAt } : {}),
    createdAt: q.createdAt,
  };
}

/**
 * A question as one viewer sees it. The same rule as anonymous course
 * feedback: the author is named to an admin alone; the asker learns only
 * that it is theirs (`mine`).
 */
export async function questionView(
  storage: Pick<Storage, 'users'>,
  record: ClassToolRecord,
  viewer: UserRecord,
): Promise<Question> {
  const q = questionOf(record);
  const author = viewer.isAdmin
    ? ((await storage.users.get(q.authorId as UserId)) ?? formerMember(q.authorId as UserId))
    : undefined;
  return {
    ...classQuestion(record),
    mine: q.authorId === viewer.id,
    upvotedByMe: q.upvoterIds.includes(viewer.id),
    ...(author ? { author: toSummary(author, viewer) } : {}),
  };
}

/** Pinned first, then the most upvoted, then the oldest: what the class wants answered next. */
export function byPriority(a: ClassQuestion, b: ClassQuestion): number {
  return (
    Number(b.pinned) - Number(a.pinned) ||
    b.upvotes - a.upvotes ||
    a.createdAt.localeCompare(b.createdAt)
  );
}
