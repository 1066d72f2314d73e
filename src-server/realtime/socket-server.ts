import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import type {
  ClientToServerEvents,
  ServerToClientEvents,
  SocketAuth,
} from '../../src-shared/events';
import type { AuthSessionId, UserId } from '../../src-shared/ids';
import type { ClientHello } from '../../src-shared/schemas/devices';
import type { AuthService } from '../domains/accounts/auth-service';
import { toAccount } from '../domains/accounts/views';
import { DomainError } from '../domain-error';
import type { EventBus } from '../events/bus';
import { toErrorResponse } from '../http/errors';
import type { Logger } from '../logger';
import type { ClusterLink } from './cluster';
import { NODE_ID } from '../node-id';
import type { MembershipChange, RoomMembership } from './membership';
import type { PresenceParts } from './presence-gossip';
import { userRoom } from './rooms';

export interface SocketData {
  userId: UserId;
  sessionId: AuthSessionId;
  /** What the connection declared itself at the handshake (device-delivery.ts); absent if it did not. */
  client?: ClientHello;
}

/** Between hub nodes (cluster.ts): presence parts and membership changes that need each node's own state. */
export interface InterNodeEvents {
  'presence:parts': (node: string, parts: PresenceParts) => void;
  'presence:node': (node: string, parts: PresenceParts) => void;
  'presence:gone': (node: string) => void;
  'membership:change': (change: MembershipChange) => void;
}

export type HubSocketServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterNodeEvents,
  SocketData
>;
export type HubSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterNodeEvents,
  SocketData
>;

/**
 * Socket.IO on the hub's HTTP server. The handshake carries the access token;
 * a refused handshake says why (`err.data.code`), so the client knows to
 * refresh or to sign in again.
 */
export function createSocketServer(
  http: HttpServer,
  auth: AuthService,
  logger: Logger,
): HubSocketServer {
  const io: HubSocketServer = new Server(http, { serveClient: false, maxHttpBufferSize: 1e6 });
  io.use((socket, next) => {
    const token = (socket.handshake.auth as Partial<SocketAuth>).token;
    if (typeof token !== 'string' || token.length === 0) {
      return next(
        refusal(
          'UNAUTHENTICATED',
          'Sign in first: the socket handshake needs { auth: { token } }.',
        ),
      );
    }
    auth.authenticate(token).then(
      ({ user, session }) => {
        socket.data.userId = user.id;
        socket.data.sessionId = session.id;
        next();
      },
      (error: unknown) => {
        const { body } = toErrorResponse(error, logger);
        next(refusal(body.error.code, body.error.message));
      },
    );
  });
  return io;
}

/**
 * Admits an authenticated socket: at most `max` open connections per person
 * (one sign-in cannot open a thousand), then its rooms, joined before
 * "connect" so nothing sent right after it is missed. With several hub
 * nodes, `knownElsewhere` is what presence gossip says the person holds on
 * the other nodes (no round trip); only a person that count puts near the
 * cap costs a question to the other nodes (see `mayExceed`), so a connect
 * storm of people with a device or two asks nobody.
 */
export function admitSockets(
  io: HubSocketServer,
  membership: RoomMembership,
  max: number,
  logger: Logger,
  cluster?: { knownElsewhere: (userId: UserId) => number },
): void {
  const open = new Map<UserId, number>();
  io.use((socket, next) => {
    const userId = socket.data.userId;
    const count = open.get(userId) ?? 0;
    if (count >= max) return next(tooMany(max));
    // Gossip may still count a connection closed a moment ago: near the cap, the nodes are asked.
    const known = cluster?.knownElsewhere(userId) ?? 0;
    open.set(userId, count + 1);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const left = (open.get(userId) ?? 1) - 1;
      if (left > 0) open.set(userId, left);
      else open.delete(userId);
    };
    socket.once('disconnect', release);
    socket.conn.once('close', release); // a handshake abandoned before it completed
    const elsewhere =
      cluster && mayExceed(count + 1 + known, max)
        ? openElsewhere(io, userId, known, logger)
        : Promise.resolve(known);
    elsewhere
      .then((others) => {
        if (count + 1 + others > max) throw new DomainError('TOO_MANY_REQUESTS', tooManyText(max));
        return membership.admit(socket);
      })
      .then(
        () => next(),
        (error: unknown) => {
          release();
          const { body } = toErrorResponse(error, logger);
          next(refusal(body.error.code, body.error.message));
        },
      );
  });
}

/**
 * Whether a person with `known` connections (here and as gossiped) might be
 * over the cap: gossip can miss connections opened in its last ~100 ms, so
 * past half the cap the other nodes are asked. Below it, the gossip would
 * have to miss half the cap's worth of connections for one too many to pass.
 */
const mayExceed = (known: number, max: number) => known > max / 2;

const tooManyText = (max: number) =>
  `You already have ${max} connections open to this hub. Close a tab or sign out on another device, then try again.`;

function tooMany(max: number): Error {
  return refusal('TOO_MANY_REQUESTS', tooManyText(max));
}

/** How long the other nodes may take to say which sockets they hold (a dead one is not waited for longer). */
const ASK_NODES_MS = 2000;

/**
 * The person's connections on the other hub nodes (their user room, asked
 * through the adapter). Two handshakes on two nodes at the same instant may
 * both pass: the cap stops a runaway client, not the last connection. When
 * the nodes do not answer in time, the gossiped count stands (logged),
 * rather than refusing everyone while a node is down.
 */
async function openElsewhere(
  io: HubSocketServer,
  userId: UserId,
  gossiped: number,
  logger: Logger,
): Promise<number> {
  try {
    const sockets = await io.timeout(ASK_NODES_MS).in(userRoom(userId)).fetchSockets();
    return sockets.filter((socket) => !io.sockets.sockets.has(socket.id)).length;
  } catch (error) {
    logger.warn({ err: error }, 'could not count connections on the other hub nodes');
    return gossiped;
  }
}

/**
 * The hub's own events: ping, account changes, revoked sign-ins (approvals
 * are live hints). A ping is answered after everything this node broadcast
 * before it has gone out (on several nodes a broadcast leaves through
 * PostgreSQL first, cluster.ts): a client that pings after a change hears
 * that change's news before the answer, on one node or several.
 */
export function deliverAccounts(
  io: HubSocketServer,
  bus: EventBus,
  cluster: ClusterLink | undefined,
): void {
  io.on('connection', (socket) => {
    socket.on('hub:ping', async (ack) => {
      if (typeof ack !== 'function') return;
      await cluster?.sent();
      ack({ ok: true, data: { serverTime: new Date().toISOString(), node: NODE_ID } });
    });
  });
  bus.on('account.updated', ({ user }) => {
    io.to(userRoom(user.id)).emit('account:updated', toAccount(user));
  });
  bus.on('auth.revoked', async ({ userId, sessionIds, reason }) => {
    const ended = new Set<string>(sessionIds);
    for (const socket of await io.in(userRoom(userId)).fetchSockets()) {
      if (!ended.has(socket.data.sessionId)) continue;
      socket.emit('auth:revoked', { reason });
      socket.disconnect(true);
    }
  });
}

/** A refused handshake: the client reads `err.data.code` and the sentence. */
export function refusal(code: string, message: string): Error {
  return Object.assign(new Error(message), { data: { code, message } });
}
