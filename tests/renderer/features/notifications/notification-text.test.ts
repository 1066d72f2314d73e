import { describe, expect, it } from 'vitest';
import type { NotificationContent } from '../../../../src-shared/schemas/notifications';
import { translate } from '../../../../src-renderer/app/i18n';
import { notificationText } from '../../../../src-renderer/features/notifications/notification-text';

const t = (key: Parameters<typeof translate>[0], values?: Parameters<typeof translate>[1]) =>
  translate(key, values, 'en');
const course = { courseCode: 'CS101', courseTitle: 'Algorithms' };
const ids = { courseId: 'c1' as never, deadlineId: 'd1' as never };

describe('the words of a notification', () => {
  it('put a due time in the viewer’s own time zone, not UTC', () => {
    const deadline: NotificationContent = {
      type: 'new-deadline',
      params: { ...course, deadlineTitle: 'Lab report', dueAt: '2026-11-27T16:00:00.000Z' },
      target: { kind: 'deadline', ...ids },
    };
    const tokyo = notificationText(deadline, t, { language: 'en', timeZone: 'Asia/Tokyo' });
    const london = notificationText(deadline, t, { language: 'en', timeZone: 'Europe/London' });
    expect(tokyo.title).toBe('New deadline in CS101: Lab report');
    expect(tokyo.body).toBe('Due Nov 28, 2026, 1:00 AM');
    expect(london.body).toBe('Due Nov 27, 2026, 4:00 PM');
  });

  it('say a grade with its points and the teacher’s feedback', () => {
    const graded: NotificationContent = {
      type: 'submission-graded',
      params: {
        ...course,
        deadlineTitle: 'Lab report',
        points: 17,
        maxPoints: 20,
        feedback: 'Clear.',
      },
      target: { kind: 'submission', ...ids, studentId: 's1' as never },
    };
    expect(notificationText(graded, t, { language: 'en' })).toEqual({
      title: 'Graded: Lab report — 17/20',
      body: 'Clear.',
    });
  });

  it('name the reminder’s lead time and the course', () => {
    const soon: NotificationContent = {
      type: 'deadline-soon',
      params: { ...course, deadlineTitle: 'Essay', dueAt: '2026-11-27T16:00:00.000Z', lead: '1h' },
      target: { kind: 'deadline', ...ids },
    };
    const text = notificationText(soon, t, { language: 'en', timeZone: 'UTC' });
    expect(text.title).toBe('Essay is due in 1 hour');
    expect(text.body).toBe('CS101 · Algorithms · due Nov 27, 2026, 4:00 PM');
  });

  it('say "sent a file" for a direct message without text, and "Someone" for a deleted account', () => {
    const dm: NotificationContent = {
      type: 'direct-message',
      params: { senderName: '', excerpt: '' },
      target: { kind: 'message', room: 'dm:a:b' as never, seq: 4 },
    };
    expect(notificationText(dm, t, { language: 'en' })).toEqual({
      title: 'Message from Someone',
      body: 'sent a file',
    });
  });

  it('show an old notification (stored as a sentence) as it was written, its date localised', () => {
    const legacy: NotificationContent = {
      type: 'legacy',
      params: {
        kind: 'new-deadline',
        title: 'New deadline in CS101: Lab report',
        body: 'Due 2026-11-27T16:00:00.000Z',
      },
      target: { kind: 'path', path: '/courses/c1' },
    };
    const text = notificationText(legacy, t, { language: 'en' });
    expect(text.title).toBe('New deadline in CS101: Lab report');
    expect(text.body).not.toContain('2026-11-27T16');
    expect(text.body).toMatch(/^Due Nov 2[78], 2026/);
  });
});
