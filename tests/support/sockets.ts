import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, LiveHint, ServerToClientEvents } from '../../src-shared/events';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real socket.io-client connection, resolved once the handshake succeeded. */
export async function connectSocket(url: string, token: string): Promise<ClientSocket> {
  const socket: ClientSocket = io(url, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** Resolves with the next event of this name, or rejects after `ms`. */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: ClientSocket,
  event: E,
  ms = 3000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return nextMatching(socket, event, () => true, String(event), ms);
}

/** Collects every event of this name until read. */
export function collect<E extends keyof ServerToClientEvents>(
  socket: ClientSocket,
  event: E,
): Parameters<ServerToClientEvents[E]>[0][] {
  const seen: Parameters<ServerToClientEvents[E]>[0][] = [];
  socket.on(event, ((payload: Parameters<ServerToClientEvents[E]>[0]) =>
    seen.push(payload)) as never);
  return seen;
}

/**
 * Resolves with the next event of this name that `matches`, passing over
 * others; rejects after `ms`, naming `what` it waited for.
 */
export function nextMatching<E extends keyof ServerToClientEvents>(
  socket: ClientSocket,
  event: E,
  matches: (payload: Parameters<ServerToClientEvents[E]>[0]) => boolean,
  what: string,
  ms: number,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, heard as never);
      reject(new Error(`no ${what} within ${ms} ms`));
    }, ms);
    function heard(payload: Parameters<ServerToClientEvents[E]>[0]) {
      if (!matches(payload)) return;
      clearTimeout(timer);
      socket.off(event, heard as never);
      resolve(payload);
    }
    socket.on(event, heard as never);
  });
}

/** The next `live:changed` hint matching `want` (its topic and/or what); others are passed over. */
export function nextHint(
  socket: ClientSocket,
  want: Partial<LiveHint>,
  ms = 3000,
): Promise<LiveHint> {
  const matches = (hint: LiveHint) =>
    (want.topic === undefined || hint.topic === want.topic) &&
    (want.what === undefined || hint.what === want.what);
  return nextMatching(socket, 'live:changed', matches, `live:changed ${JSON.stringify(want)}`, ms);
}

type LiveNotification = Parameters<ServerToClientEvents['notification:new']>[0];

/**
 * Resolves with the next notification of this type, passing over others:
 * the set-up's own news (an enrolment) may still arrive, later on PostgreSQL
 * and across nodes, where a ping on this node cannot wait for it.
 */
export function nextNotification(
  socket: ClientSocket,
  type: LiveNotification['type'],
  ms = 3000,
): Promise<LiveNotification> {
  const matches = (notification: LiveNotification) => notification.type === type;
  return nextMatching(socket, 'notification:new', matches, `${type} notification`, ms);
}
