import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startTestPostgres } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The test run's PostgreSQL server (maintenance database), or '' when this run needs none. */
    postgresUrl: string;
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
    return;
  }
  const server = await startTestPostgres();
  project.provide('postgresUrl', server.url);
  return () => server.stop();
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
