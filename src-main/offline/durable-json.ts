import { readFile } from 'node:fs/promises';
import { writeFileDurably } from '../../src-server/storage/durable-file';

/** The file exists but is not JSON: only a disk fault or a hand edit produces that. */
export class UnreadableJsonError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file} is not valid JSON (${reason}).`);
    this.name = 'UnreadableJsonError';
  }
}

/** Reads a JSON file; null when it does not exist yet (first start). */
export async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UnreadableJsonError(file, (error as Error).message);
  }
}

/**
 * Same protocol as the hub's data files (temp + fsync + rename + directory
 * fsync): after this resolves the content survives a power cut, and no reader
 * ever sees half of it.
 */
export function writeJsonDurably(file: string, value: unknown): Promise<void> {
  return writeFileDurably(file, JSON.stringify(value));
}

/**
 * Runs tasks one after another. Index writes must not interleave: two
 * overlapping temp-and-rename writes could land in the wrong order.
 */
export function createSerialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return function serially<T>(task: () => Promise<T>): Promise<T> {
    const result = tail.then(task, task);
    tail = result.catch(() => undefined);
    return result;
  };
}

export function isMissingFileError(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}
