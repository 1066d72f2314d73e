import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../src-shared/events';
import { startChildHub } from '../tests/support/child-hub';

/**
 * Delivery latency with 200 connected clients in one session room: the hub
 * runs in its own process (as in a classroom), the clients here; one member
 * sends 50 messages and every client timestamps each arrival.
 */
const CLIENTS = 200;
const MESSAGES = 50;

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

async function post(url: string, path: string, body: unknown, token?: string) {
  const response = await fetch(`${url}/api${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- bench glue over known routes
}

export async function runRealtimeBench(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'classhub-rt-bench-'));
  const hub = await startChildHub(dataDir);
  try {
    const people: string[] = [];
    for (let i = 0; i <= CLIENTS; i++) {
      const reply = await post(hub.url, '/auth/register', {
        username: `student${i}`,
        firstName: 'Stu',
        lastName: `Dent ${i}`,
        email: `s${i}@bench.test`,
        password: 'Lantern-Orbit-42',
        role: 'student',
      });
      people.push(reply.tokens.accessToken as string);
    }
    const [hostToken, ...memberTokens] = people as [string, ...string[]];
    const session = await post(hub.url, '/sessions', { title: 'Bench' }, hostToken);
    for (const token of memberTokens)
      await post(hub.url, '/sessions/join', { token: session.joinToken }, token);
    const room = `session:${session.id}`;

    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    const clients: Client[] = await Promise.all(
      memberTokens.map(
        (token) =>
          new Promise<Client>((resolve, reject) => {
            const socket: Client = io(hub.url, {
              auth: { token },
              transports: ['websocket'],
              reconnection: false,
            });
            socket.on('chat:message', (message) => {
              const start = sentAt.get(message.clientId ?? '');
              if (start !== undefined) latencies.push(performance.now() - start);
            });
            socket.once('connect', () => resolve(socket));
            socket.once('connect_error', reject);
          }),
      ),
    );
    const sender: Client = io(hub.url, {
      auth: { token: hostToken },
      transports: ['websocket'],
      reconnection: false,
    });
    await new Promise((resolve) => sender.once('connect', () => resolve(undefined)));
    for (let i = 0; i < MESSAGES; i++) {
      const clientId = randomUUID();
      sentAt.set(clientId, performance.now());
      await sender.emitWithAck('chat:send', { room, clientId, text: `message ${i}` });
      await new Promise((resolve) => setTimeout(resolve, 400)); // a lively class, under the 30-per-10-s write limit
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    latencies.sort((a, b) => a - b);
    const at = (q: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
    console.log(
      `\nchat delivery, ${CLIENTS} clients in one room, ${MESSAGES} messages (send → arrival, incl. fsync)`,
    );
    console.log(
      `  delivered ${latencies.length} of ${CLIENTS * MESSAGES}; median ${at(0.5)} ms, p99 ${at(0.99)} ms`,
    );
    for (const client of [...clients, sender]) client.disconnect();
  } finally {
    hub.process.kill('SIGTERM');
    await hub.exited;
    await rm(dataDir, { recursive: true, force: true });
  }
}
