import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createLogger } from '../../src-server/logger';
import { connectPostgres } from '../../src-server/storage/postgres/connect';
import { migrateToLatest } from '../../src-server/storage/postgres/migrate';
import { createTestDatabase, startTestPostgres } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The test run's PostgreSQL server (maintenance database), or '' when this run needs none. */
    postgresUrl: string;
    /** A database at the latest schema that test files copy (CREATE DATABASE … TEMPLATE), or ''. */
    postgresTemplate: string;
  }
}

/**
 * Starts ONE PostgreSQL server for the whole test run, only when the run
 * needs it: hubs on PostgreSQL (CLASSHUB_TEST_ENGINE=postgres), or a
 * `*.postgres.test.ts` file among the files asked for. Test files get its
 * address through `inject('postgresUrl')` and make their own databases
 * (tests/support/postgres.ts).
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  if (!runNeedsPostgres()) {
    project.provide('postgresUrl', '');
    project.provide('postgresTemplate', '');
    return;
  }
  const server = await startTestPostgres();
  project.provide('postgresUrl', server.url);
  try {
    project.provide('postgresTemplate', await migratedTemplate(server.url));
  } catch (error) {
    await server.stop();
    throw error;
  }
  return () => server.stop();
}

/**
 * Migrates one database for the whole run, so no test file pays for the
 * migrations (a few seconds each on a busy machine) before its first hub:
 * every hub and contract store starts on a copy of it.
 */
async function migratedTemplate(serverUrl: string): Promise<string> {
  const database = await createTestDatabase(serverUrl);
  const silent = createLogger('silent');
  const connection = connectPostgres(database.url, silent);
  try {
    await migrateToLatest(connection.db, silent);
  } finally {
    // A template may have no connection open while it is copied.
    await connection.close();
  }
  return new URL(database.url).pathname.slice(1);
}

function runNeedsPostgres(): boolean {
  if (process.env.CLASSHUB_TEST_ENGINE === 'postgres') return true;
  // Vitest's file filters are the positional arguments after "run"; none means every file.
  const args = process.argv.slice(2).filter((arg) => !arg.startsWith('-') && arg !== 'run');
  const filters = args.filter((arg) => !/^\d+$/.test(arg));
  if (filters.length === 0) return true;
  const postgresFiles = listFiles('tests').filter((file) => file.endsWith('.postgres.test.ts'));
  return postgresFiles.some((file) => filters.some((filter) => file.includes(stripDot(filter))));
}

function stripDot(filter: string): string {
  return filter.replace(/^\.\//, '');
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listFiles(path);
    return [relative('.', path)];
  });
}
