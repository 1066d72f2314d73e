import type { NotificationContent } from '../../../src-shared/schemas/notifications';
import type { Translate } from '../../app/i18n';
import { localiseTimes } from './relative-time';

export interface NotificationText {
  readonly title: string;
  /** A second line; empty when the title says it all. */
  readonly body: string;
}

export interface Viewer {
  readonly language: string;
  /** IANA zone; the device's own when left out. */
  readonly timeZone?: string;
}

/**
 * Words a notification in the viewer's language and time zone: the hub
 * sends a type with parameters, never a sentence. Legacy notifications
 * (stored as English before types existed) show as they were written.
 */
export function notificationText(
  n: NotificationContent,
  t: Translate,
  viewer: Viewer,
): NotificationText {
  const when = (iso: string) =>
    new Intl.DateTimeFormat(viewer.language, {
      dateStyle: 'medium',
      timeStyle: 'short',
      ...(viewer.timeZone ? { timeZone: viewer.timeZone } : {}),
    }).format(new Date(iso));
  const someone = (name: string) => name || t('notifications.someone');
  const session = (title: string) => title || t('notifications.aSession');
  switch (n.type) {
    case 'account-approved':
    case 'session-removed':
    case 'session-blocked':
    case 'session-deleted':
    case 'course-blocked':
    case 'course-removed':
      return fixedBody(n.type, { ...n.params, sessionTitle: session(sessionTitleOf(n.params)) }, t);
    case 'session-joined':
    case 'session-left':
      return fixedBody(
        n.type,
        { memberName: someone(n.params.memberName), sessionTitle: session(n.params.sessionTitle) },
        t,
      );
    case 'post-created': {
      const { fileNames } = n.params;
      const files = t('notification.post-created.files', {
        count: fileNames.length,
        names: fileNames.join(', '),
      });
      return {
        title: t('notification.post-created.title', {
          authorName: someone(n.params.authorName),
          sessionTitle: session(n.params.sessionTitle),
        }),
        body: n.params.excerpt || (fileNames.length > 0 ? files : ''),
      };
    }
    case 'comment-created':
      return {
        title: t('notification.comment-created.title', {
          authorName: someone(n.params.authorName),
          sessionTitle: session(n.params.sessionTitle),
        }),
        body: n.params.excerpt,
      };
    case 'direct-message':
      return {
        title: t('notification.direct-message.title', { senderName: someone(n.params.senderName) }),
        body: n.params.excerpt || t('notification.direct-message.file'),
      };
    case 'course-enrolment':
      return {
        title: t('notification.course-enrolment.title', {
          ...n.params,
          studentName: someone(n.params.studentName),
        }),
        body: n.params.courseTitle,
      };
    case 'course-unblocked':
      return {
        title: t('notification.course-unblocked.title', n.params),
        body: n.params.courseTitle,
      };
    case 'new-material':
      return { title: t('notification.new-material.title', n.params), body: n.params.courseTitle };
    case 'new-deadline':
      return {
        title: t('notification.new-deadline.title', n.params),
        body: t('notification.new-deadline.body', { due: when(n.params.dueAt) }),
      };
    case 'submission-graded':
      return {
        title: t('notification.submission-graded.title', {
          deadlineTitle: n.params.deadlineTitle,
          points: new Intl.NumberFormat(viewer.language).format(n.params.points),
          maxPoints: new Intl.NumberFormat(viewer.language).format(n.params.maxPoints),
        }),
        body: n.params.feedback ?? n.params.courseTitle,
      };
    case 'deadline-soon':
      return {
        title: t(`notification.deadline-soon.title.${n.params.lead}`, n.params),
        body: t('notification.deadline-soon.body', { ...n.params, due: when(n.params.dueAt) }),
      };
    case 'work-handed-in': {
      const many = n.params.count > 1 ? 'other' : 'one';
      const values = { ...n.params, studentName: someone(n.params.studentName) };
      return {
        title: t(`notification.work-handed-in.title.${many}`, values),
        body: t(`notification.work-handed-in.body.${many}`, values),
      };
    }
    case 'account-pending':
      return {
        title: t('notification.account-pending.title', {
          accountName: someone(n.params.accountName),
        }),
        body: t(`notification.account-pending.body.${n.params.role}`),
      };
    case 'course-left':
      return {
        title: t('notification.course-left.title', {
          ...n.params,
          studentName: someone(n.params.studentName),
        }),
        body: n.params.courseTitle,
      };
    case 'announcement-posted': {
      const { fileNames } = n.params;
      return {
        title: t('notification.announcement-posted.title', {
          courseCode: n.params.courseCode,
          authorName: someone(n.params.authorName),
        }),
        body:
          n.params.excerpt ||
          (fileNames.length > 0
            ? t('notification.announcement-posted.files', {
                count: fileNames.length,
                names: fileNames.join(', '),
              })
            : n.params.courseTitle),
      };
    }
    case 'post-removed':
    case 'comment-removed':
      return {
        title: t(`notification.${n.type}.title`, { sessionTitle: session(n.params.sessionTitle) }),
        body: n.params.excerpt,
      };
    case 'chat-message-removed':
      return {
        title: t('notification.chat-message-removed.title', { roomTitle: n.params.roomTitle }),
        body: n.params.excerpt || t('notification.chat-message-removed.files'),
      };
    case 'status-update':
      return {
        title: t('notification.status-update.title', { authorName: someone(n.params.authorName) }),
        body: n.params.excerpt,
      };
    case 'work-comment':
      return {
        title: t('notification.work-comment.title', {
          authorName: someone(n.params.authorName),
          deadlineTitle: n.params.deadlineTitle,
        }),
        body: n.params.excerpt,
      };
    case 'legacy':
      return { title: n.params.title, body: localiseTimes(n.params.body, viewer.language) };
  }
}

type FixedBodyType =
  | 'account-approved'
  | 'session-joined'
  | 'session-left'
  | 'session-removed'
  | 'session-blocked'
  | 'session-deleted'
  | 'course-blocked'
  | 'course-removed';

/** Kinds whose second line is a fixed explanation rather than something from the event. */
function fixedBody(
  type: FixedBodyType,
  values: Readonly<Record<string, string>>,
  t: Translate,
): NotificationText {
  return { title: t(`notification.${type}.title`, values), body: t(`notification.${type}.body`) };
}

function sessionTitleOf(params: object): string {
  return 'sessionTitle' in params && typeof params.sessionTitle === 'string'
    ? params.sessionTitle
    : '';
}
