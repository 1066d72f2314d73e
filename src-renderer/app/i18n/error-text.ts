import { ApiError } from '../../api/api-error';
import type { MessageKey, Translate } from './index';

/** Codes whose meaning does not depend on the request: said in the person's language. */
const byCode: Partial<Record<ApiError['code'], MessageKey>> = {
  NETWORK: 'error.network',
  UNEXPECTED_RESPONSE: 'error.unexpectedResponse',
  INTERNAL: 'error.internal',
  STORAGE_UNAVAILABLE: 'error.storageUnavailable',
  INVALID_CREDENTIALS: 'error.invalidCredentials',
  ACCOUNT_PENDING: 'error.accountPending',
  ACCOUNT_UNVERIFIED: 'error.accountUnverified',
  ACCOUNT_REJECTED: 'error.accountRejected',
  TOKEN_EXPIRED: 'error.signInEnded',
  TOKEN_REVOKED: 'error.signInEnded',
  UNAUTHENTICATED: 'error.signInEnded',
  FORBIDDEN: 'error.forbidden',
};

/**
 * A sentence a person can act on. Request-specific answers (which field is
 * wrong, what is not found) keep the hub's own message, which names the thing.
 */
export function errorText(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('error.unknown');
  if (error.code === 'TOO_MANY_REQUESTS') {
    // A short wait (a class chat's slow mode) is said in seconds, not rounded up to a minute.
    if (error.retryAfterSeconds !== undefined && error.retryAfterSeconds < 60)
      return t('error.waitSeconds', { seconds: error.retryAfterSeconds });
    const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
    return t('error.tooManyRequests', { minutes });
  }
  const key = byCode[error.code];
  return key ? t(key) : error.message;
}
