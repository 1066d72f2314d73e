import { MAX_SESSION_MINUTES } from '../../../src-shared/schemas/sessions';
import { fieldError } from '../../domain-error';

/*
 * The times a session may carry, checked the same on create and on edit so
 * a field error names the field a person must change.
 */

/** A scheduled meeting has both times, in order, at most a day apart; none at all is fine. */
export function meetingTimes(
  startsAt: string | undefined,
  endsAt: string | undefined,
): { startsAt: string; endsAt: string } | Record<string, never> {
  if (startsAt === undefined && endsAt === undefined) return {};
  if (startsAt === undefined)
    throw fieldError('startsAt', 'Give the meeting a start time too, or clear its end.');
  if (endsAt === undefined)
    throw fieldError('endsAt', 'Give the meeting an end time too, or clear its start.');
  const minutes = (Date.parse(endsAt) - Date.parse(startsAt)) / 60_000;
  if (minutes <= 0) throw fieldError('endsAt', 'The meeting must end after it starts.');
  if (minutes > MAX_SESSION_MINUTES)
    throw fieldError('endsAt', 'A meeting can last at most 24 hours.');
  return { startsAt: new Date(startsAt).toISOString(), endsAt: new Date(endsAt).toISOString() };
}

/** A join token that expires in the past would let nobody in: refused with the field named. */
export function assertFutureExpiry(expiresAt: string | undefined, now: Date): void {
  if (expiresAt && new Date(expiresAt) <= now) {
    throw fieldError('joinTokenExpiresAt', 'Choose an expiry in the future.');
  }
}
