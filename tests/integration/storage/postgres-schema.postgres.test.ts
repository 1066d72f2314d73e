import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { runArchiveCommand } from '../../../src-server/archive/commands';
import { createHub } from '../../../src-server/hub';
import { createLogger } from '../../../src-server/logger';
import { connectPostgres } from '../../../src-server/storage/postgres/connect';
import { MIGRATIONS } from '../../../src-server/storage/postgres/migrate';
import { hubCliArgs } from '../../support/hub-cli';
import { signUp } from '../../support/people';
import type { TestDatabase } from '../../support/postgres';
import { freshMigratedDatabase, freshPostgresDatabase } from '../../support/postgres-database';
import { startHub } from '../../support/start-hub';

/**
 * A hub started on a database at any schema: never migrated (it creates its
 * tables), older (it migrates), newer or someone else's (it stops with one
 * sentence saying what to do, the database untouched).
 */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function database(made: Promise<TestDatabase>): Promise<string> {
  const { url, drop } = await made;
  cleanups.push(drop);
  return url;
}

async function folder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'classhub-test-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

const appliedMigrations = async (url: string) =>
  (await query<{ name: string }>(url, 'select name from classhub_migrations order by name')).map(
    (row) => row.name,
  );

async function startOn(url: string) {
  const hub = await startHub({ database: url, verification: 'none' });
  cleanups.push(() => hub.stop());
  return hub;
}

async function refusedStart(url: string): Promise<string> {
  const start = createHub({
    port: 0,
    host: '127.0.0.1',
    dataDir: await folder(),
    logLevel: 'silent',
    advertise: false,
    database: url,
  });
  const error = await start.then(
    async (hub) => {
      await hub.close();
      return undefined;
    },
    (failure: unknown) => failure as Error,
  );
  expect(error, 'the hub should have refused to start').toBeInstanceOf(Error);
  return error!.message;
}

/** Runs only this version's first migration, as an older ClassHub would have left it. */
async function migratedToFirst(url: string): Promise<string> {
  const connection = connectPostgres(url, createLogger('silent'));
  const first = Object.keys(MIGRATIONS)[0]!;
  try {
    const migrator = new Migrator({
      db: connection.db,
      provider: { getMigrations: async () => MIGRATIONS },
      migrationTableName: 'classhub_migrations',
      migrationLockTableName: 'classhub_migration_lock',
    });
    const { error } = await migrator.migrateTo(first);
    expect(error).toBeUndefined();
  } finally {
    await connection.close();
  }
  return first;
}

const FUTURE = '999-from-a-newer-version';

async function markedNewer(url: string): Promise<void> {
  await query(
    url,
    `insert into classhub_migrations (name, timestamp) values ('${FUTURE}', '2030-01-01T00:00:00Z')`,
  );
}

describe('starting a hub on a PostgreSQL database', () => {
  it('never migrated: creates every table and works', async () => {
    const url = await database(freshPostgresDatabase());
    const hub = await startOn(url);
    const person = await signUp(hub);
    expect(person.id).toBeTruthy();
    expect(await appliedMigrations(url)).toEqual(Object.keys(MIGRATIONS));
  });

  it('at an older schema: brings it up to date and works', async () => {
    const url = await database(freshPostgresDatabase());
    const first = await migratedToFirst(url);
    expect(await appliedMigrations(url)).toEqual([first]);
    const hub = await startOn(url);
    await signUp(hub);
    expect(await appliedMigrations(url)).toEqual(Object.keys(MIGRATIONS));
  });

  it('set up by a newer ClassHub: stops with one sentence naming the change, the database untouched', async () => {
    const url = await database(freshMigratedDatabase());
    await markedNewer(url);
    const tablesBefore = await query(
      url,
      `select count(*) as n from pg_tables where schemaname = 'public'`,
    );

    const message = await refusedStart(url);
    expect(message).toMatch(/set up by a newer ClassHub/);
    expect(message).toContain(FUTURE);
    expect(message).toMatch(/run that newer ClassHub version on it/);
    expect(message).not.toMatch(/corrupted/);
    expect(await appliedMigrations(url)).toEqual([...Object.keys(MIGRATIONS), FUTURE]);
    expect(
      await query(url, `select count(*) as n from pg_tables where schemaname = 'public'`),
    ).toEqual(tablesBefore);
  });

  it('set up by a newer ClassHub, started from the command line: exits 1 with that sentence only', async () => {
    const url = await database(freshMigratedDatabase());
    await markedNewer(url);
    const child = spawn(
      process.execPath,
      hubCliArgs('--port', '0', '--host', '127.0.0.1', '--data', await folder()),
      { env: { ...process.env, CLASSHUB_DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^this PostgreSQL database was set up by a newer ClassHub/);
    expect(lines[0]).not.toMatch(/classhub-tests/); // no password
  }, 60_000); // a process of its own, starting the hub

  it('holding tables of another program: stops, asking for a database of its own', async () => {
    const url = await database(freshPostgresDatabase());
    await query(url, 'create table users (id text primary key, name text)');
    const message = await refusedStart(url);
    expect(message).toMatch(/already holds tables ClassHub did not make/);
    expect(message).toMatch(/give ClassHub a database of its own \(createdb classhub\)/);
    expect(await appliedMigrations(url)).toEqual([]);
    expect(
      await query(
        url,
        `select column_name from information_schema.columns where table_name = 'users' order by 1`,
      ),
    ).toEqual([{ column_name: 'id' }, { column_name: 'name' }]);
  });
});

describe('backing up a PostgreSQL database not at this version’s schema', () => {
  const backup = async (url: string) => {
    const dir = await folder();
    const error = await runArchiveCommand(
      'backup',
      ['--out', join(dir, 'out.tar.gz'), '--database', url, '--blobs', join(dir, 'blobs')],
      {},
      () => undefined,
    ).then(
      () => undefined,
      (failure: unknown) => failure as Error,
    );
    expect(error, 'the backup should have been refused').toBeInstanceOf(Error);
    return error!.message;
  };

  it('refuses a database ClassHub never used, saying there is nothing to back up', async () => {
    const url = await database(freshPostgresDatabase());
    expect(await backup(url)).toMatch(/has no ClassHub tables, so there is nothing to back up/);
  });

  it('refuses a database at an older schema, naming what it lacks and what to do', async () => {
    const url = await database(freshPostgresDatabase());
    await migratedToFirst(url);
    const message = await backup(url);
    expect(message).toMatch(/is at an older ClassHub schema \(it lacks 002-history/);
    expect(message).toMatch(/start this version once on it/);
    expect(await appliedMigrations(url)).toEqual([Object.keys(MIGRATIONS)[0]]);
  });

  it('refuses a database a newer ClassHub set up, naming the change', async () => {
    const url = await database(freshMigratedDatabase());
    await markedNewer(url);
    const message = await backup(url);
    expect(message).toContain(FUTURE);
    expect(message).toMatch(/Back it up with that version/);
  });
});
