import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../src-server/domain-error';
import {
  growingWait,
  SIGN_IN_LIMITS,
  Throttles,
  type SignInAttempt,
} from '../../../../src-server/domains/accounts/throttle';

const owner = (address: string): SignInAttempt => ({ account: 'user-1', address });

async function waitOf(throttles: Throttles, attempt: SignInAttempt): Promise<number> {
  try {
    await throttles.assertSignInAllowed(attempt);
    return 0;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('TOO_MANY_REQUESTS');
    return (error as DomainError).details!.retryAfterSeconds as number;
  }
}

async function fail(throttles: Throttles, attempt: SignInAttempt, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await throttles.recordSignInFailure(attempt);
}

describe('sign-in throttles', () => {
  it('never holds back an address that has not been failing, however much the account is guessed', async () => {
    const throttles = new Throttles();
    await fail(throttles, owner('10.0.0.66'), 200);
    expect(await waitOf(throttles, owner('10.0.0.66'))).toBeGreaterThan(0);
    expect(await waitOf(throttles, owner('10.0.0.5'))).toBe(0);
  });

  it('lets typos through, then makes the failing address wait twice as long after each failure, up to a cap', async () => {
    const throttles = new Throttles();
    const guesser = owner('10.0.0.66');
    await fail(throttles, guesser, SIGN_IN_LIMITS.freePerAccountAddress);
    expect(await waitOf(throttles, guesser)).toBe(0);
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      await fail(throttles, guesser, 1);
      waits.push(await waitOf(throttles, guesser));
    }
    expect(waits.slice(0, 4)).toEqual([1, 2, 4, 8]);
    expect(Math.max(...waits)).toBe(SIGN_IN_LIMITS.maxWaitPerAccountAddressSeconds);
  });

  it('slows each new address once one account has been guessed from many', async () => {
    const throttles = new Throttles();
    for (let i = 0; i < SIGN_IN_LIMITS.freePerAccount; i++)
      await fail(throttles, owner(`10.1.0.${i}`), 1);
    expect(await waitOf(throttles, owner('10.1.0.0'))).toBe(0);
    await fail(throttles, owner('10.1.0.200'), 1);
    expect(await waitOf(throttles, owner('10.1.0.200'))).toBeGreaterThan(0);
    expect(await waitOf(throttles, owner('10.1.0.201'))).toBe(0);
  });

  it('slows an address that sweeps many accounts, for at most a minute', async () => {
    const throttles = new Throttles();
    for (let i = 0; i < SIGN_IN_LIMITS.freePerAddress + 10; i++)
      await fail(throttles, { account: `user-${i}`, address: '10.0.0.66' }, 1);
    const wait = await waitOf(throttles, { account: 'someone-new', address: '10.0.0.66' });
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(SIGN_IN_LIMITS.maxWaitPerAddressSeconds);
    expect(await waitOf(throttles, { account: 'someone-new', address: '10.0.0.7' })).toBe(0);
  });

  it('forgives an address its failures on an account once it signs in', async () => {
    const throttles = new Throttles();
    await fail(throttles, owner('10.0.0.5'), SIGN_IN_LIMITS.freePerAccountAddress);
    await throttles.recordSignInSuccess(owner('10.0.0.5'));
    await fail(throttles, owner('10.0.0.5'), SIGN_IN_LIMITS.freePerAccountAddress);
    expect(await waitOf(throttles, owner('10.0.0.5'))).toBe(0);
  });

  it('grows waits 1, 2, 4… seconds past the budget and caps them', () => {
    expect([0, 1, 2, 3, 4].map((n) => growingWait(n, 60))).toEqual([0, 1, 2, 4, 8]);
    expect(growingWait(40, 60)).toBe(60);
  });
});
