import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { LibraryItem, LibraryUsage } from '../../src-shared/bridge';
import { syncDirectory, TEMP_SUFFIX } from '../../src-server/storage/durable-file';
import { createSerialQueue, isMissingFileError, writeJsonDurably } from './durable-json';
import { loadLibraryIndex, toLibraryItem, type StoredLibraryItem } from './library-index';
import { logLine } from '../logging/app-log';
import { mayOpen, savedFileName } from './file-types';
import { safeFileName } from './safe-file-name';
import { createSnapshotStore, type SnapshotCopy } from './snapshots';

export interface OfflineLibraryOptions {
  /** A folder only the app writes to (inside its user-data folder). */
  folder: string;
  log?: (line: string) => void;
  now?: () => Date;
}

/**
 * A verified file the download manager hands over, with what identifies its
 * download. `fileName` and `contentType` are the hub's own (hub-file.ts), never the page's.
 */
export type NewLibraryFile = Omit<LibraryItem, 'id' | 'downloadedAt'> & {
  path: string;
  contentType: string;
};

/** How the shell shows an item: opened by the system's app, or shown in its folder. */
export interface LibraryFileTarget {
  file: string;
  open: 'with-default-app' | 'in-folder';
}
export type LibraryFileMatch = Pick<StoredLibraryItem, 'hubUrl' | 'sha256' | 'path'>;

/**
 * The library of every hub this computer has used. Not scoped: the bridge
 * reaches it only through scoped-library.ts, which keeps each hub's page to
 * its own hub's files and snapshots.
 */
export interface OfflineLibrary {
  list(): Promise<LibraryItem[]>;
  usage(): Promise<LibraryUsage>;
  remove(id: string): Promise<void>;
  /** Where an item's file is; throws if it is not in the library. */
  filePath(id: string): Promise<string>;
  /** Where an item's file is and whether the app may open it (file-types.ts), for the shell. */
  openTarget(id: string): Promise<LibraryFileTarget>;
  find(match: LibraryFileMatch): Promise<LibraryItem | null>;
  has(id: string): Promise<boolean>;
  /** Moves `sourceFile` (already verified) into the library and records it: all or nothing. */
  addFile(sourceFile: string, file: NewLibraryFile): Promise<LibraryItem>;
  /** Keeps a page's data for the hub at `hubOrigin` (the page's own origin). */
  saveSnapshot(hubOrigin: string, key: string, data: unknown): Promise<void>;
  /** One hub's copy; with `hubOrigin` undefined, every hub's (snapshots.ts). */
  readSnapshot(hubOrigin: string | undefined, key: string): Promise<SnapshotCopy | null>;
  /** Resolves once the startup repair has run (every other method waits for it too). */
  ready(): Promise<void>;
}

/**
 * The offline library: `<folder>/index.json` (durable JSON), the files in
 * `<folder>/files/` under names the library chooses, and page snapshots in
 * `<folder>/snapshots/`.
 */
