import { classFolder } from './support/bench-hub';
import { paired } from './support/paired';
import { report } from './support/report';
import { startServer, type ServerProcess } from './support/server-process';
import { connectAll, disconnectAll } from './support/socket-clients';
import { mb, ms } from './support/stats';

/**
 * A class connecting at once: 1,000 sockets opened together against a freshly
 * started hub (real accounts, all in one course room) and against a freshly
 * started bare Socket.IO server. Measures how long until every socket is
 * connected, and the server's own RSS and CPU once they are.
 */
const FULL_CLIENTS = 1_000;
/** --quick: half the class, so the pass stays short while the hub connects in O(N²). */
const QUICK_CLIENTS = 500;
const PEER = new URL('./peers/bare-socketio.ts', import.meta.url);

interface StormRun {
  connectMs: number;
  rssBytes: number;
  cpuMs: number;
}

export async function runConnectStorm(options: { quick: boolean }): Promise<void> {
  const runs = options.quick ? 2 : 3;
  const CLIENTS = options.quick ? QUICK_CLIENTS : FULL_CLIENTS;
  const folder = await classFolder(CLIENTS);
  const tokens = folder.world.students.map((s) => s.accessToken);
  console.log(`\n${CLIENTS} clients connecting at once (fresh server each run)`);
  try {
    const results = await paired(
      runs,
      () => storm(() => folder.start(), tokens),
      () =>
        storm(
          () => startServer(PEER),
          tokens.map(() => undefined),
        ),
    );
    for (const [i, { subject, peer }] of results.entries())
      console.log(
        `  run ${i + 1}: ClassHub ${line(subject)}\n         bare Socket.IO ${line(peer)}`,
      );
    const workload = `${CLIENTS} clients connected`;
    report({
      workload,
      measure: 'time until all connected, ClassHub / bare',
      ratios: results.map((r) => r.subject.connectMs / r.peer.connectMs),
      target: 2,
    });
    report({
      workload,
      measure: 'server RSS, ClassHub / bare',
      ratios: results.map((r) => r.subject.rssBytes / r.peer.rssBytes),
      target: 2,
    });
    report({
      workload,
      measure: 'server CPU to connect, ClassHub / bare',
      ratios: results.map((r) => r.subject.cpuMs / r.peer.cpuMs),
    });
  } finally {
    await folder.remove();
  }
}

function line(run: StormRun): string {
  return `connected in ${ms(run.connectMs)}, RSS ${mb(run.rssBytes)}, CPU ${ms(run.cpuMs)}`;
}

async function storm(
  start: () => Promise<ServerProcess>,
  tokens: ReadonlyArray<string | undefined>,
): Promise<StormRun> {
  const server = await start();
  try {
    const before = await server.stats();
    const { sockets, connectMs } = await connectAll(server.url, tokens);
    await new Promise((resolve) => setTimeout(resolve, 2_000)); // presence and joins settle
    const after = await server.stats();
    disconnectAll(sockets);
    return { connectMs, rssBytes: after.rssBytes, cpuMs: after.cpuMs - before.cpuMs };
  } finally {
    await server.stop();
  }
}
