import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const KEY_FILE = 'backup.key';

/**
 * A fresh random key in the data folder, readable by its owner only, for
 * `npm run hub -- backup` while this hub holds the folder (http/local-backup.ts).
 */
export async function writeBackupKey(
  dataDir: string,
): Promise<{ key: string; remove(): Promise<void> }> {
  const key = randomBytes(32).toString('hex');
  const file = join(dataDir, KEY_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  // Created owner-only from the first byte: no moment when others could read it.
  await writeFile(temp, key, { mode: 0o600 });
  await rename(temp, file);
  return { key, remove: () => rm(file, { force: true }) };
}

export async function readBackupKey(dataDir: string): Promise<string | undefined> {
  try {
    return (await readFile(join(dataDir, KEY_FILE), 'utf8')).trim();
  } catch {
    return undefined;
  }
}
