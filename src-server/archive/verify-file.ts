import { createReadStream } from 'node:fs';
import type { ArchiveTarget } from '../storage/archive-port';
import type { Manifest } from './format';
import { readArchive } from './read-archive';

/** A target that keeps nothing: reading an archive into it checks every count and sha256. */
function discardingTarget(): ArchiveTarget {
  const drain = async (values: AsyncIterable<unknown>) => {
    let count = 0;
    for await (const _ of values) count += 1;
    return count;
  };
  return {
    engine: 'lowdb',
    loadRecords: (_name, records) => drain(records),
    loadEntries: (_name, entries) => drain(entries),
    loadHeads: async (_name, heads) => void (await drain(heads)),
    storeBlob: async (_id, content) => {
      for await (const _ of content) void _;
    },
    commit: async () => undefined,
    abort: async () => undefined,
  };
}

/** Reads a backup file back whole, as a restore would, without keeping anything. */
export function verifyArchiveFile(file: string): Promise<Manifest> {
  return readArchive(createReadStream(file), discardingTarget());
}
