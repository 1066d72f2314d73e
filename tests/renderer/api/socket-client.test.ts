import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../src-renderer/api/api-error';
import { createSocketClient, type ClientSocket } from '../../../src-renderer/api/socket-client';
import type { TokenRefresher } from '../../../src-renderer/api/token-refresher';

type Listener = (...args: unknown[]) => void;

/** Stands in for socket.io-client's Socket: the test plays the hub by firing its events. */
class FakeSocket {
  connected = false;
  active = false;
  connects = 0;
  readonly listeners = new Map<string, Set<Listener>>();
  ackReply: unknown = { ok: true, data: { serverTime: 'now' } };
  readonly sent: unknown[][] = [];
  constructor(readonly options: { auth: (send: (auth: { token: string }) => void) => void }) {}

  on(event: string, listener: Listener) {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener);
    this.listeners.set(event, set);
    return this;
  }
  off(event: string, listener: Listener) {
    this.listeners.get(event)?.delete(listener);
    return this;
  }
  connect() {
    this.connects++;
    this.active = true;
    return this;
  }
  disconnect() {
    this.active = false;
    this.connected = false;
    return this;
  }
  readonly emitted: unknown[][] = [];
  emit(...args: unknown[]) {
    this.emitted.push(args);
    return this;
  }
  timeout() {
    return {
      emitWithAck: async (...args: unknown[]) => {
        this.sent.push(args);
        return this.ackReply;
      },
    };
  }
  fire(event: string, ...args: unknown[]) {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
  /** What the hub does: accept the handshake. */
  accept() {
    this.connected = true;
    this.fire('connect');
  }
  /** The hub's middleware refused the handshake: socket.io-client stops retrying by itself. */
  refuse(code: string) {
    this.active = false;
    this.fire('connect_error', Object.assign(new Error(code), { data: { code, message: code } }));
  }
  token(): string {
    let token = '';
    this.options.auth((auth) => (token = auth.token));
    return token;
  }
}

function setup(overrides: { freshAccessToken?: TokenRefresher['freshAccessToken'] } = {}) {
  let token = 'access-1';
  const sockets: FakeSocket[] = [];
  const onRevoked = vi.fn();
  const refresher: TokenRefresher = {
    freshAccessToken:
      overrides.freshAccessToken ??
      vi.fn(async () => {
        token = 'access-2';
        return token;
      }),
  };
  const client = createSocketClient({
    accessToken: () => token,
    refresher,
    onRevoked,
    backoff: { baseMs: 1000, maxMs: 8000 },
    connect: (_url, options) => {
      const socket = new FakeSocket(options as never);
      socket.connect();
      sockets.push(socket);
      return socket as unknown as ClientSocket;
    },
  });
  const state = () => client.status.get().connection;
  return { client, sockets, onRevoked, refresher, state, socket: () => sockets[0]! };
}

