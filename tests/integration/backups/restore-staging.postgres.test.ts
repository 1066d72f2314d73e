import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runArchiveCommand } from '../../../src-server/archive/commands';
import { TINY_PNG, upload } from '../../support/files';
import { GOOD_PASSWORD, signUp } from '../../support/people';
import { freshPostgresDatabase } from '../../support/postgres-database';
import { startHub } from '../../support/start-hub';

/**
 * A restore into PostgreSQL writes its files into a blob folder that
 * running hub nodes may share (--blobs). Their uploads in progress sit in
 * its incoming/ folder: the restore, a command rather than a node, must
 * leave every one of them alone, however old — sweeping abandoned ones is
 * each node's own start-up job.
 */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('a restore into PostgreSQL with a shared blob folder', () => {
  it('leaves the uploads other hubs are staging in incoming/, and restores its own files', async () => {
    const root = await mkdtemp(join(tmpdir(), 'classhub-restore-shared-'));
    cleanups.push(() => rm(root, { recursive: true, force: true }));

    // The source: a hub with an account and a stored file (its avatar), backed up from the panel.
    const source = await startHub({ verification: 'none', dataDir: join(root, 'source') });
    cleanups.push(() => source.close());
    const admin = await signUp(source);
    const avatar = await upload(
      `${source.url}/api/me/avatar`,
      admin.token,
      'avatar',
      TINY_PNG,
      'me.png',
      'image/png',
    );
    expect(avatar.status).toBe(200);
    const response = await fetch(`${source.url}/api/admin/backup`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(response.status).toBe(200);
    const archive = join(root, 'hub.tar.gz');
    await writeFile(archive, Buffer.from(await response.arrayBuffer()));

    // Another node's uploads in progress: one being written now, one stalled for two days.
    const blobs = join(root, 'shared-blobs');
    const incoming = join(blobs, 'incoming');
    await mkdir(incoming, { recursive: true });
    await writeFile(join(incoming, 'upload-now'), 'bytes of a moving upload');
    await writeFile(join(incoming, 'upload-stalled'), 'bytes of a stalled upload');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3_600_000);
    await utimes(join(incoming, 'upload-stalled'), twoDaysAgo, twoDaysAgo);

    const database = await freshPostgresDatabase();
    cleanups.push(() => database.drop());
    await runArchiveCommand(
      'restore',
      ['--in', archive, '--database', database.url, '--blobs', blobs],
      {},
      () => undefined,
    );

    expect((await readdir(incoming)).sort()).toEqual(['upload-now', 'upload-stalled']);
    expect(await readFile(join(incoming, 'upload-stalled'), 'utf8')).toBe(
      'bytes of a stalled upload',
    );
    // The restored hub, on that database and folder, has the account and its stored file.
    const restored = await startHub({
      database: database.url,
      blobsDir: blobs,
      verification: 'none',
    });
    cleanups.push(() => restored.stop());
    const signedIn = await restored.call('signIn', {
      body: { username: admin.username, password: GOOD_PASSWORD },
    });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.account.avatarUrl).toBeTruthy();
  });
});
