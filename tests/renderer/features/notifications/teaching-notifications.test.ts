import { describe, expect, it } from 'vitest';
import type {
  NotificationContent,
  NotificationTarget,
} from '../../../../src-shared/schemas/notifications';
import { translate } from '../../../../src-renderer/app/i18n';
import { notificationPath } from '../../../../src-renderer/features/notifications/notification-link';
import { notificationText } from '../../../../src-renderer/features/notifications/notification-text';

const t = (key: Parameters<typeof translate>[0], values?: Parameters<typeof translate>[1]) =>
  translate(key, values, 'en');
const course = { courseCode: 'CS101', courseTitle: 'Algorithms' };

describe('an announcement notification', () => {
  const posted = (excerpt: string, fileNames: string[] = []): NotificationContent => ({
    type: 'announcement-posted',
    params: { ...course, authorName: 'Ada Lovelace', excerpt, fileNames },
    target: { kind: 'announcement', courseId: 'c1' as never, announcementId: 'a1' as never },
  });

  it('names the course and the teacher, and shows the start of the text', () => {
    expect(notificationText(posted('Exam on Friday'), t, { language: 'en' })).toEqual({
      title: 'Announcement in CS101 from Ada Lovelace',
      body: 'Exam on Friday',
    });
  });

  it('lists the files when the announcement has no text', () => {
    expect(notificationText(posted('', ['a.pdf', 'b.pdf']), t, { language: 'en' }).body).toBe(
      '2 files: a.pdf, b.pdf',
    );
  });

  it('opens the announcement in the course’s stream', () => {
    expect(
      notificationPath({
        kind: 'announcement',
        courseId: 'c1',
        announcementId: 'a1',
      } as NotificationTarget),
    ).toBe('/courses/c1?tab=stream#announcement-a1');
  });
});

describe('a private comment notification', () => {
  it('names who wrote on which work, and opens that work', () => {
    const comment: NotificationContent = {
      type: 'work-comment',
      params: { ...course, authorName: 'Emma Stone', deadlineTitle: 'Lab report', excerpt: 'Why?' },
      target: {
        kind: 'submission',
        courseId: 'c1' as never,
        deadlineId: 'd1' as never,
        studentId: 's1' as never,
      },
    };
    expect(notificationText(comment, t, { language: 'en' })).toEqual({
      title: 'Emma Stone commented privately on Lab report',
      body: 'Why?',
    });
    expect(notificationPath(comment.target)).toBe('/courses/c1?tab=deadlines#deadline-d1');
  });
});
