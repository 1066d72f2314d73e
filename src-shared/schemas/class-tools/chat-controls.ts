import { z } from 'zod';
import { userIdSchema } from '../../ids';
import { userSummarySchema } from '../accounts';
import { sessionIdSchema } from '../sessions';

/** Longest slow-mode wait: ten minutes between messages is already a lecture, not a chat. */
export const MAX_SLOW_MODE_SECONDS = 600;

export const pinnedMessageSchema = z
  .object({
    seq: z.number().int(),
    text: z.string(),
    author: userSummarySchema,
    createdAt: z.iso.datetime(),
    pinnedAt: z.iso.datetime(),
  })
  .meta({ id: 'PinnedMessage' });
export type PinnedMessage = z.infer<typeof pinnedMessageSchema>;

/** How a live class's chat (the `session:<id>` room) runs right now; the hub enforces it on every send. */
export const chatControlsSchema = z
  .object({
    sessionId: sessionIdSchema,
    teacherId: userIdSchema.meta({
      description: 'The session’s host: quiet and slow mode never hold them back.',
    }),
    quiet: z.boolean().meta({ description: 'Only the teacher (host) may post.' }),
    slowModeSeconds: z
      .number()
      .int()
      .meta({ description: 'Each student may post once per this many seconds; 0 is off.' }),
    typing: z.boolean().meta({
      description:
        'Typing indicators in the class chat; off, the hub relays no one’s typing (the noise cleared).',
    }),
    pinned: pinnedMessageSchema.nullable(),
  })
  .meta({ id: 'ChatControls' });
export type ChatControls = z.infer<typeof chatControlsSchema>;

export const updateChatControlsRequestSchema = z
  .object({
    quiet: z.boolean().optional(),
    slowModeSeconds: z
      .number('Give slow mode in whole seconds.')
      .int('Give slow mode in whole seconds.')
      .min(0, 'Slow mode cannot be negative; 0 turns it off.')
      .max(MAX_SLOW_MODE_SECONDS, `Slow mode can be at most ${MAX_SLOW_MODE_SECONDS} seconds.`)
      .optional(),
    typing: z.boolean('Say true or false for typing indicators.').optional(),
  })
  .refine(
    (b) => b.quiet !== undefined || b.slowModeSeconds !== undefined || b.typing !== undefined,
    { message: 'Say what to change: quiet, slowModeSeconds or typing.' },
  )
  .meta({ id: 'UpdateChatControlsRequest' });

export const pinMessageRequestSchema = z
  .object({ seq: z.number('Pick a message to pin.').int().min(1, 'Pick a message to pin.') })
  .meta({ id: 'PinMessageRequest' });
