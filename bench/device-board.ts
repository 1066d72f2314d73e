/**
 * The device board with a class of N desktop apps (default 500) connecting
 * and reporting at once, against the real hub in this process:
 *   npx tsx bench/device-board.ts [students]
 * Prints how long connecting and reporting took, how many `devices` hints the
 * teacher heard for the 2·N changes (coalescing), the time from the last
 * acknowledged report to the teacher's board showing every student, and the
 * board's size and load time. Not part of `npm run bench` (no peer to compare with).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../src-shared/events';
import type { DeviceBoard } from '../src-shared/schemas/devices';
import { createHub } from '../src-server/hub';
import { seedClass } from './support/seed';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const students = Number(process.argv[2] ?? 500);

function connect(url: string, token: string, client?: object): Promise<Client> {
  const socket: Client = io(url, {
    auth: { token, ...(client ? { client } : {}) },
    transports: ['websocket'],
    reconnection: false,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function main() {
  const dataDir = await mkdtemp(join(tmpdir(), 'classhub-bench-devices-'));
  const world = await seedClass(dataDir, students, 'x'.repeat(60));
  const courseId = world.room.slice('course:'.length);
  const hub = await createHub({
    dataDir,
    port: 0,
    logLevel: 'silent',
    verification: 'none',
    maxConnectionsPerPerson: 10,
  });
  const teacher = await connect(hub.url, world.teacher.accessToken);
  const hints: number[] = [];
  teacher.on('live:changed', (hint) => {
    if (hint.what === 'devices') hints.push(performance.now());
  });
  const board = async () => {
    const started = performance.now();
    const reply = await fetch(`${hub.url}/api/courses/${courseId}/devices`, {
      headers: { authorization: `Bearer ${world.teacher.accessToken}` },
    });
    const text = await reply.text();
    return {
      ms: performance.now() - started,
      bytes: text.length,
      body: JSON.parse(text) as DeviceBoard,
    };
  };

  const t0 = performance.now();
  const clients = await Promise.all(
    world.students.map((s, i) =>
      connect(hub.url, s.accessToken, {
        kind: 'desktop',
        deviceId: `bench-device-${String(i).padStart(4, '0')}`,
        version: '1.0.0',
        platform: 'linux',
      }),
    ),
  );
  const connectedMs = performance.now() - t0;
  const files = Array.from({ length: 20 }, (_, i) => i.toString(16).padStart(64, '0'));
  const acks = await Promise.all(
    clients.map((c) =>
      c.emitWithAck('device:report', {
        library: [{ courseId: courseId as never, files }],
        outboxWaiting: 1,
      }),
    ),
  );
  const lastAck = performance.now();
  const refused = acks.filter((a) => !a.ok).length;

  // Wait for the first hint after the last ack, then read the board.
  while (!hints.some((at) => at >= lastAck)) await new Promise((r) => setTimeout(r, 20));
  const hintAt = hints.find((at) => at >= lastAck)!;
  const first = await board();
  const reported = first.body.students.filter((s) => s.devices[0]?.outboxWaiting === 1).length;
  const seenMs = performance.now() - lastAck;
  const again = [];
  for (let i = 0; i < 5; i++) again.push((await board()).ms);
  again.sort((a, b) => a - b);

  console.log(`students: ${students}`);
  console.log(`connect all (desktop hello): ${connectedMs.toFixed(0)} ms`);
  console.log(`report all: ${(lastAck - t0 - connectedMs).toFixed(0)} ms, refused ${refused}`);
  console.log(`devices hints to the teacher for ${2 * students} changes: ${hints.length}`);
  console.log(
    `last ack → hint: ${(hintAt - lastAck).toFixed(0)} ms; → board read with ${reported}/${students} reported: ${seenMs.toFixed(0)} ms`,
  );
  console.log(
    `board: ${(first.bytes / 1024).toFixed(0)} KiB, median load ${again[2]!.toFixed(0)} ms`,
  );

  for (const c of [teacher, ...clients]) c.disconnect();
  await hub.close();
  await rm(dataDir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
