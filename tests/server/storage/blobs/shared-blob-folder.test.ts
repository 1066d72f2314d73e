import { mkdir, readdir, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlobStore } from '../../../../src-server/storage/blobs/blob-store';
import { makeTempDir, silentLogger, type TempDir } from '../helpers';

/**
 * Hub nodes on PostgreSQL share one blob folder: a node starting, or
 * collecting, must not take away what another node is writing.
 */
let dir: TempDir;
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(() => dir.remove());

const twoDaysAgo = () => new Date(Date.now() - 2 * 86_400_000);

async function stagedFiles(): Promise<string[]> {
  await mkdir(join(dir.path, 'incoming'), { recursive: true });
  await writeFile(join(dir.path, 'incoming', 'moving-upload'), 'still arriving');
  await writeFile(join(dir.path, 'incoming', 'left-by-dead-node'), 'old');
  await utimes(join(dir.path, 'incoming', 'left-by-dead-node'), twoDaysAgo(), twoDaysAgo());
  return ['moving-upload', 'left-by-dead-node'];
}

describe('a blob folder shared by several hub nodes', () => {
  it('keeps another node’s upload in progress when a node starts, and clears a dead node’s', async () => {
    await stagedFiles();
    await BlobStore.open(dir.path, silentLogger, { shared: true });
    expect(await readdir(join(dir.path, 'incoming'))).toEqual(['moving-upload']);
  });

  it('still clears every leftover when the hub has the folder to itself (lowdb)', async () => {
    await stagedFiles();
    await BlobStore.open(dir.path, silentLogger);
    expect(await readdir(join(dir.path, 'incoming'))).toEqual([]);
  });

  it('collects an old unreferenced blob, but not one committed again since the cutoff', async () => {
    const store = await BlobStore.open(dir.path, silentLogger, { shared: true });
    const commit = async (bytes: string) =>
      (await store.stage(Readable.from([Buffer.from(bytes)]), 1024)).commit();
    const old = await commit('old file');
    const recommitted = await commit('same bytes again later');
    for (const id of [old, recommitted])
      await utimes(store.filePath(id), twoDaysAgo(), twoDaysAgo());
    // Another node commits the same bytes again: the file is fresh once more.
    await commit('same bytes again later');

    const cutoff = new Date(Date.now() - 3_600_000);
    expect(await store.collect(old, cutoff)).toBe(true);
    expect(await store.collect(recommitted, cutoff)).toBe(false);
    expect((await stat(store.filePath(recommitted))).size).toBeGreaterThan(0);
    await expect(stat(store.filePath(old))).rejects.toThrow();
    // Nothing of the collection is left behind in incoming/.
    expect(await readdir(join(dir.path, 'incoming'))).toEqual([]);
  });
});
