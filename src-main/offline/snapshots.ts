import { createHash } from 'node:crypto';
import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { TEMP_SUFFIX } from '../../src-server/storage/durable-file';
import { readJsonFile, writeJsonDurably } from './durable-json';

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
  /** The hub whose page saved it; absent in copies saved before snapshots were kept per hub. */
  hubUrl?: string;
  savedAt: string;
  data: unknown;
}

export interface SnapshotCopy {
  data: unknown;
  savedAt: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Last-synced copies of page data, one JSON file per hub and key:
 * `<folder>/<hash of the hub's origin>/<hash of the key>.json`. Hashes, so no
 * key or origin can name a path. A hub's page reads and writes only its own
 * hub's folder; the local shell reads every hub's. Files directly in
 * `<folder>` were saved before copies were kept per hub: only the local shell
 * still sees them.
 */
export function createSnapshotStore(folder: string, log: (line: string) => void) {
  const hubFolder = (origin: string) => join(folder, sha256(origin).slice(0, 32));
  const fileIn = (directory: string, key: string) => join(directory, `${sha256(key)}.json`);

  async function readCopy(file: string, key: string): Promise<StoredSnapshot | null> {
    let stored: unknown;
    try {
      stored = await readJsonFile(file);
    } catch (error) {
      // A damaged copy is as good as none: the page loads fresh when online.
      log(`offline library: snapshot ${key} is unreadable (${(error as Error).message})`);
      return null;
    }
    return isStoredSnapshot(stored) && stored.key === key ? stored : null;
  }

  /** Every folder a local-shell read looks in: each hub's, and the old shared one. */
  async function allFolders(): Promise<string[]> {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    return [folder, ...entries.filter((e) => e.isDirectory()).map((e) => join(folder, e.name))];
  }

  return {
    /** Startup: creates the folder and drops temp files of writes that were cut off. */
    async repair(): Promise<void> {
      await mkdir(folder, { recursive: true });
      for (const directory of await allFolders())
        for (const name of await readdir(directory))
          if (name.endsWith(TEMP_SUFFIX)) {
            await unlink(join(directory, name)).catch(() => undefined);
            log(`offline library: removed an unfinished snapshot write (${name})`);
          }
    },

    /** Saves a copy for the hub at `hubOrigin` (the page's own origin, never the page's word). */
    async save(hubOrigin: string, key: unknown, data: unknown, now: Date): Promise<void> {
      const checked = checkSnapshotKey(key);
      if (data === undefined) throw new Error('A snapshot needs data (JSON), not undefined.');
      const stored: StoredSnapshot = {
        key: checked,
        hubUrl: hubOrigin,
        savedAt: now.toISOString(),
        data,
      };
      const text = JSON.stringify(stored);
      if (Buffer.byteLength(text) > MAX_SNAPSHOT_BYTES)
        throw new Error(
          `A snapshot can be at most ${MAX_SNAPSHOT_BYTES / 1024 / 1024} MB of JSON.`,
        );
      await mkdir(hubFolder(hubOrigin), { recursive: true });
      await writeJsonDurably(fileIn(hubFolder(hubOrigin), checked), stored);
    },

    /**
     * One hub's copy, or, for the local shell (`hubOrigin` undefined), what
     * every hub saved under the key: lists (the course index) are joined,
     * newest first; anything else is the newest copy.
     */
    async read(hubOrigin: string | undefined, key: unknown): Promise<SnapshotCopy | null> {
      const checked = checkSnapshotKey(key);
      const folders = hubOrigin === undefined ? await allFolders() : [hubFolder(hubOrigin)];
      const copies: StoredSnapshot[] = [];
      for (const directory of folders) {
        const copy = await readCopy(fileIn(directory, checked), checked);
        if (copy) copies.push(copy);
      }
      copies.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
      const newest = copies[0];
      if (!newest) return null;
      if (copies.length > 1 && copies.every((copy) => Array.isArray(copy.data)))
        return { data: copies.flatMap((copy) => copy.data as unknown[]), savedAt: newest.savedAt };
      return { data: newest.data, savedAt: newest.savedAt };
    },
  };
}

function isStoredSnapshot(value: unknown): value is StoredSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.key === 'string' && typeof record.savedAt === 'string' && 'data' in record;
}
