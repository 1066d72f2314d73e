import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type Person } from '../../support/people';
import { startHub, type TestHub } from '../../support/start-hub';

let hub: TestHub;
let admin: Person;
let teacher: Person;
let emma: Person;
let liam: Person;
let stranger: Person;
beforeAll(async () => {
  hub = await startHub({ verification: 'none' });
  admin = await signUp(hub, { role: 'teacher' });
  teacher = await signUp(hub, { role: 'teacher', username: 'prof_davis' });
  emma = await signUp(hub, { username: 'emma1' });
  liam = await signUp(hub, { username: 'liam_w' });
  stranger = await signUp(hub, { username: 'stranger' });
  const make = async (title: string) =>
    (await hub.call('createCourse', { token: teacher.token, body: { title, capacity: 9 } })).body
      .id;
  const shared = await make('Shared course');
  const emmaOnly = await make('Emma only');
  for (const p of [emma, liam])
    await hub.call('enrol', { token: p.token, params: { courseId: shared } });
  await hub.call('enrol', { token: emma.token, params: { courseId: emmaOnly } });
  const session = (
    await hub.call('createSession', { token: emma.token, body: { title: 'Emma and Liam' } })
  ).body;
  await hub.call('joinSession', { token: liam.token, body: { token: session.joinToken } });
  await hub.call('createSession', { token: emma.token, body: { title: 'Emma alone' } });
});
afterAll(() => hub.stop());

const titles = (reply: { body: { title: string }[] }) => reply.body.map((x) => x.title).sort();

describe('the courses and sessions on a profile', () => {
  it('show a teacher’s courses to anyone', async () => {
    expect(
      titles(
        await hub.call('profileCourses', {
          token: stranger.token,
          params: { username: 'prof_davis' },
        }),
      ),
    ).toEqual(['Emma only', 'Shared course']);
  });

  it('show a student’s courses to themselves, teachers and admins, and to classmates only where they share one', async () => {
    for (const viewer of [emma, teacher, admin]) {
      expect(
        titles(
          await hub.call('profileCourses', { token: viewer.token, params: { username: 'emma1' } }),
        ),
      ).toEqual(['Emma only', 'Shared course']);
    }
    expect(
      titles(
        await hub.call('profileCourses', { token: liam.token, params: { username: 'emma1' } }),
      ),
    ).toEqual(['Shared course']);
    expect(
      titles(
        await hub.call('profileCourses', { token: stranger.token, params: { username: 'emma1' } }),
      ),
    ).toEqual([]);
  });

  it('show only the sessions the viewer is in too (all to the person and admins)', async () => {
    expect(
      titles(
        await hub.call('profileSessions', { token: emma.token, params: { username: 'emma1' } }),
      ),
    ).toEqual(['Emma alone', 'Emma and Liam']);
    expect(
      titles(
        await hub.call('profileSessions', { token: admin.token, params: { username: 'emma1' } }),
      ),
    ).toEqual(['Emma alone', 'Emma and Liam']);
    expect(
      titles(
        await hub.call('profileSessions', { token: liam.token, params: { username: 'emma1' } }),
      ),
    ).toEqual(['Emma and Liam']);
    expect(
      titles(
        await hub.call('profileSessions', { token: stranger.token, params: { username: 'emma1' } }),
      ),
    ).toEqual([]);
    const seen = await hub.call('profileSessions', {
      token: liam.token,
      params: { username: 'emma1' },
    });
    expect(seen.body[0].joinToken).toBeUndefined();
  });
});
