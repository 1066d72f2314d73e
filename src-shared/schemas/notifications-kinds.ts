import { z } from 'zod';
import * as to from './notifications-targets';

/*
 * One entry per kind of notification: its parameters (typed, never a
 * finished sentence) and what it opens. The client words it in the
 * viewer's language and time zone. Names are copied in when the
 * notification is made, so an inbox reads the same after a rename.
 */

const kind = <T extends string, P extends z.ZodRawShape, G extends z.ZodType>(
  type: T,
  params: P,
  target: G,
) => z.object({ type: z.literal(type), params: z.object(params), target });

const name = z.string().meta({ description: 'A person’s display name when it happened.' });
const excerpt = z.string().meta({ description: 'The start of the text, at most 140 characters.' });
const dueAt = z.iso.datetime().meta({ description: 'UTC; shown in the viewer’s time zone.' });
const course = { courseCode: z.string(), courseTitle: z.string() };

export const notificationKindSchemas = [
  kind('account-approved', {}, to.homeTarget),
  kind('session-joined', { memberName: name, sessionTitle: z.string() }, to.sessionTarget),
  kind('session-removed', { sessionTitle: z.string() }, to.sessionsTarget),
  kind('session-blocked', { sessionTitle: z.string() }, to.sessionsTarget),
  kind('session-deleted', { sessionTitle: z.string() }, to.sessionsTarget),
  kind(
    'post-created',
    { authorName: name, sessionTitle: z.string(), excerpt, fileNames: z.array(z.string()) },
    to.postTarget,
  ),
  kind('comment-created', { authorName: name, sessionTitle: z.string(), excerpt }, to.postTarget),
  kind(
    'direct-message',
    {
      senderName: name,
      excerpt: excerpt.meta({ description: 'Empty when the message is only a file.' }),
    },
    to.messageTarget,
  ),
  kind('course-enrolment', { studentName: name, ...course }, to.enrolmentTarget),
  kind('course-unblocked', course, to.courseTarget),
  kind('course-blocked', course, to.coursesTarget),
  kind('course-removed', course, to.coursesTarget),
  kind('new-material', { ...course, materialTitle: z.string() }, to.materialTarget),
  kind('new-deadline', { ...course, deadlineTitle: z.string(), dueAt }, to.deadlineTarget),
  kind(
    'submission-graded',
    {
      ...course,
      deadlineTitle: z.string(),
      points: z.number(),
      maxPoints: z.number(),
      feedback: excerpt.optional(),
    },
    to.submissionTarget,
  ),
  kind(
    'deadline-soon',
    { ...course, deadlineTitle: z.string(), dueAt, lead: z.enum(['24h', '1h']) },
    to.deadlineTarget,
  ),
  /** To the teacher: one per assignment while unread, counting up as the class hands in. */
  kind(
    'work-handed-in',
    {
      ...course,
      deadlineTitle: z.string(),
      studentName: name.meta({ description: 'The latest to hand in.' }),
      count: z
        .number()
        .int()
        .min(1)
        .meta({ description: 'Hand-ins since the teacher last read it.' }),
    },
    to.deadlineTarget,
  ),
  kind(
    'account-pending',
    { accountName: name, role: z.enum(['student', 'teacher']) },
    to.approvalsTarget,
  ),
  kind('course-left', { studentName: name, ...course }, to.enrolmentTarget),
  kind(
    'announcement-posted',
    { ...course, authorName: name, excerpt, fileNames: z.array(z.string()) },
    to.announcementTarget,
  ),
  kind(
    'work-comment',
    { ...course, authorName: name, deadlineTitle: z.string(), excerpt },
    to.submissionTarget,
  ),
  /** To the host: a member left their session of their own accord (CSBox tells of every action between two people). */
  kind('session-left', { memberName: name, sessionTitle: z.string() }, to.sessionTarget),
  /** To a post's author when the host (or an admin) deletes it. */
  kind('post-removed', { sessionTitle: z.string(), excerpt }, to.sessionTarget),
  /** To a comment's author when the post's owner, the host or an admin deletes it. */
  kind('comment-removed', { sessionTitle: z.string(), excerpt }, to.postTarget),
  /** To a chat message's author when the course's teacher, the session's host or an admin removes it. */
  kind(
    'chat-message-removed',
    {
      roomTitle: z
        .string()
        .meta({ description: 'The course (code · title) or session it was in.' }),
      excerpt,
    },
    to.messageTarget,
  ),
  /** To the people who share a course with the author, as EduStream's status-update signal did. */
  kind('status-update', { authorName: name, excerpt }, to.personTarget),
  /** Stored before notifications had types: the English sentence as it was written. */
  kind('legacy', { kind: z.string(), title: z.string(), body: z.string() }, to.pathTarget),
] as const;

/** What a notification says and opens, without its place in the inbox. */
export const notificationContentSchema = z
  .discriminatedUnion('type', notificationKindSchemas)
  .meta({ id: 'NotificationContent' });
export type NotificationContent = z.infer<typeof notificationContentSchema>;
export type NotificationType = NotificationContent['type'];
export type NotificationOf<T extends NotificationType> = Extract<NotificationContent, { type: T }>;
export const notificationTypes = notificationKindSchemas.map(
  (schema) => schema.shape.type.value,
) as readonly NotificationType[];
