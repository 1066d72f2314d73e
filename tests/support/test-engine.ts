import { freshPostgresDatabase } from './postgres-database';
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
    database = await freshPostgresDatabase();
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
