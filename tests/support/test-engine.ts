import { describe } from 'vitest';
import { freshMigratedDatabase } from './postgres-database';
import type { TestDatabase } from './postgres';

/**
 * Which storage engine test hubs run on: the lowdb folder by default,
 * PostgreSQL with CLASSHUB_TEST_ENGINE=postgres — so every integration test
 * runs unchanged on either.
 */
export function testEngine(): 'lowdb' | 'postgres' {
  return process.env.CLASSHUB_TEST_ENGINE === 'postgres' ? 'postgres' : 'lowdb';
}

/** One database per data folder, so a hub restarted on the same folder finds its data again. */
const databases = new Map<string, TestDatabase>();

/** The PostgreSQL URL a hub on `dataDir` uses under the postgres engine; undefined on lowdb. */
export async function testDatabaseFor(dataDir: string): Promise<string | undefined> {
  if (testEngine() !== 'postgres') return undefined;
  let database = databases.get(dataDir);
  if (!database) {
    database = await freshMigratedDatabase();
    databases.set(dataDir, database);
  }
  return database.url;
}

/** Drops the database of `dataDir` (when the folder itself goes). */
export async function dropTestDatabaseFor(dataDir: string): Promise<void> {
  const database = databases.get(dataDir);
  databases.delete(dataDir);
  await database?.drop();
}

/**
 * `describe` for tests of the lowdb data folder itself — disk faults
 * injected under it, its lock, its file format: on PostgreSQL, where there
 * is no such folder, `describe.skip`, saying why.
 */
export function describeOnLowdb(reason: string) {
  const onPostgres = testEngine() === 'postgres';
  if (onPostgres) console.info(`skipped on PostgreSQL (lowdb only): ${reason}`);
  return describe.skipIf(onPostgres);
}
