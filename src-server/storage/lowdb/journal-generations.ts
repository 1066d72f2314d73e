import { join } from 'node:path';
import type { FileSystem } from '../file-system';

/*
 * A collection's journals are numbered by generation:
 * <name>.journal-<g>.jsonl holds the changes after snapshot generation ≤ g
 * (collection-files.ts). How they are named, found and let go.
 */

export function journalPath(directory: string, name: string, generation: number): string {
  return join(directory, `${name}.journal-${generation}.jsonl`);
}

/** The generations of this collection's journals on disk, oldest first. */
export async function journalGenerations(
  fs: FileSystem,
  directory: string,
  name: string,
): Promise<number[]> {
  const pattern = new RegExp(
    `^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.journal-(\\d+)\\.jsonl$`,
  );
  const generations: number[] = [];
  for (const entry of await fs.readdir(directory)) {
    const match = pattern.exec(entry);
    if (match) generations.push(Number(match[1]));
  }
  return generations.sort((a, b) => a - b);
}

/** Deletes the journals below `generation` (folded into its snapshot); returns their generations. */
export async function deleteJournalsBelow(
  fs: FileSystem,
  directory: string,
  name: string,
  generation: number,
) {
  const old = (await journalGenerations(fs, directory, name)).filter((g) => g < generation);
  await Promise.all(
    old.map((g) => fs.unlink(journalPath(directory, name, g)).catch(() => undefined)),
  );
  return old;
}
