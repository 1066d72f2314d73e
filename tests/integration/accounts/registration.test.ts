import { afterEach, describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, newcomer, signUp } from '../../support/people';
import { startHub, type TestHub } from '../../support/start-hub';

let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.stop();
  hub = undefined;
});

describe('registration', () => {
  it('makes the first account on a fresh hub its admin, active at once, and later accounts not', async () => {
    hub = await startHub({ verification: 'approval' });
    const first = await hub.call('register', { body: newcomer({ role: 'teacher' }) });
    expect(first.status).toBe(201);
    expect(first.body.account).toMatchObject({ isAdmin: true, status: 'active' });
    expect(first.body.nextStep).toBe('signed-in');
    expect(first.body.tokens.accessToken).toEqual(expect.any(String));
    const second = await hub.call('register', { body: newcomer({ role: 'teacher' }) });
    expect(second.body.account).toMatchObject({ isAdmin: false, status: 'pending' });
    expect(second.body.nextStep).toBe('await-approval');
    expect(second.body.tokens).toBeUndefined();
  });

  it('never returns the password hash', async () => {
    hub = await startHub();
    const reply = await hub.call('register', { body: newcomer() });
    expect(JSON.stringify(reply.body)).not.toMatch(/passwordHash|\$2[aby]\$/);
  });

  it('lets exactly one of two simultaneous first registrations become admin', async () => {
    hub = await startHub({ verification: 'none' });
    const replies = await Promise.all([
      hub.call('register', { body: newcomer() }),
      hub.call('register', { body: newcomer() }),
    ]);
    expect(replies.map((r) => r.status)).toEqual([201, 201]);
    expect(replies.filter((r) => r.body.account.isAdmin)).toHaveLength(1);
  });

  it('lets exactly one of ten simultaneous registrations of the same username win', async () => {
    hub = await startHub({ verification: 'none' });
    const attempts = Array.from({ length: 10 }, (_, i) =>
      newcomer({ username: i % 2 ? 'Samename' : 'sameName', email: `same${i}@school.test` }),
    );
    const replies = await Promise.all(attempts.map((body) => hub!.call('register', { body })));
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    const losers = replies.filter((r) => r.status !== 201);
    expect(losers.every((r) => r.status === 409 && r.body.error.code === 'USERNAME_TAKEN')).toBe(
      true,
    );
    expect(losers[0]!.body.error.details.fields[0].path).toBe('username');
  });

  it('lets exactly one of ten simultaneous registrations of the same email win, whatever its case', async () => {
    hub = await startHub({ verification: 'none' });
    const attempts = Array.from({ length: 10 }, (_, i) =>
      newcomer({ email: i % 2 ? 'Shared@School.test' : 'shared@school.test' }),
    );
    const replies = await Promise.all(attempts.map((body) => hub!.call('register', { body })));
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    expect(
      replies.filter((r) => r.status === 409 && r.body.error.code === 'EMAIL_TAKEN'),
    ).toHaveLength(9);
  });

  it.each([
    ['is short', 'Ab1!xyz', 'at least 8 characters'],
    ['is all digits', '8675309123', 'more than digits'],
    ['is common', 'password123', 'too common'],
    ['resembles the username', 'robinhood77', 'similar to your username'],
    ['resembles the email', 'quillmail', 'similar to your email'],
  ])(
    'refuses a password that %s, saying why on the password field',
    async (_what, password, message) => {
      hub = await startHub({ verification: 'none' });
      const reply = await hub.call('register', {
        body: newcomer({ username: 'robinhood', email: 'quillmail@school.test', password }),
      });
      expect(reply.status).toBe(400);
      expect(reply.body.error.code).toBe('VALIDATION_FAILED');
      const field = reply.body.error.details.fields.find((f: { path: string; message: string }) =>
        f.message.includes(message),
      );
      expect(field?.path).toBe('password');
    },
  );

  it('accepts a password that passes every rule', async () => {
    hub = await startHub({ verification: 'none' });
    const reply = await hub.call('register', { body: newcomer({ password: GOOD_PASSWORD }) });
    expect(reply.status).toBe(201);
  });
});

describe('approval mode', () => {
  it('keeps a pending account from signing in and tells it why, until a teacher approves', async () => {
    hub = await startHub({ verification: 'approval' });
    const teacherInput = newcomer({ role: 'teacher' });
    await hub.call('register', { body: teacherInput }); // first account: admin teacher
    const teacher = (
      await hub.call('signIn', {
        body: { username: teacherInput.username, password: teacherInput.password },
      })
    ).body;
    const student = newcomer({ role: 'student' });
    const registered = await hub.call('register', { body: student });
    const refused = await hub.call('signIn', {
      body: { username: student.username, password: student.password },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('ACCOUNT_PENDING');
    expect(refused.body.error.message).toMatch(/waiting for approval/);

    const pending = await hub.call('pendingAccounts', { token: teacher.tokens.accessToken });
    expect(pending.body.items.map((a: { username: string }) => a.username)).toContain(
      student.username,
    );
    const approved = await hub.call('approveAccount', {
      token: teacher.tokens.accessToken,
      params: { userId: registered.body.account.id },
    });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('active');
    const allowed = await hub.call('signIn', {
      body: { username: student.username, password: student.password },
    });
    expect(allowed.status).toBe(200);
  });

  it('lets a teacher approve students but not teachers, and hides pending teachers from them', async () => {
    hub = await startHub({ verification: 'none' });
    const admin = await signUp(hub, { role: 'teacher' }); // first account: admin
    const teacher = await signUp(hub, { role: 'teacher' });
    await hub.call('updateSettings', { token: admin.token, body: { verification: 'approval' } });
    const pendingTeacher = await hub.call('register', { body: newcomer({ role: 'teacher' }) });
    const list = await hub.call('pendingAccounts', { token: teacher.token });
    expect(list.body.items.map((a: { id: string }) => a.id)).not.toContain(
      pendingTeacher.body.account.id,
    );
    const refused = await hub.call('approveAccount', {
      token: teacher.token,
      params: { userId: pendingTeacher.body.account.id },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/student accounts only/);
  });

  it('refuses approval requests from students', async () => {
    hub = await startHub({ verification: 'none' });
    await signUp(hub); // admin
    const student = await signUp(hub, { role: 'student' });
    expect((await hub.call('pendingAccounts', { token: student.token })).status).toBe(403);
  });

  it('tells a declined account it was not approved', async () => {
    hub = await startHub({ verification: 'approval' });
    const admin = await signUp(hub, { role: 'teacher' });
    const student = newcomer();
    const registered = await hub.call('register', { body: student });
    const rejected = await hub.call('rejectAccount', {
      token: admin.token,
      params: { userId: registered.body.account.id },
    });
    expect(rejected.body.status).toBe('rejected');
    const again = await hub.call('rejectAccount', {
      token: admin.token,
      params: { userId: registered.body.account.id },
    });
    expect(again.status).toBe(409);
    const refused = await hub.call('signIn', {
      body: { username: student.username, password: student.password },
    });
    expect(refused.body.error.code).toBe('ACCOUNT_REJECTED');
  });
});
