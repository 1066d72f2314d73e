import { randomUUID } from 'node:crypto';
import { execSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import bcrypt from 'bcryptjs';
import { createTestDatabase, startTestPostgres } from '../tests/support/postgres';
import { startHub } from './support/bench-hub';
import { interleaved } from './support/paired';
import { note, report } from './support/report';
import { BENCH_PASSWORD, seedClass } from './support/seed';
import { startServer, type ServerProcess } from './support/server-process';
import { connectAll, disconnectAll, type BenchSocket } from './support/socket-clients';
import { median, ms, quantile } from './support/stats';

/**
 * `npm run bench -- --nodes 3`: the chat fan-out (500 clients, ten senders
 * at one message a second) on a school hub — three ClassHub nodes on one
 * embedded PostgreSQL, clients spread over them in turn — against one
 * ClassHub node on the same database, and against three bare Socket.IO
 * processes joined by @socket.io/postgres-adapter on the same PostgreSQL
 * (bench/peers/bare-socketio.ts). Same clients, same run, interleaved; CPU
 * per node. Then 1,500 clients connected across the three nodes at once.
 */
const SENDERS = 10;
const PEER = new URL('./peers/bare-socketio.ts', import.meta.url);

interface Run {
  p99: number;
  p50: number;
  delivered: number;
  expected: number;
  cpuMs: number[];
}

export async function runClusterFanout(options: { quick: boolean; nodes: number }): Promise<void> {
  const clients = options.quick ? 200 : 500;
  const runs = options.quick ? 2 : 3;
  const seconds = options.quick ? 4 : 10;
  const connected = options.quick ? 600 : 1500;
  const postgres = await startTestPostgres();
  const database = await createTestDatabase(postgres.url);
  const peerDatabase = await createTestDatabase(postgres.url);
  const root = await mkdtemp(join(tmpdir(), 'classhub-cluster-bench-'));
  const blobsDir = join(root, 'blobs');
  const world = await seedClass(
    { dataDir: root, database: database.url, blobsDir },
    connected,
    bcrypt.hashSync(BENCH_PASSWORD, 4),
  );
  const nodes: ServerProcess[] = [];
  const peers: ServerProcess[] = [];
  try {
    for (let i = 0; i < options.nodes; i++)
      nodes.push(
        await startHub({
          dataDir: join(root, `node-${i}`),
          database: database.url,
          blobsDir,
          bcryptRounds: 4,
        }),
      );
    for (let i = 0; i < options.nodes; i++)
      peers.push(await startServer(PEER, { postgres: peerDatabase.url }));
    const tokens = world.students.slice(0, clients).map((s) => s.accessToken);
    const bare = tokens.map(() => undefined);
    console.log(
      `\nchat fan-out on ${options.nodes} nodes, ${clients} clients spread over them, ~${SENDERS} msg/s for ${seconds} s (load: ${uptime()})`,
    );
    const results = await interleaved(runs, [
      () => fanout(nodes, tokens, world.room, seconds),
      () => fanout(nodes.slice(0, 1), tokens, world.room, seconds),
      () => fanout(peers, bare, world.room, seconds),
    ]);
    for (const [i, [spread, single, peer]] of results.entries())
      console.log(
        `  run ${i + 1}: ClassHub ×${options.nodes} ${line(spread!)}\n         ClassHub ×1 ${line(single!)}\n         bare Socket.IO + pg adapter ×${options.nodes} ${line(peer!)}`,
      );
    const workload = `chat fan-out ${clients} clients on ${options.nodes} nodes`;
    const ratio = (a: number, b: number, of: (run: Run) => number) =>
      results.map((r) => of(r[a]!) / of(r[b]!));
    report({
      workload,
      measure: `p99 send→arrival, ClassHub ×${options.nodes} / bare Socket.IO + pg adapter`,
      ratios: ratio(0, 2, (r) => r.p99),
      target: 1.5,
    });
    report({
      workload,
      measure: `p99 send→arrival, ClassHub ×${options.nodes} / ClassHub ×1`,
      ratios: ratio(0, 1, (r) => r.p99),
    });
    report({
      workload,
      measure: `CPU of the busiest node, ClassHub ×${options.nodes} / ClassHub ×1`,
      ratios: ratio(0, 1, (r) => Math.max(...r.cpuMs)),
    });
    console.log(`\n${connected} clients connected across ${options.nodes} nodes at once`);
    const storm = await connectSpread(
      nodes,
      world.students.slice(0, connected).map((s) => s.accessToken),
    );
    note(workload, `${storm} (load: ${uptime()})`);
    console.log(`  ${storm}`);
  } finally {
    await Promise.all([...nodes, ...peers].map((server) => server.stop()));
    await rm(root, { recursive: true, force: true });
    await postgres.stop();
  }
}

function line(run: Run): string {
  const delivered = ((100 * run.delivered) / Math.max(1, run.expected)).toFixed(1);
  return `p50 ${ms(run.p50)}, p99 ${ms(run.p99)}, delivered ${delivered}%, CPU per node ${run.cpuMs.map(ms).join(' / ')}`;
}

function uptime(): string {
  return execSync('uptime')
    .toString()
    .trim()
    .replace(/^.*load/, 'load');
}

/** Client i connects to node i mod n: the spread nginx gives, without nginx's own cost. */
async function connectAllSpread(
  servers: readonly ServerProcess[],
  tokens: ReadonlyArray<string | undefined>,
  prepare: (socket: BenchSocket, index: number) => void,
): Promise<BenchSocket[]> {
  const sockets: BenchSocket[] = new Array(tokens.length);
  await Promise.all(
    servers.map(async (server, s) => {
      const mine = tokens.map((_, i) => i).filter((i) => i % servers.length === s);
      const opened = await connectAll(
        server.url,
        mine.map((i) => tokens[i]),
        (socket, k) => prepare(socket, mine[k]!),
      );
      opened.sockets.forEach((socket, k) => (sockets[mine[k]!] = socket));
    }),
  );
  return sockets;
}

async function connectSpread(servers: readonly ServerProcess[], tokens: string[]): Promise<string> {
  try {
    const start = performance.now();
    const sockets = await connectAllSpread(servers, tokens, () => undefined);
    const took = performance.now() - start;
    const alive = sockets.filter((socket) => socket.connected).length;
    disconnectAll(sockets);
    return `${alive}/${tokens.length} connected in ${ms(took)}, ${tokens.length - alive} failures`;
  } catch (error) {
    return `FAILED: ${String(error)}`;
  }
}

async function fanout(
  servers: readonly ServerProcess[],
  tokens: ReadonlyArray<string | undefined>,
  room: string,
  seconds: number,
): Promise<Run> {
  const sentAt = new Map<string, { at: number; by: number }>();
  const latencies: number[] = [];
  const sockets = await connectAllSpread(servers, tokens, (socket, index) => {
    socket.on('chat:message', (message) => {
      const sent = sentAt.get(message.clientId ?? '');
      if (sent && sent.by !== index) latencies.push(performance.now() - sent.at);
    });
  });
  await pause(1_000);
  const before = await Promise.all(servers.map((server) => server.stats()));
  await Promise.all(
    sockets.slice(0, SENDERS).map(async (socket, by) => {
      await pause(Math.random() * 1_000);
      for (let i = 0; i < seconds; i++) {
        const clientId = randomUUID();
        sentAt.set(clientId, { at: performance.now(), by });
        socket.emit('chat:send', { room, clientId, text: `message ${i} from ${by}` }, () => {});
        await pause(1_000);
      }
    }),
  );
  const expected = sentAt.size * (tokens.length - 1);
  for (let waited = 0; latencies.length < expected && waited < 20_000; waited += 100)
    await pause(100);
  const after = await Promise.all(servers.map((server) => server.stats()));
  disconnectAll(sockets);
  await pause(500);
  return {
    p50: median(latencies),
    p99: quantile(latencies, 0.99),
    delivered: latencies.length,
    expected,
    cpuMs: after.map((stats, i) => stats.cpuMs - before[i]!.cpuMs),
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
