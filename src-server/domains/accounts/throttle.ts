import type { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import type { LimiterFactory } from '../../storage/coordination/coordination';
import { memoryLimiters } from '../../storage/coordination/memory-coordination';
import { DomainError } from '../../domain-error';

const MINUTE = 60;
const WINDOW = 15 * MINUTE;

/** Who is signing in: `account` is the resolved user id (or the typed name when none matches). */
export interface SignInAttempt {
  readonly account: string;
  readonly address: string;
}

/**
 * How much wrong passwords slow the next try. Nothing here locks an account:
 * waits fall on the address that failed, so a right password from an address
 * that has not been failing always gets through (issue 12, point 5).
 */
export const SIGN_IN_LIMITS = {
  /** Failures one address may make on one account before it must wait; typos stay free. */
  freePerAccountAddress: 5,
  /** A whole class signs in from one school address (NAT), so the address budget is wide. */
  freePerAddress: 20,
  /** Failures on one account from all addresses before each failing address waits (guessing spread over many machines). */
  freePerAccount: 10,
  /** Longest wait: "slow down", never "locked out for the afternoon". */
  maxWaitPerAccountAddressSeconds: 5 * MINUTE,
  maxWaitPerAddressSeconds: MINUTE,
} as const;

/**
 * Brute-force brakes. Sign-in failures count per account (whatever name or
 * email was typed), per address, and per account-and-address; each failure
 * past a free budget makes the failing address wait twice as long as before.
 */
export class Throttles {
  private readonly failuresByAccount: RateLimiterAbstract;
  private readonly failuresByAddress: RateLimiterAbstract;
  private readonly failuresByPair: RateLimiterAbstract;
  private readonly waitByAddress: RateLimiterAbstract;
  private readonly waitByPair: RateLimiterAbstract;
  /** A whole class may register from one school address (NAT), so sign-ups get room; emails far less. */
  private readonly signupsByAddress: RateLimiterAbstract;
  /** Reset and verification emails per address: stops mail floods. */
  private readonly mailsByAddress: RateLimiterAbstract;

  /**
   * `limiter` decides where the counts live: this process on lowdb, the
   * database on PostgreSQL, so a guess on one hub node counts on all of them.
   */
  constructor(limiter: LimiterFactory = memoryLimiters) {
    // A failure counter over a fixed window; `points` is never reached, penalty() only counts.
    const counter = (keyPrefix: string) =>
      limiter({ keyPrefix, points: 2_000_000_000, duration: WINDOW });
    this.failuresByAccount = counter('sign-in-failures-account');
    this.failuresByAddress = counter('sign-in-failures-address');
    this.failuresByPair = counter('sign-in-failures-pair');
    this.waitByAddress = limiter({ keyPrefix: 'sign-in-wait-address', points: 1, duration: 1 });
    this.waitByPair = limiter({ keyPrefix: 'sign-in-wait-pair', points: 1, duration: 1 });
    this.signupsByAddress = limiter({
      keyPrefix: 'signups-address',
      points: 300,
      duration: 60 * MINUTE,
    });
    this.mailsByAddress = limiter({
      keyPrefix: 'mails-address',
      points: 20,
      duration: 60 * MINUTE,
    });
  }

  /** Before the password is checked, so a waiting address learns nothing from its guess. */
  async assertSignInAllowed({ account, address }: SignInAttempt): Promise<void> {
    const [byAddress, byPair] = await Promise.all([
      this.waitByAddress.get(address),
      this.waitByPair.get(pairKey(account, address)),
    ]);
    const wait = Math.max(waiting(byAddress), waiting(byPair));
    if (wait > 0) throw slowDown(wait);
  }

  async recordSignInFailure({ account, address }: SignInAttempt): Promise<void> {
    const pair = pairKey(account, address);
    const [byAccount, byAddress, byPair] = await Promise.all([
      this.failuresByAccount.penalty(account, 1),
      this.failuresByAddress.penalty(address, 1),
      this.failuresByPair.penalty(pair, 1),
    ]);
    const limits = SIGN_IN_LIMITS;
    const addressWait = growingWait(
      byAddress.consumedPoints - limits.freePerAddress,
      limits.maxWaitPerAddressSeconds,
    );
    const pairWait = growingWait(
      Math.max(
        byPair.consumedPoints - limits.freePerAccountAddress,
        byAccount.consumedPoints - limits.freePerAccount,
      ),
      limits.maxWaitPerAccountAddressSeconds,
    );
    if (addressWait > 0) await this.waitByAddress.block(address, addressWait);
    if (pairWait > 0) await this.waitByPair.block(pair, pairWait);
  }

  /** The address knew the password: its own failures on this account are forgiven. */
  async recordSignInSuccess({ account, address }: SignInAttempt): Promise<void> {
    const pair = pairKey(account, address);
    await Promise.all([this.failuresByPair.delete(pair), this.waitByPair.delete(pair)]);
  }

  consumeSignup(address: string): Promise<void> {
    return consume(this.signupsByAddress, address);
  }

  consumeMail(address: string): Promise<void> {
    return consume(this.mailsByAddress, address);
  }
}

function pairKey(account: string, address: string): string {
  return `${account}\n${address}`;
}

/** 1, 2, 4, 8… seconds for each failure past the free budget, up to the cap. */
export function growingWait(failuresPastBudget: number, capSeconds: number): number {
  if (failuresPastBudget <= 0) return 0;
  return Math.min(capSeconds, 2 ** Math.min(failuresPastBudget - 1, 30));
}

function waiting(result: RateLimiterRes | null): number {
  return result && result.consumedPoints > 1 ? result.msBeforeNext : 0;
}

async function consume(limiter: RateLimiterAbstract, address: string): Promise<void> {
  try {
    await limiter.consume(address);
  } catch (result) {
    throw new DomainError(
      'TOO_MANY_REQUESTS',
      `Too many requests from this device. Try again in ${minutes((result as RateLimiterRes).msBeforeNext)}.`,
      {
        retryAfterSeconds: Math.ceil((result as RateLimiterRes).msBeforeNext / 1000),
      },
    );
  }
}

function slowDown(ms: number): DomainError {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  const when = seconds < 60 ? `${seconds} second${seconds === 1 ? '' : 's'}` : minutes(ms);
  return new DomainError(
    'TOO_MANY_REQUESTS',
    `Too many wrong passwords from this device. Wait ${when} and try again.`,
    { retryAfterSeconds: seconds },
  );
}

function minutes(ms: number): string {
  const count = Math.max(1, Math.ceil(ms / 60_000));
  return count === 1 ? '1 minute' : `${count} minutes`;
}
