import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DownloadJob } from '../../../src-shared/bridge';
import {
  CHECKSUM_MISMATCH,
  createDownloadManager,
  type DownloadManager,
} from '../../../src-main/downloads/download-manager';
import { createOfflineLibrary, type OfflineLibrary } from '../../../src-main/offline/library';
import { startCuttingProxy, type CuttingProxy } from './cutting-proxy';
import {
  addMaterial,
  openClassroom,
  pdfBytes,
  type AddedMaterial,
  type Classroom,
} from './hub-fixture';
import { partialFiles, tempFolder, waitForJob } from './wait';

const SIZE = 1024 * 1024 + 17;
let room: Classroom;
let big: AddedMaterial;
let proxy: CuttingProxy;
let root: string;
const managers: DownloadManager[] = [];

beforeAll(async () => {
  room = await openClassroom();
  big = await addMaterial(room, 'Week 1 notes.pdf', pdfBytes(SIZE));
});
afterAll(() => room.hub.stop());
afterEach(async () => {
  for (const manager of managers.splice(0)) await manager.close();
  await proxy?.close();
  await rm(root, { recursive: true, force: true });
});

/** A library and a manager over a fresh folder (or `root` again, for a restart), via a fresh proxy. */
async function open(options: { reuseFolder?: boolean; viaProxy?: CuttingProxy } = {}) {
  if (!options.reuseFolder) {
    root = await tempFolder();
    proxy = options.viaProxy ?? (await startCuttingProxy(room.hub.url));
  }
  const library = createOfflineLibrary({ folder: join(root, 'library'), log: () => undefined });
  const manager = createDownloadManager({
    folder: join(root, 'downloads'),
    library,
    credentials: () => ({ hubUrl: proxy.url, accessToken: room.student.token }),
    retryDelaysMs: [20, 40],
    log: () => undefined,
  });
  managers.push(manager);
  const events: DownloadJob[] = [];
  manager.onChanged((job) => events.push(job));
  const request = { ...big.request, hubUrl: proxy.url };
  return { library, manager, events, request };
}

async function libraryBytes(library: OfflineLibrary, id: string | undefined) {
  return readFile(await library.filePath(id ?? 'missing'));
}

