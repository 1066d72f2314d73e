import { createRestClient } from '../api/rest-client';
import { createSocketClient } from '../api/socket-client';
import type { SignOutReason, TokenSource } from '../api/token-refresher';
import { isLocalShell } from '../desktop';
import { clientHello } from './device-identity';
import { authStore } from '../features/auth';

/**
 * Wires the two clients to the auth store: the composition root of the
 * renderer's connection to the hub. The hub serves this app, so both talk to
 * the page's own origin.
 */
const tokens: TokenSource = {
  accessToken: () => authStore.get().tokens?.accessToken,
  refreshToken: () => authStore.get().tokens?.refreshToken,
  storeTokens: (pair) => authStore.set({ tokens: pair }),
  signedOut: (reason: SignOutReason) => endSignIn(reason),
  reload: () => authStore.rehydrate(),
};

export const api = createRestClient({ tokens });

export const socket = createSocketClient({
  accessToken: tokens.accessToken,
  client: clientHello,
  // The REST client's refresher: one refresh in flight, whichever client noticed first.
  refresher: api.refresher,
  onRevoked: (reason) => endSignIn(reason),
});

/** Forgets the sign-in locally (the hub has already ended it, or will not answer). */
export function endSignIn(reason?: SignOutReason): void {
  authStore.set({ tokens: undefined, account: undefined, signedOutBecause: reason });
}

// The socket lives exactly as long as a sign-in: started by tokens appearing, stopped by them going.
// The desktop app's local shell (start screen, offline library) has no hub behind it at all.
const hasHub = !isLocalShell();
authStore.subscribe((state, previous) => {
  if (state.tokens && !previous.tokens && hasHub) socket.start();
  if (!state.tokens && previous.tokens) socket.stop();
});
socket.on('account:updated', (account) => authStore.set({ account }));
if (authStore.get().tokens && hasHub) socket.start();
