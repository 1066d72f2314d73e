import type { UserId } from '../../../src-shared/ids';
import type { NotificationContent } from '../../../src-shared/schemas/notifications';
import type { EventBus } from '../../events/bus';
import type { CourseRecord } from '../../storage/records';
import type { DomainDeps } from '../deps';
import { canApprove } from '../../../src-shared/permissions';
import { subscribeChatNotifications } from './chat-notification-events';
import { COURSE_MATES_REPOSITORIES, courseMatesOf } from './course-mates';
import { excerpt } from './excerpt';

/** Accounts looked at for approvers: a classroom hub has a handful of teachers and admins. */
const MAX_APPROVERS = 5000;

/** Hands a notification to the inbox of each recipient but the actor. */
export type Notify = (
  recipients: readonly UserId[],
  actorId: UserId | undefined,
  content: NotificationContent,
) => Promise<void>;

/** Counts up one unread notification per group in a person's inbox (notification-service.ts). */
export type NotifyGrouped = (
  userId: UserId,
  actorId: UserId | undefined,
  group: string,
  make: (previousCount: number) => NotificationContent,
) => Promise<void>;

/**
 * One subscriber per kind of notification, nothing in the services that
 * cause them. Each makes a type with parameters and a target; the wording
 * is the client's, in the viewer's language (src-renderer/features/notifications).
 */
/** The repositories the subscribers read to find recipients and names. */
export const NOTIFICATION_EVENT_REPOSITORIES = [
  ...COURSE_MATES_REPOSITORIES,
  'chat',
  'enrolments',
  'sessionMembers',
  'sessions',
  'users',
] as const;

