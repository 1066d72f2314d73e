import { existsSync } from 'node:fs';
import { runChatFanout } from './chat-fanout.bench';
import { runClusterFanout } from './cluster-fanout.bench';
import { runConnectStorm } from './connect-storm.bench';
import { runGradebookBench } from './gradebook';
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

// ─── Slots for workloads written by other engineers ──────────────────────────────
// bench/log-startup.ts (logs engineer: hub start-up and RSS with 0 vs 1M chat
// messages) and bench/hub-start.ts (build engineer) each export a function; when
// the file is present, its first exported function is called here with { quick }.
async function optionalWorkload(file: string): Promise<Workload | undefined> {
  const url = new URL(file, import.meta.url);
  if (!existsSync(url)) return undefined;
  const module = (await import(url.href)) as Record<string, unknown>;
  const run = Object.values(module).find((value) => typeof value === 'function');
  return run as Workload | undefined;
}
// ─────────────────────────────────────────────────────────────────────────────────

const workloads: Array<[string, Workload | undefined]> = [
  ['sign-in', runSignInBurst],
  ['records', runRecordScaling],
  ['chat', runChatFanout],
  ['connect', runConnectStorm],
  ['log-startup', await optionalWorkload('./log-startup.ts')],
  ['hub-start', await optionalWorkload('./hub-start.ts')],
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
  if (!run) {
    console.log(`\n(${name}: bench/${name}.ts is not in this tree yet — skipped)`);
    continue;
  }
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
