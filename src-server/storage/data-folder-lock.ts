import { access, unlink, utimes } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import type { Logger } from '../logger';
import {
  HEARTBEAT_MS,
  judgeOwner,
  ownRecord,
  readOwner,
  writeOwner,
  type OwnerRecord,
} from './data-folder-owner';

const LOCK_FILE = 'hub.lock';
const GUARD_DIR = 'hub.lock.guard';

/** The data folder's lock, held for the hub's lifetime. */
export interface DataFolderLock {
  /** Records where the hub listens, so a second start can point the teacher to it. */
  announce(url: string, lanUrls: readonly string[]): Promise<void>;
  /** Stops the heartbeat and removes the lock if it is still ours. Safe to call twice. */
  release(): Promise<void>;
}

/** Another hub holds the folder; `owner` says which, and where to open it when it listens. */
export class DataFolderInUseError extends Error {
  override name = 'DataFolderInUseError';
  readonly code = 'EDATAINUSE';
  constructor(
    readonly dataDir: string,
    readonly owner: OwnerRecord,
  ) {
    super(inUseMessage(dataDir, owner));
  }
}

/**
 * One hub per data folder: two hubs writing the same files would each
 * overwrite the other's changes. `hub.lock` names the owning process by pid
 * and start time (see data-folder-owner.ts), so a lock left by a killed hub
 * or a power cut is taken over at once with a log line, and a running hub is
 * never mistaken for a stranger that got its pid. Every look at `hub.lock`
 * happens inside a short proper-lockfile guard, so two hubs started at the
 * same instant cannot both win. Decision and per-OS behaviour: docs/decisions.md.
 */
export async function lockDataFolder(dataDir: string, logger: Logger): Promise<DataFolderLock> {
  const file = join(dataDir, LOCK_FILE);
  const mine = await ownRecord();
  await guarded(dataDir, logger, async () => {
    const found = await readOwner(file);
    if (found) {
      const verdict = await judgeOwner(found);
      if (verdict.alive && found.kind === 'record')
        throw new DataFolderInUseError(dataDir, found.record);
      if (!verdict.alive)
        logger.warn(
          { dataDir, reason: verdict.reason },
          `taking over the data folder from a hub that stopped without releasing it: ${verdict.reason}`,
        );
    }
    await writeOwner(file, mine);
  });
  return holdLock(dataDir, file, mine, logger);
}

function holdLock(
  dataDir: string,
  file: string,
  mine: OwnerRecord,
  logger: Logger,
): DataFolderLock {
  let current = mine;
  let lost = false;
  const stillOurs = async () => {
    const found = await readOwner(file).catch(() => undefined);
    const ours = found?.kind === 'record' && found.record.nonce === mine.nonce;
    if (!ours && !lost) {
      lost = true;
      logger.error(
        { dataDir },
        'the data folder lock is no longer this hub’s: another hub may be writing the same files',
      );
    }
    return ours;
  };
  const heartbeat = setInterval(() => {
    void (async () => {
      if (lost || !(await stillOurs())) return;
      const now = new Date();
      await utimes(file, now, now).catch((error: unknown) =>
        logger.warn({ err: error }, 'could not refresh the data folder lock'),
      );
    })();
  }, HEARTBEAT_MS);
  heartbeat.unref();
  let released: Promise<void> | undefined;
  return {
    // The lock holds without the address; a failure only costs the next hub's pointer to us.
    announce: (url, lanUrls) =>
      guarded(dataDir, logger, async () => {
        if (!(await stillOurs())) return;
        current = { ...current, url, lanUrls };
        await writeOwner(file, current);
      }).catch((error: unknown) =>
        logger.warn({ err: error }, 'could not record the hub address in the data folder lock'),
      ),
    release: () =>
      (released ??= (async () => {
        clearInterval(heartbeat);
        await guarded(dataDir, logger, async () => {
          if (await stillOurs()) await unlink(file);
        }).catch((error: unknown) =>
          logger.warn({ err: error }, 'could not remove the data folder lock'),
        );
      })()),
  };
}

/**
 * proper-lockfile (an atomic mkdir, refreshed while held) serialises every
 * read-judge-write of `hub.lock`. It is held for milliseconds; one left by a
 * process killed inside that window is stale after 5 s and removed by the
 * library, so the retries below outlast it.
 */
async function guarded<T>(dataDir: string, logger: Logger, work: () => Promise<T>): Promise<T> {
  // The library retries every failure, a missing folder too: fail at once instead (nothing to guard).
  await access(dataDir);
  const release = await lockfile.lock(dataDir, {
    lockfilePath: join(dataDir, GUARD_DIR),
    realpath: false,
    stale: 5_000,
    update: 1_000,
    retries: { retries: 100, factor: 1.2, minTimeout: 5, maxTimeout: 200 },
    onCompromised: (error) =>
      logger.warn({ err: error }, 'the data folder guard was taken over while held'),
  });
  try {
    return await work();
  } finally {
    await release().catch(() => undefined);
  }
}

function inUseMessage(dataDir: string, owner: OwnerRecord): string {
  const here = owner.hostname === hostname();
  // 127.0.0.1 only works on the owner's own computer; elsewhere its network address does.
  const where = here ? owner.url : (owner.lanUrls?.[0] ?? owner.url);
  const head = `The data folder ${dataDir} is in use by another hub (process ${owner.pid})${here ? '' : ` on the computer ${owner.hostname}`}`;
  if (!where)
    return `${head}, which is still starting. Open it in a moment, stop it first, or choose another folder with --data.`;
  return `${head}, running at ${where}. Open ${where} to use it, stop that hub first, or choose another folder with --data.`;
}
