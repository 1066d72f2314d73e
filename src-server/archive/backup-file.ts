import { createWriteStream } from 'node:fs';
import { open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { syncDirectory } from '../storage/durable-file';
import { ArchiveError } from './archive-error';

/** Refuses an --out path that already holds something: a backup never replaces a file. */
export async function assertNewFile(file: string): Promise<void> {
  const found = await stat(file).catch(() => undefined);
  if (found)
    throw new ArchiveError(
      `${file} already exists: choose a new file name for the backup, or move that file away first.`,
    );
  const folder = await stat(dirname(file)).catch(() => undefined);
  if (!folder?.isDirectory())
    throw new ArchiveError(
      `The folder ${dirname(file)} does not exist: create it, or choose another --out path.`,
    );
}

/**
 * Writes an archive stream to `file` so that the path holds a whole archive
 * or nothing: the bytes go to a hidden temp name beside it, fsynced, then
 * renamed. Killed half way, only the temp file is left (named for what it is).
 */
export async function writeBackupFile(
  stream: Readable,
  file: string,
  done?: Promise<unknown>,
): Promise<number> {
  await removeLeftovers(file);
  const temp = join(dirname(file), `.${basename(file)}.partial-${process.pid}`);
  try {
    await pipeline(stream, createWriteStream(temp, { flags: 'wx' }));
    await done;
    const handle = await open(temp, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await assertNewFile(file);
    await rename(temp, file);
    await syncDirectory(dirname(file));
    return (await stat(file)).size;
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** Partial files of earlier backups to this path whose process is gone (killed half way). */
async function removeLeftovers(file: string): Promise<void> {
  const prefix = `.${basename(file)}.partial-`;
  for (const name of await readdir(dirname(file)).catch(() => [] as string[])) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) continue;
    await unlink(join(dirname(file), name)).catch(() => undefined);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
