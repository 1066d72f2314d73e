import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runArchiveCommand } from '../../../src-server/archive/commands';
import { createLogger } from '../../../src-server/logger';
import { seedDemoWorld } from '../../../src-server/seed/seed';
import { openStorage } from '../../../src-server/storage/open-storage';
import { openPostgresStorage } from '../../../src-server/storage/postgres/open-postgres-storage';
import type { UserId } from '../../../src-shared/ids';
import type { FileId } from '../../../src-shared/schemas/files';
import { unpack } from '../../support/archive-files';
import { answersOfEveryAccount } from '../../support/hub-answers';
import { killCliWhen } from '../../support/hub-cli';
import { signUp } from '../../support/people';
import type { TestDatabase } from '../../support/postgres';
import { freshMigratedDatabase, freshPostgresDatabase } from '../../support/postgres-database';
import { startHub } from '../../support/start-hub';

/** Incompressible stored files, so a restore spends seconds on them: a kill lands inside it. */
const BIG_FILES = 3;
const BIG_FILE_BYTES = 40 * 1024 * 1024;
const silent = createLogger('silent');
const quiet = () => undefined;

let root: string;
let archive: string;
let before: Record<string, unknown>;
const databases: TestDatabase[] = [];
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'classhub-pg-archive-kill-'));
  const source = join(root, 'hub');
  await seedDemoWorld(source, () => undefined);
  await addBigFiles(source);
  const hub = await startHub({ dataDir: source, verification: 'none' });
  before = await answersOfEveryAccount(hub.url);
  await hub.stop();
  archive = join(root, 'hub.tar.gz');
  await runArchiveCommand('backup', ['--out', archive, '--data', source], {}, quiet);
}, 240_000);
afterAll(async () => {
  for (const database of databases) await database.drop();
  await rm(root, { recursive: true, force: true });
});

async function addBigFiles(dataDir: string): Promise<void> {
  const storage = await openStorage(dataDir, silent);
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

async function emptyDatabase(): Promise<string> {
  const database = await freshPostgresDatabase();
  databases.push(database);
  return database.url;
}

async function answersOf(dataDir: string, database: string) {
  const hub = await startHub({ dataDir, database, verification: 'none' });
  try {
    return await answersOfEveryAccount(hub.url);
  } finally {
    await hub.stop();
  }
}

/** What a database holds, read as any later reader would (committed rows only). */
async function isEmpty(database: string, blobsDir: string): Promise<boolean> {
  const storage = await openPostgresStorage(database, { blobsDir, logger: silent });
  try {
    return await storage.archive.isEmpty();
  } finally {
    await storage.close();
  }
}

/** The blob folder has a stored file or one being written: every record and entry is loaded by then. */
async function storingBlobs(blobsDir: string): Promise<boolean> {
  const names = await readdir(blobsDir).catch(() => [] as string[]);
  if (names.some((name) => name !== 'incoming')) return true;
  return (await readdir(join(blobsDir, 'incoming')).catch(() => [])).length > 0;
}

describe('SIGKILL in the middle of a PostgreSQL archive command', () => {
  it('during a restore: the database stays empty, and a second restore completes it', async () => {
    const database = await emptyDatabase();
    const pgDir = join(root, 'pg-restored');
    const blobs = join(pgDir, 'blobs');
    await killCliWhen(['restore', '--in', archive, '--database', database, '--blobs', blobs], () =>
      storingBlobs(blobs),
    );
    expect(await isEmpty(database, blobs)).toBe(true);

    await runArchiveCommand(
      'restore',
      ['--in', archive, '--database', database, '--blobs', blobs],
      {},
      quiet,
    );
    expect(await isEmpty(database, blobs)).toBe(false);
    expect(await answersOf(pgDir, database)).toEqual(before);
  }, 240_000);

  it('during a backup of a PostgreSQL hub: no archive at the out path, and the database answers as before', async () => {
    const database = await emptyDatabase();
    const pgDir = join(root, 'pg-source');
    const blobs = join(pgDir, 'blobs');
    await runArchiveCommand(
      'restore',
      ['--in', archive, '--database', database, '--blobs', blobs],
      {},
      quiet,
    );
    const out = join(root, 'killed.tar.gz');
    await killCliWhen(
      ['backup', '--out', out, '--database', database, '--blobs', blobs],
      async () => {
        const partial = (await readdir(root)).find((name) =>
          name.startsWith('.killed.tar.gz.partial-'),
        );
        return (
          partial !== undefined &&
          ((await stat(join(root, partial)).catch(() => undefined))?.size ?? 0) > 1024 * 1024
        );
      },
    );
    await expect(stat(out)).rejects.toThrow(/ENOENT/);
    expect(await answersOf(pgDir, database)).toEqual(before);
  }, 240_000);
});

describe('a backup of a running PostgreSQL hub while chat goes on', () => {
  it('holds every message acknowledged before it and a gapless prefix of the rest, none half-present', async () => {
    const database = await freshMigratedDatabase();
    databases.push(database);
    const hub = await startHub({ database: database.url, verification: 'none' });
    const out = join(root, 'live.tar.gz');
    let sending = true;
    let acknowledged = 0;
    let sent = 0;
    const room = await (async () => {
      await signUp(hub); // the admin
      const host = await signUp(hub, { role: 'teacher' });
      const session = await hub.call('createSession', {
        token: host.token,
        body: { title: 'Live backup' },
      });
      return { token: host.token, id: `session:${session.body.id as string}` };
    })();
    const chatter = (async () => {
      while (sending) {
        const text = `message ${++sent}`;
        const reply = await hub.call('sendMessage', {
          token: room.token,
          params: { room: room.id },
          body: { clientId: randomUUID(), text },
        });
        expect(reply.status).toBe(201);
        acknowledged = sent;
      }
    })();
    let ackedBeforeBackup: number;
    try {
      // Some messages first, so the snapshot falls among acknowledged ones and sends still under way.
      while (acknowledged < 20) await new Promise((resolve) => setTimeout(resolve, 10));
      ackedBeforeBackup = acknowledged;
      await runArchiveCommand(
        'backup',
        ['--out', out, '--database', database.url, '--blobs', join(hub.dataDir, 'blobs')],
        {},
        quiet,
      );
    } finally {
      sending = false;
      await chatter;
      await hub.stop();
    }
    const files = await unpack(out);
    const entries = files
      .filter((file) => /^logs\/chat\.\d+\.ndjson$/.test(file.name))
      .flatMap((file) => file.data.toString().trim().split('\n'))
      .map((line) => JSON.parse(line) as { stream: string; seq: number; entry: { text: string } })
      .filter((entry) => entry.stream === room.id);
    const inArchive = entries.length;
    expect(inArchive).toBeGreaterThanOrEqual(ackedBeforeBackup);
    expect(sent).toBeGreaterThan(ackedBeforeBackup);
    expect(entries.map((entry) => [entry.seq, entry.entry.text])).toEqual(
      Array.from({ length: inArchive }, (_, i) => [i + 1, `message ${i + 1}`]),
    );
    const heads = files
      .filter((file) => /^logs\/chat\.heads\.\d+\.ndjson$/.test(file.name))
      .flatMap((file) => file.data.toString().trim().split('\n'))
      .map((line) => JSON.parse(line) as { stream: string; lastSeq: number })
      .filter((head) => head.stream === room.id);
    expect(heads).toEqual([{ stream: room.id, lastSeq: inArchive }]);
  }, 240_000);
});
