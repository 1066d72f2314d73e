import { afterEach, describe, expect, it } from 'vitest';
import { newcomer, signUp } from '../../support/people';
import { startHub, type TestHub } from '../../support/start-hub';

let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.stop();
  hub = undefined;
});

describe('the admin panel API', () => {
  it('is closed to teachers and students', async () => {
    hub = await startHub({ verification: 'none' });
    await signUp(hub); // admin
    const teacher = await signUp(hub, { role: 'teacher' });
    const student = await signUp(hub, { role: 'student' });
    for (const person of [teacher, student]) {
      expect((await hub.call('adminUsers', { token: person.token })).status).toBe(403);
      expect((await hub.call('settings', { token: person.token })).status).toBe(403);
      expect(
        (await hub.call('updateSettings', { token: person.token, body: { verification: 'none' } }))
          .status,
      ).toBe(403);
      expect(
        (await hub.call('adminDeleteUser', { token: person.token, params: { userId: student.id } }))
          .status,
      ).toBe(403);
    }
  });

  it('lists, searches and filters every account, with status and last sign-in', async () => {
    hub = await startHub({ verification: 'none' });
    const admin = await signUp(hub, { role: 'teacher' });
    await signUp(hub, { role: 'student', username: 'lena_k' });
    const all = await hub.call('adminUsers', { token: admin.token });
    expect(all.body.total).toBe(2);
    expect(all.body.items[0].lastSignInAt).toEqual(expect.any(String));
    const students = await hub.call('adminUsers', {
      token: admin.token,
      query: { role: 'student' },
    });
    expect(students.body.items.map((u: { username: string }) => u.username)).toEqual(['lena_k']);
    const found = await hub.call('adminUsers', { token: admin.token, query: { q: 'lena' } });
    expect(found.body.total).toBe(1);
  });

  it('changes a role and grants admin', async () => {
    hub = await startHub({ verification: 'none' });
    const admin = await signUp(hub);
    const student = await signUp(hub, { role: 'student' });
    const reply = await hub.call('adminUpdateUser', {
      token: admin.token,
      params: { userId: student.id },
      body: { role: 'teacher', isAdmin: true },
    });
    expect(reply.body).toMatchObject({ role: 'teacher', isAdmin: true });
    expect((await hub.call('settings', { token: student.token })).status).toBe(200);
  });

  it('never lets the last admin go: neither demoted, deactivated nor deleted', async () => {
    hub = await startHub({ verification: 'none' });
    const admin = await signUp(hub);
    const demote = await hub.call('adminUpdateUser', {
      token: admin.token,
      params: { userId: admin.id },
      body: { isAdmin: false },
    });
    expect(demote.status).toBe(409);
    expect(demote.body.error.code).toBe('LAST_ADMIN');
    const deactivate = await hub.call('adminUpdateUser', {
      token: admin.token,
      params: { userId: admin.id },
      body: { status: 'rejected' },
    });
    expect(deactivate.status).toBe(409);
    const other = await signUp(hub);
    await hub.call('adminUpdateUser', {
      token: admin.token,
      params: { userId: other.id },
      body: { isAdmin: true },
    });
    expect(
      (
        await hub.call('adminUpdateUser', {
          token: admin.token,
          params: { userId: admin.id },
          body: { isAdmin: false },
        })
      ).status,
    ).toBe(200);
  });

  it('refuses an email already used by another account', async () => {
    hub = await startHub({ verification: 'none' });
    const admin = await signUp(hub);
    const student = await signUp(hub);
    const reply = await hub.call('adminUpdateUser', {
      token: admin.token,
      params: { userId: student.id },
      body: { email: admin.email.toUpperCase() },
    });
    expect(reply.status).toBe(409);
    expect(reply.body.error.details.fields[0].path).toBe('email');
  });

  it('deactivating an account signs it out at once', async () => {
    hub = await startHub({ verification: 'none' });
    const admin = await signUp(hub);
    const student = await signUp(hub);
    await hub.call('adminUpdateUser', {
      token: admin.token,
      params: { userId: student.id },
      body: { status: 'rejected' },
    });
    expect((await hub.call('me', { token: student.token })).status).toBe(401);
  });

  it('deletes an account with its sign-ins and status updates', async () => {
    hub = await startHub({ verification: 'none' });
    const admin = await signUp(hub);
    const student = await signUp(hub);
    await hub.call('postStatusUpdate', { token: student.token, body: { text: 'hello' } });
    expect(
      (await hub.call('adminDeleteUser', { token: admin.token, params: { userId: admin.id } }))
        .status,
    ).toBe(403);
    expect(
      (await hub.call('adminDeleteUser', { token: admin.token, params: { userId: student.id } }))
        .status,
    ).toBe(204);
    expect((await hub.call('me', { token: student.token })).status).toBe(401);
    expect(
      (await hub.call('profile', { token: admin.token, params: { username: student.username } }))
        .status,
    ).toBe(404);
    expect(
      (await hub.call('adminDeleteUser', { token: admin.token, params: { userId: student.id } }))
        .status,
    ).toBe(404);
  });

  it('makes a one-time reset link for someone and signs them out', async () => {
    hub = await startHub({ verification: 'none' });
    const admin = await signUp(hub);
    const student = await signUp(hub);
    const link = await hub.call('adminResetPassword', {
      token: admin.token,
      params: { userId: student.id },
    });
    expect(link.body.resetUrl).toMatch(/\/reset-password\?token=/);
    expect((await hub.call('me', { token: student.token })).status).toBe(401);
    const token = new URL(link.body.resetUrl).searchParams.get('token');
    expect(
      (await hub.call('resetPassword', { body: { token, password: 'Fresh-Start-2026' } })).status,
    ).toBe(204);
    expect(
      (
        await hub.call('signIn', {
          body: { username: student.username, password: 'Fresh-Start-2026' },
        })
      ).status,
    ).toBe(200);
  });

  it('reads and changes hub settings, validating them', async () => {
    hub = await startHub({ verification: 'approval' });
    const admin = await signUp(hub);
    expect((await hub.call('settings', { token: admin.token })).body).toEqual({
      verification: 'approval',
      uploadLimitBytes: 52428800,
      avatarLimitBytes: 5242880,
      notificationRetentionDays: 90,
      allowRunnableUploads: false,
      visitorCatalogue: true,
    });
    const bad = await hub.call('updateSettings', {
      token: admin.token,
      body: { uploadLimitBytes: 10 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields[0]).toEqual({
      path: 'uploadLimitBytes',
      message: 'The upload limit must be at least 1 MB.',
    });
    const changed = await hub.call('updateSettings', {
      token: admin.token,
      body: { verification: 'none' },
    });
    expect(changed.body.verification).toBe('none');
    expect((await hub.call('register', { body: newcomer() })).body.nextStep).toBe('signed-in');
  });
});

describe('--admin at start', () => {
  it('promotes an existing account to admin', async () => {
    hub = await startHub({ verification: 'none' });
    await signUp(hub);
    const student = await signUp(hub, { username: 'future_admin' });
    const dataDir = hub.dataDir;
    await hub.close();
    // startHub on the same folder: the same data, on whichever engine the run uses.
    const again = await startHub({ dataDir, admin: 'future_admin', logLevel: 'silent' });
    try {
      const signedIn = await fetch(`${again.url}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: student.username, password: 'Lantern-Orbit-42' }),
      });
      expect(((await signedIn.json()) as { account: { isAdmin: boolean } }).account.isAdmin).toBe(
        true,
      );
    } finally {
      await again.close();
    }
  });
});
