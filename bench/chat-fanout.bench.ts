import { randomUUID } from 'node:crypto';
import { classFolder } from './support/bench-hub';
import { interleaved } from './support/paired';
import { report } from './support/report';
import { startServer, type ServerProcess } from './support/server-process';
import { connectAll, disconnectAll, type BenchSocket } from './support/socket-clients';
import { mb, median, ms, quantile } from './support/stats';

/**
 * Chat fan-out at the start of class: N clients in one course room, ten of
 * them sending one message a second each (~10 msg/s), every receiver
 * answering `chat:read` for what it sees, as the renderer's MessageList does
 * while a room is open (chat-actions.ts › markRead: once per new message).
 * The real hub (real accounts, course room, stored before the ack) against
 * bare Socket.IO with the same clients, in the same run, turn about — and
 * against bare Socket.IO that also writes and fdatasyncs each message before
 * broadcasting it (group commit), to show what durability alone costs.
 * The same class also runs on a hub on PostgreSQL (the bench's embedded
 * server, fsync and synchronous commit on: a message is committed before its
 * ack there too), turn about with the lowdb hub in a second round of its own:
 * when it shared the first round, the PostgreSQL server's work after its turn
 * (and the PostgreSQL hub's last flush of read positions) fell into the next
 * side's turn, the lowdb hub's in three runs of five.
 */
const SENDERS = 10;
const PEER = new URL('./peers/bare-socketio.ts', import.meta.url);

interface FanoutRun {
  p50: number;
  p99: number;
  /** Sender's send→ack: for the hub and the durable peer, the message is on disk by then. */
  ackP50: number;
  ackP99: number;
  /** Size of one chat:message as JSON: the peers send what the hub sends. */
  messageBytes: number;
  delivered: number;
  expected: number;
  /** Sends the server answered with an error (e.g. a rate limit): never delivered. */
  refused: number;
  cpuMs: number;
  rssBytes: number;
}

export async function runChatFanout(options: { quick: boolean }): Promise<void> {
  const sizes = options.quick ? [200] : [200, 500];
  const runs = options.quick ? 2 : 5;
  const seconds = options.quick ? 4 : 10;
  const folder = await classFolder(Math.max(...sizes));
  const hub = await folder.start();
  // A class as large on PostgreSQL: its own people and tokens, the same room name length.
  const pgFolder = await classFolder(Math.max(...sizes), 4, 'postgres');
  const pgHub = await pgFolder.start();
  const peer = await startServer(PEER);
  const durable = await startServer(PEER, { durable: true });
  // The peers get the same room name, so their messages are the same size as the hub's.
  const bare = (server: ServerProcess, tokens: readonly string[], seconds: number) =>
    fanout(
      server,
      tokens.map(() => undefined),
      folder.world.room,
      seconds,
    );
  try {
    for (const clients of sizes) {
      console.log(
        `\nchat fan-out, ${clients} clients, ~${SENDERS} msg/s for ${seconds} s, read receipts on`,
      );
      const tokens = folder.world.students.slice(0, clients).map((s) => s.accessToken);
      const pgTokens = pgFolder.world.students.slice(0, clients).map((s) => s.accessToken);
      const results = await interleaved(
        runs,
        [
          () => fanout(hub, tokens, folder.world.room, seconds),
          () => bare(peer, tokens, seconds),
          () => bare(durable, tokens, seconds),
        ],
        settle,
      );
      for (const [i, [subject, plain, synced]] of results.entries())
        console.log(
          `  run ${i + 1}: ClassHub ${line(subject!)}\n         bare Socket.IO ${line(plain!)}\n         bare + fdatasync ${line(synced!)}`,
        );
      const workload = `chat fan-out ${clients} clients`;
      reportAgainstPeers(workload, results);
      console.log(`  the same class, ClassHub on PostgreSQL and on lowdb, turn about:`);
      const engines = await interleaved(
        runs,
        [
          () => fanout(pgHub, pgTokens, pgFolder.world.room, seconds),
          () => fanout(hub, tokens, folder.world.room, seconds),
        ],
        settle,
      );
      for (const [i, [onPostgres, onLowdb]] of engines.entries())
        console.log(
          `  run ${i + 1}: PostgreSQL ${line(onPostgres!)}\n         lowdb ${line(onLowdb!)}`,
        );
      reportEngines(workload, engines);
    }
  } finally {
    await Promise.all([hub.stop(), pgHub.stop(), peer.stop(), durable.stop()]);
    await Promise.all([folder.remove(), pgFolder.remove()]);
  }
}

/**
 * After each side: the hub writes read positions every five seconds (read-positions.ts), so a
 * side's last flush, and the PostgreSQL server's work after it, finish before the next side starts.
 */
const settle = async (): Promise<void> => {
  await pause(5_500);
};

const ratio = (rows: FanoutRun[][], a: number, b: number, of: (run: FanoutRun) => number) =>
  rows.map((r) => of(r[a]!) / of(r[b]!));

