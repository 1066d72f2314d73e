import {
  IconAlarm,
  IconSpeakerphone,
  IconMessage2,
  IconBan,
  IconBell,
  IconCalendarDue,
  IconClipboardCheck,
  IconDoorExit,
  IconInbox,
  IconFileText,
  IconLock,
  IconLockOpen,
  IconMail,
  IconMessageCircle,
  IconPresentation,
  IconSchool,
  IconTrash,
  IconUserCheck,
  IconUserMinus,
  IconUserPlus,
  IconUserQuestion,
  type Icon,
} from '@tabler/icons-react';
import type { Notification, NotificationType } from '../../../src-shared/schemas/notifications';

/** One icon and hue per kind, so a glance at the list tells course news from session news. */
export const kindLook: Record<NotificationType, { icon: Icon; color: string }> = {
  'account-approved': { icon: IconUserCheck, color: 'teal' },
  'session-joined': { icon: IconUserPlus, color: 'cyan' },
  'session-removed': { icon: IconUserMinus, color: 'red' },
  'session-blocked': { icon: IconBan, color: 'red' },
  'session-deleted': { icon: IconTrash, color: 'red' },
  'post-created': { icon: IconPresentation, color: 'cyan' },
  'comment-created': { icon: IconMessageCircle, color: 'cyan' },
  'direct-message': { icon: IconMail, color: 'violet' },
  'course-enrolment': { icon: IconSchool, color: 'blue' },
  'course-unblocked': { icon: IconLockOpen, color: 'teal' },
  'course-blocked': { icon: IconLock, color: 'red' },
  'course-removed': { icon: IconUserMinus, color: 'red' },
  'new-material': { icon: IconFileText, color: 'blue' },
  'new-deadline': { icon: IconCalendarDue, color: 'orange' },
  'submission-graded': { icon: IconClipboardCheck, color: 'grape' },
  'deadline-soon': { icon: IconAlarm, color: 'orange' },
  'work-handed-in': { icon: IconInbox, color: 'grape' },
  'account-pending': { icon: IconUserQuestion, color: 'teal' },
  'course-left': { icon: IconDoorExit, color: 'orange' },
  'announcement-posted': { icon: IconSpeakerphone, color: 'indigo' },
  'work-comment': { icon: IconMessage2, color: 'grape' },
  'session-left': { icon: IconDoorExit, color: 'orange' },
  'status-update': { icon: IconMessageCircle, color: 'blue' },
  'post-removed': { icon: IconTrash, color: 'red' },
  'comment-removed': { icon: IconTrash, color: 'red' },
  'chat-message-removed': { icon: IconTrash, color: 'red' },
  legacy: { icon: IconBell, color: 'gray' },
};

/** An old (legacy) notification looks like the kind it was stored as, when that kind still exists. */
export function lookOf(notification: Notification): { icon: Icon; color: string } {
  if (notification.type !== 'legacy') return kindLook[notification.type];
  const stored = notification.params.kind;
  return stored in kindLook ? kindLook[stored as NotificationType] : kindLook.legacy;
}
