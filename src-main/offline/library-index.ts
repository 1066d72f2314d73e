import { readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { LibraryItem } from '../../src-shared/bridge';
import { removeLeftoverTempFiles, TEMP_SUFFIX } from '../../src-server/storage/durable-file';
import { readJsonFile, UnreadableJsonError } from './durable-json';

/** What the index keeps per file: the public item plus where it lives and what it was fetched from. */
export interface StoredLibraryItem extends LibraryItem {
  /** The hub path it was downloaded from: with hubUrl and sha256, what makes a download "the same". */
  path: string;
  /** File name inside `<folder>/files/`, chosen by the library, never by the hub or the renderer. */
  storedName: string;
  /**
   * The type the hub detected by content (offline/file-types.ts decides from
   * it whether the app may open the file). Absent in entries saved before it
   * was kept: those are only ever shown in their folder.
   */
  contentType?: string;
}

const storedItemSchema = z.object({
  id: z.string().min(1).max(100),
  hubUrl: z.string(),
  path: z.string(),
  title: z.string(),
  fileName: z.string(),
  kind: z.enum(['document', 'slides', 'media', 'archive', 'other']),
  source: z.enum(['material', 'submission']),
  size: z.number().int().min(0),
  sha256: z.string(),
  courseId: z.string().optional(),
  courseTitle: z.string().optional(),
  downloadedAt: z.string(),
  contentType: z.string().max(200).optional(),
  // A stored name is a plain name: anything path-like in a damaged index is dropped, not followed.
  storedName: z
    .string()
    .min(1)
    .refine((name) => basename(name) === name && !name.startsWith('.')),
});

export interface LoadedIndex {
  items: StoredLibraryItem[];
  /** The index was rewritten by the repair and should be saved. */
  changed: boolean;
}

/**
 * Startup repair, never throwing for anything a crash or a user can leave
 * behind: temp files of cut-off writes are deleted, a damaged index is moved
 * aside, entries whose file is gone are dropped and files no entry names are
 * deleted (a crash between the move and the index write leaves one).
 */
export async function loadLibraryIndex(
  indexFile: string,
  filesFolder: string,
  log: (line: string) => void,
): Promise<LoadedIndex> {
  const folder = join(indexFile, '..');
  for (const name of await removeLeftoverTempFiles(folder, indexFile))
    log(`offline library: removed an unfinished index write (${name})`);
  for (const name of await readdir(filesFolder))
    if (name.endsWith(TEMP_SUFFIX)) {
      await unlink(join(filesFolder, name)).catch(() => undefined);
      log(`offline library: removed an unfinished copy (${name})`);
    }

  let raw: unknown;
  try {
    raw = await readJsonFile(indexFile);
  } catch (error) {
    if (!(error instanceof UnreadableJsonError)) throw error;
    const aside = `${indexFile}.damaged-${Date.now()}`;
    await rename(indexFile, aside);
    log(`offline library: the index was damaged and was moved to ${aside}; starting empty`);
    // Without a trustworthy index, unreferenced files may still be wanted: keep them.
    return { items: [], changed: true };
  }
  const entries = hasItems(raw) ? raw.items : [];
  // An index of the wrong shape is rewritten (a first start has no index at all: nothing to write).
  let changed = raw !== null && !hasItems(raw);

  const items: StoredLibraryItem[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const parsed = storedItemSchema.safeParse(entry);
    if (!parsed.success || seen.has(parsed.data.id)) {
      log('offline library: dropped an unreadable index entry');
      changed = true;
      continue;
    }
    if (!(await isFile(join(filesFolder, parsed.data.storedName)))) {
      log(
        `offline library: "${parsed.data.title}" is no longer on disk; removed it from the library`,
      );
      changed = true;
      continue;
    }
    seen.add(parsed.data.id);
    items.push(parsed.data);
  }

  const named = new Set(items.map((item) => item.storedName));
  for (const name of await readdir(filesFolder))
    if (!named.has(name)) {
      await unlink(join(filesFolder, name)).catch(() => undefined);
      log(`offline library: deleted ${name}, a file no library entry names`);
    }
  return { items, changed };
}

function hasItems(raw: unknown): raw is { items: unknown[] } {
  return (
    typeof raw === 'object' && raw !== null && Array.isArray((raw as { items?: unknown }).items)
  );
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

export function toLibraryItem(item: StoredLibraryItem): LibraryItem {
  const { path: _path, storedName: _storedName, contentType: _type, ...visible } = item;
  return visible;
}
