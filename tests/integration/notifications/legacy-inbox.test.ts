import { appendFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { GOOD_PASSWORD, signUp } from '../../support/people';
import { startHub, type TestHub } from '../../support/start-hub';
import { describeOnLowdb } from '../../support/test-engine';

// Tests of the lowdb data folder itself: skipped on PostgreSQL, saying why.
const lowdbDescribe = describeOnLowdb('the old inbox is written into the lowdb notification log');

let hub: TestHub | undefined;
let dataDir: string;
afterEach(async () => {
  await hub?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

/** A notification exactly as hubs before typed notifications wrote it: an English sentence. */
const oldRecord = (userId: string) => ({
  seq: 1,
  stream: `inbox:${userId}`,
  streamSeq: 1,
  at: '2026-11-20T09:30:00.000Z',
  data: {
    kind: 'new-deadline',
    title: 'New deadline in CS101: Lab report',
    body: 'Due 2026-11-27T16:00:00.000Z',
    link: '/courses/c-123',
    actorId: 'teacher-1',
  },
});

lowdbDescribe('an inbox written before notifications had types', () => {
  it('still lists the old sentence after the upgrade, next to new typed notifications', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'classhub-legacy-inbox-'));
    hub = await startHub({ dataDir, verification: 'none' });
    const teacher = await signUp(hub, { role: 'teacher' });
    const student = await signUp(hub);
    await hub.stop();
    hub = undefined;
    const logDir = join(dataDir, 'logs', 'notifications');
    const segment = (await readdir(logDir)).find((name) => name.endsWith('.jsonl'));
    await appendFile(
      join(logDir, segment ?? '00000001.jsonl'),
      `${JSON.stringify(oldRecord(student.id))}\n`,
    );

    hub = await startHub({ dataDir, verification: 'none' });
    const signIn = async (username: string) =>
      (await hub!.call('signIn', { body: { username, password: GOOD_PASSWORD } })).body.tokens
        .accessToken as string;
    const studentToken = await signIn(student.username);
    const courseId = (
      await hub.call('createCourse', {
        token: await signIn(teacher.username),
        body: { title: 'Optics', capacity: 5 },
      })
    ).body.id;
    await hub.call('enrol', { token: studentToken, params: { courseId } });
    await hub.call('setEnrolmentStatus', {
      token: await signIn(teacher.username),
      params: { courseId, userId: student.id },
      body: { status: 'blocked' },
    });

    await expect
      .poll(async () => (await hub!.call('notifications', { token: studentToken })).body.items)
      .toHaveLength(2);
    const inbox = await hub.call('notifications', { token: studentToken });
    expect(inbox.status).toBe(200);
    expect(inbox.body.unread).toBe(2);
    expect(inbox.body.items[0]).toMatchObject({
      type: 'course-blocked',
      params: { courseTitle: 'Optics' },
      target: { kind: 'courses' },
    });
    expect(inbox.body.items[1]).toEqual({
      seq: 1,
      createdAt: '2026-11-20T09:30:00.000Z',
      read: false,
      type: 'legacy',
      params: {
        kind: 'new-deadline',
        title: 'New deadline in CS101: Lab report',
        body: 'Due 2026-11-27T16:00:00.000Z',
      },
      target: { kind: 'path', path: '/courses/c-123' },
    });
  });
});
