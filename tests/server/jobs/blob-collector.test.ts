import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UserId } from '../../../src-shared/ids';
import type { FileId } from '../../../src-shared/schemas/files';
import { startBlobCollector } from '../../../src-server/jobs/blob-collector';
import { createLogger } from '../../../src-server/logger';
import { openStorage } from '../../../src-server/storage/open-storage';
import type { Storage } from '../../../src-server/storage/repositories';

let dataDir: string;
let storage: Storage;
const logger = createLogger('silent');
const DAY = 86_400_000;
const owner = 'owner-1' as UserId;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'classhub-gc-'));
  storage = await openStorage(dataDir, logger);
});
afterEach(async () => {
  await storage.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function storeFile(text: string, id: string, createdAt: Date, attachedTo?: string) {
  const blobId = await (
    await storage.blobs.stage(Readable.from([Buffer.from(text)]), 1024)
  ).commit();
  await storage.uploads.insert({
    id: id as FileId,
    ownerId: owner,
    blobId,
    fileName: `${id}.txt`,
    contentType: 'text/plain',
    size: text.length,
    createdAt: createdAt.toISOString(),
    ...(attachedTo ? { attachedTo } : {}),
  });
  return blobId;
}

/** A collector whose clock runs `aheadMs` in the future, so files written now count as old. */
const collectorAt = (aheadMs: number) =>
  startBlobCollector(storage, logger, { now: () => new Date(Date.now() + aheadMs) });

describe('the file collector', () => {
  it('removes uploads never attached within a day, and their bytes', async () => {
    const blobId = await storeFile('abandoned', 'u1', new Date());
    const collector = collectorAt(2 * DAY);
    expect(await collector.runOnce()).toEqual({ abandonedUploads: 1, removedBlobs: 1 });
    expect(await storage.uploads.get('u1' as FileId)).toBeUndefined();
    expect(await storage.blobs.size(blobId)).toBeUndefined();
    await collector.stop();
  });

  it('keeps files attached to a post and avatars, however old', async () => {
    const attached = await storeFile('on a post', 'u2', new Date(Date.now() - 10 * DAY), 'post:p1');
    const avatar = await (
      await storage.blobs.stage(Readable.from([Buffer.from('avatar bytes')]), 1024)
    ).commit();
    const now = new Date().toISOString();
    await storage.users.insert({
      id: owner,
      username: 'owner',
      email: 'o@x.org',
      firstName: 'O',
      lastName: 'W',
      role: 'student',
      isAdmin: false,
      status: 'active',
      emailVerified: false,
      passwordHash: 'x',
      bio: '',
      avatar: { blobId: avatar, contentType: 'image/png' },
      createdAt: now,
      updatedAt: now,
    });
    const collector = collectorAt(2 * DAY);
    expect(await collector.runOnce()).toEqual({ abandonedUploads: 0, removedBlobs: 0 });
    expect(await storage.blobs.size(attached)).toBe(9);
    expect(await storage.blobs.size(avatar)).toBe(12);
    await collector.stop();
  });

  it('removes the bytes of a deleted post’s file, but not while the grace period lasts', async () => {
    const blobId = await storeFile('was on a deleted post', 'u3', new Date(), 'post:p2');
    await storage.uploads.deleteMany(['u3' as FileId]);
    const early = collectorAt(0);
    expect((await early.runOnce()).removedBlobs).toBe(0); // just written: its record might still be on the way
    await early.stop();
    const later = collectorAt(2 * 3_600_000);
    expect((await later.runOnce()).removedBlobs).toBe(1);
    expect(await storage.blobs.size(blobId)).toBeUndefined();
    await later.stop();
  });

  it('keeps a blob shared by two uploads until neither needs it', async () => {
    const blobId = await storeFile('same bytes', 'a', new Date(), 'post:1');
    await storeFile('same bytes', 'b', new Date(), 'post:2');
    await storage.uploads.deleteMany(['a' as FileId]);
    const collector = collectorAt(2 * 3_600_000);
    await collector.runOnce();
    expect(await storage.blobs.size(blobId)).toBe(10);
    await storage.uploads.deleteMany(['b' as FileId]);
    await collector.runOnce();
    expect(await storage.blobs.size(blobId)).toBeUndefined();
    await collector.stop();
  });
});
