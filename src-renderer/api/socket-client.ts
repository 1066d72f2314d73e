import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type {
  Ack,
  ClientToServerEvents,
  ServerToClientEvents,
  SocketAuth,
} from '../../src-shared/events';
import type { ClientHello } from '../../src-shared/schemas/devices';
import { createStore, type Store } from '../app/createStore';
import { ApiError, type ApiErrorCode } from './api-error';
import type { SignOutReason, TokenRefresher } from './token-refresher';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** connecting: first attempt; reconnecting: lost and trying again; offline: not trying (or no network). */
export type ConnectionState = 'offline' | 'connecting' | 'connected' | 'reconnecting';

type ServerEvent = keyof ServerToClientEvents;
type AckOf<E extends keyof ClientToServerEvents> =
  Parameters<ClientToServerEvents[E]> extends [...unknown[], (reply: Ack<infer T>) => void]
    ? T
    : never;
/** Events the hub does not answer (e.g. `chat:typing`): one payload, no ack. */
type UnansweredEvent = {
  [E in keyof ClientToServerEvents]: Parameters<ClientToServerEvents[E]> extends [infer P]
    ? P extends (...args: never[]) => unknown
      ? never
      : E
    : never;
}[keyof ClientToServerEvents];
type PayloadOf<E extends keyof ClientToServerEvents> =
  Parameters<ClientToServerEvents[E]> extends [infer P, (reply: never) => void] ? [payload: P] : [];

export interface SocketClient {
  readonly status: Store<{ connection: ConnectionState }>;
  /** Connects with the current access token; safe to call when already started. */
  start(): void;
  /** Disconnects and stops retrying (sign-out). */
  stop(): void;
  /** Listens to a hub event across reconnects; returns the unsubscribe. */
  on<E extends ServerEvent>(event: E, handler: ServerToClientEvents[E]): () => void;
  /** Sends an event the hub does not answer; dropped when not connected (it is only a hint). */
  notify<E extends UnansweredEvent>(
    event: E,
    payload: Parameters<ClientToServerEvents[E]>[0],
  ): void;
  /** Sends a request and waits for its ack; rejects with ApiError. */
  request<E extends keyof ClientToServerEvents>(
    event: E,
    ...payload: PayloadOf<E>
  ): Promise<AckOf<E>>;
}

export interface SocketClientOptions {
  /** The hub's origin; undefined means the page's own origin. */
  url?: string;
  accessToken(): string | undefined;
  /** What this connection says it is at each handshake (the teacher's device board). */
  client?: () => ClientHello;
  refresher: TokenRefresher;
  /** The hub ended this sign-in (auth:revoked, or a handshake refused as revoked). */
  onRevoked(reason: SignOutReason): void;
  /** Tests pass a fake; the app uses socket.io-client. */
  connect?: (
    url: string | undefined,
    options: Partial<ManagerOptions & SocketOptions>,
  ) => ClientSocket;
  /** Retry delays for refused handshakes, in ms (attempt n waits base·2ⁿ, capped, ±50 %). */
  backoff?: { baseMs: number; maxMs: number };
  requestTimeoutMs?: number;
}

const DEFAULT_BACKOFF = { baseMs: 1000, maxMs: 30_000 };
type AnyHandler = (...args: never[]) => void;

/**
 * The one Socket.IO client. socket.io-client reconnects with back-off when
 * the network drops; this adds what it does not do: a handshake refused with
 * TOKEN_EXPIRED is retried after one (shared) token refresh, a revoked
 * sign-in signs out, and a hub that went away is retried with back-off.
 */
