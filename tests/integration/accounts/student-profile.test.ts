import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp } from '../../support/people';
import { startHub, type TestHub } from '../../support/start-hub';

/** EduStream made a student profile at sign-up, dated the day the student joined. */
let hub: TestHub;
beforeAll(async () => {
  hub = await startHub({ verification: 'none' });
});
afterAll(() => hub.stop());

describe('a new student account', () => {
  it('starts with its enrolment date, which the student may change', async () => {
    await signUp(hub, { role: 'teacher' }); // the admin
    const today = new Date().toISOString().slice(0, 10);
    const student = await signUp(hub, { role: 'student' });
    const me = await hub.call('me', { token: student.token });
    expect(me.body.student).toEqual({ enrolmentDate: today });

    const edited = await hub.call('updateMe', {
      token: student.token,
      body: { student: { studentId: 'S-1042', enrolmentDate: '2025-09-01' } },
    });
    expect(edited.status).toBe(200);
    const profile = await hub.call('profile', {
      token: student.token,
      params: { username: student.username },
    });
    expect(profile.body.student).toEqual({ studentId: 'S-1042', enrolmentDate: '2025-09-01' });
  });

  it('is dated only for students: a teacher gets teacher fields', async () => {
    const teacher = await signUp(hub, { role: 'teacher' });
    const me = await hub.call('me', { token: teacher.token });
    expect(me.body.student).toBeUndefined();
    expect(me.body.teacher).toEqual({});
  });
});