describe('download manager against a real hub', () => {
  it('downloads a material, verifies it and moves it into the library', async () => {
    const { library, manager, events, request } = await open();
    const [job] = await manager.enqueue([request]);
    const done = await waitForJob(manager, job!.id, (j) => j.state === 'done');
    expect(done.receivedBytes).toBe(SIZE);
    expect((await libraryBytes(library, done.libraryItemId)).equals(big.bytes)).toBe(true);
    expect(await library.list()).toEqual([
      expect.objectContaining({ id: done.libraryItemId, sha256: request.sha256, size: SIZE }),
    ]);
    expect(await partialFiles(join(root, 'downloads'))).toEqual([]);
    const progress = events.filter((e) => e.state === 'downloading' && e.receivedBytes > 0);
    expect(progress.length).toBeGreaterThan(0);
    // Throttled: about one event per 1 % at most, not one per chunk.
    expect(progress.length).toBeLessThanOrEqual(110);
    expect(events.map((e) => e.state)).toEqual(expect.arrayContaining(['verifying', 'done']));
  });

  it('resumes after a cut connection with Range and If-Range, byte-identical', async () => {
    const { library, manager, request } = await open();
    proxy.plans.push({ kind: 'cut', afterBytes: 300_000 });
    const [job] = await manager.enqueue([request]);
    const done = await waitForJob(manager, job!.id, (j) => j.state === 'done');
    expect(proxy.requests).toHaveLength(2);
    expect(proxy.requests[0]!.range).toBeUndefined();
    const from = Number(/^bytes=(\d+)-$/.exec(proxy.requests[1]!.range ?? '')?.[1]);
    expect(from).toBeGreaterThan(0);
    expect(from).toBeLessThanOrEqual(300_000);
    expect(proxy.requests[1]!['if-range']).toBe(`"${request.sha256}"`);
    expect((await libraryBytes(library, done.libraryItemId)).equals(big.bytes)).toBe(true);
  });

  it('resumes after a restart from the partial file it left', async () => {
    const first = await open();
    proxy.plans.push({ kind: 'stall', afterBytes: 200_000 });
    const [job] = await first.manager.enqueue([first.request]);
    await waitForJob(first.manager, job!.id, (j) => j.receivedBytes >= 200_000);
    await first.manager.close();
    expect((await stat(join(root, 'downloads', 'partial', `${job!.id}.part`))).size).toBe(200_000);

    const second = await open({ reuseFolder: true });
    const done = await waitForJob(second.manager, job!.id, (j) => j.state === 'done');
    expect(proxy.requests.map((headers) => headers.range)).toEqual([undefined, 'bytes=200000-']);
    expect((await libraryBytes(second.library, done.libraryItemId)).equals(big.bytes)).toBe(true);
    expect(await partialFiles(join(root, 'downloads'))).toEqual([]);
  });

  it('refuses a file whose checksum is not the one requested: nothing saved, no partial', async () => {
    const { library, manager, request } = await open();
    const [job] = await manager.enqueue([{ ...request, sha256: 'ab'.repeat(32) }]);
    const failed = await waitForJob(manager, job!.id, (j) => j.state === 'failed');
    expect(failed.error).toMatch(/checksum/);
    expect(await library.list()).toEqual([]);
    expect(await partialFiles(join(root, 'downloads'))).toEqual([]);
  });

  it('refuses bytes corrupted on the way (streaming hash), then succeeds on resume', async () => {
    const { library, manager, request } = await open();
    proxy.plans.push({ kind: 'corrupt', atByte: 654_321 });
    const [job] = await manager.enqueue([request]);
    const failed = await waitForJob(manager, job!.id, (j) => j.state === 'failed');
    expect(failed.error).toBe(CHECKSUM_MISMATCH);
    expect(failed.libraryItemId).toBeUndefined();
    expect(await library.list()).toEqual([]);
    expect(await partialFiles(join(root, 'downloads'))).toEqual([]);

    await manager.resume(job!.id);
    const done = await waitForJob(manager, job!.id, (j) => j.state === 'done');
    expect((await libraryBytes(library, done.libraryItemId)).equals(big.bytes)).toBe(true);
  });

  it('pause keeps the partial and resume continues it with Range', async () => {
    const { library, manager, request } = await open();
    proxy.plans.push({ kind: 'stall', afterBytes: 100_000 });
    const [job] = await manager.enqueue([request]);
    await waitForJob(manager, job!.id, (j) => j.receivedBytes >= 100_000);
    await manager.pause(job!.id);
    const paused = await waitForJob(manager, job!.id, (j) => j.state === 'paused');
    expect(paused.receivedBytes).toBe(100_000);
    expect(await partialFiles(join(root, 'downloads'))).toEqual([`${job!.id}.part`]);

    await manager.resume(job!.id);
    const done = await waitForJob(manager, job!.id, (j) => j.state === 'done');
    expect(proxy.requests.map((headers) => headers.range)).toEqual([undefined, 'bytes=100000-']);
    expect((await libraryBytes(library, done.libraryItemId)).equals(big.bytes)).toBe(true);
  });

  it('cancel stops the transfer and deletes the partial file', async () => {
    const { library, manager, events, request } = await open();
    proxy.plans.push({ kind: 'stall', afterBytes: 100_000 });
    const [job] = await manager.enqueue([request]);
    await waitForJob(manager, job!.id, (j) => j.receivedBytes >= 100_000);
    await manager.cancel(job!.id);
    expect(events.at(-1)).toMatchObject({ id: job!.id, state: 'cancelled' });
    expect(await manager.list()).toEqual([]);
    expect(await partialFiles(join(root, 'downloads'))).toEqual([]);
    expect(await library.list()).toEqual([]);
    await expect(manager.resume(job!.id)).rejects.toThrow(/no download/);
  });
});
