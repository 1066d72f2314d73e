import { afterEach, describe, expect, it } from 'vitest';
import { newcomer, signUp } from '../../support/people';
import { startHub, type TestHub } from '../../support/start-hub';

let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.stop();
  hub = undefined;
});

describe('signing in', () => {
  it('accepts the username in any case, or the email, and returns the account and a token pair', async () => {
    hub = await startHub({ verification: 'none' });
    const input = newcomer({ username: 'Emma_Stone' });
    await hub.call('register', { body: input });
    for (const username of ['emma_stone', 'EMMA_STONE', input.email.toUpperCase()]) {
      const reply = await hub.call('signIn', { body: { username, password: input.password } });
      expect(reply.status).toBe(200);
      expect(reply.body.account.username).toBe('Emma_Stone');
      expect(reply.body.tokens).toEqual({
        accessToken: expect.any(String),
        accessTokenExpiresAt: expect.any(String),
        refreshToken: expect.any(String),
        refreshTokenExpiresAt: expect.any(String),
      });
    }
  });

  it('answers a wrong username and a wrong password exactly alike', async () => {
    hub = await startHub({ verification: 'none' });
    const person = await signUp(hub);
    const wrongPassword = await hub.call('signIn', {
      body: { username: person.username, password: 'Not-The-Password-1' },
    });
    const wrongUser = await hub.call('signIn', {
      body: { username: 'nobody_here', password: 'Not-The-Password-1' },
    });
    expect(wrongPassword.status).toBe(401);
    expect(wrongUser.status).toBe(401);
    expect(wrongUser.body).toEqual(wrongPassword.body);
    expect(wrongUser.body.error.message).toBe('Username or password is incorrect.');
  });

  it('slows the address that keeps failing, with a 429 that says how long to wait', async () => {
    hub = await startHub({ verification: 'none' });
    const person = await signUp(hub);
    for (let i = 0; i < 6; i++) {
      const reply = await hub.call('signIn', {
        body: { username: person.username, password: `wrong-guess-${i}` },
      });
      expect(reply.status).toBe(401);
    }
    const slowed = await hub.call('signIn', {
      body: { username: person.username, password: 'Lantern-Orbit-42' },
    });
    expect(slowed.status).toBe(429);
    expect(slowed.body.error.message).toMatch(
      /^Too many wrong passwords from this device\. Wait \d+ seconds? and try again\.$/,
    );
    expect(Number(slowed.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(slowed.headers.get('retry-after'))).toBeLessThanOrEqual(5 * 60);
  });

  it('clears the failure count of an address after it signs in with the right password', async () => {
    hub = await startHub({ verification: 'none' });
    const person = await signUp(hub);
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 5; i++)
        await hub.call('signIn', { body: { username: person.username, password: `wrong-${i}` } });
      expect(
        (
          await hub.call('signIn', {
            body: { username: person.username, password: 'Lantern-Orbit-42' },
          })
        ).status,
      ).toBe(200);
    }
  });

  it('keeps "last signed in" to the hour, so a class signing in does not rewrite every account', async () => {
    let now = new Date('2026-11-24T09:00:00Z');
    hub = await startHub({ verification: 'none', now: () => now });
    const admin = await signUp(hub);
    const again = { body: { username: admin.username, password: 'Lantern-Orbit-42' } };
    const signInAndRead = async () => {
      const signedIn = await hub!.call('signIn', again);
      expect(signedIn.status).toBe(200);
      const token = signedIn.body.tokens.accessToken;
      return (await hub!.call('adminUsers', { token })).body.items[0].lastSignInAt;
    };
    now = new Date('2026-11-24T09:40:00Z');
    expect(await signInAndRead()).toBe('2026-11-24T09:00:00.000Z');
    now = new Date('2026-11-24T10:05:00Z');
    expect(await signInAndRead()).toBe('2026-11-24T10:05:00.000Z');
  });

  it('throttles an address that fails against many accounts', async () => {
    hub = await startHub({ verification: 'none' });
    for (let i = 0; i < 50; i++)
      await hub.call('signIn', { body: { username: `sweep${i}`, password: 'Guess-12345' } });
    const blocked = await hub.call('signIn', {
      body: { username: 'sweep-last', password: 'Guess-12345' },
    });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.message).toMatch(/from this device/);
  });
});

