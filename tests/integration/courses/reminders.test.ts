import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { upload } from '../../support/files';
import { GOOD_PASSWORD, signUp } from '../../support/people';
import { startHub, type TestHub } from '../../support/start-hub';

let hub: TestHub | undefined;
let dataDir: string;
afterEach(async () => {
  await hub?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('"deadline soon" reminders', () => {
  it('reach students who have not submitted, 24 hours ahead, once — even across restarts', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'classhub-remind-'));
    let now = new Date('2026-11-24T12:00:00Z');
    const clock = () => now;
    hub = await startHub({ dataDir, verification: 'none', now: clock });
    const teacher = await signUp(hub, { role: 'teacher' });
    const diligent = await signUp(hub);
    const busy = await signUp(hub);
    const courseId = (
      await hub.call('createCourse', {
        token: teacher.token,
        body: { title: 'Optics', capacity: 5 },
      })
    ).body.id;
    for (const s of [diligent, busy])
      await hub.call('enrol', { token: s.token, params: { courseId } });
    const deadline = (
      await hub.call('createDeadline', {
        token: teacher.token,
        params: { courseId },
        body: { title: 'Essay', dueAt: '2026-11-26T12:00:00Z' },
      })
    ).body;
    const file = await upload(
      `${hub.url}/api/uploads`,
      diligent.token,
      'file',
      Buffer.from('done'),
      'essay.txt',
      'text/plain',
      'POST',
    );
    await hub.call('submit', {
      token: diligent.token,
      params: { deadlineId: deadline.id },
      body: { fileIds: [file.body.id] },
    });
    await hub.close();

    const remindersOf = async (username: string) => {
      const token = (await hub!.call('signIn', { body: { username, password: GOOD_PASSWORD } }))
        .body.tokens.accessToken;
      return (await hub!.call('notifications', { token })).body.items.filter(
        (n: { type: string }) => n.type === 'deadline-soon',
      );
    };
    now = new Date('2026-11-25T13:00:00Z'); // 23 hours before the deadline
    for (let restart = 0; restart < 2; restart++) {
      hub = await startHub({ dataDir, verification: 'none', now: clock });
      await expect.poll(async () => (await remindersOf(busy.username)).length).toBe(1);
      expect((await remindersOf(busy.username))[0]).toMatchObject({
        params: { deadlineTitle: 'Essay', lead: '24h' },
        target: { kind: 'deadline' },
      });
      expect(await remindersOf(diligent.username)).toEqual([]);
      await hub.close();
    }
    now = new Date('2026-11-26T11:30:00Z'); // half an hour before
    hub = await startHub({ dataDir, verification: 'none', now: clock });
    await expect
      .poll(async () =>
        (await remindersOf(busy.username)).map((n: { params: { lead: string } }) => n.params.lead),
      )
      .toEqual(['1h', '24h']);
  });
});
