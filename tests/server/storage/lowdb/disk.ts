import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * What a collection's files hold, read independently of the collection code:
 * the snapshot's records, then each journal line's puts and deletes in
 * generation order. Tests compare it with what was acknowledged.
 */
export async function recordsOnDisk(
  directory: string,
  name: string,
): Promise<Map<string, unknown>> {
  const records = new Map<string, unknown>();
  let generation = 0;
  try {
    const snapshot = JSON.parse(await readFile(join(directory, `${name}.json`), 'utf8')) as {
      generation: number;
      records: { id: string }[];
    };
    generation = snapshot.generation;
    for (const record of snapshot.records) records.set(record.id, record);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  for (const file of await journalFiles(directory, name)) {
    if (file.generation < generation) continue;
    const lines = (await readFile(join(directory, file.name), 'utf8')).split('\n').slice(1, -1);
    for (const line of lines) {
      const change = JSON.parse(line) as { put?: { id: string }[]; del?: string[] };
      for (const record of change.put ?? []) records.set(record.id, record);
      for (const id of change.del ?? []) records.delete(id);
    }
  }
  return records;
}

export async function journalFiles(
  directory: string,
  name: string,
): Promise<{ name: string; generation: number }[]> {
  const pattern = new RegExp(`^${name}\\.journal-(\\d+)\\.jsonl$`);
  return (await readdir(directory))
    .map((entry) => ({ entry, match: pattern.exec(entry) }))
    .filter(({ match }) => match)
    .map(({ entry, match }) => ({ name: entry, generation: Number(match![1]) }))
    .sort((a, b) => a.generation - b.generation);
}

/** Lines appended to the collection's journals (header lines not counted). */
export async function journalLines(directory: string, name: string): Promise<string[]> {
  const lines: string[] = [];
  for (const file of await journalFiles(directory, name))
    lines.push(...(await readFile(join(directory, file.name), 'utf8')).split('\n').slice(1, -1));
  return lines;
}
