import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import {
  ARCHIVE_COLLECTIONS,
  ARCHIVE_LOGS,
  type ArchivableStorage,
  type ArchiveCollection,
  type ArchiveLog,
  type ArchiveLogEntry,
  type StorageSnapshot,
} from '../archive-port';
import type { BlobId } from '../../../src-shared/ids';
import type { BlobStore } from '../blobs/blob-store';
import type { LogSnapshot, SegmentedLog } from '../logs/segmented-log';
import { SEGMENT_FORMAT } from '../logs/segment-format';
import type { LowdbCollection, StoredRecord } from './collection';

export interface LowdbArchiveParts {
  readonly collections: ReadonlyMap<string, LowdbCollection<StoredRecord>>;
  readonly logs: Readonly<Record<ArchiveLog, SegmentedLog<unknown>>>;
  readonly blobs: BlobStore;
}

/**
 * Backups of a running lowdb hub. A snapshot copies every collection's
 * records (references to immutable objects, not the objects) and notes each
 * log's durable length in the same synchronous moment, so no write can fall
 * between them: the archive is the hub as it was at one instant. Changes
 * applied in memory but still in their group commit are waited for before
 * the snapshot is handed out.
 */
export function lowdbArchive(parts: LowdbArchiveParts): ArchivableStorage {
  const collection = (name: ArchiveCollection) => {
    const found = parts.collections.get(name);
    if (!found) throw new Error(`the lowdb engine has no collection ${name}`);
    return found;
  };
  return {
    engine: 'lowdb',
    async snapshot(): Promise<StorageSnapshot> {
      // From here to the end of this block nothing awaits: one instant.
      const records = new Map(
        ARCHIVE_COLLECTIONS.map((name) => [name, [...collection(name).values()]]),
      );
      const logs = new Map(ARCHIVE_LOGS.map((name) => [name, parts.logs[name].snapshot()]));
      await Promise.all(ARCHIVE_COLLECTIONS.map((name) => collection(name).flush()));
      return {
        async *records(name) {
          yield* records.get(name)!;
        },
        entries: (name) => readLog(logs.get(name)!),
        async *heads(name) {
          for (const [stream, lastSeq] of logs.get(name)!.heads) yield { stream, lastSeq };
        },
        async blob(id) {
          const size = await parts.blobs.size(id as BlobId);
          return size === undefined
            ? undefined
            : { size, open: () => parts.blobs.read(id as BlobId) };
        },
        async release() {
          for (const log of logs.values()) log.release();
        },
      };
    },
    async isEmpty() {
      return (
        ARCHIVE_COLLECTIONS.every((name) => collection(name).size === 0) &&
        ARCHIVE_LOGS.every((name) => parts.logs[name].empty)
      );
    },
  };
}

/** A log's records as they were at the snapshot, oldest first, read from its segment files. */
async function* readLog(log: LogSnapshot): AsyncGenerator<ArchiveLogEntry> {
  for (const segment of log.segments) {
    if (segment.bytes === 0) continue;
    const input = createReadStream(
      segment.file,
      segment.bytes === undefined ? {} : { end: segment.bytes - 1 },
    );
    const lines = createInterface({ input, crlfDelay: Infinity });
    try {
      for await (const line of lines) {
        if (line === '') continue;
        const value = JSON.parse(line) as Record<string, unknown>;
        if (value.format === SEGMENT_FORMAT) continue;
        yield {
          stream: value.stream as string,
          seq: value.streamSeq as number,
          at: value.at as string,
          entry: value.data,
        };
      }
    } finally {
      lines.close();
      input.destroy();
    }
  }
}
