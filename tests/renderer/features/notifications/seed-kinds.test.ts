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
const words = (n: unknown) => notificationText(n as NotificationContent, t, { language: 'en' });

describe('the notifications the seeds sent', () => {
  it('word a status update, a member leaving and words taken down', () => {
    expect(
      words({
        type: 'status-update',
        params: { authorName: 'Emma Stone', excerpt: 'Lab notes are up.' },
        target: { kind: 'person', username: 'emma1' },
      }),
    ).toEqual({ title: 'Emma Stone posted a status update', body: 'Lab notes are up.' });
    expect(
      words({
        type: 'session-left',
        params: { memberName: 'Emma Stone', sessionTitle: 'Study group' },
        target: { kind: 'session', sessionId: 's1' },
      }),
    ).toEqual({
      title: 'Emma Stone left “Study group”',
      body: 'They can rejoin with the session’s token.',
    });
    expect(
      words({
        type: 'post-removed',
        params: { sessionTitle: 'Study group', excerpt: 'My questions' },
        target: { kind: 'session', sessionId: 's1' },
      }),
    ).toEqual({ title: 'Your post in “Study group” was removed', body: 'My questions' });
    expect(
      words({
        type: 'comment-removed',
        params: { sessionTitle: '', excerpt: 'Off topic' },
        target: { kind: 'post', sessionId: 's1', postId: 'p1' },
      }).title,
    ).toBe('Your comment in “a session” was removed');
  });

  it('open a status update on its author’s profile', () => {
    const path = (target: unknown) => notificationPath(target as NotificationTarget);
    expect(path({ kind: 'person', username: 'emma1', statusUpdateId: 'u7' })).toBe(
      '/people/emma1#status-update-u7',
    );
    expect(path({ kind: 'person', username: 'émma' })).toBe('/people/%C3%A9mma');
  });
});
