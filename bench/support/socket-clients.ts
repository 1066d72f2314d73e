import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../src-shared/events';

export type BenchSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Opens one socket per token (undefined: no auth, for the bare peer) all at
 * once, like a class arriving, in this process — never in the server's.
 * Resolves when every socket is connected, with how long that took.
 */
export async function connectAll(
  url: string,
  tokens: ReadonlyArray<string | undefined>,
  prepare: (socket: BenchSocket, index: number) => void = () => undefined,
): Promise<{ sockets: BenchSocket[]; connectMs: number }> {
  const start = performance.now();
  const sockets = await Promise.all(
    tokens.map(
      (token, index) =>
        new Promise<BenchSocket>((resolve, reject) => {
          const socket: BenchSocket = io(url, {
            ...(token ? { auth: { token } } : {}),
            transports: ['websocket'],
            reconnection: false,
            forceNew: true,
            timeout: 120_000,
          });
          prepare(socket, index);
          socket.once('connect', () => resolve(socket));
          socket.once('connect_error', reject);
        }),
    ),
  );
  return { sockets, connectMs: performance.now() - start };
}

export function disconnectAll(sockets: readonly BenchSocket[]): void {
  for (const socket of sockets) socket.disconnect();
}
