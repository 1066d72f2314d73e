import { ARCHIVE_COLLECTIONS, ARCHIVE_LOGS, type StorageSnapshot } from '../storage/archive-port';
import { canonicalJson } from './canonical-json';
import { ContentDigest } from './content-digest';
import type { ContentSummary, Manifest } from './format';

export type Summaries = Map<string, ContentSummary>;

/** Count and digest of every collection and log in a snapshot, keyed as in manifestSummaries. */
export async function summarize(snapshot: StorageSnapshot): Promise<Summaries> {
  const summaries: Summaries = new Map();
  const add = async (key: string, values: AsyncIterable<unknown>) => {
    const digest = new ContentDigest();
    for await (const value of values) digest.add(canonicalJson(value));
    summaries.set(key, digest.summary());
  };
  for (const name of ARCHIVE_COLLECTIONS) await add(name, snapshot.records(name));
  for (const name of ARCHIVE_LOGS) {
    await add(`${name} log`, snapshot.entries(name));
    await add(`${name} heads`, snapshot.heads(name));
  }
  return summaries;
}

export function manifestSummaries(manifest: Manifest): Summaries {
  const summaries: Summaries = new Map();
  for (const name of ARCHIVE_COLLECTIONS)
    summaries.set(name, manifest.collections[name] ?? { count: 0, digest: '0'.repeat(64) });
  for (const name of ARCHIVE_LOGS) {
    const log = manifest.logs[name];
    summaries.set(`${name} log`, log?.entries ?? { count: 0, digest: '0'.repeat(64) });
    summaries.set(`${name} heads`, log?.heads ?? { count: 0, digest: '0'.repeat(64) });
  }
  return summaries;
}

/** One line per collection and log: count and the start of its digest, marked when both sides agree. */
export function summaryTable(expected: Summaries, found?: Summaries): string[] {
  const width = Math.max(...[...expected.keys()].map((key) => key.length));
  return [...expected].map(([key, want]) => {
    const got = found?.get(key);
    const verdict = !found
      ? ''
      : got && got.count === want.count && got.digest === want.digest
        ? '  ok'
        : `  MISMATCH (target: ${got?.count ?? 0} lines, digest ${got?.digest.slice(0, 12) ?? '-'})`;
    return `  ${key.padEnd(width)}  ${String(want.count).padStart(8)}  ${want.digest.slice(0, 12)}${verdict}`;
  });
}

export function mismatches(expected: Summaries, found: Summaries): string[] {
  return [...expected]
    .filter(([key, want]) => {
      const got = found.get(key);
      return !got || got.count !== want.count || got.digest !== want.digest;
    })
    .map(([key]) => key);
}
