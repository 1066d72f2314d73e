import { z } from 'zod';

export const notificationKinds = [
  'account-approved',
  'session-joined',
  'session-removed',
  'session-blocked',
  'session-deleted',
  'post-created',
  'comment-created',
  'direct-message',
  'course-enrolment',
  'course-blocked',
  'course-removed',
  'new-material',
  'new-deadline',
  'submission-graded',
  'deadline-soon',
] as const;
export const notificationKindSchema = z.enum(notificationKinds).meta({ id: 'NotificationKind' });
export type NotificationKind = z.infer<typeof notificationKindSchema>;

export const notificationSchema = z
  .object({
    seq: z
      .number()
      .int()
      .meta({ description: 'Position in your inbox; also the id for marking it read.' }),
    kind: notificationKindSchema,
    title: z.string(),
    body: z.string(),
    /** Where clicking it leads, as an app path such as /sessions/<id>. */
    link: z.string(),
    createdAt: z.iso.datetime(),
    read: z.boolean(),
  })
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
