import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { access, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createLogger } from '../src-server/logger';
import { SegmentedLog } from '../src-server/storage/logs/segmented-log';
import type { ChatRecord } from '../src-server/storage/records';

/**
 * Hub start-up with a term of chat history against an empty hub: time to
 * `createHub` resolving and the process's RSS once it has, each start in a
 * fresh process, the two folders taken in turn, several rounds. The history
 * is built once into the OS temp folder and reused.
 *
 *   npx tsx bench/log-startup.ts            1,000,000 messages, 5 rounds
 *   npx tsx bench/log-startup.ts --quick    100,000 messages, 3 rounds
 */
export interface LogStartupOptions {
  readonly messages: number;
  readonly rounds: number;
}

interface Pair {
  readonly empty: number[];
  readonly full: number[];
}

export interface LogStartupFigures {
  readonly messages: number;
  /** The chat log alone: SegmentedLog.open, first thing in a fresh process. */
  readonly logOpenMs: Pair;
  /** The whole hub: createHub until it listens. */
  readonly startMs: Pair;
  /** RSS once the hub is up (after a GC). */
  readonly rssMb: Pair;
}

type Measure = 'logOpenMs' | 'startMs' | 'rssMb';
type Sample = Record<Measure, number>;

const SELF = fileURLToPath(import.meta.url);
const run = promisify(execFile);

export async function runLogStartupBench(
  options: LogStartupOptions = { messages: 1_000_000, rounds: 5 },
): Promise<LogStartupFigures> {
  const root = join(tmpdir(), 'classhub-bench-log-startup');
  const empty = join(root, 'empty');
  const full = join(root, `history-${options.messages}`);
  await rm(empty, { recursive: true, force: true });
  await mkdir(empty, { recursive: true });
  await buildHistoryOnce(full, options.messages);
  const bytes = await chatLogBytes(full);
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  process.stdout.write(
    `chat log: ${mb(bytes.segments)} of segments, ${mb(bytes.indexes)} of index files\n`,
  );
  await startInChild(empty); // first starts create the data files; not measured
  await startInChild(full);
  const figures: LogStartupFigures = {
    messages: options.messages,
    logOpenMs: { empty: [], full: [] },
    startMs: { empty: [], full: [] },
    rssMb: { empty: [], full: [] },
  };
  for (let round = 0; round < options.rounds; round++) {
    // Alternate which goes first, so neither always starts on a warmer machine.
    const order = round % 2 === 0 ? (['empty', 'full'] as const) : (['full', 'empty'] as const);
    for (const which of order) {
      const sample = await startInChild(which === 'empty' ? empty : full);
      for (const measure of ['logOpenMs', 'startMs', 'rssMb'] as const)
        figures[measure][which].push(sample[measure]);
    }
  }
  print(figures);
  return figures;
}

/**
 * Opens `dataDir` in fresh Node processes and reads what they report: the
 * chat log alone in one, the whole hub in another (so neither's memory
 * shows in the other's RSS).
 */
async function startInChild(dataDir: string): Promise<Sample> {
  const report = async (what: 'log' | 'hub') => {
    const { stdout } = await run(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', SELF, '--child', what, dataDir],
      { maxBuffer: 1024 * 1024 },
    );
    return JSON.parse(stdout.trim().split('\n').at(-1)!) as Partial<Sample>;
  };
  return { ...(await report('log')), ...(await report('hub')) } as Sample;
}

/** In a child: modules are loaded first, so only opening is timed. */
async function child(what: string, dataDir: string): Promise<void> {
  if (what === 'log') {
    const started = performance.now();
    const log = await SegmentedLog.open(join(dataDir, 'logs', 'chat'), createLogger('warn'));
    const logOpenMs = performance.now() - started;
    await log.close();
    process.stdout.write(`${JSON.stringify({ logOpenMs })}\n`);
    return;
  }
  const { createHub } = await import('../src-server/hub');
  const started = performance.now();
  const hub = await createHub({
    dataDir,
    port: 0,
    host: '127.0.0.1',
    logLevel: 'warn',
    advertise: false,
  });
  const startMs = performance.now() - started;
  (globalThis as { gc?: () => void }).gc?.();
  const rssMb = process.memoryUsage().rss / 1024 / 1024;
  await hub.close();
  process.stdout.write(`${JSON.stringify({ startMs, rssMb })}\n`);
}

