import { describe, expect, it } from 'vitest';
import { notificationSchema } from '../../../../src-shared/schemas/notifications';
import { toNotification } from '../../../../src-server/domains/notifications/notification-service';
import type { NotificationRecord } from '../../../../src-server/storage/records';

const entry = (record: NotificationRecord, seq = 3) => ({
  seq,
  at: '2026-11-20T09:30:00.000Z',
  entry: record,
});

describe('reading a stored notification', () => {
  it('sends a typed one as it was stored, without who caused it, and valid against the contract', () => {
    const stored = {
      type: 'course-blocked',
      params: { courseCode: 'CS101', courseTitle: 'Algorithms' },
      target: { kind: 'courses' },
      actorId: 'teacher-1',
    } as NotificationRecord;
    const sent = toNotification(entry(stored), { seq: 3, readSeqs: [] });
    expect(sent).toEqual({
      seq: 3,
      createdAt: '2026-11-20T09:30:00.000Z',
      read: true,
      type: 'course-blocked',
      params: { courseCode: 'CS101', courseTitle: 'Algorithms' },
      target: { kind: 'courses' },
    });
    expect(notificationSchema.safeParse(sent).success).toBe(true);
  });

  it('reads an English sentence from before the upgrade as the legacy kind, with its app path', () => {
    const sent = toNotification(
      entry({
        kind: 'direct-message',
        title: 'Message from Grace Davis',
        body: 'See me after class',
        link: '/chat/dm%3Aa%3Ab',
      } as NotificationRecord),
      undefined,
    );
    expect(sent).toMatchObject({
      type: 'legacy',
      params: { kind: 'direct-message', title: 'Message from Grace Davis' },
      target: { kind: 'path', path: '/chat/dm%3Aa%3Ab' },
      read: false,
    });
    expect(notificationSchema.safeParse(sent).success).toBe(true);
  });

  it('never turns a stored link that is not an app path into a way out of the app', () => {
    const sent = toNotification(
      entry({
        kind: 'x',
        title: 't',
        body: '',
        link: 'https://evil.example/',
      } as NotificationRecord),
      undefined,
    );
    expect(sent.target).toEqual({ kind: 'path', path: '/' });
    const protocolRelative = toNotification(
      entry({ kind: 'x', title: 't', body: '', link: '//evil.example/x' } as NotificationRecord),
      undefined,
    );
    expect(protocolRelative.target).toEqual({ kind: 'path', path: '/' });
  });
});
