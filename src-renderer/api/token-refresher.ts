import type { RevokedNotice } from '../../src-shared/events';
import type { TokenPair } from '../../src-shared/schemas/accounts';
import { ApiError } from './api-error';

/** Why a sign-in ended without the person asking: shown on the sign-in page. */
export type SignOutReason = 'expired' | 'revoked' | RevokedNotice['reason'];

/** Where the clients read and keep the tokens (the auth store, in the app). */
export interface TokenSource {
  accessToken(): string | undefined;
  refreshToken(): string | undefined;
  /** Saves a refreshed pair. */
  storeTokens(tokens: TokenPair): void;
  /** The sign-in is over: forget the tokens and say why. */
  signedOut(reason: SignOutReason): void;
  /** Reads the saved tokens again: another tab may have refreshed them meanwhile. */
  reload?(): void;
}

/** Runs `work` while no other tab of this hub runs its own refresh. */
export type CrossTabLock = <T>(work: () => Promise<T>) => Promise<T>;

export interface TokenRefresher {
  /**
   * A usable access token after `stale` was refused as expired. However many
   * callers ask at once, one refresh runs; a caller whose token was already
   * replaced gets the new one without refreshing again.
   */
  freshAccessToken(stale: string): Promise<string>;
}

/**
 * The hub rotates the refresh token on every refresh and ends the sign-in if
 * an old one is presented again, so two refreshes with the same token would
 * sign the person out: hence single-flight here, and a Web Lock across tabs.
 */
export function createTokenRefresher(options: {
  tokens: TokenSource;
  /** Calls POST /auth/refresh. */
  refresh: (refreshToken: string) => Promise<TokenPair>;
  lock?: CrossTabLock;
}): TokenRefresher {
  const { tokens, refresh } = options;
  const lock = options.lock ?? webLock;
  let inFlight: Promise<string> | undefined;

  async function run(stale: string): Promise<string> {
    return lock(async () => {
      tokens.reload?.();
      const current = tokens.accessToken();
      if (current && current !== stale) return current;
      const refreshToken = tokens.refreshToken();
      if (!refreshToken) {
        tokens.signedOut('expired');
        throw new ApiError('TOKEN_REVOKED', 'You are signed out. Sign in again.');
      }
      try {
        const pair = await refresh(refreshToken);
        tokens.storeTokens(pair);
        return pair.accessToken;
      } catch (error) {
        // A hub that cannot be reached or is busy has not said no: keep the sign-in.
        if (!(error instanceof ApiError) || !error.isTransient) tokens.signedOut('expired');
        throw error;
      }
    });
  }

  return {
    freshAccessToken(stale) {
      const current = tokens.accessToken();
      if (current && current !== stale) return Promise.resolve(current);
      inFlight ??= run(stale).finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
  };
}

/** navigator.locks where the browser has it; otherwise this tab's single-flight is all we get. */
const webLock: CrossTabLock = (work) => {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return work();
  return locks.request('classhub-token-refresh', work) as ReturnType<typeof work>;
};
