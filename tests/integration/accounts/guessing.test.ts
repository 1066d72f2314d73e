import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../../src-shared/api';
import { loopbackAliasesWork, postFrom } from '../../support/from-address';
import { GOOD_PASSWORD, signUp } from '../../support/people';
import { startHub, type TestHub } from '../../support/start-hub';

let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.stop();
  hub = undefined;
});

const STRANGER = '127.0.0.2';
const OWNER = '127.0.0.3';

let aliases = true;
beforeAll(async () => {
  aliases = await loopbackAliasesWork();
  if (!aliases)
    console.warn('guessing.test.ts skipped: this machine cannot send from 127.0.0.2 (Linux only)');
});

function signInFrom(address: string, username: string, password: string) {
  return postFrom(address, `${hub!.url}/api${api.signIn.path}`, { username, password });
}

/** Issue 12, point 5: a stranger's guesses must not lock the owner out, and the owner is told. */
describe('someone guessing a password', () => {
  it('does not keep the owner out: the right password from another address signs in', async (context) => {
    if (!aliases) return context.skip();
    hub = await startHub({ verification: 'none' });
    const owner = await signUp(hub);
    for (let i = 0; i < 11; i++) await signInFrom(STRANGER, owner.username, `wrong-guess-${i}`);
    const stranger = await signInFrom(STRANGER, owner.username, GOOD_PASSWORD);
    expect(stranger.status).toBe(429);

    const signedIn = await signInFrom(OWNER, owner.username, GOOD_PASSWORD);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.account.username).toBe(owner.username);
  });

  it('counts the username and the email as one account: typing either does not double the budget', async (context) => {
    if (!aliases) return context.skip();
    hub = await startHub({ verification: 'none' });
    const owner = await signUp(hub);
    for (let i = 0; i < 3; i++) {
      expect((await signInFrom(STRANGER, owner.username, `wrong-${i}`)).status).toBe(401);
      expect((await signInFrom(STRANGER, owner.email, `wrong-email-${i}`)).status).toBe(401);
    }
    const next = await signInFrom(STRANGER, owner.email.toUpperCase(), 'wrong-again');
    expect(next.status).toBe(429);
    expect(next.body.error.message).toMatch(/Wait \d+ seconds? and try again/);
  });

  it('tells the owner once, at the next sign-in, how many wrong passwords were typed and from where', async (context) => {
    if (!aliases) return context.skip();
    hub = await startHub({ verification: 'none' });
    const owner = await signUp(hub);
    for (let i = 0; i < 4; i++) await signInFrom(STRANGER, owner.email, `wrong-${i}`);

    const first = await signInFrom(OWNER, owner.username, GOOD_PASSWORD);
    expect(first.status).toBe(200);
    expect(first.body.failedSignIns).toEqual({
      count: 4,
      lastAddress: expect.stringContaining(STRANGER),
      lastAt: expect.any(String),
    });
    const second = await signInFrom(OWNER, owner.username, GOOD_PASSWORD);
    expect(second.status).toBe(200);
    expect(second.body.failedSignIns).toBeUndefined();
  });

  it('slows every failing address once an account is guessed from many, but not a clean one', async (context) => {
    if (!aliases) return context.skip();
    hub = await startHub({ verification: 'none' });
    const owner = await signUp(hub);
    for (let i = 0; i < 11; i++) {
      const address = `127.0.1.${i + 1}`;
      expect((await signInFrom(address, owner.username, `wrong-${i}`)).status).toBe(401);
    }
    // The 11th address failed past the account's budget: its next try waits.
    expect((await signInFrom('127.0.1.11', owner.username, GOOD_PASSWORD)).status).toBe(429);
    expect((await signInFrom(OWNER, owner.username, GOOD_PASSWORD)).status).toBe(200);
  });
});
