import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runArchiveCommand } from '../../../src-server/archive/commands';
import { createLogger } from '../../../src-server/logger';
import { seedDemoWorld } from '../../../src-server/seed/seed';
import { openStorage } from '../../../src-server/storage/open-storage';
import type { UserId } from '../../../src-shared/ids';
import type { FileId } from '../../../src-shared/schemas/files';
import { answersOfEveryAccount } from '../../support/hub-answers';
import { killCliWhen } from '../../support/hub-cli';
import { startHub } from '../../support/start-hub';
import { describeOnLowdb } from '../../support/test-engine';

// Archives of a lowdb data folder, skipped on PostgreSQL, saying why.
const lowdbDescribe = describeOnLowdb(
  'kills lowdb folder backups and restores; the PostgreSQL ones are in postgres-kill-and-live.postgres.test.ts',
);

/** Incompressible stored files, so the archive takes seconds to write and read: a kill lands inside it. */
const BIG_FILES = 3;
const BIG_FILE_BYTES = 40 * 1024 * 1024;

let root: string;
let source: string;
let before: Record<string, unknown>;

async function addBigFiles(dataDir: string): Promise<void> {
  const storage = await openStorage(dataDir, createLogger('silent'));
  try {
    for (let i = 0; i < BIG_FILES; i++) {
      const staged = await storage.blobs.stage(
        Readable.from([randomBytes(BIG_FILE_BYTES)]),
        Infinity,
      );
      await staged.commit();
      await storage.uploads.insert({
        id: randomUUID() as FileId,
        ownerId: randomUUID() as UserId,
        blobId: staged.id,
        fileName: `big-${i}.bin`,
        contentType: 'application/octet-stream',
        size: staged.size,
        createdAt: new Date().toISOString(),
        // A chat claim: left alone at start, so the files stay part of the hub.
        attachedTo: `chat:big:${i}`,
      });
    }
  } finally {
    await storage.close();
  }
}

async function answersOf(dataDir: string) {
  const hub = await startHub({ dataDir, verification: 'none' });
  try {
    return await answersOfEveryAccount(hub.url);
  } finally {
    await hub.stop();
  }
}

const sizeOf = async (path: string) => (await stat(path).catch(() => undefined))?.size ?? 0;

lowdbDescribe('SIGKILL in the middle of an archive command', () => {
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'classhub-archive-kill-'));
    source = join(root, 'hub');
    await seedDemoWorld(source, () => undefined);
    await addBigFiles(source);
    before = await answersOf(source);
  }, 180_000);
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('during a backup: no archive at the out path, and the source answers as before', async () => {
    const out = join(root, 'killed.tar.gz');
    await killCliWhen(['backup', '--out', out, '--data', source], async () => {
      const partial = (await readdir(root)).find((name) =>
        name.startsWith('.killed.tar.gz.partial-'),
      );
      return partial !== undefined && (await sizeOf(join(root, partial))) > 1024 * 1024;
    });
    await expect(stat(out)).rejects.toThrow(/ENOENT/);
    expect(await answersOf(source)).toEqual(before);

    // The next backup to that path completes and clears the killed one's partial file.
    await runArchiveCommand('backup', ['--out', out, '--data', source], {}, () => undefined);
    expect((await stat(out)).size).toBeGreaterThan(BIG_FILES * BIG_FILE_BYTES);
    expect((await readdir(root)).filter((name) => name.includes('.partial-'))).toEqual([]);
  }, 180_000);

  it('during a restore: the target folder is absent, and a new restore completes it', async () => {
    const archive = join(root, 'killed.tar.gz'); // whole: the first test's second backup
    const target = join(root, 'restored');
    await killCliWhen(['restore', '--in', archive, '--data', target], async () => {
      const temp = (await readdir(root)).find((name) => name.startsWith('.restored.restoring-'));
      if (!temp) return false;
      const shards = await readdir(join(root, temp, 'blobs')).catch(() => []);
      return shards.length > 0;
    });
    await expect(stat(target)).rejects.toThrow(/ENOENT/);

    await runArchiveCommand('restore', ['--in', archive, '--data', target], {}, () => undefined);
    expect((await readdir(root)).filter((name) => name.includes('.restoring-'))).toEqual([]);
    expect(await answersOf(target)).toEqual(before);
  }, 180_000);
});