/** A chat log of `messages` messages over course rooms and direct messages, as a term would leave. */
async function buildHistoryOnce(dataDir: string, messages: number): Promise<void> {
  const done = join(dataDir, 'bench-history-complete');
  if (
    await access(done).then(
      () => true,
      () => false,
    )
  )
    return;
  await rm(dataDir, { recursive: true, force: true });
  process.stdout.write(`building ${messages.toLocaleString('en')} chat messages in ${dataDir}…\n`);
  const log = await SegmentedLog.open<ChatRecord>(
    join(dataDir, 'logs', 'chat'),
    createLogger('warn'),
  );
  const rooms = [
    ...Array.from({ length: 30 }, () => `course:${randomUUID()}`),
    ...Array.from({ length: 300 }, () => `dm:${randomUUID()}:${randomUUID()}`),
  ];
  const authors = Array.from({ length: 500 }, () => randomUUID());
  const batch = 5000;
  for (let start = 0; start < messages; start += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, messages - start) }, (_, i) => {
        const n = start + i;
        // Most messages go to the course rooms, some to direct conversations.
        const room = n % 5 === 0 ? rooms[30 + (n % 300)]! : rooms[n % 30]!;
        return log.append(room, {
          authorId: authors[n % authors.length]! as ChatRecord['authorId'],
          clientId: randomUUID(),
          text: `Message ${n}: a typical classroom chat line about the homework, ${'ok '.repeat(n % 20)}`,
          files: [],
        });
      }),
    );
  }
  await log.close();
  await writeFile(done, new Date().toISOString());
}

function print(figures: LogStartupFigures): void {
  const row = (label: string, name: Measure, unit: string) => {
    const { empty, full } = figures[name];
    const differences = full.map((value, i) => value - empty[i]!);
    const f = (value: number) => `${value.toFixed(name === 'rssMb' ? 1 : 0)} ${unit}`;
    return (
      `${label.padEnd(14)} empty ${f(median(empty))} (${f(Math.min(...empty))}–${f(Math.max(...empty))})` +
      `   ${figures.messages.toLocaleString('en')} msgs ${f(median(full))} (${f(Math.min(...full))}–${f(Math.max(...full))})` +
      `   difference ${f(median(differences))} (${f(Math.min(...differences))}–${f(Math.max(...differences))})`
    );
  };
  process.stdout.write(
    [
      `hub start-up, empty vs ${figures.messages.toLocaleString('en')} chat messages, ${figures.startMs.empty.length} rounds, each start a fresh process (median, min–max):`,
      row('chat log open', 'logOpenMs', 'ms'),
      row('createHub', 'startMs', 'ms'),
      row('RSS after', 'rssMb', 'MB'),
      '',
    ].join('\n'),
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Bytes of the log's files, for the figures in bench/README.md. */
export async function chatLogBytes(
  dataDir: string,
): Promise<{ segments: number; indexes: number }> {
  const directory = join(dataDir, 'logs', 'chat');
  const sizes = { segments: 0, indexes: 0 };
  for (const name of await readdir(directory)) {
    const { size } = await stat(join(directory, name));
    if (name.endsWith('.idx')) sizes.indexes += size;
    else sizes.segments += size;
  }
  return sizes;
}

if (process.argv[1] === SELF) {
  const childAt = process.argv.indexOf('--child');
  if (childAt !== -1) await child(process.argv[childAt + 1]!, process.argv[childAt + 2]!);
  else
    await runLogStartupBench(
      process.argv.includes('--quick')
        ? { messages: 100_000, rounds: 3 }
        : { messages: 1_000_000, rounds: 5 },
    );
}
