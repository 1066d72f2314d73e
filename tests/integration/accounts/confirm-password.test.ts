import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, newcomer } from '../../support/people';
import { startHub, type TestHub } from '../../support/start-hub';

/** CSBox's sign-up form asked for the password twice; the hub checks the second copy when sent. */
let hub: TestHub;
beforeAll(async () => {
  hub = await startHub({ verification: 'none' });
  await hub.call('register', { body: newcomer({ role: 'teacher' }) }); // the admin
});
afterAll(() => hub.stop());

describe('registering with the password typed twice', () => {
  it('refuses two different passwords on the confirmation field, creating nothing', async () => {
    const input = newcomer({ username: 'robin_q' });
    const reply = await hub.call('register', {
      body: { ...input, confirmPassword: 'Lantern-Orbit-43' },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('VALIDATION_FAILED');
    expect(reply.body.error.details.fields).toEqual([
      {
        path: 'confirmPassword',
        message: 'The two passwords do not match. Type the same one twice.',
      },
    ]);
    const signIn = await hub.call('signIn', {
      body: { username: 'robin_q', password: input.password },
    });
    expect(signIn.status).toBe(401);
  });

  it('accepts the same password twice, and still accepts a client that sends it once', async () => {
    const twice = newcomer();
    expect(
      (await hub.call('register', { body: { ...twice, confirmPassword: GOOD_PASSWORD } })).status,
    ).toBe(201);
    expect((await hub.call('register', { body: newcomer() })).status).toBe(201);
  });
});
