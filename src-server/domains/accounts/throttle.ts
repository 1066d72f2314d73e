import { RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from '../../domain-error';

const MINUTE = 60;

/**
 * Brute-force brakes. Sign-in failures count per account (so a password
 * cannot be guessed slowly from many addresses) and per address (so one
 * machine cannot sweep many accounts); a success clears the account's count.
 */
export class Throttles {
  private readonly failuresByAccount = new RateLimiterMemory({
    points: 10,
    duration: 15 * MINUTE,
    blockDuration: 15 * MINUTE,
  });
  private readonly failuresByAddress = new RateLimiterMemory({
    points: 50,
    duration: 15 * MINUTE,
    blockDuration: 15 * MINUTE,
  });
  /** A whole class may register from one school address (NAT), so sign-ups get room; emails far less. */
  private readonly signupsByAddress = new RateLimiterMemory({ points: 300, duration: 60 * MINUTE });
  /** Reset and verification emails per address: stops mail floods. */
  private readonly mailsByAddress = new RateLimiterMemory({ points: 20, duration: 60 * MINUTE });

  async assertSignInAllowed(account: string, address: string): Promise<void> {
    const [byAccount, byAddress] = await Promise.all([
      this.failuresByAccount.get(account.toLowerCase()),
      this.failuresByAddress.get(address),
    ]);
    if (byAccount && byAccount.consumedPoints >= 10) throw tooMany('for this account', byAccount);
    if (byAddress && byAddress.consumedPoints >= 50) throw tooMany('from this device', byAddress);
  }

  async recordSignInFailure(account: string, address: string): Promise<void> {
    await Promise.all([
      this.failuresByAccount.penalty(account.toLowerCase(), 1),
      this.failuresByAddress.penalty(address, 1),
    ]);
  }

  async recordSignInSuccess(account: string): Promise<void> {
    await this.failuresByAccount.delete(account.toLowerCase());
  }

  consumeSignup(address: string): Promise<void> {
    return consume(this.signupsByAddress, address);
  }

  consumeMail(address: string): Promise<void> {
    return consume(this.mailsByAddress, address);
  }
}

async function consume(limiter: RateLimiterMemory, address: string): Promise<void> {
  try {
    await limiter.consume(address);
  } catch (result) {
    throw new DomainError(
      'TOO_MANY_REQUESTS',
      `Too many requests from this device. Try again in ${minutes(result as RateLimiterRes)}.`,
      {
        retryAfterSeconds: Math.ceil((result as RateLimiterRes).msBeforeNext / 1000),
      },
    );
  }
}

function tooMany(where: string, result: RateLimiterRes): DomainError {
  return new DomainError(
    'TOO_MANY_REQUESTS',
    `Too many failed sign-ins ${where}. Try again in ${minutes(result)}.`,
    {
      retryAfterSeconds: Math.ceil(result.msBeforeNext / 1000),
    },
  );
}

function minutes(result: RateLimiterRes): string {
  const count = Math.max(1, Math.ceil(result.msBeforeNext / 60_000));
  return count === 1 ? '1 minute' : `${count} minutes`;
}
