import type { Adapter } from 'lowdb';
import { writeFileDurably } from '../durable-file';
import { CorruptDataError } from '../errors';
import { nodeFileSystem, type FileSystem } from '../file-system';

/** Records serialised between two yields to the event loop while a snapshot is written. */
const RECORDS_PER_SLICE = 2_000;

/**
 * A lowdb adapter for a collection's snapshot document. It writes with
 * writeFileDurably (temp + fsync + rename + directory fsync): lowdb's own
 * JSONFile renames but never fsyncs. It serialises the records in slices,
 * yielding between them, so compacting a large collection never stalls the
 * hub's requests for the whole JSON.stringify.
 *
 * read() answers null only when the file does not exist. A file holding
 * anything but a JSON object (null, [], "") is refused: lowdb would keep its
 * default data and the hub would start silently empty.
 */
export class DurableJsonFile<T extends { records: readonly unknown[] }> implements Adapter<T> {
  constructor(
    readonly file: string,
    private readonly fs: FileSystem = nodeFileSystem,
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = (await this.fs.readFile(this.file)).toString('utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new CorruptDataError(this.file, (error as Error).message);
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data))
      throw new CorruptDataError(
        this.file,
        `it holds ${describe(data)}, not a collection document`,
      );
    return data as T;
  }

  async write(data: T): Promise<void> {
    await writeFileDurably(this.file, await serialise(data), this.fs);
  }
}

async function serialise<T extends { records: readonly unknown[] }>(data: T): Promise<string> {
  const { records, ...rest } = data;
  const head = JSON.stringify(rest);
  const parts: string[] = [];
  for (let start = 0; start < records.length; start += RECORDS_PER_SLICE) {
    if (start > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    const end = Math.min(records.length, start + RECORDS_PER_SLICE);
    for (let i = start; i < end; i++) parts.push(JSON.stringify(records[i]));
  }
  // `rest` is never empty (format, version, …), so its "}" can take the records.
  return `${head.slice(0, -1)},"records":[${parts.join(',')}]}`;
}

function describe(data: unknown): string {
  if (data === null) return 'null';
  if (Array.isArray(data)) return 'a list';
  return `a ${typeof data}`;
}
