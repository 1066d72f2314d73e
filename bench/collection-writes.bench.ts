import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createLogger } from '../src-server/logger';
import { authSessionsCollectionOptions } from '../src-server/storage/repositories/sign-ins';
import { LowdbCollection } from '../src-server/storage/lowdb/collection';
import { nodeFileSystem, type FileSystem } from '../src-server/storage/file-system';
import type { AuthSessionRecord } from '../src-server/storage/records';
import type { AuthSessionId, UserId } from '../src-shared/ids';

/**
 * What one commit to a churning collection costs as it grows: a token
 * refresh (one auth-session rewritten) with 20 vs 30,000 stored sign-ins,
 * interleaved in the same run. Bytes are counted under the storage code
 * through the file-system port, so they include every byte the commit wrote.
 * Alone: `npx tsx bench/collection-writes.bench.ts [commits]`.
 */

const logger = createLogger('silent');
const COMMITS = Number(process.argv[2] ?? 1000);
const SIZES = [20, 30_000];

/** Counts the bytes written through it. */
function countingFileSystem(counter: { bytes: number }): FileSystem {
  return {
    ...nodeFileSystem,
    async open(path, flags) {
      const handle = await nodeFileSystem.open(path, flags);
      return {
        ...handle,
        write: async (buffer, offset, length, position) => {
          const result = await handle.write(buffer, offset, length, position);
          counter.bytes += result.bytesWritten;
          return result;
        },
        read: (...args) => handle.read(...args),
        sync: () => handle.sync(),
        datasync: () => handle.datasync(),
        truncate: (length) => handle.truncate(length),
        stat: () => handle.stat(),
        close: () => handle.close(),
      };
    },
  };
}

const hex = (n: number) => n.toString(16).padStart(64, '0');
function session(i: number, round = 0): AuthSessionRecord {
  const at = new Date(Date.now() + round * 1000);
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` as AuthSessionId,
    userId: `user-${i % 500}` as UserId,
    accessHash: hex(i * 7 + round),
    accessExpiresAt: new Date(at.getTime() + 15 * 60_000).toISOString(),
    refreshHash: hex(i * 13 + round),
    refreshExpiresAt: new Date(at.getTime() + 30 * 86_400_000).toISOString(),
    previousRefreshHash: hex(i * 13 + round - 1),
    device: 'Chrome on a school laptop',
    createdAt: at.toISOString(),
    refreshedAt: at.toISOString(),
  };
}

interface Subject {
  readonly size: number;
  readonly dir: string;
  readonly counter: { bytes: number };
  readonly collection: LowdbCollection<AuthSessionRecord>;
  readonly times: number[];
}

async function subject(size: number): Promise<Subject> {
  const dir = await mkdtemp(join(tmpdir(), 'classhub-bench-collection-'));
  const counter = { bytes: 0 };
  const collection = await LowdbCollection.open<AuthSessionRecord>(
    dir,
    { ...authSessionsCollectionOptions, fileSystem: countingFileSystem(counter) },
    logger,
  );
  for (let start = 0; start < size; start += 5_000)
    await Promise.all(
      Array.from({ length: Math.min(5_000, size - start) }, (_, i) =>
        collection.insert(session(start + i)),
      ),
    );
  // Start from a compacted collection, as a hub that has run for a while.
  await filesOf(collection).compact([...collection.values()]);
  await collection.flush();
  counter.bytes = 0;
  return { size, dir, counter, collection, times: [] };
}

/** The collection's files, to force a compaction where the bench needs one. */
const filesOf = (collection: LowdbCollection<AuthSessionRecord>) =>
  (collection as unknown as { files: { compact(records: unknown[]): Promise<void> } }).files;

const quantile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))]!;

async function compactionCost(s: Subject) {
  // One full compaction of this collection, timed, with the event loop watched meanwhile.
  const files = filesOf(s.collection);
  const lag = monitorEventLoopDelay({ resolution: 5 });
  lag.enable();
  const before = s.counter.bytes;
  const start = performance.now();
  await files.compact([...s.collection.values()]);
  await s.collection.flush();
  const ms = performance.now() - start;
  lag.disable();
  const snapshot = (await stat(join(s.dir, 'auth-sessions.json'))).size;
  return { ms, bytes: s.counter.bytes - before, snapshot, maxLagMs: lag.max / 1e6 };
}

const subjects: Subject[] = [];
for (const size of SIZES) subjects.push(await subject(size));
for (let round = 1; round <= COMMITS; round++) {
  for (const s of round % 2 ? subjects : [...subjects].reverse()) {
    const i = round % s.size;
    const start = performance.now();
    await s.collection.update(session(i).id, () => session(i, round));
    s.times.push(performance.now() - start);
  }
}
console.log(`\nA token refresh (one auth-session rewritten), ${COMMITS} commits each, interleaved`);
const rows = [];
for (const s of subjects) {
  const perCommit = s.counter.bytes / COMMITS;
  const compaction = await compactionCost(s);
  // The journal is folded in once it holds max(1 MiB, 5 × snapshot) bytes.
  const commitsPerCompaction = Math.max(1024 * 1024, 5 * compaction.snapshot) / perCommit;
  rows.push({
    records: s.size,
    'bytes/commit': Math.round(perCommit),
    'median ms': quantile(s.times, 0.5).toFixed(2),
    'p99 ms': quantile(s.times, 0.99).toFixed(2),
    'snapshot bytes': compaction.snapshot,
    'compaction ms (background)': compaction.ms.toFixed(0),
    'max loop lag during compaction ms': compaction.maxLagMs.toFixed(1),
    'amortised bytes/commit': Math.round(perCommit + compaction.bytes / commitsPerCompaction),
  });
  await s.collection.close();
  await rm(s.dir, { recursive: true, force: true });
}
console.table(rows);
const [small, large] = rows;
console.log(
  `ratios 30,000 / 20: bytes/commit ${(large!['bytes/commit'] / small!['bytes/commit']).toFixed(2)}×, ` +
    `median ${(Number(large!['median ms']) / Number(small!['median ms'])).toFixed(2)}×, ` +
    `p99 ${(Number(large!['p99 ms']) / Number(small!['p99 ms'])).toFixed(2)}×, ` +
    `amortised bytes ${(large!['amortised bytes/commit'] / small!['amortised bytes/commit']).toFixed(2)}×`,
);
