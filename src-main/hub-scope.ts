import { ipcEventChannels, type IpcEventChannel } from './ipc-channels';
import { DesktopError } from './ipc-result';
import { LOCAL_SHELL_ORIGIN } from './local-shell';
import { appOriginOf, webOriginOf } from './security';

/**
 * Whose files, snapshots, downloads and offline actions a page may see. A
 * hub's page sees only its own hub's: a hub is somebody else's code, and the
 * library holds files of every hub this computer has used. The app's own
 * local shell (start screen, offline library) sees all of them.
 */
export type HubScope = { readonly kind: 'all' } | { readonly kind: 'hub'; readonly origin: string };

export const ALL_HUBS: HubScope = { kind: 'all' };

/** The scope of the page at `senderUrl` (already checked as trusted by ipc-validation.ts). */
export function scopeOfSender(senderUrl: string | undefined): HubScope {
  const origin = senderUrl === undefined ? undefined : appOriginOf(senderUrl);
  if (origin === LOCAL_SHELL_ORIGIN) return ALL_HUBS;
  // A sender without an origin never passes the trusted-sender check; this keeps it seeing nothing.
  return { kind: 'hub', origin: origin ?? 'null' };
}

/** True when something of `hubUrl` belongs to what `scope` may see. */
export function inScope(scope: HubScope, hubUrl: string): boolean {
  return scope.kind === 'all' || webOriginOf(hubUrl) === scope.origin;
}

/** Throws the page-visible FORBIDDEN error when `hubUrl` is another hub's. */
export function assertInScope(scope: HubScope, hubUrl: string): void {
  if (!inScope(scope, hubUrl))
    throw new DesktopError('FORBIDDEN', 'A hub’s page can only use that hub’s files and actions.');
}

/** Library items, jobs and outbox items of `scope`, in their order. */
export function onlyInScope<T extends { hubUrl: string }>(
  scope: HubScope,
  items: readonly T[],
): T[] {
  return items.filter((item) => inScope(scope, item.hubUrl));
}

/**
 * A bridge group as main implements it: every call takes the calling page's
 * scope first (ipc-routes.ts passes it); `onX` events stay as they are and
 * are filtered per page by ipc.ts (scopeEventPayload).
 */
export type Scoped<Group> = {
  [K in keyof Group]: K extends `on${string}`
    ? Group[K]
    : Group[K] extends (...args: infer A) => infer R
      ? (scope: HubScope, ...args: A) => R
      : Group[K];
};

/**
 * What of an event a page may receive: another hub's download is not sent
 * at all, the outbox list only with the page's own hub's actions. Other
 * events pass unchanged. Undefined means "send nothing".
 */
export function scopeEventPayload(
  channel: IpcEventChannel,
  payload: unknown,
  scope: HubScope,
): unknown {
  if (channel === ipcEventChannels.downloadsChanged)
    return inScope(scope, (payload as { hubUrl: string }).hubUrl) ? payload : undefined;
  if (channel === ipcEventChannels.outboxChanged)
    return onlyInScope(scope, payload as { hubUrl: string }[]);
  return payload;
}
