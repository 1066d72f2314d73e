import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BlobStore, BlobTooLarge } from '../../../../src-server/storage/blobs/blob-store';
import { captureLogger, makeTempDir, silentLogger, type TempDir } from '../helpers';

// Pass-through spy, so one test can make the disk slow to create a temp file.
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  return { ...actual, createWriteStream: vi.fn(actual.createWriteStream) };
});

/** A file stream whose file is created only after `delayMs`, like on a busy disk. */
function slowToOpen(delayMs: number): typeof fs.createWriteStream {
  const actual = vi.mocked(fs.createWriteStream).getMockImplementation()!;
  return (path, options) =>
    actual(path, {
      ...(typeof options === 'object' ? options : {}),
      fs: {
        open: (...args: Parameters<typeof fs.open>) => setTimeout(() => fs.open(...args), delayMs),
        write: fs.write,
        writev: fs.writev,
        close: fs.close,
      },
    });
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A stream of `count` chunks of `chunkBytes`, like an upload arriving over the network. */
const chunked = (chunkBytes: number, count: number) =>
  Readable.from(Array.from({ length: count }, (_, i) => Buffer.alloc(chunkBytes, i % 256)));

describe('BlobStore', () => {
  let dir: TempDir;
  let root: string;
  beforeEach(async () => {
    dir = await makeTempDir();
    root = join(dir.path, 'blobs');
  });
  afterEach(async () => {
    await dir.remove();
  });

  const incoming = () => readdir(join(root, 'incoming'));

  it('stores a committed file under the sha256 of its bytes', async () => {
    const store = await BlobStore.open(root, silentLogger);
    const bytes = randomBytes(200_000);

    const staged = await store.stage(
      Readable.from([bytes.subarray(0, 70_000), bytes.subarray(70_000)]),
      1_000_000,
    );
    const id = await staged.commit();

    expect(id).toBe(sha256(bytes));
    expect(staged.size).toBe(bytes.length);
    expect(sha256(await readFile(join(root, id.slice(0, 2), id)))).toBe(id);
    expect(await store.size(id)).toBe(bytes.length);
    expect(await incoming()).toEqual([]);
  });

  it('keeps the first bytes of the upload for checking its type by content', async () => {
    const store = await BlobStore.open(root, silentLogger);
    const bytes = randomBytes(10_000);

    const staged = await store.stage(
      Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]),
      1_000_000,
    );

    expect(staged.head).toEqual(bytes.subarray(0, 4100));
    await staged.discard();
  });

  it('gives the same content uploaded twice the same id and stores it once', async () => {
    const store = await BlobStore.open(root, silentLogger);
    const first = await (
      await store.stage(Readable.from([Buffer.from('same bytes')]), 100)
    ).commit();
    const second = await (
      await store.stage(Readable.from([Buffer.from('same '), Buffer.from('bytes')]), 100)
    ).commit();

    expect(second).toBe(first);
    expect(await readdir(join(root, first.slice(0, 2)))).toEqual([first]);
  });

  it('reads a stored blob back, whole or by range', async () => {
    const store = await BlobStore.open(root, silentLogger);
    const id = await (
      await store.stage(Readable.from([Buffer.from('hello, classroom')]), 100)
    ).commit();

    expect(await text(store.read(id))).toBe('hello, classroom');
    expect(await text(store.read(id, { start: 7, end: 15 }))).toBe('classroom');
  });

  it('accepts an upload of exactly the limit', async () => {
    const store = await BlobStore.open(root, silentLogger);
    const staged = await store.stage(chunked(1000, 10), 10_000);
    expect(staged.size).toBe(10_000);
    await staged.discard();
  });

  it('rejects an upload past the limit with BlobTooLarge while streaming and leaves no temp file behind', async () => {
    const store = await BlobStore.open(root, silentLogger);

    // Repeated: the temp file is created asynchronously, so a race would show up as a leftover now and then.
    for (let attempt = 0; attempt < 20; attempt++) {
      const staging = store.stage(chunked(1000, 50), 10_000);
      await expect(staging).rejects.toBeInstanceOf(BlobTooLarge);
      await expect(staging).rejects.toMatchObject({ limitBytes: 10_000 });
    }
    expect(await incoming()).toEqual([]);
    expect(await readdir(root)).toEqual(['incoming']);
  });

  it('leaves no temp file behind when the limit is passed before a slow disk has even created the file', async () => {
    const store = await BlobStore.open(root, silentLogger);
    vi.mocked(fs.createWriteStream).mockImplementationOnce(slowToOpen(50));

    await expect(store.stage(chunked(1000, 50), 10_000)).rejects.toBeInstanceOf(BlobTooLarge);

    await new Promise((resolve) => setTimeout(resolve, 100)); // long after the delayed creation
    expect(await incoming()).toEqual([]);
  });

  it('stops reading the source once the limit is passed instead of consuming the whole upload', async () => {
    const store = await BlobStore.open(root, silentLogger);
    let produced = 0;
    const endless = new Readable({
      read() {
        produced++;
        this.push(Buffer.alloc(1000));
      },
    });

    await expect(store.stage(endless, 10_000)).rejects.toBeInstanceOf(BlobTooLarge);
    expect(produced).toBeLessThan(100);
    expect(endless.destroyed).toBe(true);
  });

  it('removes the temp file when a failing source aborts the upload', async () => {
    const store = await BlobStore.open(root, silentLogger);
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(1000));
        this.destroy(new Error('connection reset'));
      },
    });

    await expect(store.stage(failing, 1_000_000)).rejects.toThrow('connection reset');
    expect(await incoming()).toEqual([]);
  });

  it('removes the temp file when a staged upload is discarded, and stores nothing', async () => {
    const store = await BlobStore.open(root, silentLogger);
    const staged = await store.stage(Readable.from([Buffer.from('not wanted')]), 100);
    expect(await incoming()).toHaveLength(1);

    await staged.discard();

    expect(await incoming()).toEqual([]);
    expect(await store.size(staged.id)).toBeUndefined();
  });

  it('removes files left in incoming by an interrupted hub on open, and logs it', async () => {
    await mkdir(join(root, 'incoming'), { recursive: true });
    await writeFile(join(root, 'incoming', 'a-half-upload'), 'partial');
    await writeFile(join(root, 'incoming', 'another'), 'partial');
    const captured = captureLogger();

    await BlobStore.open(root, captured.logger);

    expect(await incoming()).toEqual([]);
    expect(captured.warnings()).toEqual([expect.objectContaining({ count: 2 })]);
  });

  it('keeps committed blobs when it removes leftovers on open', async () => {
    const store = await BlobStore.open(root, silentLogger);
    const id = await (await store.stage(Readable.from([Buffer.from('kept')]), 100)).commit();
    await writeFile(join(root, 'incoming', 'leftover'), 'partial');

    const reopened = await BlobStore.open(root, silentLogger);

    expect(await reopened.size(id)).toBe(4);
  });

  it('refuses an id that is not a sha256, so no user text can become a path', async () => {
    const store = await BlobStore.open(root, silentLogger);
    expect(() => store.read('../../etc/passwd' as never)).toThrow('not a blob id');
    expect(await store.size('../secret' as never)).toBeUndefined();
  });
});
