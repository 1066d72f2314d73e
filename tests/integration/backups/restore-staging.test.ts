import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runArchiveCommand } from '../../../src-server/archive/commands';
import { createLogger } from '../../../src-server/logger';
import { openStorage } from '../../../src-server/storage/open-storage';
import { upload } from '../../support/files';
import { signUp } from '../../support/people';
import { startHub } from '../../support/start-hub';

/**
 * A restore removes only what it made: a second restore into the same folder
 * while the first is still writing must not delete the first one's temp
 * folder (its records and the files it is staging) as if it were the
 * leftover of a killed restore.
 */
let root: string;
let archive: string;
const FILES = 24;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'classhub-restore-staging-'));
  const hub = await startHub({ verification: 'none' });
  try {
    const admin = await signUp(hub);
    // Enough stored files that a restore takes a while (each is copied, hashed and fsynced).
    for (let i = 0; i < FILES; i++) {
      const reply = await upload(
        `${hub.url}/api/uploads`,
        admin.token,
        'file',
        Buffer.from(randomBytes(384 * 1024).toString('hex')),
        `notes-${i}.txt`,
        'text/plain',
        'POST',
      );
      expect(reply.status).toBe(201);
    }
    const response = await fetch(`${hub.url}/api/admin/backup`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(response.status).toBe(200);
    archive = join(root, 'hub.tar.gz');
    await writeFile(archive, Buffer.from(await response.arrayBuffer()));
  } finally {
    await hub.stop();
  }
}, 120_000);
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const restoreInto = (target: string) =>
  runArchiveCommand('restore', ['--in', archive, '--data', target], {}, () => undefined);

/** Resolves once a restore into `target` has made its temp folder (it is then mid-way), or has ended. */
async function midway(target: string, restore: Promise<unknown>): Promise<void> {
  const prefix = `.${basename(target)}.restoring-`;
  let ended = false;
  void restore.finally(() => (ended = true));
  while (!ended) {
    if ((await readdir(root)).some((name) => name.startsWith(prefix))) return;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe('two restores into one folder', () => {
  it('the second is refused while the first runs, and the first completes whole', async () => {
    const target = join(root, 'restored');
    const first = restoreInto(target).then(
      () => 'restored',
      (error: Error) => error,
    );
    await midway(target, first);
    const second = await restoreInto(target).then(
      () => 'restored',
      (error: Error) => error,
    );

    expect(await first).toBe('restored');
    expect(second).toBeInstanceOf(Error);
    expect((second as Error).message).toMatch(
      new RegExp(
        `Another restore into ${target} is running now \\(process \\d+\\): wait for it to finish|${target} is not empty`,
      ),
    );
    expect(await readdir(target)).not.toContain('restore.owner');
    const storage = await openStorage(target, createLogger('silent'));
    try {
      expect(await storage.users.count()).toBe(1);
      let blobs = 0;
      for await (const _ of storage.blobs.ids()) blobs++;
      expect(blobs).toBe(FILES);
    } finally {
      await storage.close();
    }
    expect((await readdir(root)).filter((name) => name.includes('.restoring-'))).toEqual([]);
  });

  it('a restore killed earlier leaves a temp folder the next restore removes', async () => {
    const target = join(root, 'after-a-crash');
    const leftover = join(root, '.after-a-crash.restoring-999999-dead');
    await mkdir(join(leftover, 'blobs', 'incoming'), { recursive: true });
    await restoreInto(target);
    expect(
      (await readdir(root)).filter((name) => name.includes('after-a-crash.restoring-')),
    ).toEqual([]);
  });
});
