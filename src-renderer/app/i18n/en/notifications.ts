/** The notification bell and its panel. */
export const notifications = {
  'notifications.title': 'Notifications',
  'notifications.openUnread': 'Notifications, {count} unread',
  'notifications.markAllRead': 'Mark all as read',
  'notifications.loadOlder': 'Load older',
  'notifications.unread': 'Unread',
  'notifications.justNow': 'just now',
  'notifications.close': 'Close notifications',
  'notifications.desktop': 'Show on this computer',
  'notifications.desktopHint': 'System notifications and the unread count on the app icon',
  'notifications.loadFailed': 'Notifications could not be loaded.',
  'notifications.someone': 'Someone',
  'notifications.aSession': 'a session',
} as const;

/**
 * One title and body per kind of notification (src-shared/schemas/notifications-kinds.ts);
 * `{placeholders}` are the kind's parameters, dates already in the viewer's zone.
 */
export const notificationKinds = {
  'notification.account-approved.title': 'Your account was approved',
  'notification.account-approved.body': 'Welcome to ClassHub! You can sign in now.',
  'notification.session-joined.title': '{memberName} joined “{sessionTitle}”',
  'notification.session-joined.body': 'They joined with the session’s token.',
  'notification.session-removed.title': 'The host removed you from “{sessionTitle}”',
  'notification.session-removed.body': 'You can rejoin with the session’s token.',
  'notification.session-blocked.title': 'The host blocked you from “{sessionTitle}”',
  'notification.session-blocked.body': 'You cannot rejoin unless the host unblocks you.',
  'notification.session-deleted.title': '“{sessionTitle}” was deleted',
  'notification.session-deleted.body': 'Its posts and files are gone with it.',
  'notification.post-created.title': '{authorName} posted in “{sessionTitle}”',
  'notification.post-created.files': '{count, plural, one {# file} other {# files}}: {names}',
  'notification.comment-created.title': '{authorName} commented in “{sessionTitle}”',
  'notification.direct-message.title': 'Message from {senderName}',
  'notification.direct-message.file': 'sent a file',
  'notification.course-enrolment.title': '{studentName} enrolled in {courseCode}',
  'notification.course-unblocked.title': 'You can use {courseCode} again',
  'notification.course-blocked.title': 'Your teacher blocked you from {courseCode}',
  'notification.course-blocked.body':
    'You keep your record but cannot open the course until unblocked.',
  'notification.course-removed.title': 'You were removed from {courseCode}',
  'notification.course-removed.body': 'You can enrol again if there is room.',
  'notification.new-material.title': 'New material in {courseCode}: {materialTitle}',
  'notification.new-deadline.title': 'New deadline in {courseCode}: {deadlineTitle}',
  'notification.new-deadline.body': 'Due {due}',
  'notification.submission-graded.title': 'Graded: {deadlineTitle} — {points}/{maxPoints}',
  'notification.deadline-soon.title.24h': '{deadlineTitle} is due in 24 hours',
  'notification.deadline-soon.title.1h': '{deadlineTitle} is due in 1 hour',
  'notification.deadline-soon.body': '{courseCode} · {courseTitle} · due {due}',
  'notification.work-handed-in.title.one': '{studentName} handed in {deadlineTitle}',
  'notification.work-handed-in.title.other': '{count} hand-ins for {deadlineTitle}',
  'notification.work-handed-in.body.one': '{courseCode} · {courseTitle}',
  'notification.work-handed-in.body.other': 'Latest: {studentName} · {courseCode}',
  'notification.account-pending.title': '{accountName} is waiting for approval',
  'notification.account-pending.body.student': 'A new student account',
  'notification.account-pending.body.teacher': 'A new teacher account',
  'notification.course-left.title': '{studentName} left {courseCode}',
} as const;
