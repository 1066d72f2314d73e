import type {
  Account,
  RegisterRequest,
  RegisterResponse,
} from '../../../src-shared/schemas/accounts';
import { api, endSignIn } from '../../app/hub-client';
import { desktopBridge } from '../../desktop';
import { authStore } from './auth-store';
import { failedSignInsStore } from './failed-sign-ins-store';

/**
 * What a person does with their sign-in. Pages call these; the clients and
 * the store do the rest (the socket follows the tokens by itself).
 */
export async function signIn(username: string, password: string): Promise<Account> {
  const { account, tokens, failedSignIns } = await api.call('signIn', {
    body: { username, password, device: describeDevice() },
  });
  authStore.set({ tokens, account, signedOutBecause: undefined });
  failedSignInsStore.set({ notice: failedSignIns });
  return account;
}

export async function register(input: RegisterRequest): Promise<RegisterResponse> {
  const result = await api.call('register', { body: input });
  if (result.tokens) {
    authStore.set({ tokens: result.tokens, account: result.account, signedOutBecause: undefined });
  }
  return result;
}

/** Refreshes the account from the hub (status, role and names may have changed elsewhere). */
export async function loadAccount(): Promise<Account> {
  const account = await api.call('me');
  authStore.set({ account });
  return account;
}

/** Signs this device out. Local sign-out happens even if the hub cannot be reached. */
export async function signOut(): Promise<void> {
  try {
    await api.call('signOut');
  } catch {
    // The tokens are forgotten below either way; an unreachable hub expires them on its own.
  } finally {
    endSignIn();
  }
}

/** Ends every sign-in of this account, this one included. Fails loudly: the person must know. */
export async function signOutEverywhere(): Promise<void> {
  await api.call('signOutEverywhere');
  endSignIn('signed-out-everywhere');
}

/** Shown in the hub's list of signed-in devices. */
function describeDevice(): string {
  const desktop = desktopBridge();
  if (desktop) return `ClassHub desktop (${desktop.platform})`;
  const agent = typeof navigator === 'undefined' ? '' : navigator.userAgent;
  const browser = /Firefox\//.test(agent)
    ? 'Firefox'
    : /Edg\//.test(agent)
      ? 'Edge'
      : /Chrom(e|ium)\//.test(agent)
        ? 'Chrome'
        : /Safari\//.test(agent)
          ? 'Safari'
          : 'Browser';
  return `${browser} in a web page`;
}
