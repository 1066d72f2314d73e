import { describe, expect, it } from 'vitest';
import type { NotificationTarget } from '../../../../src-shared/schemas/notifications';
import { notificationPath } from '../../../../src-renderer/features/notifications/notification-link';

const path = (target: unknown) => notificationPath(target as NotificationTarget);

describe('where a notification leads', () => {
  it('opens the graded deadline on the deadlines tab, where the student’s work and grade show', () => {
    expect(path({ kind: 'submission', courseId: 'c1', deadlineId: 'd1', studentId: 's1' })).toBe(
      '/courses/c1?tab=deadlines#deadline-d1',
    );
  });

  it('opens the post, the message, the student in the roster and the approvals list', () => {
    expect(path({ kind: 'post', sessionId: 's1', postId: 'p1' })).toBe('/sessions/s1#post-p1');
    expect(path({ kind: 'post', sessionId: 's1', postId: 'p1', commentId: 'c1' })).toBe(
      '/sessions/s1?thread=p1#comment-c1',
    );
    expect(path({ kind: 'message', room: 'dm:a:b', seq: 7 })).toBe('/chat/dm%3Aa%3Ab#message-7');
    expect(path({ kind: 'enrolment', courseId: 'c1', userId: 'u1' })).toBe(
      '/courses/c1?tab=students#student-u1',
    );
    expect(path({ kind: 'approvals' })).toBe('/home#approvals');
    expect(path({ kind: 'material', courseId: 'c1', materialId: 'm1' })).toBe(
      '/courses/c1?tab=materials#material-m1',
    );
  });

  it('keeps an old notification’s stored app path, and never leads out of the app', () => {
    expect(path({ kind: 'path', path: '/sessions/s1' })).toBe('/sessions/s1');
    expect(path({ kind: 'path', path: '//evil.example/x' })).toBe('/home');
  });
});
