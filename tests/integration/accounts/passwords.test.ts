import { createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { newcomer, signUp } from '../../support/people';
import { startHub, type TestHub } from '../../support/start-hub';

let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.stop();
  hub = undefined;
});

const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

describe('changing a password', () => {
  it('needs the current password, applies the policy, and signs out the other devices only', async () => {
    hub = await startHub({ verification: 'none' });
    const person = await signUp(hub);
    const phone = (
      await hub.call('signIn', {
        body: { username: person.username, password: 'Lantern-Orbit-42' },
      })
    ).body.tokens;

    const wrong = await hub.call('changePassword', {
      token: person.token,
      body: { currentPassword: 'nope-nope-1', newPassword: 'Harbor-Quartz-77' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.details.fields[0].path).toBe('currentPassword');
    const weak = await hub.call('changePassword', {
      token: person.token,
      body: { currentPassword: 'Lantern-Orbit-42', newPassword: '12345678' },
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details.fields[0].path).toBe('newPassword');

    const changed = await hub.call('changePassword', {
      token: person.token,
      body: { currentPassword: 'Lantern-Orbit-42', newPassword: 'Harbor-Quartz-77' },
    });
    expect(changed.status).toBe(204);
    expect((await hub.call('me', { token: person.token })).status).toBe(200);
    expect((await hub.call('me', { token: phone.accessToken })).status).toBe(401);
    expect(
      (
        await hub.call('signIn', {
          body: { username: person.username, password: 'Lantern-Orbit-42' },
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await hub.call('signIn', {
          body: { username: person.username, password: 'Harbor-Quartz-77' },
        })
      ).status,
    ).toBe(200);
  });
});

describe('forgot password without SMTP', () => {
  it('writes the reset link to the hub log; the link works once and signs out every device', async () => {
    hub = await startHub({ verification: 'none' });
    const person = await signUp(hub);
    expect((await hub.call('forgotPassword', { body: { email: person.email } })).status).toBe(202);
    const link = hub.logs.linkFor(person.email);
    expect(link).toMatch(/\/reset-password\?token=/);

    const reset = await hub.call('resetPassword', {
      body: { token: tokenOf(link!), password: 'Meadow-Copper-19' },
    });
    expect(reset.status).toBe(204);
    expect((await hub.call('me', { token: person.token })).status).toBe(401);
    expect(
      (
        await hub.call('signIn', {
          body: { username: person.username, password: 'Meadow-Copper-19' },
        })
      ).status,
    ).toBe(200);
    const again = await hub.call('resetPassword', {
      body: { token: tokenOf(link!), password: 'Another-Pass-55' },
    });
    expect(again.status).toBe(404);
    expect(again.body.error.message).toMatch(/not valid/);
  });

  it('answers an unknown address exactly like a known one', async () => {
    hub = await startHub({ verification: 'none' });
    const person = await signUp(hub);
    const known = await hub.call('forgotPassword', { body: { email: person.email } });
    const unknown = await hub.call('forgotPassword', { body: { email: 'ghost@school.test' } });
    expect([known.status, unknown.status]).toEqual([202, 202]);
    expect(unknown.body).toEqual(known.body);
    expect(hub.logs.linkFor('ghost@school.test')).toBeUndefined();
  });

  it('refuses an expired reset link with 410', async () => {
    let now = new Date('2026-11-24T10:00:00Z');
    hub = await startHub({ verification: 'none', now: () => now });
    const person = await signUp(hub);
    await hub.call('forgotPassword', { body: { email: person.email } });
    now = new Date('2026-11-24T11:01:00Z');
    const reply = await hub.call('resetPassword', {
      body: { token: tokenOf(hub.logs.linkFor(person.email)!), password: 'Meadow-Copper-19' },
    });
    expect(reply.status).toBe(410);
    expect(reply.body.error.message).toMatch(/expired/);
  });
});

describe('email verification', () => {
  it('sends the link over SMTP when configured; the account signs in only after following it', async () => {
    const inbox: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, done) {
        let text = '';
        stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
        stream.on('end', () => {
          inbox.push(text);
          done();
        });
      },
    });
    const port = await freePort();
    await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', resolve));
    try {
      hub = await startHub({
        verification: 'email',
        smtpUrl: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
      });
      await signUp(hub); // the first account is the admin and needs no verification
      const student = newcomer();
      const registered = await hub.call('register', { body: student });
      expect(registered.body.nextStep).toBe('verify-email');
      const refused = await hub.call('signIn', {
        body: { username: student.username, password: student.password },
      });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('ACCOUNT_UNVERIFIED');
      expect(refused.body.error.message).toContain(student.email);

      expect(inbox).toHaveLength(1);
      const unfolded = inbox[0]!.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
      const token = /verify-email\?token=([A-Za-z0-9_-]+)/.exec(unfolded)?.[1];
      expect(token).toBeDefined();
      const verified = await hub.call('verifyEmail', { body: { token } });
      expect(verified.status).toBe(200);
      expect(verified.body).toMatchObject({ status: 'active', emailVerified: true });
      expect(
        (
          await hub.call('signIn', {
            body: { username: student.username, password: student.password },
          })
        ).status,
      ).toBe(200);
    } finally {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });

  it('writes the link to the hub log without SMTP, and can send it again', async () => {
    hub = await startHub({ verification: 'email' });
    await signUp(hub);
    const student = newcomer();
    await hub.call('register', { body: student });
    const first = hub.logs.linkFor(student.email);
    expect(first).toMatch(/\/verify-email\?token=/);
    expect((await hub.call('resendVerification', { body: { email: student.email } })).status).toBe(
      202,
    );
    const second = hub.logs.linkFor(student.email);
    expect(second).not.toBe(first);
    expect((await hub.call('verifyEmail', { body: { token: tokenOf(first!) } })).status).toBe(404); // replaced by the new one
    expect((await hub.call('verifyEmail', { body: { token: tokenOf(second!) } })).status).toBe(200);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