export function subscribeNotifications(
  bus: EventBus,
  deps: DomainDeps<(typeof NOTIFICATION_EVENT_REPOSITORIES)[number]>,
  notify: Notify,
  notifyGrouped: NotifyGrouped,
): void {
  const { storage } = deps;
  const name = async (id: UserId) => {
    const user = await storage.users.get(id);
    return user ? `${user.firstName} ${user.lastName}` : '';
  };
  const sessionTitle = async (sessionId: string) =>
    (await storage.sessions.get(sessionId as never))?.title ?? '';
  const activeMembers = async (sessionId: string) =>
    (await storage.sessionMembers.listForSession(sessionId as never))
      .filter((m) => m.status === 'active')
      .map((m) => m.userId);
  const studentsOf = async (courseId: string) =>
    (await storage.enrolments.listForCourse(courseId as never))
      .filter((e) => e.status === 'active')
      .map((e) => e.userId);
  const courseParams = (course: CourseRecord) => ({
    courseCode: course.code,
    courseTitle: course.title,
  });

  // Who approves is canApprove's rule: admins anyone, teachers students (docs/decisions.md).
  bus.on('account.registered', async ({ user }) => {
    if (user.status !== 'pending' || user.awaiting !== 'approval') return;
    const approvers = await storage.users.search({
      statuses: ['active'],
      matchEmail: false,
      offset: 0,
      limit: MAX_APPROVERS,
    });
    const recipients = approvers.items.filter((a) => canApprove(a, user)).map((a) => a.id);
    await notify(recipients, user.id, {
      type: 'account-pending',
      params: { accountName: `${user.firstName} ${user.lastName}`, role: user.role },
      target: { kind: 'approvals' },
    });
  });
  bus.on('account.approved', ({ user }) =>
    notify([user.id], undefined, {
      type: 'account-approved',
      params: {},
      target: { kind: 'home' },
    }),
  );
  bus.on('session.member-joined', async ({ member }) => {
    const session = await storage.sessions.get(member.sessionId);
    if (!session || member.role !== 'member') return;
    await notify([session.hostId], member.userId, {
      type: 'session-joined',
      params: { memberName: await name(member.userId), sessionTitle: session.title },
      target: { kind: 'session', sessionId: session.id },
    });
  });
  bus.on('session.member-left', async ({ member, reason, actorId }) => {
    if (reason === 'left') {
      const session = await storage.sessions.get(member.sessionId);
      if (!session) return;
      await notify([session.hostId], member.userId, {
        type: 'session-left',
        params: { memberName: await name(member.userId), sessionTitle: session.title },
        target: { kind: 'session', sessionId: session.id },
      });
      return;
    }
    await notify([member.userId], actorId, {
      type: reason === 'blocked' ? 'session-blocked' : 'session-removed',
      params: { sessionTitle: await sessionTitle(member.sessionId) },
      target: { kind: 'sessions' },
    });
  });
  bus.on('session.deleted', ({ session, memberIds, actorId }) =>
    notify(memberIds, actorId, {
      type: 'session-deleted',
      params: { sessionTitle: session.title },
      target: { kind: 'sessions' },
    }),
  );
  bus.on('status-update.posted', async ({ update }) => {
    const author = await storage.users.get(update.authorId);
    if (!author) return;
    await notify(await courseMatesOf(storage, author.id), author.id, {
      type: 'status-update',
      params: {
        authorName: `${author.firstName} ${author.lastName}`,
        excerpt: excerpt(update.text),
      },
      target: { kind: 'person', username: author.username, statusUpdateId: update.id },
    });
  });
  bus.on('post.created', async ({ post, actorId }) => {
    await notify(await activeMembers(post.sessionId), actorId, {
      type: 'post-created',
      params: {
        authorName: await name(actorId),
        sessionTitle: await sessionTitle(post.sessionId),
        excerpt: excerpt(post.text),
        fileNames: post.files.map((f) => f.fileName),
      },
      target: { kind: 'post', sessionId: post.sessionId, postId: post.id },
    });
  });
  bus.on('comment.created', async ({ comment, post, actorId }) => {
    const session = await storage.sessions.get(post.sessionId);
    await notify([post.authorId, ...(session ? [session.hostId] : [])], actorId, {
      type: 'comment-created',
      params: {
        authorName: await name(actorId),
        sessionTitle: session?.title ?? '',
        excerpt: excerpt(comment.text),
      },
      target: { kind: 'post', sessionId: post.sessionId, postId: post.id, commentId: comment.id },
    });
  });
  // Someone else took down your words: CSBox told people of every action between two of them.
  bus.on('post.deleted', async ({ post, actorId }) => {
    await notify([post.authorId], actorId, {
      type: 'post-removed',
      params: { sessionTitle: await sessionTitle(post.sessionId), excerpt: excerpt(post.text) },
      target: { kind: 'session', sessionId: post.sessionId },
    });
  });
  bus.on('comment.deleted', async ({ comment, post, actorId }) => {
    await notify([comment.authorId], actorId, {
      type: 'comment-removed',
      params: { sessionTitle: await sessionTitle(post.sessionId), excerpt: excerpt(comment.text) },
      target: { kind: 'post', sessionId: post.sessionId, postId: post.id },
    });
  });
  bus.on('enrolment.created', async ({ enrolment, course }) => {
    await notify([course.teacherId], enrolment.userId, {
      type: 'course-enrolment',
      params: { studentName: await name(enrolment.userId), ...courseParams(course) },
      target: { kind: 'enrolment', courseId: course.id, userId: enrolment.userId },
    });
  });
  bus.on('enrolment.changed', async ({ enrolment, previous, course, actorId }) => {
    if (enrolment.status === 'dropped' && previous.status === 'active')
      await notify([course.teacherId], actorId, {
        type: 'course-left',
        params: { studentName: await name(enrolment.userId), ...courseParams(course) },
        target: { kind: 'enrolment', courseId: course.id, userId: enrolment.userId },
      });
    else if (enrolment.status === 'blocked')
      await notify([enrolment.userId], actorId, {
        type: 'course-blocked',
        params: courseParams(course),
        target: { kind: 'courses' },
      });
    else if (previous.status === 'blocked' && enrolment.status === 'active')
      await notify([enrolment.userId], actorId, {
        type: 'course-unblocked',
        params: courseParams(course),
        target: { kind: 'course', courseId: course.id },
      });
  });
  bus.on('enrolment.removed', ({ enrolment, course, actorId }) =>
    notify([enrolment.userId], actorId, {
      type: 'course-removed',
      params: courseParams(course),
      target: { kind: 'courses' },
    }),
  );
  bus.on('material.created', async ({ material, course, actorId }) => {
    await notify(await studentsOf(course.id), actorId, {
      type: 'new-material',
      params: { ...courseParams(course), materialTitle: material.title },
      target: { kind: 'material', courseId: course.id, materialId: material.id },
    });
  });
  bus.on('deadline.created', async ({ deadline, course, actorId }) => {
    await notify(await studentsOf(course.id), actorId, {
      type: 'new-deadline',
      params: { ...courseParams(course), deadlineTitle: deadline.title, dueAt: deadline.dueAt },
      target: { kind: 'deadline', courseId: course.id, deadlineId: deadline.id },
    });
  });
  bus.on('submission.created', async ({ submission, deadline, course }) => {
    const studentName = await name(submission.studentId);
    await notifyGrouped(course.teacherId, submission.studentId, `hand-in:${deadline.id}`, (n) => ({
      type: 'work-handed-in',
      params: { ...courseParams(course), deadlineTitle: deadline.title, studentName, count: n + 1 },
      target: { kind: 'deadline', courseId: course.id, deadlineId: deadline.id },
    }));
  });
  bus.on('grade.released', async ({ grade, deadline, course, actorId }) => {
    await notify([grade.studentId], actorId, {
      type: 'submission-graded',
      params: {
        ...courseParams(course),
        deadlineTitle: deadline.title,
        points: grade.points,
        maxPoints: deadline.maxPoints,
        ...(grade.feedback ? { feedback: excerpt(grade.feedback) } : {}),
      },
      target: {
        kind: 'submission',
        courseId: course.id,
        deadlineId: deadline.id,
        studentId: grade.studentId,
      },
    });
  });
  bus.on('announcement.created', async ({ announcement: a, course, actorId }) => {
    await notify(await studentsOf(course.id), actorId, {
      type: 'announcement-posted',
      params: {
        ...courseParams(course),
        authorName: await name(actorId),
        excerpt: excerpt(a.text),
        fileNames: a.files.map((f) => f.fileName),
      },
      target: { kind: 'announcement', courseId: course.id, announcementId: a.id },
    });
  });
  // The other side of the thread hears of it: the teacher of a student's comment, the student of the teacher's.
  bus.on('work-comment.created', async ({ comment, deadline, course }) => {
    const other = comment.authorId === comment.studentId ? course.teacherId : comment.studentId;
    await notify([other], comment.authorId, {
      type: 'work-comment',
      params: {
        ...courseParams(course),
        authorName: await name(comment.authorId),
        deadlineTitle: deadline.title,
        excerpt: excerpt(comment.text),
      },
      target: {
        kind: 'submission',
        courseId: course.id,
        deadlineId: deadline.id,
        studentId: comment.studentId,
      },
    });
  });
  subscribeChatNotifications(bus, storage, notify, { name, sessionTitle });
}
