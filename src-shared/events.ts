import type { ErrorBody } from './errors';
import type { Account } from './schemas/accounts';

/**
 * The Socket.IO contract. Event names: `domain:verb` for what a client asks,
 * `domain:verbed` for what the hub announces.
 */

/** Every client request is acknowledged; `ok: true` means it is stored. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody['error'] };

export interface RevokedNotice {
  /** `signed-out`: this device signed out; `signed-out-everywhere`, `password-changed`, `account-removed`: all devices. */
  reason:
    | 'signed-out'
    | 'signed-out-everywhere'
    | 'password-changed'
    | 'account-removed'
    | 'account-blocked';
}

export interface ServerToClientEvents {
  /** Your own account changed: approved, edited on another device, role changed by an admin. */
  'account:updated': (account: Account) => void;
  /** This connection's sign-in is no longer valid; the hub disconnects right after. */
  'auth:revoked': (notice: RevokedNotice) => void;
}

export interface ClientToServerEvents {
  /** Round trip check used by the connection indicator; answers the hub's clock. */
  'hub:ping': (ack: (reply: Ack<{ serverTime: string }>) => void) => void;
}

/** The handshake `auth` payload. */
export interface SocketAuth {
  token: string;
}
