import { z } from 'zod';

/** The stored shapes of records-class-tools.ts, checked on load (see record-schemas.ts). */

const id = z.string().min(1);
const time = z.string().min(1);
const response = z.union([z.array(z.number().int().nonnegative()), z.string()]);

const pollRecordSchema = z.object({
  kind: z.literal('poll'),
  id,
  sessionId: id,
  hostId: id,
  pollKind: z.enum(['poll', 'quiz']),
  title: z.string(),
  anonymous: z.boolean(),
  state: z.enum(['draft', 'open', 'closed', 'revealed']),
  questions: z.array(
    z.object({
      type: z.enum(['single', 'multiple', 'short']),
      prompt: z.string(),
      options: z.array(z.string()),
      correctOptions: z.array(z.number().int().nonnegative()).optional(),
      acceptedAnswers: z.array(z.string()).optional(),
    }),
  ),
  deadlineId: id.optional(),
  openedAt: time.optional(),
  closedAt: time.optional(),
  createdAt: time,
});

const pollAnswerRecordSchema = z.object({
  kind: z.literal('answer'),
  id,
  pollId: id,
  userId: id,
  responses: z.array(response),
  answeredAt: time,
});

export const pollsCollectionSchema = z.discriminatedUnion('kind', [
  pollRecordSchema,
  pollAnswerRecordSchema,
]);

export const attendanceCollectionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('window'),
    id,
    sessionId: id,
    courseId: id.optional(),
    openedBy: id,
    openedAt: time,
    lateAfterMinutes: z.number().int().nonnegative(),
    closedAt: time.optional(),
  }),
  z.object({
    kind: z.literal('check-in'),
    id,
    windowId: id,
    userId: id,
    checkedInAt: time,
    method: z.enum(['token', 'link']),
  }),
]);

export const exitTicketsCollectionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ticket'),
    id,
    sessionId: id,
    hostId: id,
    question: z.string(),
    createdAt: time,
    closedAt: time.optional(),
  }),
  z.object({
    kind: z.literal('answer'),
    id,
    ticketId: id,
    userId: id,
    text: z.string(),
    answeredAt: time,
  }),
]);