export function createOfflineLibrary(options: OfflineLibraryOptions): OfflineLibrary {
  const log = options.log ?? logLine;
  const now = options.now ?? (() => new Date());
  const indexFile = join(options.folder, 'index.json');
  const filesFolder = join(options.folder, 'files');
  const snapshots = createSnapshotStore(join(options.folder, 'snapshots'), log);
  const serially = createSerialQueue();
  let items: StoredLibraryItem[] = [];

  const saveIndex = () => writeJsonDurably(indexFile, { version: 1, items });

  const opened = (async () => {
    try {
      await mkdir(filesFolder, { recursive: true });
      await snapshots.repair();
      const loaded = await loadLibraryIndex(indexFile, filesFolder, log);
      items = loaded.items;
      if (loaded.changed) await saveIndex();
    } catch (error) {
      // Starting with an empty library beats not starting: the app must open offline.
      log(`offline library: could not open ${options.folder} (${(error as Error).message})`);
    }
  })();

  const matches = (item: StoredLibraryItem, match: LibraryFileMatch) =>
    item.hubUrl === match.hubUrl && item.sha256 === match.sha256 && item.path === match.path;

  async function filePath(id: string): Promise<string> {
    await opened;
    const item = items.find((candidate) => candidate.id === id);
    if (!item) throw new Error('This file is not in the offline library.');
    const file = join(filesFolder, item.storedName);
    try {
      await stat(file);
    } catch (error) {
      if (!isMissingFileError(error)) throw error;
      await serially(async () => {
        items = items.filter((candidate) => candidate.id !== id);
        await saveIndex();
      });
      log(`offline library: "${item.title}" was deleted outside the app; removed it`);
      throw new Error('This file was deleted from the offline library. Download it again.', {
        cause: error,
      });
    }
    return file;
  }

  return {
    ready: () => opened,

    async list() {
      await opened;
      return items.map(toLibraryItem);
    },

    async usage(): Promise<LibraryUsage> {
      await opened;
      return { bytes: items.reduce((sum, item) => sum + item.size, 0), items: items.length };
    },

    async find(match) {
      await opened;
      const found = items.find((item) => matches(item, match));
      return found ? toLibraryItem(found) : null;
    },

    async has(id) {
      await opened;
      return items.some((item) => item.id === id);
    },

    filePath,

    async openTarget(id) {
      const file = await filePath(id);
      const item = items.find((candidate) => candidate.id === id);
      const openable = item !== undefined && mayOpen(item.contentType, item.storedName);
      return { file, open: openable ? 'with-default-app' : 'in-folder' };
    },

    async addFile(sourceFile, file) {
      await opened;
      return serially(async () => {
        const existing = items.find((item) => matches(item, file));
        if (existing) {
          await unlink(sourceFile).catch(() => undefined);
          return toLibraryItem(existing);
        }
        const id = randomUUID();
        // The extension follows the hub's detected type, so the OS can only pick a viewer for it.
        const fileName = savedFileName(safeFileName(file.fileName), file.contentType);
        const storedName = `${file.sha256.slice(0, 16)}-${id.slice(0, 8)}-${fileName}`;
        const target = join(filesFolder, storedName);
        await moveInto(sourceFile, target);
        const item: StoredLibraryItem = {
          ...file,
          fileName,
          id,
          size: (await stat(target)).size,
          storedName,
          downloadedAt: now().toISOString(),
        };
        items = [item, ...items];
        try {
          await saveIndex();
        } catch (error) {
          items = items.filter((candidate) => candidate.id !== id);
          await unlink(target).catch(() => undefined);
          throw error;
        }
        return toLibraryItem(item);
      });
    },

    async remove(id) {
      await opened;
      await serially(async () => {
        const item = items.find((candidate) => candidate.id === id);
        if (!item) return;
        items = items.filter((candidate) => candidate.id !== id);
        await saveIndex();
        // After the index: a crash here leaves an unnamed file, which the next start deletes.
        await unlink(join(filesFolder, item.storedName)).catch((error: unknown) => {
          if (!isMissingFileError(error)) throw error;
        });
      });
    },

    async saveSnapshot(hubOrigin, key, data) {
      await opened;
      await snapshots.save(hubOrigin, key, data, now());
    },

    async readSnapshot(hubOrigin, key) {
      await opened;
      return snapshots.read(hubOrigin, key);
    },
  };
}

/**
 * A rename is atomic and keeps the bytes already fsynced by the downloader.
 * Across file systems (EXDEV) a copy goes to a temp name first, so the
 * library never holds half a file under a real name.
 */
async function moveInto(source: string, target: string): Promise<void> {
  try {
    await rename(source, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    const temp = `${target}${TEMP_SUFFIX}`;
    await copyFile(source, temp);
    const handle = await open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
    await unlink(source);
  }
  await syncDirectory(join(target, '..'));
}
