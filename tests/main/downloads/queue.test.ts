import { createServer } from 'node:net';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DownloadRequest } from '../../../src-shared/bridge';
import {
  CONNECTION_LOST,
  createDownloadManager,
  SIGN_IN_AGAIN,
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
import { sleep, tempFolder, waitForJob } from './wait';

let room: Classroom;
const materials: AddedMaterial[] = [];
let proxy: CuttingProxy;
let root: string;
let library: OfflineLibrary;
const managers: DownloadManager[] = [];

beforeAll(async () => {
  room = await openClassroom();
  for (const name of ['a.pdf', 'b.pdf', 'c.pdf'])
    materials.push(await addMaterial(room, name, pdfBytes(200_000)));
});
afterAll(() => room.hub.stop());
afterEach(async () => {
  for (const manager of managers.splice(0)) await manager.close();
  await proxy?.close();
  await rm(root, { recursive: true, force: true });
});

type Credentials = { hubUrl: string; accessToken: string } | null;

interface OpenOptions {
  credentials?: () => Credentials;
  /** Another job folder over the same library (its job list "lost"). */
  folder?: string;
  stallTimeoutMs?: number;
}

async function open({ credentials, folder = 'downloads', stallTimeoutMs }: OpenOptions = {}) {
  if (folder === 'downloads') {
    root = await tempFolder();
    proxy = await startCuttingProxy(room.hub.url);
    library = createOfflineLibrary({ folder: join(root, 'library'), log: () => undefined });
  }
  const manager = createDownloadManager({
    folder: join(root, folder),
    library,
    credentials: credentials ?? (() => ({ hubUrl: proxy.url, accessToken: room.student.token })),
    parallelism: 2,
    retryDelaysMs: [10, 20],
    ...(stallTimeoutMs ? { stallTimeoutMs } : {}),
    log: () => undefined,
  });
  managers.push(manager);
  return manager;
}

const viaProxy = (material: AddedMaterial): DownloadRequest => ({
  ...material.request,
  hubUrl: proxy.url,
});

describe('download queue', () => {
  it('runs at most `parallelism` downloads at once, first in first out', async () => {
    const manager = await open();
    proxy.plans.push(...materials.map(() => ({ kind: 'stall' as const, afterBytes: 1000 })));
    const jobs = await manager.enqueue(materials.map(viaProxy));
    await waitForJob(manager, jobs[1]!.id, (j) => j.receivedBytes >= 1000);
    await waitForJob(manager, jobs[0]!.id, (j) => j.receivedBytes >= 1000);
    await sleep(150);
    expect((await manager.list()).map((j) => j.state)).toEqual([
      'downloading',
      'downloading',
      'queued',
    ]);
    expect(proxy.requests).toHaveLength(2);
    proxy.release();
    for (const job of jobs) await waitForJob(manager, job.id, (j) => j.state === 'done');
    expect(proxy.maxInFlight).toBe(2);
    expect(await library.list()).toHaveLength(3);
  });

  it('returns the existing job for a file already queued or already in the library', async () => {
    const manager = await open();
    const request = viaProxy(materials[0]!);
    const [first, again] = await manager.enqueue([request, { ...request }]);
    expect(again!.id).toBe(first!.id);
    await waitForJob(manager, first!.id, (j) => j.state === 'done');
    const [later] = await manager.enqueue([request]);
    expect(later).toMatchObject({ id: first!.id, state: 'done' });
    expect(proxy.requests).toHaveLength(1);

    // Another manager (its job list lost) still finds the file in the library.
    const fresh = await open({ folder: 'downloads-2' });
    const [known] = await fresh.enqueue([request]);
    expect(known).toMatchObject({ state: 'done', libraryItemId: later!.libraryItemId });
    expect(proxy.requests).toHaveLength(1);
    expect(await library.list()).toHaveLength(1);

    // Removed from the library: asking again downloads it again.
    await library.remove(later!.libraryItemId!);
    const [redo] = await manager.enqueue([request]);
    expect(redo).toMatchObject({ id: first!.id, state: 'queued' });
    await waitForJob(manager, first!.id, (j) => j.state === 'done');
    expect(proxy.requests).toHaveLength(2);
  });

  it('pauses on 401 waiting for sign-in, and continues when retryWaiting runs with credentials', async () => {
    let credentials: Credentials = null;
    const manager = await open({ credentials: () => credentials });
    const [job] = await manager.enqueue([viaProxy(materials[1]!)]);
    const signedOut = await waitForJob(manager, job!.id, (j) => j.state === 'paused');
    expect(signedOut.error).toBe(SIGN_IN_AGAIN);
    expect(proxy.requests).toHaveLength(0);

    credentials = { hubUrl: proxy.url, accessToken: 'expired-token' };
    manager.retryWaiting();
    await waitForJob(manager, job!.id, (j) => j.state === 'paused' && proxy.requests.length === 1);
    expect((await manager.list())[0]!.error).toBe(SIGN_IN_AGAIN);

    credentials = { hubUrl: `${proxy.url}/`, accessToken: room.student.token };
    manager.retryWaiting();
    const done = await waitForJob(manager, job!.id, (j) => j.state === 'done');
    expect(done.error).toBeUndefined();
  });

  it('never sends the token to another hub than the one signed in to', async () => {
    const manager = await open({
      credentials: () => ({ hubUrl: 'http://127.0.0.1:9', accessToken: 'secret' }),
    });
    const [job] = await manager.enqueue([viaProxy(materials[2]!)]);
    await waitForJob(manager, job!.id, (j) => j.state === 'paused' && j.error === SIGN_IN_AGAIN);
    expect(proxy.requests).toHaveLength(0);
  });

  it('retries a lost hub with back-off, then fails with "Connection lost"', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const gone = `http://127.0.0.1:${closedPort}`;
    const manager = await open({
      credentials: () => ({ hubUrl: gone, accessToken: room.student.token }),
    });
    const [job] = await manager.enqueue([{ ...materials[0]!.request, hubUrl: gone }]);
    const failed = await waitForJob(manager, job!.id, (j) => j.state === 'failed');
    expect(failed.error).toBe(CONNECTION_LOST);
  });

  it('gives up on a stalled connection and continues it with Range', async () => {
    const manager = await open({ stallTimeoutMs: 300 });
    proxy.plans.push({ kind: 'stall', afterBytes: 50_000 });
    const [job] = await manager.enqueue([viaProxy(materials[1]!)]);
    const done = await waitForJob(manager, job!.id, (j) => j.state === 'done');
    expect(proxy.requests.map((headers) => headers.range)).toEqual([undefined, 'bytes=50000-']);
    expect(done.receivedBytes).toBe(materials[1]!.bytes.length);
  });

  it('refuses a file the hub says is another size, without retrying', async () => {
    const manager = await open();
    const request = viaProxy(materials[2]!);
    const [job] = await manager.enqueue([{ ...request, size: request.size + 1 }]);
    const failed = await waitForJob(manager, job!.id, (j) => j.state === 'failed');
    expect(failed.error).toMatch(/does not match/);
    expect(proxy.requests).toHaveLength(1);
    expect(await library.list()).toEqual([]);
  });

  it('refuses requests that are not an http(s) hub and an /api/ path', async () => {
    const manager = await open();
    const request = viaProxy(materials[0]!);
    const refused: [Partial<DownloadRequest>, RegExp][] = [
      [{ hubUrl: 'file:///etc' }, /http/],
      [{ hubUrl: 'http://user:pw@127.0.0.1:1' }, /hub address only/],
      [{ path: '/etc/passwd' }, /\/api\//],
      [{ path: '//evil.example/api/x' }, /\/api\//],
      [{ path: '/api/../uploads/x' }, /segments/],
      [{ path: '/api/%2e%2e/x' }, /segments/],
      [{ sha256: 'abc' }, /sha256/],
      [{ size: -1 }, /size/],
    ];
    for (const [change, message] of refused)
      await expect(manager.enqueue([{ ...request, ...change }])).rejects.toThrow(message);
    // A batch with one bad request queues nothing.
    await expect(manager.enqueue([request, { ...request, path: '/x' }])).rejects.toThrow();
    expect(await manager.list()).toEqual([]);
  });
});
