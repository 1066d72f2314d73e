import { once } from 'node:events';
import type { Readable } from 'node:stream';
import type { Pack } from 'tar-stream';

/**
 * Adds one file to a tar being written and resolves once its bytes are
 * taken, so the writer waits for a slow reader instead of piling parts up in
 * memory. Rejects when the tar is destroyed first (the reader went away).
 */
export async function addTarEntry(
  pack: Pack,
  name: string,
  size: number,
  body: Buffer | Readable,
): Promise<void> {
  const stop = new AbortController();
  const closed = once(pack, 'close', { signal: stop.signal }).then(() => {
    throw new Error('the archive stream was closed before it was complete');
  });
  closed.catch(() => undefined);
  const header = { name, size, mtime: new Date() };
  try {
    if (Buffer.isBuffer(body)) {
      const added = new Promise<void>((resolve, reject) =>
        pack.entry(header, body, (error) => (error ? reject(error) : resolve())),
      );
      await Promise.race([added, closed]);
      return;
    }
    let finished!: (error?: Error | null) => void;
    const added = new Promise<void>((resolve, reject) => {
      finished = (error) => (error ? reject(error) : resolve());
    });
    const sink = pack.entry(header, finished);
    const copy = (async () => {
      for await (const chunk of body) {
        if (!sink.write(chunk as Buffer)) await Promise.race([once(sink, 'drain'), closed]);
      }
      (sink as unknown as { end(): void }).end();
    })();
    copy.catch((error: unknown) => sink.destroy(error as Error));
    await Promise.race([Promise.all([copy, added]), closed]);
  } finally {
    stop.abort();
  }
}
