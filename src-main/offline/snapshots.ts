import { createHash } from 'node:crypto';
import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { TEMP_SUFFIX } from '../../src-server/storage/durable-file';
import { isMissingFileError, readJsonFile, writeJsonDurably } from './durable-json';

/**
 * `<what>:<id>`, e.g. `course:abc123` or `course-sessions:abc123`. The renderer
 * names them; a fixed shape keeps it from using the store as a general disk.
 */
const SNAPSHOT_KEY = /^[a-z][a-z0-9-]{0,39}:[A-Za-z0-9._:-]{1,200}$/;
export const MAX_SNAPSHOT_KEY_LENGTH = 240;
/** A course page's data is tens of KB; this bounds a runaway caller, not real use. */
export const MAX_SNAPSHOT_BYTES = 5 * 1024 * 1024;

export class SnapshotKeyError extends Error {
  constructor(key: unknown) {
    super(
      `"${String(key).slice(0, 60)}" is not a snapshot key: use <what>:<id>, e.g. course:<id> ` +
        `(letters, digits, . _ : -; at most ${MAX_SNAPSHOT_KEY_LENGTH} characters).`,
    );
    this.name = 'SnapshotKeyError';
  }
}

export function checkSnapshotKey(key: unknown): string {
  if (typeof key !== 'string' || key.length > MAX_SNAPSHOT_KEY_LENGTH || !SNAPSHOT_KEY.test(key))
    throw new SnapshotKeyError(key);
  return key;
}

interface StoredSnapshot {
  key: string;
  savedAt: string;
  data: unknown;
}

/**
 * Last-synced copies of page data, one JSON file per key. The file name is a
 * hash of the key, so no key can name a path, and a key maps to one file.
 */
export function createSnapshotStore(folder: string, log: (line: string) => void) {
  const fileOf = (key: string) =>
    join(folder, `${createHash('sha256').update(key).digest('hex')}.json`);

  return {
    /** Startup: creates the folder and drops temp files of writes that were cut off. */
    async repair(): Promise<void> {
      await mkdir(folder, { recursive: true });
      for (const name of await readdir(folder))
        if (name.endsWith(TEMP_SUFFIX)) {
          await unlink(join(folder, name)).catch(() => undefined);
          log(`offline library: removed an unfinished snapshot write (${name})`);
        }
    },

    async save(key: unknown, data: unknown, now: Date): Promise<void> {
      const checked = checkSnapshotKey(key);
      if (data === undefined) throw new Error('A snapshot needs data (JSON), not undefined.');
      const stored: StoredSnapshot = { key: checked, savedAt: now.toISOString(), data };
      const text = JSON.stringify(stored);
      if (Buffer.byteLength(text) > MAX_SNAPSHOT_BYTES)
        throw new Error(
          `A snapshot can be at most ${MAX_SNAPSHOT_BYTES / 1024 / 1024} MB of JSON.`,
        );
      await writeJsonDurably(fileOf(checked), stored);
    },

    async read(key: unknown): Promise<{ data: unknown; savedAt: string } | null> {
      const checked = checkSnapshotKey(key);
      let stored: unknown;
      try {
        stored = await readJsonFile(fileOf(checked));
      } catch (error) {
        // A damaged copy is as good as none: the page loads fresh when online.
        log(`offline library: snapshot ${checked} is unreadable (${(error as Error).message})`);
        return null;
      }
      if (!isStoredSnapshot(stored) || stored.key !== checked) return null;
      return { data: stored.data, savedAt: stored.savedAt };
    },

    async remove(key: unknown): Promise<void> {
      await unlink(fileOf(checkSnapshotKey(key))).catch((error: unknown) => {
        if (!isMissingFileError(error)) throw error;
      });
    },
  };
}

function isStoredSnapshot(value: unknown): value is StoredSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.key === 'string' && typeof record.savedAt === 'string' && 'data' in record;
}