/** Sides: 0 ClassHub, 1 bare Socket.IO, 2 bare + fdatasync. */
function reportAgainstPeers(workload: string, results: FanoutRun[][]): void {
  const measures: Array<[string, number, number, (run: FanoutRun) => number, number?]> = [
    ['p99 send→arrival, ClassHub / bare Socket.IO', 0, 1, (r) => r.p99, 1.5],
    ['p50 send→arrival, ClassHub / bare Socket.IO', 0, 1, (r) => r.p50],
    ['server CPU time, ClassHub / bare Socket.IO', 0, 1, (r) => r.cpuMs],
    ['p99 send→arrival, ClassHub / bare Socket.IO + fdatasync', 0, 2, (r) => r.p99],
    ['p99 send→arrival, bare Socket.IO + fdatasync / bare Socket.IO', 2, 1, (r) => r.p99],
  ];
  for (const [measure, a, b, of, target] of measures)
    report({ workload, measure, ratios: ratio(results, a, b, of), ...(target ? { target } : {}) });
}

/** Sides: 0 ClassHub on PostgreSQL, 1 ClassHub on lowdb. */
function reportEngines(workload: string, results: FanoutRun[][]): void {
  const measures: Array<[string, (run: FanoutRun) => number]> = [
    ['p99 send→arrival, PostgreSQL / lowdb', (r) => r.p99],
    ['p50 send→ack (stored), PostgreSQL / lowdb', (r) => r.ackP50],
    ['p99 send→ack (stored), PostgreSQL / lowdb', (r) => r.ackP99],
    ['hub CPU time, PostgreSQL / lowdb (hub process only)', (r) => r.cpuMs],
  ];
  for (const [measure, of] of measures)
    report({ workload, measure, ratios: ratio(results, 0, 1, of) });
}

function line(run: FanoutRun): string {
  const delivered = ((100 * run.delivered) / Math.max(1, run.expected)).toFixed(1);
  const refused = run.refused > 0 ? ` (${run.refused} sends REFUSED)` : '';
  return `${run.messageBytes} B/message, p50 ${ms(run.p50)}, p99 ${ms(run.p99)} (send→ack p50 ${ms(run.ackP50)}, p99 ${ms(run.ackP99)}), delivered ${delivered}%${refused}, server CPU ${ms(run.cpuMs)}, RSS ${mb(run.rssBytes)}`;
}

async function fanout(
  server: ServerProcess,
  tokens: ReadonlyArray<string | undefined>,
  room: string,
  seconds: number,
): Promise<FanoutRun> {
  const sentAt = new Map<string, { at: number; by: number }>();
  const latencies: number[] = [];
  const acks: number[] = [];
  let messageBytes = 0;
  const refused = { count: 0 };
  const readSeq: number[] = tokens.map(() => 0);
  const readReceipt = (socket: BenchSocket, index: number, seq: number) => {
    if (seq <= readSeq[index]!) return;
    readSeq[index] = seq;
    socket.emit('chat:read', { room, seq }, () => undefined);
  };
  const { sockets } = await connectAll(server.url, tokens, (socket, index) => {
    socket.on('chat:message', (message) => {
      if (index === 0 && messageBytes === 0) messageBytes = JSON.stringify(message).length;
      const sent = sentAt.get(message.clientId ?? '');
      if (sent && sent.by !== index) latencies.push(performance.now() - sent.at);
      readReceipt(socket, index, message.seq);
    });
  });
  await pause(1_000); // arrivals and presence settle before the clock starts
  const before = await server.stats();
  await Promise.all(
    sockets
      .slice(0, SENDERS)
      .map((socket, by) => send(socket, by, room, seconds, sentAt, acks, refused)),
  );
  // Late is not lost: wait (up to 20 s) until every accepted message reached every receiver.
  const expected = () => (sentAt.size - refused.count) * (tokens.length - 1);
  for (let waited = 0; latencies.length < expected() && waited < 20_000; waited += 100)
    await pause(100);
  const after = await server.stats();
  disconnectAll(sockets);
  await pause(500);
  return {
    p50: median(latencies),
    p99: quantile(latencies, 0.99),
    ackP50: median(acks),
    ackP99: quantile(acks, 0.99),
    messageBytes,
    delivered: latencies.length,
    expected: sentAt.size * (tokens.length - 1),
    refused: refused.count,
    cpuMs: after.cpuMs - before.cpuMs,
    rssBytes: after.rssBytes,
  };
}

/** One message a second from this sender, starting at a random moment in the first second. */
async function send(
  socket: BenchSocket,
  by: number,
  room: string,
  seconds: number,
  sentAt: Map<string, { at: number; by: number }>,
  acks: number[],
  refused: { count: number },
): Promise<void> {
  await pause(Math.random() * 1_000);
  for (let i = 0; i < seconds; i++) {
    const clientId = randomUUID();
    const at = performance.now();
    sentAt.set(clientId, { at, by });
    socket.emit('chat:send', { room, clientId, text: `message ${i} from ${by}` }, (reply) => {
      acks.push(performance.now() - at);
      if (!reply.ok) refused.count++;
    });
    await pause(1_000);
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
