import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../src-server/logger';
import { LowdbCollection } from '../src-server/storage/lowdb/collection';
import { SegmentedLog } from '../src-server/storage/logs/segmented-log';

/**
 * Storage write costs, each measured side by side in the same run so the
 * ratio holds on any disk: a collection write next to a small vs a huge
 * unrelated collection, a log append to an empty vs a long stream, and a burst
 * of concurrent inserts (group commit) vs the same inserts awaited one by one.
 * Runs on import (`npm run bench`) or alone: `npx tsx bench/storage.bench.ts`.
 */

const logger = createLogger('silent');

interface Row {
  readonly measure: string;
  readonly first: string;
  readonly second: string;
  readonly ratio: string;
}

interface Doc {
  readonly id: string;
  readonly owner: string;
  readonly title: string;
  readonly body: string;
  readonly createdAt: string;
}

const aDoc = (id: string): Doc => ({
  id,
  owner: `user-${id.length}`,
  title: `Document ${id}`,
  body: 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.',
  createdAt: new Date().toISOString(),
});

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(2)} ms`;

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** Inserts `count` records in concurrent batches: fast set-up, one group commit per batch. */
async function fillCollection(
  collection: LowdbCollection<Doc>,
  prefix: string,
  count: number,
): Promise<void> {
  for (let start = 0; start < count; start += 10_000) {
    const size = Math.min(10_000, count - start);
    await Promise.all(
      Array.from({ length: size }, (_, i) => collection.insert(aDoc(`${prefix}${start + i}`))),
    );
  }
}

async function withTempDirs<T>(count: number, work: (dirs: string[]) => Promise<T>): Promise<T> {
  const dirs = await Promise.all(
    Array.from({ length: count }, () => mkdtemp(join(tmpdir(), 'classhub-bench-storage-'))),
  );
  try {
    return await work(dirs);
  } finally {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  }
}

/** A collection's bytes on disk: its snapshot and journals. */
async function collectionBytes(dir: string, name: string): Promise<number> {
  let total = 0;
  for (const file of await readdir(dir))
    if (file === `${name}.json` || file.startsWith(`${name}.journal-`))
      total += (await stat(join(dir, file))).size;
  return total;
}

/** (a) One awaited write to collection A, beside a collection B of 10 vs 50,000 records. */
async function unrelatedCollectionSize(): Promise<Row[]> {
  return withTempDirs(2, async ([smallDir, largeDir]) => {
    const setups = await Promise.all(
      [
        { dir: smallDir!, bRecords: 10 },
        { dir: largeDir!, bRecords: 50_000 },
      ].map(async ({ dir, bRecords }) => {
        const a = await LowdbCollection.open<Doc>(dir, { name: 'a' }, logger);
        const b = await LowdbCollection.open<Doc>(
          dir,
          { name: 'b', indexes: { owner: (doc) => doc.owner } },
          logger,
        );
        await fillCollection(a, 'a', 20);
        await fillCollection(b, 'b', bRecords);
        return { a, b, bBytes: await collectionBytes(dir, 'b') };
      }),
    );
    const [small, large] = setups as [(typeof setups)[0], (typeof setups)[0]];

    // Interleaved, so a slow moment of the disk hits both sides alike.
    const writeA: [number[], number[]] = [[], []];
    for (let i = 0; i < 100; i++) {
      writeA[0].push(await timed(() => small.a.insert(aDoc(`x${i}`))));
      writeA[1].push(await timed(() => large.a.insert(aDoc(`x${i}`))));
    }
    // For contrast: what every write would cost if everything lived in one big document.
    const writeB: [number[], number[]] = [[], []];
    for (let i = 0; i < 10; i++) {
      writeB[0].push(await timed(() => small.b.insert(aDoc(`y${i}`))));
      writeB[1].push(await timed(() => large.b.insert(aDoc(`y${i}`))));
    }
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    return [
      {
        measure: `(a) write to A, B holds 10 | 50,000 records (B file ${mb(small.bBytes)} | ${mb(large.bBytes)})`,
        first: ms(median(writeA[0])),
        second: ms(median(writeA[1])),
        ratio: (median(writeA[1]) / median(writeA[0])).toFixed(2),
      },
      {
        measure: '    contrast: write to B itself, 10 | 50,000 records',
        first: ms(median(writeB[0])),
        second: ms(median(writeB[1])),
        ratio: (median(writeB[1]) / median(writeB[0])).toFixed(2),
      },
    ];
  });
}

/** (b) One awaited log append to a stream that holds 0 vs 100,000 records. */
async function logStreamLength(): Promise<Row[]> {
  return withTempDirs(2, async ([emptyDir, longDir]) => {
    const emptyLog = await SegmentedLog.open<{ text: string }>(emptyDir!, logger);
    const longLog = await SegmentedLog.open<{ text: string }>(longDir!, logger);
    for (let start = 0; start < 100_000; start += 10_000) {
      await Promise.all(
        Array.from({ length: 10_000 }, (_, i) =>
          longLog.append('room', { text: `message ${start + i}` }),
        ),
      );
    }
    const append: [number[], number[]] = [[], []];
    for (let i = 0; i < 200; i++) {
      append[0].push(await timed(() => emptyLog.append('room', { text: 'a chat message' })));
      append[1].push(await timed(() => longLog.append('room', { text: 'a chat message' })));
    }
    await emptyLog.close();
    await longLog.close();
    return [
      {
        measure: '(b) log append, stream holds 0 | 100,000 records',
        first: ms(median(append[0])),
        second: ms(median(append[1])),
        ratio: (median(append[1]) / median(append[0])).toFixed(2),
      },
    ];
  });
}

/** (c) 200 inserts at once (group commit) vs 200 inserts each awaited before the next. */
async function groupCommitThroughput(): Promise<Row[]> {
  return withTempDirs(2, async ([concurrentDir, sequentialDir]) => {
    const concurrent = await LowdbCollection.open<Doc>(concurrentDir!, { name: 'docs' }, logger);
    const sequential = await LowdbCollection.open<Doc>(sequentialDir!, { name: 'docs' }, logger);
    const together = await timed(() =>
      Promise.all(Array.from({ length: 200 }, (_, i) => concurrent.insert(aDoc(`c${i}`)))),
    );
    const oneByOne = await timed(async () => {
      for (let i = 0; i < 200; i++) await sequential.insert(aDoc(`s${i}`));
    });
    const perSecond = (elapsed: number) => `${Math.round(200 / (elapsed / 1000))}/s`;
    return [
      {
        measure: '(c) 200 inserts: awaited one by one | concurrent (throughput)',
        first: perSecond(oneByOne),
        second: perSecond(together),
        ratio: (oneByOne / together).toFixed(1),
      },
    ];
  });
}

function printTable(rows: Row[]): void {
  const header: Row = {
    measure: 'measure',
    first: 'first',
    second: 'second',
    ratio: 'second/first',
  };
  const width = (key: keyof Row) => Math.max(...[header, ...rows].map((row) => row[key].length));
  const line = (row: Row) =>
    `  ${row.measure.padEnd(width('measure'))}  ${row.first.padStart(width('first'))}  ${row.second.padStart(width('second'))}  ${row.ratio.padStart(width('ratio'))}`;
  console.log(
    '\nstorage: medians measured side by side (a, b: ratio ~1 means cost does not grow; c: ratio = speed-up)',
  );
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

const started = performance.now();
const rows = [
  ...(await unrelatedCollectionSize()),
  ...(await logStreamLength()),
  ...(await groupCommitThroughput()),
];
printTable(rows);
console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
