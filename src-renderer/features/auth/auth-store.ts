import { z } from 'zod';
import {
  accountSchema,
  tokenPairSchema,
  type Account,
  type TokenPair,
} from '../../../src-shared/schemas/accounts';
import type { SignOutReason } from '../../api/token-refresher';
import { createStore } from '../../app/createStore';

export interface AuthState {
  tokens: TokenPair | undefined;
  /** The signed-in account as last seen; refreshed from /me on start and by account:updated. */
  account: Account | undefined;
  /** Why the last sign-in ended without the person asking; the sign-in page says so once. */
  signedOutBecause: SignOutReason | undefined;
}

const saved = z.object({ tokens: tokenPairSchema, account: accountSchema.optional() });

/**
 * Tokens and the account, kept in localStorage so a reload stays signed in
 * (the hub can revoke them at any time, and does on sign-out). What is read
 * back is validated: a damaged or foreign entry means "signed out".
 */
export const authStore = createStore<AuthState>(
  { tokens: undefined, account: undefined, signedOutBecause: undefined },
  {
    key: 'classhub.auth',
    pick: (state) => (state.tokens ? { tokens: state.tokens, account: state.account } : {}),
    restore: (value) => {
      const parsed = saved.safeParse(value);
      return parsed.success ? parsed.data : undefined;
    },
  },
);

export const useAccount = (): Account | undefined => authStore.use((state) => state.account);
export const useIsSignedIn = (): boolean => authStore.use((state) => state.tokens !== undefined);
