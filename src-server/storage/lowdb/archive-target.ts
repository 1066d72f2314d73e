import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Logger } from '../../logger';
import type {
  ArchiveCollection,
  ArchiveLogEntry,
  ArchiveStreamHead,
  ArchiveTarget,
} from '../archive-port';
import { judgeOwner, ownRecord, readOwner, writeOwner } from '../data-folder-owner';
import { syncDirectory } from '../durable-file';
import { SEGMENT_HEADER, segmentName } from '../logs/segment-format';
import { COLLECTION_FORMAT, COLLECTION_VERSION } from '../migrations/collection-document';
import { openStorage } from '../open-storage';
import type { StoredRecord } from './collection';

/** The same bound as a running log's segments, so a restored log pages like any other. */
const SEGMENT_BYTES = 8 * 1024 * 1024;

/** The target folder holds something: a restore never mixes two hubs. */
export class TargetNotEmptyError extends Error {
  override name = 'TargetNotEmptyError';
}

/**
 * A restore into a lowdb data folder that does not exist yet (or is empty).
 * Everything is written into a sibling temp folder — collection snapshots,
 * log segments, blobs, each fsynced — which is opened once as a hub would
 * open it (every record checked, log indexes built) and only then renamed
 * into place. Killed at any moment, the target folder is absent (or still
 * empty) and the temp folder is removed by the next restore.
 */
export async function openLowdbArchiveTarget(
  dataDir: string,
  logger: Logger,
): Promise<ArchiveTarget> {
  const target = resolve(dataDir);
  await assertEmptyTarget(target);
  await removeLeftovers(target, logger);
  const temp = await makeTempFolder(target);
  return {
    engine: 'lowdb',
    loadRecords: (name, records) => writeCollection(join(temp, 'db'), name, records),
    loadEntries: (name, entries) => writeLog(join(temp, 'logs', name), entries),
    loadHeads: (_name, heads) => readHeads(heads),
    storeBlob: (id, content) => writeBlob(join(temp, 'blobs'), id, content),
    async commit() {
      // Opened as the hub will open it: a record that breaks its schema is refused here, not at start.
      const storage = await openStorage(temp, logger);
      await storage.close();
      await assertEmptyTarget(target);
      await rmdir(target).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
      await rename(temp, target);
      await syncDirectory(dirname(target));
      // Only now: until the rename, the owner file is what keeps another restore's hands off.
      await rm(join(target, OWNER_FILE), { force: true });
    },
    async abort() {
      await rm(temp, { recursive: true, force: true });
    },
  };
}

async function assertEmptyTarget(target: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR')
      throw new TargetNotEmptyError(
        `${target} is a file, not a folder: choose a new folder to restore into.`,
      );
    throw error;
  }
  if (names.length > 0)
    throw new TargetNotEmptyError(
      `${target} is not empty (it holds ${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''}): ` +
        'a restore goes into a new or empty folder only, so no hub is overwritten or mixed with another.',
    );
}

/** A restore into `target` is already running: the temp folder it is filling is not a leftover. */
export class RestoreInProgressError extends Error {
  override name = 'RestoreInProgressError';
}

/** Names the restore filling a temp folder (pid and start time), as hub.lock names a hub. */
const OWNER_FILE = 'restore.owner';

/**
 * The temp folder, made under another name and renamed only once it holds
 * its owner file: a restore looking for leftovers never sees a temp folder
 * without one, so it can tell a running restore's folder from a dead one's.
 */
async function makeTempFolder(target: string): Promise<string> {
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const preparing = join(dirname(target), `.${basename(target)}.preparing-${suffix}`);
  const temp = join(dirname(target), `.${basename(target)}.restoring-${suffix}`);
  try {
    await mkdir(join(preparing, 'db'), { recursive: true });
    await mkdir(join(preparing, 'blobs'), { recursive: true });
    await writeOwner(join(preparing, OWNER_FILE), await ownRecord());
    await rename(preparing, temp);
  } catch (error) {
    await rm(preparing, { recursive: true, force: true });
    throw error;
  }
  return temp;
}

