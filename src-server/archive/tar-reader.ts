import type { Extract } from 'tar-stream';

/** One file of a tar being read: its header and a stream of its bytes. */
export type TarEntry = Extract extends AsyncIterable<infer E> ? E : never;

/**
 * The files of a tar being read, one after another, with a look at the next
 * one before taking it (a collection's parts are read as one run).
 */
export class TarReader {
  private readonly iterator: AsyncIterator<TarEntry>;
  private next: Promise<IteratorResult<TarEntry>> | undefined;

  constructor(extract: Extract) {
    this.iterator = extract[Symbol.asyncIterator]();
  }

  async peek(): Promise<TarEntry | undefined> {
    this.next ??= this.iterator.next();
    const result = await this.next;
    return result.done ? undefined : result.value;
  }

  async take(): Promise<TarEntry | undefined> {
    const entry = await this.peek();
    this.next = undefined;
    return entry;
  }

  /** Stops reading (on a refusal): the rest of the archive is not needed. */
  async stop(): Promise<void> {
    await this.iterator.return?.().catch(() => undefined);
  }
}

/** An entry's bytes (the caller checked the header's size first). */
export async function readEntry(entry: TarEntry): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of entry) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
