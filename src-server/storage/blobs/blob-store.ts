import { createHash, randomUUID } from 'node:crypto';
import { Mutex } from 'async-mutex';
import { once } from 'node:events';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BlobId } from '../../../src-shared/ids';
import type { Logger } from '../../logger';
import { syncDirectory } from '../durable-file';

/** Thrown while streaming when the upload passes its size limit. */
export class BlobTooLarge extends Error {
  constructor(readonly limitBytes: number) {
    super(`larger than ${limitBytes} bytes`);
    this.name = 'BlobTooLarge';
  }
}

/** An upload written to a temp file and hashed, not yet part of the store. */
export interface StagedBlob {
  readonly id: BlobId;
  readonly size: number;
  /** The first bytes, for checking the file type by content. */
  readonly head: Buffer;
  commit(): Promise<BlobId>;
  discard(): Promise<void>;
}

const HEAD_BYTES = 4100;
/** A staged upload untouched this long has no hub writing it any more (moving uploads write constantly). */
const ABANDONED_STAGING_MS = 24 * 3_600_000;

/** The names in `dir` not modified since `cutoffMs`. */
async function untouchedSince(dir: string, cutoffMs: number): Promise<string[]> {
  const names = await readdir(dir);
  const ages = await Promise.all(
    names.map((name) =>
      stat(join(dir, name)).then(
        (info) => info.mtimeMs,
        () => Infinity,
      ),
    ),
  );
  return names.filter((_, i) => ages[i]! < cutoffMs);
}

/**
 * Content-addressed file store: a file is named by the sha256 of its bytes
 * (`ab/abcdef…`), so no user-supplied name ever becomes a path and the same
 * file uploaded twice is stored once. Blobs are shared between records, so
 * nothing deletes one directly; unreferenced blobs are a garbage-collection job.
 */
export class BlobStore {
  private readonly lock = new Mutex();

  private constructor(private readonly root: string) {}

  /**
   * `shared`: other hub nodes use the same folder (PostgreSQL hubs), so the
   * `incoming/` files at start may be their uploads in progress; only ones
   * untouched for a day are left by a dead node. Alone, every file there is
   * a leftover of this hub's last run. `keepStaged`: opened by a command
   * (a restore), not a hub, so it removes nothing it did not stage itself.
   */
  static async open(
    root: string,
    logger: Logger,
    options: { shared?: boolean; keepStaged?: boolean } = {},
  ): Promise<BlobStore> {
    const incoming = join(root, 'incoming');
    await mkdir(incoming, { recursive: true });
    if (options.keepStaged) return new BlobStore(root);
    const leftovers = options.shared
      ? await untouchedSince(incoming, Date.now() - ABANDONED_STAGING_MS)
      : await readdir(incoming);
    await Promise.all(leftovers.map((name) => rm(join(incoming, name), { force: true })));
    if (leftovers.length > 0)
      logger.warn(
        { count: leftovers.length },
        'removed unfinished uploads left by an interrupted hub',
      );
    return new BlobStore(root);
  }

  /** Streams `source` to a temp file, hashing as it goes; never holds the whole file in memory. */
  async stage(source: Readable, limitBytes: number): Promise<StagedBlob> {
    const temp = join(this.root, 'incoming', randomUUID());
    const hash = createHash('sha256');
    const head: Buffer[] = [];
    let size = 0;
    let headSize = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        if (size > limitBytes) return callback(new BlobTooLarge(limitBytes));
        hash.update(chunk);
        if (headSize < HEAD_BYTES) {
          head.push(chunk.subarray(0, HEAD_BYTES - headSize));
          headSize += Math.min(chunk.length, HEAD_BYTES - headSize);
        }
        callback(null, chunk);
      },
    });
    const sink = createWriteStream(temp);
    try {
      await pipeline(source, meter, sink);
      const handle = await open(temp, 'r+');
      await handle.sync();
      await handle.close();
    } catch (error) {
      // pipeline rejects on the first error, maybe before the file stream has even created the
      // file; unlinking before it closes would race that creation and leave the temp file behind.
      sink.destroy();
      if (!sink.closed) await once(sink, 'close').catch(() => undefined);
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    const id = hash.digest('hex') as BlobId;
    return {
      id,
      size,
      head: Buffer.concat(head),
      commit: () => this.commit(temp, id),
      discard: () => unlink(temp).catch(() => undefined),
    };
  }

  async size(id: BlobId): Promise<number | undefined> {
    try {
      return (await stat(this.pathOf(id))).size;
    } catch {
      return undefined;
    }
  }

  read(id: BlobId, range?: { start: number; end: number }): ReadStream {
    return createReadStream(this.filePath(id), range);
  }

  /** For the HTTP layer's sendFile (Range, conditional GET); the id is checked, so no path escapes the store. */
  filePath(id: BlobId): string {
    return this.pathOf(id);
  }

  private async commit(temp: string, id: BlobId): Promise<BlobId> {
    // Exclusive with collection: a blob re-uploaded while it is being collected must survive.
    return this.lock.runExclusive(async () => {
      const directory = join(this.root, id.slice(0, 2));
      await mkdir(directory, { recursive: true });
      await rename(temp, this.pathOf(id));
      await syncDirectory(directory);
      return id;
    });
  }

  /** Every stored blob id (for the garbage collector). */
  async *ids(): AsyncGenerator<BlobId> {
    for (const shard of await readdir(this.root)) {
      if (!/^[a-f0-9]{2}$/.test(shard)) continue;
      for (const name of await readdir(join(this.root, shard))) {
        if (/^[a-f0-9]{64}$/.test(name)) yield name as BlobId;
      }
    }
  }

  /**
   * Deletes a blob nobody references, unless it was written after `writtenBefore`
   * (an upload whose record is still being saved). Returns whether it was removed.
   */
  async collect(id: BlobId, writtenBefore: Date): Promise<boolean> {
    return this.lock.runExclusive(async () => {
      const info = await stat(this.pathOf(id)).catch(() => undefined);
      if (!info || info.mtime >= writtenBefore) return false;
      // Another hub node sharing the folder may commit the same bytes between that
      // look and the delete (the mutex is this process's only). Moving the blob
      // aside first is atomic: whatever was moved is looked at again, and a fresh
      // commit that landed before the move goes back in place.
      const aside = join(this.root, 'incoming', `collect-${randomUUID()}`);
      if (
        !(await rename(this.pathOf(id), aside).then(
          () => true,
          () => false,
        ))
      )
        return false;
      const moved = await stat(aside);
      if (moved.mtime < writtenBefore) {
        await unlink(aside);
        return true;
      }
      // Same id, same bytes: a copy committed since the move makes this one redundant.
      if (
        await stat(this.pathOf(id)).then(
          () => true,
          () => false,
        )
      )
        await unlink(aside);
      else await rename(aside, this.pathOf(id));
      return false;
    });
  }

  private pathOf(id: BlobId): string {
    if (!/^[a-f0-9]{64}$/.test(id)) throw new Error('not a blob id');
    return join(this.root, id.slice(0, 2), id);
  }
}
