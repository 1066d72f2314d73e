import { basename, dirname, join } from 'node:path';
import { nodeFileSystem, writeFully, type FileSystem } from './file-system';

let tempCounter = 0;
export const TEMP_SUFFIX = '.tmp';

/**
 * Replaces `file` so that after this resolves the new content survives a
 * power cut, and at no moment can a reader see a half-written file:
 * write a temp file, fsync it, rename over the target, fsync the directory
 * (the rename itself lives in the directory entry). On any failure (a full
 * disk, a failing fsync) the temp file is removed and the target is untouched.
 */
export async function writeFileDurably(
  file: string,
  data: string | Uint8Array,
  fs: FileSystem = nodeFileSystem,
): Promise<void> {
  const temp = `${file}.${process.pid}-${++tempCounter}${TEMP_SUFFIX}`;
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  const handle = await fs.open(temp, 'w');
  try {
    await writeFully(handle, bytes, 0);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    await fs.rename(temp, file);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(file), fs);
}

/** Windows cannot open a directory for fsync; NTFS journals the rename instead. */
export async function syncDirectory(
  directory: string,
  fs: FileSystem = nodeFileSystem,
): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Temp files left by a write that was cut off (kill -9, power loss). The
 * target file still holds the last acknowledged version, so they are only
 * debris; returns the names removed so the caller can log them.
 */
export async function removeLeftoverTempFiles(
  directory: string,
  target: string,
  fs: FileSystem = nodeFileSystem,
): Promise<string[]> {
  const prefix = `${basename(target)}.`;
  const names = (await fs.readdir(directory)).filter(
    (name) => name.startsWith(prefix) && name.endsWith(TEMP_SUFFIX),
  );
  await Promise.all(names.map((name) => fs.unlink(join(directory, name))));
  return names;
}
