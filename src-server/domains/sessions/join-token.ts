import { randomInt } from 'node:crypto';
import type { RateLimiterRes } from 'rate-limiter-flexible';
import { JOIN_TOKEN_ALPHABET, JOIN_TOKEN_LENGTH } from '../../../src-shared/schemas/sessions';
import { DomainError } from '../../domain-error';
import { UniqueViolation } from '../../storage/errors';

/** 9 symbols from a 31-letter alphabet without look-alikes: ≈ 44.6 bits from the OS CSPRNG. */
export function newJoinToken(): string {
  let token = '';
  for (let i = 0; i < JOIN_TOKEN_LENGTH; i++)
    token += JOIN_TOKEN_ALPHABET[randomInt(JOIN_TOKEN_ALPHABET.length)];
  return token;
}

/** A collision among 31⁹ tokens is unlikely but possible; retry with another. */
export async function withFreshToken<T>(write: (token: string) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await write(newJoinToken());
    } catch (error) {
      if (!(error instanceof UniqueViolation) || attempt >= 5) throw error;
    }
  }
}

export function tooManyGuesses(result: RateLimiterRes): DomainError {
  const minutes = Math.max(1, Math.ceil(result.msBeforeNext / 60_000));
  return new DomainError(
    'TOO_MANY_REQUESTS',
    `Too many wrong join tokens. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    { retryAfterSeconds: Math.ceil(result.msBeforeNext / 1000) },
  );
}