export function createSocketClient(options: SocketClientOptions): SocketClient {
  const status = createStore<{ connection: ConnectionState }>({ connection: 'offline' });
  const handlers = new Map<ServerEvent, Set<AnyHandler>>();
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const connect = options.connect ?? ((url, opts) => (url ? io(url, opts) : io(opts)));
  let socket: ClientSocket | undefined;
  let everConnected = false;
  let attempts = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const setState = (connection: ConnectionState) => status.set({ connection });
  const browserOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;
  const trying = (): ConnectionState =>
    browserOffline() ? 'offline' : everConnected ? 'reconnecting' : 'connecting';

  function scheduleRetry() {
    clearTimeout(retryTimer);
    const delay = Math.min(backoff.maxMs, backoff.baseMs * 2 ** attempts++);
    retryTimer = setTimeout(() => socket?.connect(), delay * (0.5 + Math.random()));
    setState(trying());
  }

  async function onRefused(error: Error & { data?: { code?: ApiErrorCode } }) {
    const code = error.data?.code;
    if (code === 'TOKEN_REVOKED' || code === 'UNAUTHENTICATED') {
      options.onRevoked('revoked');
      return;
    }
    if (code === 'TOKEN_EXPIRED') {
      try {
        await options.refresher.freshAccessToken(options.accessToken() ?? '');
        socket?.connect();
        return;
      } catch (refreshError) {
        // The refresher signs out when the hub said no; anything else is worth another try.
        if (!(refreshError instanceof ApiError) || !refreshError.isTransient) return;
      }
    }
    scheduleRetry();
  }

  function wire(s: ClientSocket) {
    s.on('connect', () => {
      everConnected = true;
      attempts = 0;
      setState('connected');
    });
    s.on('connect_error', (error) => {
      // Active: socket.io-client retries by itself (network trouble). Not active: the hub refused.
      if (s.active) setState(trying());
      else void onRefused(error);
    });
    s.on('disconnect', (reason) => {
      if (!socket) return;
      // The hub closed us on purpose (shutting down): it may come back, so keep trying.
      if (reason === 'io server disconnect') scheduleRetry();
      else setState(trying());
    });
    s.on('auth:revoked', (notice) => options.onRevoked(notice.reason));
    for (const [event, set] of handlers) for (const handler of set) attach(s, event, handler);
  }

  const onOnline = () => {
    if (socket && !socket.connected) {
      attempts = 0;
      socket.connect();
      setState(trying());
    }
  };
  const onOffline = () => {
    if (socket && !socket.connected) setState('offline');
  };

  return {
    status,
    start() {
      if (socket) return;
      everConnected = false;
      attempts = 0;
      socket = connect(options.url, {
        // A function, so every attempt sends the token of that moment (it may have been refreshed).
        auth: (send: (auth: SocketAuth) => void) =>
          send({
            token: options.accessToken() ?? '',
            ...(options.client ? { client: options.client() } : {}),
          }),
        reconnectionDelay: backoff.baseMs,
        reconnectionDelayMax: backoff.maxMs,
        randomizationFactor: 0.5,
        transports: ['websocket', 'polling'],
      });
      wire(socket);
      if (typeof window !== 'undefined') {
        window.addEventListener('online', onOnline);
        window.addEventListener('offline', onOffline);
      }
      setState(trying());
    },
    stop() {
      clearTimeout(retryTimer);
      const s = socket;
      socket = undefined;
      s?.disconnect();
      if (typeof window !== 'undefined') {
        window.removeEventListener('online', onOnline);
        window.removeEventListener('offline', onOffline);
      }
      setState('offline');
    },
    on(event, handler) {
      const set = handlers.get(event) ?? new Set<AnyHandler>();
      handlers.set(event, set);
      set.add(handler as AnyHandler);
      if (socket) attach(socket, event, handler as AnyHandler);
      return () => {
        set.delete(handler as AnyHandler);
        // socket.io's typed off() cannot see that handler fits event; the cast only widens it.
        socket?.off(event, handler as never);
      };
    },
    notify(event, payload) {
      if (!socket?.connected) return;
      // socket.io's typed emit cannot follow the mapped event type; the cast only widens it.
      (socket.emit as (event: string, payload: unknown) => void)(event, payload);
    },
    async request(event, ...payload) {
      if (!socket?.connected) throw new ApiError('NETWORK', 'Not connected to the hub.');
      const timed = socket.timeout(options.requestTimeoutMs ?? 10_000) as unknown as {
        emitWithAck(event: string, ...args: unknown[]): Promise<Ack<unknown>>;
      };
      let reply: Ack<unknown>;
      try {
        reply = await timed.emitWithAck(event, ...payload);
      } catch (error) {
        throw new ApiError('NETWORK', 'The hub did not answer in time.', { cause: error });
      }
      if (!reply.ok) {
        // How long to wait (slow mode, rate limits) travels with the refusal, as over REST.
        const wait = reply.error.details?.retryAfterSeconds;
        throw new ApiError(
          reply.error.code,
          reply.error.message,
          wait === undefined ? {} : { retryAfterSeconds: wait },
        );
      }
      return reply.data as AckOf<typeof event>;
    },
  };
}

function attach(s: ClientSocket, event: ServerEvent, handler: AnyHandler) {
  s.on(event, handler as never);
}