describe('tokens', () => {
  it('opens protected routes with the access token and refuses them without one', async () => {
    hub = await startHub({ verification: 'none' });
    const person = await signUp(hub);
    expect((await hub.call('me', { token: person.token })).body.username).toBe(person.username);
    const anonymous = await hub.call('me');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('UNAUTHENTICATED');
    const forged = await hub.call('me', { token: `${person.token.split('.')[0]}.forged-secret` });
    expect(forged.status).toBe(401);
  });

  it('rotates the refresh token: the new pair works, and replaying the old refresh token ends the sign-in', async () => {
    hub = await startHub({ verification: 'none' });
    const person = await signUp(hub);
    const rotated = await hub.call('refresh', { body: { refreshToken: person.refreshToken } });
    expect(rotated.status).toBe(200);
    expect(rotated.body.refreshToken).not.toBe(person.refreshToken);
    expect((await hub.call('me', { token: rotated.body.accessToken })).status).toBe(200);
    expect((await hub.call('me', { token: person.token })).status).toBe(401); // the old access token went with it

    const replay = await hub.call('refresh', { body: { refreshToken: person.refreshToken } });
    expect(replay.status).toBe(401);
    expect(replay.body.error.message).toMatch(/reused/);
    expect((await hub.call('me', { token: rotated.body.accessToken })).status).toBe(401);
  });

  it('expires access tokens after their lifetime and refresh tokens after theirs', async () => {
    let now = new Date('2026-11-24T10:00:00Z');
    hub = await startHub({
      verification: 'none',
      accessTokenMinutes: 15,
      refreshTokenDays: 30,
      now: () => now,
    });
    const person = await signUp(hub);
    now = new Date('2026-11-24T10:16:00Z');
    const expired = await hub.call('me', { token: person.token });
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('TOKEN_EXPIRED');
    const refreshed = await hub.call('refresh', { body: { refreshToken: person.refreshToken } });
    expect(refreshed.status).toBe(200);
    now = new Date('2026-12-25T10:17:00Z');
    const tooLate = await hub.call('refresh', {
      body: { refreshToken: refreshed.body.refreshToken },
    });
    expect(tooLate.status).toBe(401);
    expect(tooLate.body.error.code).toBe('TOKEN_EXPIRED');
  });

  it('signs out one device without touching the others', async () => {
    hub = await startHub({ verification: 'none' });
    const person = await signUp(hub);
    const laptop = (
      await hub.call('signIn', {
        body: { username: person.username, password: 'Lantern-Orbit-42' },
      })
    ).body.tokens;
    expect((await hub.call('signOut', { token: person.token })).status).toBe(204);
    expect((await hub.call('me', { token: person.token })).body.error.code).toBe('TOKEN_REVOKED');
    expect(
      (await hub.call('refresh', { body: { refreshToken: person.refreshToken } })).status,
    ).toBe(401);
    expect((await hub.call('me', { token: laptop.accessToken })).status).toBe(200);
  });

  it('signs out every device at once', async () => {
    hub = await startHub({ verification: 'none' });
    const person = await signUp(hub);
    const laptop = (
      await hub.call('signIn', {
        body: { username: person.username, password: 'Lantern-Orbit-42' },
      })
    ).body.tokens;
    expect((await hub.call('signOutEverywhere', { token: person.token })).status).toBe(204);
    expect((await hub.call('me', { token: person.token })).status).toBe(401);
    expect((await hub.call('me', { token: laptop.accessToken })).status).toBe(401);
    expect(
      (await hub.call('refresh', { body: { refreshToken: laptop.refreshToken } })).status,
    ).toBe(401);
  });

  it('never writes a password or token into the log', async () => {
    hub = await startHub({ verification: 'none', logLevel: 'trace' });
    const person = await signUp(hub);
    await hub.call('signIn', {
      body: { username: person.username, password: 'wrong-password-xyz' },
    });
    const log = hub.logs.text();
    expect(log).not.toContain('Lantern-Orbit-42');
    expect(log).not.toContain('wrong-password-xyz');
    expect(log).not.toContain(person.token.split('.')[1]);
  });
});