/**
 * Temp folders of restores into the same target that were killed before
 * they finished. One whose restore still runs (its owner process alive) is
 * not touched — it holds that restore's records and staged files — and this
 * restore is refused instead.
 */
async function removeLeftovers(target: string, logger: Logger): Promise<void> {
  const prefix = `.${basename(target)}.restoring-`;
  const names = await readdir(dirname(target)).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.startsWith(prefix))) {
    const folder = join(dirname(target), name);
    const owner = await readOwner(join(folder, OWNER_FILE));
    if (owner?.kind === 'record' && (await judgeOwner(owner)).alive)
      throw new RestoreInProgressError(
        `Another restore into ${target} is running now (process ${owner.record.pid}): ` +
          'wait for it to finish, or stop it and restore again.',
      );
    await rm(folder, { recursive: true, force: true });
    logger.warn({ folder: name }, 'removed the temp folder of an interrupted restore');
  }
}

/** A collection snapshot file (generation 0, no journal), streamed record by record. */
async function writeCollection(
  directory: string,
  name: ArchiveCollection,
  records: AsyncIterable<StoredRecord>,
): Promise<number> {
  let count = 0;
  const head = JSON.stringify({
    format: COLLECTION_FORMAT,
    version: COLLECTION_VERSION,
    collection: name,
    generation: 0,
  });
  async function* text() {
    yield `${head.slice(0, -1)},"records":[`;
    for await (const record of records)
      yield `${count++ === 0 ? '' : ','}\n${JSON.stringify(record)}`;
    yield '\n]}\n';
  }
  await writeDurably(join(directory, `${name}.json`), text());
  return count;
}

/** Log segments numbered 1, 2, …; global seq follows the archive's order, streamSeq is kept. */
async function writeLog(
  directory: string,
  entries: AsyncIterable<ArchiveLogEntry>,
): Promise<number> {
  await mkdir(directory, { recursive: true });
  const lastOfStream = new Map<string, number>();
  let seq = 0;
  let segment = 0;
  let part: Buffer[] = [];
  let bytes = 0;
  const seal = async () => {
    if (part.length === 0) return;
    await writeDurably(join(directory, segmentName(++segment)), [SEGMENT_HEADER, ...part]);
    part = [];
    bytes = 0;
  };
  for await (const entry of entries) {
    const last = lastOfStream.get(entry.stream) ?? 0;
    if (entry.seq <= last)
      throw new Error(
        `log entries of stream ${entry.stream} are out of order (seq ${entry.seq} after ${last})`,
      );
    lastOfStream.set(entry.stream, entry.seq);
    const line = Buffer.from(
      `${JSON.stringify({ seq: ++seq, stream: entry.stream, streamSeq: entry.seq, at: entry.at, data: entry.entry })}\n`,
    );
    if (bytes + line.length + SEGMENT_HEADER.length > SEGMENT_BYTES) await seal();
    part.push(line);
    bytes += line.length;
  }
  await seal();
  return seq;
}

/**
 * A lowdb log knows a stream's newest seq from its stored entries (after a
 * restart as after a restore), so heads are read and not kept: a stream
 * pruned empty starts again at 1 here, as it would after a restart.
 */
async function readHeads(heads: AsyncIterable<ArchiveStreamHead>): Promise<void> {
  for await (const _ of heads) void _;
}

async function writeBlob(root: string, id: string, content: Readable): Promise<void> {
  const directory = join(root, id.slice(0, 2));
  await mkdir(directory, { recursive: true });
  await writeDurably(join(directory, id), content);
}

/** Writes a new file and fsyncs it (its folder is fsynced at commit, by the rename). */
async function writeDurably(
  file: string,
  content: AsyncIterable<string | Buffer> | Iterable<Buffer>,
): Promise<void> {
  await pipeline(content as AsyncIterable<Buffer>, createWriteStream(file, { flags: 'wx' }));
  const handle = await open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  await syncDirectory(dirname(file));
}
