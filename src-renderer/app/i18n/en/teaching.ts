/** Announcements and private comments on a piece of work. */
export const teaching = {
  'course.tabs.announcements': 'Stream',
  'announcements.title': 'Announcements',
  'announcements.empty': 'No announcements yet.',
  'announcements.emptyTeacher': 'No announcements yet. Post one to tell your students something.',
  'announcements.placeholder': 'Announce something to your students (**bold**, *italic*, `code`)',
  'announcements.post': 'Post',
  'announcements.attach': 'Attach files',
  'announcements.removeFile': 'Remove {name}',
  'announcements.edit': 'Edit announcement',
  'announcements.save': 'Save',
  'announcements.cancel': 'Cancel',
  'announcements.delete': 'Delete announcement',
  'announcements.deleteConfirm': 'Delete this announcement? Students will no longer see it.',
  'announcements.edited': 'edited',
  'announcements.posted': 'Announcement posted',
  'announcements.textLabel': 'Announcement text',
  'announcements.more': 'Show older',
  'privateComments.title': 'Private comments',
  'privateComments.hint':
    'Only you and {otherName} see these (an admin may read them for moderation).',
  'privateComments.hintStudent':
    'Only you and your teacher see these (an admin may read them for moderation).',
  'privateComments.hintModerator':
    'Between this student and their teacher; you read them as an admin, for moderation.',
  'privateComments.empty': 'No private comments yet.',
  'privateComments.placeholder': 'Write a private comment',
  'privateComments.send': 'Send',
  'privateComments.label': 'Private comment',
  'notification.announcement-posted.title': 'Announcement in {courseCode} from {authorName}',
  'notification.announcement-posted.files':
    '{count, plural, one {# file} other {# files}}: {names}',
  'notification.work-comment.title': '{authorName} commented privately on {deadlineTitle}',
} as const;
