import { runChatFanout } from './chat-fanout.bench';
import { runClusterFanout } from './cluster-fanout.bench';
import { runConnectStorm } from './connect-storm.bench';
import { runGradebookBench } from './gradebook';
import { runHubStartBench } from './hub-start';
import { runLogStartupBench } from './log-startup';
import { runHandsBench } from './hands.bench';
import { runPollBench } from './poll.bench';
import { runRecordScaling } from './record-scaling.bench';
import { runSignInBurst } from './sign-in.bench';
import { ensureHubBuilt } from './support/bench-hub';
import { stopBenchPostgres } from './support/bench-postgres';
import { printSummary } from './support/report';

/**
 * `npm run bench` — every workload of issue 13 against its peer in the same
 * run, interleaved and repeated; `npm run bench -- --quick` for a short pass;
 * `--only=chat,sign-in` to pick workloads. One after another: they would
 * compete for the same cores otherwise.
 */
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
// `--nodes 3`: the school-hub fan-out (several nodes on one PostgreSQL) instead of the laptop workloads.
const nodesAt = args.findIndex((a) => a === '--nodes' || a.startsWith('--nodes='));
const nodes = nodesAt < 0 ? 0 : Number(args[nodesAt]!.split('=')[1] ?? args[nodesAt + 1]);

type Workload = (options: { quick: boolean }) => Promise<void>;

const workloads: Array<[string, Workload]> = [
  ['sign-in', runSignInBurst],
  ['records', runRecordScaling],
  ['chat', runChatFanout],
  ['connect', runConnectStorm],
  // Start-up and RSS with a term of chat history (1M messages) against an empty hub.
  [
    'log-startup',
    async ({ quick }) =>
      void (await runLogStartupBench(
        quick ? { messages: 100_000, rounds: 3 } : { messages: 1_000_000, rounds: 5 },
      )),
  ],
  // Cold start of the built hub against tsx compiling it, and the first page's bytes.
  ['hub-start', async ({ quick }) => void (await runHubStartBench(quick ? 3 : 5))],
  // A teacher's gradebook, 500 × 40, alone and beside a second course as large: load, grade.
  ['gradebook', async (options) => void (await runGradebookBench(options))],
  // A poll in a class of 500: from the last answer to the teacher's updated count.
  ['poll', runPollBench],
  // Hands in a class of 500, all going up within a second: from the last raise to the teacher's count.
  ['hands', runHandsBench],
];

console.log(
  `ClassHub benchmarks${quick ? ' (quick)' : ''}: each ratio is ClassHub / its peer, measured in the same run`,
);
// The hub under test is the built bundle people run: built now if missing or stale, never mid-workload.
ensureHubBuilt();
if (nodes > 0) {
  await runClusterFanout({ quick, nodes }).catch((error: unknown) => {
    process.exitCode = 1;
    console.error('\ncluster fan-out failed:', error);
  });
}
for (const [name, run] of nodes > 0 ? [] : workloads) {
  if (only && !only.includes(name)) continue;
  try {
    await run({ quick });
  } catch (error) {
    process.exitCode = 1;
    console.error(`\n${name} failed, the other workloads still run:`, error);
  }
}
// The embedded PostgreSQL the storage and chat workloads ran their PostgreSQL hubs on.
await stopBenchPostgres();
printSummary();
