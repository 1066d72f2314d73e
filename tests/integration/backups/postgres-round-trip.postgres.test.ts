import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runArchiveCommand } from '../../../src-server/archive/commands';
import { DEMO_PASSWORD } from '../../../src-server/seed/demo-world';
import { seedDemoWorld } from '../../../src-server/seed/seed';
import { ARCHIVE_COLLECTIONS, ARCHIVE_LOGS } from '../../../src-server/storage/archive-port';
import { answersOfEveryAccount } from '../../support/hub-answers';
import { call } from '../../support/http';
import type { TestDatabase } from '../../support/postgres';
import { freshPostgresDatabase } from '../../support/postgres-database';
import { startHub } from '../../support/start-hub';

/**
 * The move between engines: the seeded demo hub (lowdb) restored into
 * PostgreSQL, a hub on that database answering every account exactly as the
 * original did, and back again into a lowdb folder — by backup/restore, by
 * the admin panel's download and by migrate.
 */
let root: string;
let demo: string;
let before: Record<string, unknown>;
const databases: TestDatabase[] = [];
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'classhub-pg-archive-'));
  demo = join(root, 'demo');
  await seedDemoWorld(demo, () => undefined);
  const hub = await startHub({ dataDir: demo, verification: 'none' });
  before = await answersOfEveryAccount(hub.url);
  await hub.stop();
  const ok = Object.values(before).filter(
    (answer) => (answer as { status: number }).status === 200,
  );
  expect(ok.length).toBeGreaterThan(150);
  expect(JSON.stringify(before)).toContain('prof_davis');
}, 120_000);
afterAll(async () => {
  for (const database of databases) await database.drop();
  await rm(root, { recursive: true, force: true });
});

const quiet = () => undefined;
/** One line per collection, and per log one for its entries and one for its heads. */
const SUMMARY_ROWS = ARCHIVE_COLLECTIONS.length + 2 * ARCHIVE_LOGS.length;

async function emptyDatabase(): Promise<string> {
  const database = await freshPostgresDatabase();
  databases.push(database);
  return database.url;
}

/** A hub on `database` keeps its uploaded files in <dataDir>/blobs, as the restore put them. */
async function answersOf(dataDir: string, database?: string) {
  const hub = await startHub({ dataDir, verification: 'none', ...(database ? { database } : {}) });
  try {
    return await answersOfEveryAccount(hub.url);
  } finally {
    await hub.stop();
  }
}

describe('a backup of the demo hub and PostgreSQL', () => {
  it('restores into PostgreSQL and back into a lowdb folder with the same answers for every account', async () => {
    const first = join(root, 'lowdb.tar.gz');
    await runArchiveCommand('backup', ['--out', first, '--data', demo], {}, quiet);

    const database = await emptyDatabase();
    const pgDir = join(root, 'pg-hub');
    const said: string[] = [];
    await runArchiveCommand(
      'restore',
      ['--in', first, '--database', database, '--blobs', join(pgDir, 'blobs')],
      {},
      (line) => said.push(line),
    );
    expect(said.join('\n')).toMatch(/users\s+6\s/);
    expect(await answersOf(pgDir, database)).toEqual(before);

    // A second restore into the now filled database is refused, and changes nothing.
    await expect(
      runArchiveCommand(
        'restore',
        ['--in', first, '--database', database, '--blobs', join(pgDir, 'blobs')],
        {},
        quiet,
      ),
    ).rejects.toThrow(/is not empty .*a restore goes into a new or empty database only/);

    const second = join(root, 'postgres.tar.gz');
    await runArchiveCommand(
      'backup',
      ['--out', second, '--database', database, '--blobs', join(pgDir, 'blobs')],
      {},
      quiet,
    );
    const back = join(root, 'back');
    await runArchiveCommand('restore', ['--in', second, '--data', back], {}, quiet);
    expect(await answersOf(back)).toEqual(before);
    expect(await answersOf(pgDir, database)).toEqual(before);
  }, 240_000);

  it('downloads from the admin panel of a PostgreSQL hub, and the download restores with the same answers', async () => {
    const first = join(root, 'for-download.tar.gz');
    await runArchiveCommand('backup', ['--out', first, '--data', demo], {}, quiet);
    const database = await emptyDatabase();
    const pgDir = join(root, 'pg-download');
    await runArchiveCommand(
      'restore',
      ['--in', first, '--database', database, '--blobs', join(pgDir, 'blobs')],
      {},
      quiet,
    );
    const hub = await startHub({ dataDir: pgDir, database, verification: 'none' });
    const download = join(root, 'download.tar.gz');
    try {
      const admin = await call(hub.url, 'signIn', {
        body: { username: 'admin', password: DEMO_PASSWORD },
      });
      const response = await fetch(`${hub.url}/api/admin/backup`, {
        headers: { authorization: `Bearer ${admin.body.tokens.accessToken}` },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toMatch(/classhub-backup-.*\.tar\.gz/);
      await pipeline(Readable.fromWeb(response.body as never), createWriteStream(download));
    } finally {
      await hub.stop();
    }
    const restored = join(root, 'from-pg-download');
    await runArchiveCommand('restore', ['--in', download, '--data', restored], {}, quiet);
    expect(await answersOf(restored)).toEqual(before);
  }, 240_000);

  it('moves by migrate from a folder into PostgreSQL and back, counts and checksums printed and equal', async () => {
    const database = await emptyDatabase();
    const blobs = join(root, 'pg-migrated', 'blobs');
    const there: string[] = [];
    await runArchiveCommand(
      'migrate',
      ['--from', demo, '--to', database, '--blobs', blobs],
      {},
      (line) => there.push(line),
    );
    expect(there.filter((line) => line.endsWith('  ok')).length).toBe(SUMMARY_ROWS);
    expect(there.join('\n')).not.toContain('MISMATCH');

    const back = join(root, 'migrated-back');
    const home: string[] = [];
    await runArchiveCommand(
      'migrate',
      ['--from', database, '--to', back, '--blobs', blobs],
      {},
      (line) => home.push(line),
    );
    expect(home.filter((line) => line.endsWith('  ok')).length).toBe(SUMMARY_ROWS);
    expect(home.join('\n')).not.toContain('MISMATCH');
    expect(await answersOf(back)).toEqual(before);
  }, 240_000);
});
