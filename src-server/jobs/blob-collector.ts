import type { Logger } from '../logger';
import type { Storage } from '../storage/repositories';

const HOUR = 3_600_000;

export interface BlobCollectorOptions {
  /** How often to run; the first pass runs one minute after start. */
  readonly everyMs?: number;
  /** Uploads never attached for this long are abandoned. */
  readonly abandonedAfterMs?: number;
  /** Unreferenced blobs younger than this are left alone: their record may still be on its way. */
  readonly graceMs?: number;
  readonly now: () => Date;
}

export interface CollectionPass {
  readonly abandonedUploads: number;
  readonly removedBlobs: number;
}

/**
 * Removes the bytes of files nothing points at any more: uploads never
 * attached within a day, and files of deleted posts, messages and sessions.
 * Blobs are shared by content, so a blob goes only when no upload and no
 * avatar references it. Runs on a timer; each pass starts from the data on
 * disk, so a restart loses nothing but time.
 */
export function startBlobCollector(
  storage: Storage,
  logger: Logger,
  options: BlobCollectorOptions,
) {
  const { everyMs = HOUR, abandonedAfterMs = 24 * HOUR, graceMs = HOUR, now } = options;
  let running: Promise<CollectionPass> | undefined;

  async function pass(): Promise<CollectionPass> {
    // Several hub nodes share the blob folder: one of them collects.
    if (!(await storage.coordination.leads('blob-collector')))
      return { abandonedUploads: 0, removedBlobs: 0 };
    const abandoned = await storage.uploads.listUnattachedBefore(
      new Date(now().getTime() - abandonedAfterMs).toISOString(),
    );
    await storage.uploads.deleteMany(abandoned.map((u) => u.id));
    const referenced = new Set([
      ...(await storage.uploads.referencedBlobs()),
      ...(await storage.users.referencedBlobs()),
    ]);
    const writtenBefore = new Date(now().getTime() - graceMs);
    let removedBlobs = 0;
    for await (const id of storage.blobs.ids()) {
      if (!referenced.has(id) && (await storage.blobs.collect(id, writtenBefore))) removedBlobs++;
    }
    if (abandoned.length + removedBlobs > 0)
      logger.info({ abandonedUploads: abandoned.length, removedBlobs }, 'collected unused files');
    return { abandonedUploads: abandoned.length, removedBlobs };
  }

  const runOnce = (): Promise<CollectionPass> =>
    (running ??= pass()
      .catch((error: unknown) => {
        logger.error({ err: error }, 'file collection failed; it will run again');
        return { abandonedUploads: 0, removedBlobs: 0 };
      })
      .finally(() => (running = undefined)));

  const first = setTimeout(() => void runOnce(), 60_000);
  const timer = setInterval(() => void runOnce(), everyMs);
  first.unref();
  timer.unref();
  return {
    runOnce,
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