describe('the socket client', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('connects with the current access token and reports each connection state', () => {
    const { client, socket, state } = setup();
    expect(state()).toBe('offline');
    client.start();
    expect(state()).toBe('connecting');
    expect(socket().token()).toBe('access-1');
    socket().accept();
    expect(state()).toBe('connected');
    socket().connected = false;
    socket().fire('disconnect', 'transport close');
    expect(state()).toBe('reconnecting');
    client.stop();
    expect(state()).toBe('offline');
  });

  it('starts only once however often it is asked', () => {
    const { client, sockets } = setup();
    client.start();
    client.start();
    expect(sockets).toHaveLength(1);
  });

  it('refreshes the token and reconnects when the handshake is refused as expired', async () => {
    const { client, socket, refresher } = setup();
    client.start();
    socket().refuse('TOKEN_EXPIRED');
    await vi.waitFor(() => expect(socket().connects).toBe(2));
    expect(refresher.freshAccessToken).toHaveBeenCalledWith('access-1');
    expect(socket().token()).toBe('access-2');
  });

  it('ends the sign-in when the handshake is refused as revoked', () => {
    const { client, socket, onRevoked } = setup();
    client.start();
    socket().refuse('TOKEN_REVOKED');
    expect(onRevoked).toHaveBeenCalledWith('revoked');
  });

  it('passes the hub’s auth:revoked notice on', () => {
    const { client, socket, onRevoked } = setup();
    client.start();
    socket().accept();
    socket().fire('auth:revoked', { reason: 'password-changed' });
    expect(onRevoked).toHaveBeenCalledWith('password-changed');
  });

  it('retries with growing delays after the hub closed the connection', () => {
    const { client, socket, state } = setup();
    client.start();
    socket().accept();
    socket().connected = false;
    socket().fire('disconnect', 'io server disconnect');
    expect(state()).toBe('reconnecting');
    vi.advanceTimersByTime(1500); // first delay: 1 s ± 50 %
    expect(socket().connects).toBe(2);
    socket().refuse('INTERNAL');
    vi.advanceTimersByTime(900); // second delay: 2 s ± 50 %, so not yet
    expect(socket().connects).toBe(2);
    vi.advanceTimersByTime(2200);
    expect(socket().connects).toBe(3);
    socket().accept();
    expect(state()).toBe('connected');
  });

  it('does not retry after stop()', () => {
    const { client, socket } = setup();
    client.start();
    socket().refuse('INTERNAL');
    client.stop();
    vi.advanceTimersByTime(60_000);
    expect(socket().connects).toBe(1);
  });

  it('delivers hub events to listeners until they unsubscribe, across a restart', () => {
    const { client, sockets } = setup();
    const seen: unknown[] = [];
    const off = client.on('account:updated', (account) => seen.push(account.username));
    client.start();
    sockets[0]!.fire('account:updated', { username: 'emma1' });
    client.stop();
    client.start();
    sockets[1]!.fire('account:updated', { username: 'emma2' });
    off();
    sockets[1]!.fire('account:updated', { username: 'emma3' });
    expect(seen).toEqual(['emma1', 'emma2']);
  });

  it('unwraps acknowledgements, and turns a refusal into an ApiError', async () => {
    const { client, socket } = setup();
    client.start();
    socket().accept();
    await expect(client.request('hub:ping')).resolves.toEqual({ serverTime: 'now' });
    socket().ackReply = { ok: false, error: { code: 'FORBIDDEN', message: 'Not yours.' } };
    const error = await client
      .request('session:watch', { sessionId: 's1' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'FORBIDDEN', message: 'Not yours.' });
    expect(socket().sent[1]).toEqual(['session:watch', { sessionId: 's1' }]);
  });

  it('refuses requests while not connected', async () => {
    const { client } = setup();
    client.start();
    await expect(client.request('hub:ping')).rejects.toMatchObject({ code: 'NETWORK' });
  });

  it('sends unanswered hints such as typing only while connected, without waiting', () => {
    const { client, socket } = setup();
    client.start();
    client.notify('chat:typing', { room: 'course:c1' });
    expect(socket().emitted).toEqual([]);
    socket().accept();
    client.notify('chat:typing', { room: 'course:c1' });
    expect(socket().emitted).toEqual([['chat:typing', { room: 'course:c1' }]]);
  });
});

describe('the socket client’s handshake', () => {
  it('says what the connection is, when given a client description', () => {
    let auth: unknown;
    const client = createSocketClient({
      accessToken: () => 'access-1',
      client: () => ({ kind: 'desktop', deviceId: 'd-0123456789' as never, version: '1.2.0' }),
      refresher: { freshAccessToken: vi.fn() },
      onRevoked: vi.fn(),
      connect: (_url, options) => {
        (options.auth as (send: (a: unknown) => void) => void)((a) => (auth = a));
        return new FakeSocket(options as never) as unknown as ClientSocket;
      },
    });
    client.start();
    expect(auth).toEqual({
      token: 'access-1',
      client: { kind: 'desktop', deviceId: 'd-0123456789', version: '1.2.0' },
    });
    client.stop();
  });
});
