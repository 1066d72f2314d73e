import type { TokenPair } from '../../../src-shared/schemas/accounts';
import type { Store } from '../../app/createStore';
import { desktopBridge, isLocalShell } from '../../desktop';

/**
 * Main downloads files and replays the outbox with the signed-in person's
 * access token: hand it over on sign-in and after every refresh (both go
 * through the auth store), and take it back (null) on sign-out.
 */
export function shareCredentialsWithDesktop(auth: Store<{ tokens: TokenPair | undefined }>): void {
  const bridge = desktopBridge();
  if (!bridge || isLocalShell()) return;
  let shared: string | null | undefined;
  const share = (accessToken: string | undefined) => {
    const next = accessToken ?? null;
    if (next === shared) return;
    shared = next;
    const credentials = next ? { hubUrl: location.origin, accessToken: next } : null;
    // Main refusing (it validates every call) must not break signing in; downloads will say why.
    bridge.setCredentials(credentials).catch(() => undefined);
  };
  share(auth.get().tokens?.accessToken);
  auth.subscribe((state) => share(state.tokens?.accessToken));
}
