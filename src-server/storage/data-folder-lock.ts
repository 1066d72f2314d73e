import { open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../logger';

const LOCK_FILE = 'hub.lock';

/**
 * One hub per data folder: two hubs writing the same files would each
 * overwrite the other's changes. The lock file holds the owner's pid; a lock
 * whose process is gone (the hub was killed) is taken over with a log line.
 */
export async function lockDataFolder(
  dataDir: string,
  logger: Logger,
): Promise<() => Promise<void>> {
  const file = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => unlink(file).catch(() => undefined);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
        throw new Error(
          `The data folder ${dataDir} is in use by another hub (process ${owner}). Stop it first, or choose another folder with --data.`,
          { cause: error },
        );
      }
      logger.warn(
        { dataDir, previousOwner: owner || 'unknown' },
        'taking over the lock of a hub that stopped without releasing it',
      );
      await unlink(file).catch(() => undefined);
    }
  }
  throw new Error(`Could not lock the data folder ${dataDir}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
