import { z } from 'zod';
import { clientIdSchema, userIdSchema } from '../ids';
import { userSummarySchema } from './accounts';
import { fileIdSchema, storedFileSchema } from './files';

/**
 * Room names (DESIGN.md §Real time): `session:<id>`, `course:<id>`,
 * `dm:<a>:<b>` with the two user ids sorted.
 */
export const roomSchema = z
  .string()
  .max(200)
  .regex(
    /^(session|course):[A-Za-z0-9-]{1,64}$|^dm:[A-Za-z0-9-]{1,64}:[A-Za-z0-9-]{1,64}$/,
    'Not a chat room name.',
  )
  .meta({
    id: 'Room',
    description: 'session:<id>, course:<id> or dm:<userA>:<userB> (ids sorted).',
  });
export type Room = z.infer<typeof roomSchema>;

export function directRoom(a: string, b: string): Room {
  return (a < b ? `dm:${a}:${b}` : `dm:${b}:${a}`) as Room;
}

export const MESSAGE_MAX = 4000;

export const messageSchema = z
  .object({
    room: roomSchema,
    seq: z
      .number()
      .int()
      .meta({ description: '1, 2, 3… within the room: the cursor for history and catch-up.' }),
    author: userSummarySchema,
    text: z.string(),
    files: z.array(storedFileSchema),
    clientId: z.string().optional(),
    createdAt: z.iso.datetime(),
    editedAt: z.iso.datetime().optional(),
    deleted: z.boolean(),
    removedByModerator: z.literal(true).optional().meta({
      description:
        'Deleted by the course’s teacher, the session’s host or an admin, not by its author.',
    }),
  })
  .meta({ id: 'ChatMessage' });
export type ChatMessage = z.infer<typeof messageSchema>;

const messageContent = z.object({
  clientId: clientIdSchema,
  text: z
    .string()
    .trim()
    .max(MESSAGE_MAX, `A message can be at most ${MESSAGE_MAX} characters.`)
    .default(''),
  fileIds: z.array(fileIdSchema).max(5, 'Attach at most 5 files to a message.').default([]),
});
const hasContent = (m: { text: string; fileIds: unknown[] }) =>
  m.text.length > 0 || m.fileIds.length > 0;
const emptyMessage = { message: 'Write a message or attach a file.', path: ['text'] };
/** REST body (the room is in the path). */
export const sendMessageBodySchema = messageContent
  .refine(hasContent, emptyMessage)
  .meta({ id: 'SendMessage' });
/** Socket payload of chat:send. */
export const sendMessageRequestSchema = messageContent
  .extend({ room: roomSchema })
  .refine(hasContent, emptyMessage);
export const editMessageRequestSchema = z.object({
  room: roomSchema,
  seq: z.number().int().min(1),
  text: z.string().trim().min(1, 'A message cannot be empty; delete it instead.').max(MESSAGE_MAX),
});
export const messageRefSchema = z.object({ room: roomSchema, seq: z.number().int().min(1) });
export const typingRequestSchema = z.object({ room: roomSchema });
export const syncRequestSchema = z.object({
  rooms: z
    .record(roomSchema, z.number().int().min(0))
    .meta({ description: 'Last seq seen per room.' }),
  notificationsSeq: z.number().int().min(0).optional(),
});

export const roomKindSchema = z.enum(['session', 'course', 'dm']);
export const roomSummarySchema = z
  .object({
    room: roomSchema,
    kind: roomKindSchema,
    title: z.string(),
    /** For a direct message: the other person. */
    peer: userSummarySchema.optional(),
    lastSeq: z.number().int(),
    readSeq: z.number().int(),
    unread: z.number().int(),
    online: z.array(userIdSchema).meta({ description: 'Members connected right now.' }),
    moderator: z.boolean().meta({
      description:
        'You may remove anyone’s message here: the course’s teacher, the session’s host, an admin.',
    }),
  })
  .meta({ id: 'RoomSummary' });
export type RoomSummary = z.infer<typeof roomSummarySchema>;

export const historyQuerySchema = z.object({
  before: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .meta({ description: 'Messages with seq below this (the oldest you have).' }),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const roomParamsSchema = z.object({ room: roomSchema });
export const chatFileParamsSchema = z.object({
  room: roomSchema,
  seq: z.coerce.number().int().min(1),
  fileId: fileIdSchema,
});
export const readMarkerRequestSchema = z.object({ seq: z.number().int().min(0) });
export const openDirectRequestSchema = z.object({ userId: userIdSchema });
