// Peer for the chat and connect benches: plain Socket.IO doing the least the
// same clients need — one room, a sequence number, broadcast, acks. No auth,
// no storage. Runs in its own process like the hub. Its messages have the
// shape and size of the hub's (an author with names and avatar address, a
// time, the room's name as sent): the bytes a chat needs to show a message
// are the same work for any server, and the bench compares server work.
//
// With `{ "durable": true }` it also does what the hub must before anyone sees
// a message: append it to a file and fdatasync, one sync shared by every
// message of the same moment (group commit, as the hub's chat log does) —
// so the chat bench can say how much of the hub's latency is durability.
//
// With `{ "postgres": url }` it is one of several such processes joined by
// @socket.io/postgres-adapter on that database (LISTEN/NOTIFY): the peer of
// the three-node bench (cluster-fanout.bench.ts). Its seq is per process.
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAdapter } from '@socket.io/postgres-adapter';
import pg from 'pg';
import { Server } from 'socket.io';
import { answerStats } from '../support/child-stats.mjs';

const ROOM = 'course:bench';
const { durable = false, postgres } = JSON.parse(process.argv[2] ?? '{}') as {
  durable?: boolean;
  postgres?: string;
};
const http = createServer();
const io = new Server(http);
const pool = postgres ? await joinPostgres(postgres) : undefined;
let seq = 0;
let people = 0;

interface Message {
  room: string;
  seq: number;
  author: ReturnType<typeof author>;
  text: string;
  files: never[];
  clientId: string;
  createdAt: string;
  deleted: boolean;
}

/** Who a connection is, kept from its arrival: what a chat shows beside each message. */
function author() {
  const username = `student${++people}`;
  const key = randomBytes(16).toString('base64url').slice(0, 22);
  return {
    id: randomUUID(),
    username,
    firstName: username,
    lastName: 'Bench',
    role: 'student',
    isAdmin: false,
    avatarUrl: `/api/users/${username}/avatar?k=${key}&v=initials`,
  };
}
type Publish = (message: Message) => void;

const store = durable ? await groupCommitLog() : undefined;

io.on('connection', (socket) => {
  void socket.join(ROOM);
  const me = author();
  socket.on('chat:send', (request: { room: string; clientId: string; text?: string }, ack) => {
    const message: Message = {
      room: request.room,
      seq: ++seq,
      author: me,
      text: request.text ?? '',
      files: [],
      clientId: request.clientId,
      createdAt: new Date().toISOString(),
      deleted: false,
    };
    const publish: Publish = (stored) => {
      io.to(ROOM).emit('chat:message', stored);
      ack({ ok: true, data: stored });
    };
    if (store) store.append(message, publish);
    else publish(message);
  });
  socket.on('chat:read', (request: { room: string; seq: number }, ack) => {
    ack({ ok: true, data: { room: request.room, readSeq: request.seq } });
  });
});

/** One file; every message waiting when a sync starts is written and synced by it. */
async function groupCommitLog() {
  const folder = mkdtempSync(join(tmpdir(), 'classhub-bench-peer-'));
  const file = await open(join(folder, 'log'), 'a');
  let waiting: Array<[Message, Publish]> = [];
  let running = false;
  const run = async () => {
    while (waiting.length > 0) {
      const batch = waiting;
      waiting = [];
      await file.write(batch.map(([m]) => `${JSON.stringify(m)}\n`).join(''));
      await file.datasync();
      for (const [message, publish] of batch) publish(message);
    }
    running = false;
  };
  return {
    append(message: Message, publish: Publish) {
      waiting.push([message, publish]);
      if (running) return;
      running = true;
      setImmediate(() => void run());
    },
    async close() {
      await file.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** The adapter as its README sets it up: a pool and the table for large packets. */
async function joinPostgres(url: string): Promise<pg.Pool> {
  const created = new pg.Pool({ connectionString: url, max: 4 });
  await created.query(`CREATE TABLE IF NOT EXISTS socket_io_attachments (
    id bigserial UNIQUE, created_at timestamptz DEFAULT NOW(), payload bytea)`);
  io.adapter(createAdapter(created));
  return created;
}

// The hub's accept queue (hub.ts › CONNECTION_BACKLOG), so a connect storm compares the
// servers' work, not which one's kernel queue overflowed and made clients retry.
await new Promise<void>((resolve) =>
  http.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, resolve),
);
const { port } = http.address() as { port: number };
answerStats(async () => {
  io.disconnectSockets(true);
  await io.close();
  await store?.close();
  await pool?.end();
});
process.send!({ type: 'ready', url: `http://127.0.0.1:${port}` });
