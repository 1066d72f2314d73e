import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { writeFileDurably } from '../durable-file';
import { CorruptDataError } from '../errors';

/**
 * A lowdb adapter that writes with writeFileDurably (temp + fsync + rename +
 * directory fsync). lowdb's own JSONFile renames but never fsyncs, so an
 * acknowledged write could vanish in a power cut.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(readonly file: string) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw new CorruptDataError(this.file, (error as Error).message);
    }
  }

  async write(data: T): Promise<void> {
    await writeFileDurably(this.file, JSON.stringify(data));
  }
}
