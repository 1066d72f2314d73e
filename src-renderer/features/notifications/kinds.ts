import {
  IconAlarm,
  IconBan,
  IconCalendarDue,
  IconClipboardCheck,
  IconFileText,
  IconLock,
  IconMail,
  IconMessageCircle,
  IconPresentation,
  IconSchool,
  IconTrash,
  IconUserCheck,
  IconUserMinus,
  IconUserPlus,
  type Icon,
} from '@tabler/icons-react';
import type { NotificationKind } from '../../../src-shared/schemas/notifications';

/** One icon and hue per kind, so a glance at the list tells course news from session news. */
export const kindLook: Record<NotificationKind, { icon: Icon; color: string }> = {
  'account-approved': { icon: IconUserCheck, color: 'teal' },
  'session-joined': { icon: IconUserPlus, color: 'cyan' },
  'session-removed': { icon: IconUserMinus, color: 'red' },
  'session-blocked': { icon: IconBan, color: 'red' },
  'session-deleted': { icon: IconTrash, color: 'red' },
  'post-created': { icon: IconPresentation, color: 'cyan' },
  'comment-created': { icon: IconMessageCircle, color: 'cyan' },
  'direct-message': { icon: IconMail, color: 'violet' },
  'course-enrolment': { icon: IconSchool, color: 'blue' },
  'course-blocked': { icon: IconLock, color: 'red' },
  'course-removed': { icon: IconUserMinus, color: 'red' },
  'new-material': { icon: IconFileText, color: 'blue' },
  'new-deadline': { icon: IconCalendarDue, color: 'orange' },
  'submission-graded': { icon: IconClipboardCheck, color: 'grape' },
  'deadline-soon': { icon: IconAlarm, color: 'orange' },
};
