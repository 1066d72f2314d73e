import { z } from 'zod';
import { statusUpdateIdSchema, userIdSchema } from '../ids';
import { roomSchema } from './chat';
import { courseIdSchema, materialIdSchema } from './courses';
import { deadlineIdSchema } from './deadlines';
import { announcementIdSchema } from './announcements';
import { commentIdSchema, postIdSchema, sessionIdSchema } from './sessions';

/*
 * What a notification opens. Ids, not app paths: the client decides which
 * screen shows the thing (a grade opens the assignment with the work in
 * view, a message the message), so screens can move without a migration.
 */

export const homeTarget = z.object({ kind: z.literal('home') });
/** The list of accounts waiting for approval. */
export const approvalsTarget = z.object({ kind: z.literal('approvals') });
export const sessionsTarget = z.object({ kind: z.literal('sessions') });
export const sessionTarget = z.object({ kind: z.literal('session'), sessionId: sessionIdSchema });
export const postTarget = z.object({
  kind: z.literal('post'),
  sessionId: sessionIdSchema,
  postId: postIdSchema,
  commentId: commentIdSchema.optional(),
});
export const messageTarget = z.object({
  kind: z.literal('message'),
  room: roomSchema,
  seq: z.number().int(),
});
export const coursesTarget = z.object({ kind: z.literal('courses') });
export const courseTarget = z.object({ kind: z.literal('course'), courseId: courseIdSchema });
export const materialTarget = z.object({
  kind: z.literal('material'),
  courseId: courseIdSchema,
  materialId: materialIdSchema,
});
export const deadlineTarget = z.object({
  kind: z.literal('deadline'),
  courseId: courseIdSchema,
  deadlineId: deadlineIdSchema,
});
/** One student's work on one deadline: their files and the grade. */
export const submissionTarget = z.object({
  kind: z.literal('submission'),
  courseId: courseIdSchema,
  deadlineId: deadlineIdSchema,
  studentId: userIdSchema,
});
/** A student in the course's roster. */
export const enrolmentTarget = z.object({
  kind: z.literal('enrolment'),
  courseId: courseIdSchema,
  userId: userIdSchema,
});
/** An announcement in its course's stream. */
export const announcementTarget = z.object({
  kind: z.literal('announcement'),
  courseId: courseIdSchema,
  announcementId: announcementIdSchema,
});
/** A person's profile, where their status updates are listed. */
export const personTarget = z.object({
  kind: z.literal('person'),
  username: z.string(),
  statusUpdateId: statusUpdateIdSchema.optional(),
});
/** Notifications stored before targets existed carry an app path such as /sessions/<id>. */
export const pathTarget = z.object({ kind: z.literal('path'), path: z.string().startsWith('/') });

export const notificationTargetSchema = z
  .discriminatedUnion('kind', [
    homeTarget,
    approvalsTarget,
    sessionsTarget,
    sessionTarget,
    postTarget,
    messageTarget,
    coursesTarget,
    courseTarget,
    materialTarget,
    deadlineTarget,
    submissionTarget,
    enrolmentTarget,
    pathTarget,
    announcementTarget,
    personTarget,
  ])
  .meta({ id: 'NotificationTarget' });
export type NotificationTarget = z.infer<typeof notificationTargetSchema>;
