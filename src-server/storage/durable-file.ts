import { open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

let tempCounter = 0;
export const TEMP_SUFFIX = '.tmp';

/**
 * Replaces `file` so that after this resolves the new content survives a
 * power cut, and at no moment can a reader see a half-written file:
 * write a temp file, fsync it, rename over the target, fsync the directory
 * (the rename itself lives in the directory entry).
 */
export async function writeFileDurably(file: string, data: string | Uint8Array): Promise<void> {
  const temp = `${file}.${process.pid}-${++tempCounter}${TEMP_SUFFIX}`;
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  await rename(temp, file);
  await syncDirectory(dirname(file));
}

/** Windows cannot open a directory for fsync; NTFS journals the rename instead. */
export async function syncDirectory(directory: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(directory, 'r');
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
): Promise<string[]> {
  const prefix = `${basename(target)}.`;
  const names = (await readdir(directory)).filter(
    (name) => name.startsWith(prefix) && name.endsWith(TEMP_SUFFIX),
  );
  await Promise.all(names.map((name) => unlink(join(directory, name))));
  return names;
}
