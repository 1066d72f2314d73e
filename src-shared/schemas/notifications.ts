import { z } from 'zod';
import { notificationContentSchema } from './notifications-kinds';

export {
  notificationContentSchema,
  notificationTypes,
  type NotificationContent,
  type NotificationOf,
  type NotificationType,
} from './notifications-kinds';
export { notificationTargetSchema, type NotificationTarget } from './notifications-targets';

const inboxPlace = z.object({
  seq: z
    .number()
    .int()
    .meta({ description: 'Position in your inbox; also the id for marking it read.' }),
  createdAt: z.iso.datetime(),
  read: z.boolean(),
  replaces: z.number().int().optional().meta({
    description:
      'The seq of an earlier notification this one counts up from: show this one in its place.',
  }),
});

/** A notification in someone's inbox: a type with parameters and a target, never a sentence. */
export const notificationSchema = z
  .intersection(inboxPlace, notificationContentSchema)
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof notificationSchema>;

export const notificationPageSchema = z
  .object({
    items: z.array(notificationSchema),
    unread: z.number().int(),
    nextBefore: z
      .number()
      .int()
      .optional()
      .meta({ description: 'Pass as `before` for the next (older) page.' }),
  })
  .meta({ id: 'NotificationPage' });

export const notificationQuerySchema = z.object({
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const notificationParamsSchema = z.object({ seq: z.coerce.number().int().min(1) });
